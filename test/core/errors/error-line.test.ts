import { describe, expect, it } from 'vitest';
import {
  coded,
  codedError,
  detailText,
  errorLine,
  errorText,
  type ErrorLeadCode,
  lineableError,
  PipecastError,
  type PipecastErrorCode,
  placeTextIn,
  renderCoded,
  ReportConfigError,
  parseReportConfig,
} from '../../../core/index.js';
import { matchColumns } from '../../../core/columns/match-columns.js';
import { parseCsvText, WorkbookReadError } from '../../../core/readers/index.js';

/** Every code a PipecastError can have (the type checks the list is complete). */
const CODES = [
  'invalid-option',
  'invalid-input',
  'unknown-field',
  'missing-column',
  'empty-input',
  'too-large',
  'malformed-csv',
  'unreadable-file',
] as const satisfies readonly PipecastErrorCode[];
type Missing = Exclude<PipecastErrorCode, (typeof CODES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;

const CJK = /[\u3400-\u9fff]/u;

function thrown(work: () => unknown): PipecastError {
  try {
    work();
  } catch (error) {
    if (error instanceof PipecastError) return error;
    throw error;
  }
  throw new Error('expected a PipecastError');
}

describe('errorLine', () => {
  it('gives in English exactly what oneLine() gives, place and all', () => {
    const errors = [
      new PipecastError('missing-column', 'mapping names column Owner', {
        file: 'q3.xlsx',
        sheet: '商机',
        row: 4,
        column: 'Owner',
      }),
      new PipecastError('invalid-option', 'rfm: asOf must be an integer epoch day, got 1.5'),
      new WorkbookReadError('a.xlsx', coded('error.fileNotFound')),
      new ReportConfigError('pipecast.json', 'aging.buckets', 'must increase'),
    ];
    for (const error of errors) expect(errorLine(error, 'en')).toBe(error.oneLine());
    // The lines as pipecast printed them before errors had catalogue text.
    expect(errorLine(errors[2]!, 'en')).toBe('a.xlsx: file not found');
    expect(errorLine(errors[3]!, 'en')).toBe('pipecast.json: aging.buckets must increase');
  });

  it('gives a keyed error its Chinese words, the place in Chinese in front', () => {
    expect(errorLine(new WorkbookReadError('a.xlsx', coded('error.fileNotFound')), 'zh')).toBe(
      'a.xlsx：找不到文件',
    );
    const csv = thrown(() => parseCsvText('a,b\n"x,1\n', ','));
    expect(csv.text?.key).toBe('error.quoteNeverClosed');
    expect(errorLine(csv, 'en')).toBe(
      'row 2, column A: a quoted field opened on line 2 is never closed (column A)',
    );
    expect(errorLine(csv, 'zh')).toBe('第 2 行，列 A：第 2 行开始的带引号字段没有结束引号（列 A）');
  });

  it('frames an error without a key in Chinese: a lead-in by code, then the English detail', () => {
    const error = new PipecastError('invalid-option', 'rfm: asOf must be an integer epoch day', {
      file: 'orders.xlsx',
      sheet: 'Orders',
    });
    expect(errorLine(error, 'zh')).toBe(
      'orders.xlsx，工作表 Orders：选项或参数无效：rfm: asOf must be an integer epoch day',
    );
    // A message that names its place already does not name it twice.
    const read = new WorkbookReadError('b.xlsx', 'some reason the reader gave');
    expect(errorLine(read, 'zh')).toBe('b.xlsx：无法读取文件：some reason the reader gave');
  });

  it('has a Chinese lead-in for every error code, usage and stopped', () => {
    expect(complete).toBe(true);
    const codes: ErrorLeadCode[] = [...CODES, 'usage', 'stopped'];
    for (const code of codes) {
      const text = detailText(code, 'detail');
      expect(renderCoded(text, 'en'), code).toBe('detail');
      expect(renderCoded(text, 'zh'), code).toMatch(/^.*[\u3400-\u9fff].*：detail$/u);
    }
  });

  it('renders the same line from the plain data a worker sends (structured clone)', () => {
    const error = codedError('missing-column', { column: 'Owner' }, 'error.mappingMissingColumn', {
      field: 'owner',
      column: 'Owner',
    });
    const copy = structuredClone(lineableError(error));
    for (const locale of ['en', 'zh'] as const)
      expect(errorLine(copy, locale)).toBe(errorLine(error, locale));
  });

  it('quotes an error inside another with errorText, in either language', () => {
    const inner = new PipecastError('invalid-input', 'scorecard: weights must add up to 100');
    expect(renderCoded(errorText(inner), 'en')).toBe('scorecard: weights must add up to 100');
    expect(renderCoded(errorText(inner), 'zh')).toBe(
      '输入数据无效：scorecard: weights must add up to 100',
    );
  });

  it('writes places in Chinese part by part', () => {
    expect(placeTextIn({ file: 'a.xlsx', sheet: '商机', row: 12, column: '金额' }, 'zh')).toBe(
      'a.xlsx，工作表 商机，第 12 行，列 金额',
    );
    expect(placeTextIn({}, 'zh')).toBe('');
  });
});

describe('errors a user meets, keyed', () => {
  it('a mapping naming a column the header row lacks', () => {
    const error = thrown(() =>
      matchColumns(['Deal', 'Stage'], { kind: 'deal', mapping: { owner: 'Verantwortlich' } }),
    );
    expect(error.code).toBe('missing-column');
    // The English as matchColumns wrote it before it had a catalogue key.
    expect(error.message).toBe(
      "matchColumns: mapping for 'owner' names column 'Verantwortlich', which the header row does not have",
    );
    expect(errorLine(error, 'zh')).toBe(
      '列 Verantwortlich：列映射：字段“owner”映射到列“Verantwortlich”，但表头行中没有这一列',
    );
  });

  it('a config file value, with "or" in the reader’s language', () => {
    const error = thrown(() => parseReportConfig({ aging: { by: 'x' } }, 'pipecast.json'));
    expect(errorLine(error, 'en')).toBe('pipecast.json: aging.by must be due or invoice, got "x"');
    expect(errorLine(error, 'zh')).toBe(
      'pipecast.json：配置项 aging.by 必须是 due 或 invoice，实际为 "x"',
    );
    const unknown = thrown(() => parseReportConfig({ colour: 1 }, 'p.json'));
    expect(errorLine(unknown, 'zh')).toMatch(/^p\.json：配置项 colour 不是已知的配置项（已知：/u);
  });

  it('every keyed error line under zh is Chinese, every one under en has no Chinese', () => {
    const errors = [
      thrown(() => parseReportConfig({ forecast: { quota: -1 } }, 'c.json')),
      thrown(() => parseReportConfig({ segments: 3 }, 'c.json')),
      thrown(() => parseReportConfig({ aging: { buckets: ['a'] } }, 'c.json')),
      new WorkbookReadError('x.xlsx', coded('error.notZip', { detail: 'bad header' })),
    ];
    for (const error of errors) {
      expect(errorLine(error, 'zh')).toMatch(CJK);
      expect(errorLine(error, 'en')).not.toMatch(CJK);
    }
  });
});
