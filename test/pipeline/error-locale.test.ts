import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import { errorLineOf, failureLine } from '../../pipeline/failure-line.js';

const SAMPLES = join(import.meta.dirname, '../../samples');
const PIPELINE_ZH = join(SAMPLES, 'pipeline-zh.xlsx');
const CJK = /[\u3400-\u9fff]/u;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(args, io);
  return { code, out, err };
}

let dir = '';
const at = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-error-locale-'));
  // Binary bytes, neither a zip nor text (text is told to be renamed to .csv: sniff-file-content).
  await writeFile(at('bad.xlsx'), Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x6e, 0x6f]));
  await writeFile(at('old.xls'), 'old');
  await writeFile(at('quote.csv'), 'a,b\n"x,1\n');
  await writeFile(at('value.json'), '{"aging":{"by":"x"}}');
  await writeFile(at('broken.json'), '{"aging": }');
  // Deals without a single dated event: no as-of date can be taken from the data.
  await writeFile(at('undated.csv'), 'Stage,Amount\nLead,100\nWon,50\n');
  await writeFile(at('undated-zh.csv'), '阶段,金额\n线索,100\n赢单,50\n');
  await mkdir(at('empty'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A command line that stops on a mistake, the line it prints in English (as pipecast printed
 * it before errors had catalogue text) and in Chinese.
 */
const CASES: { name: string; args: () => string[]; en: () => string; zh: () => string }[] = [
  {
    name: 'a missing file',
    args: () => ['forecast', at('none.xlsx')],
    en: () => `pipecast forecast: ${at('none.xlsx')}: file not found`,
    zh: () => `pipecast forecast: ${at('none.xlsx')}：找不到文件`,
  },
  {
    name: 'a file that is not an .xlsx',
    args: () => ['inspect', at('bad.xlsx')],
    en: () =>
      `pipecast inspect: ${at('bad.xlsx')}: not a valid .xlsx file: it is not a zip archive or is damaged (`,
    zh: () =>
      `pipecast inspect: ${at('bad.xlsx')}：不是有效的 .xlsx 文件：不是 zip 压缩包或已损坏（`,
  },
  {
    name: 'an unsupported file type',
    args: () => ['aging', at('old.xls')],
    en: () =>
      `pipecast aging: ${at('old.xls')}: unsupported file type '.xls' (expected .xlsx, .xlsm, .csv, .tsv, .txt; save .xls files as .xlsx)`,
    zh: () =>
      `pipecast aging: ${at('old.xls')}：不支持的文件类型“.xls”（应为 .xlsx, .xlsm, .csv, .tsv, .txt；.xls 文件请另存为 .xlsx）`,
  },
  {
    name: 'a CSV quote that never closes',
    args: () => ['inspect', at('quote.csv')],
    en: () =>
      `pipecast inspect: ${at('quote.csv')}: malformed CSV: a quoted field opened on line 2 is never closed (column A)`,
    zh: () =>
      `pipecast inspect: ${at('quote.csv')}：CSV 格式错误：第 2 行开始的带引号字段没有结束引号（列 A）`,
  },
  {
    name: 'an unknown option',
    args: () => ['forecast', PIPELINE_ZH, '--colour'],
    en: () => "pipecast forecast: unknown option '--colour' (see pipecast forecast --help)",
    zh: () => 'pipecast forecast: 未知选项“--colour”（见 pipecast forecast --help）',
  },
  {
    name: 'no file named',
    args: () => ['aging'],
    en: () => 'pipecast aging: name one file to age (see pipecast aging --help)',
    zh: () => 'pipecast aging: 请指定一个要做账龄分析的文件（见 pipecast aging --help）',
  },
  {
    name: 'a bad --as-of',
    args: () => ['forecast', PIPELINE_ZH, '--as-of', 'soon'],
    en: () => "pipecast forecast: --as-of must be a date YYYY-MM-DD, got 'soon'",
    zh: () => 'pipecast forecast: --as-of 必须是 YYYY-MM-DD 格式的日期，实际为“soon”',
  },
  {
    name: 'a config value the schema refuses',
    args: () => ['aging', PIPELINE_ZH, '--config', at('value.json')],
    en: () => `pipecast aging: ${at('value.json')}: aging.by must be due or invoice, got "x"`,
    zh: () =>
      `pipecast aging: ${at('value.json')}：配置项 aging.by 必须是 due 或 invoice，实际为 "x"`,
  },
  {
    name: 'a config file that is not JSON',
    args: () => ['forecast', PIPELINE_ZH, '--config', at('broken.json')],
    en: () => `pipecast forecast: ${at('broken.json')}: not JSON at line 1, column 11: `,
    zh: () => `pipecast forecast: ${at('broken.json')}：不是有效的 JSON（第 1 行，第 11 列）：`,
  },
  {
    name: 'a missing config file',
    args: () => ['forecast', PIPELINE_ZH, '--config', at('none.json')],
    en: () => `pipecast forecast: cannot read config ${at('none.json')}: no such file`,
    zh: () => `pipecast forecast: 无法读取配置文件 ${at('none.json')}：文件不存在`,
  },
  {
    name: 'an unknown --encoding',
    args: () => ['inspect', at('quote.csv'), '--encoding', 'klingon'],
    en: () =>
      "pipecast inspect: --encoding: unknown encoding 'klingon' (use e.g. utf-8, gb18030, windows-1252, latin1)",
    zh: () =>
      'pipecast inspect: --encoding：未知编码“klingon”（可用 utf-8、gb18030、windows-1252、latin1 等）',
  },
  {
    name: 'a flag value that is not one of two',
    args: () => ['segment', at('quote.csv'), '--method', 'rfm', '--mode', 'deciles'],
    en: () => "pipecast segment: --mode must be quintile or b2b, got 'deciles'",
    zh: () => 'pipecast segment: --mode 只能是 quintile 或 b2b，实际为“deciles”',
  },
  {
    name: 'an unknown --template',
    args: () => ['forecast', PIPELINE_ZH, '--template', 'bowtie'],
    en: () =>
      "pipecast forecast: --template must be six, key-account, generic, salesforce, hubspot or a .json file, got 'bowtie'",
    zh: () =>
      'pipecast forecast: --template 只能是 six、key-account、generic、salesforce、hubspot 或一个 .json 文件，实际为“bowtie”',
  },
  {
    name: 'a flag mistake without words of its own (Chinese lead-in, English detail)',
    args: () => ['aging', PIPELINE_ZH, '--buckets', '30,10'],
    en: () => "pipecast aging: --buckets must be increasing whole numbers > 0, got '30,10'",
    zh: () =>
      "pipecast aging: 命令用法有误：--buckets must be increasing whole numbers > 0, got '30,10'",
  },
  {
    name: 'no as-of date in the data',
    args: () => ['forecast', at('undated.csv')],
    en: () =>
      `pipecast forecast: ${at('undated.csv')}, sheet undated: forecast: no as-of date given and no deal has a dated event (closed deal, activity, stage change); give asOf`,
    zh: () =>
      `pipecast forecast: ${at('undated.csv')}，工作表 undated：没有截至日期：没有任何商机带有日期记录（已关闭商机、跟进活动、阶段变更）；请指定截至日期（--as-of）`,
  },
  {
    name: 'an --out folder inside the input folder',
    args: () => ['report', dir, '--out', at('reports')],
    en: () => `pipecast report: --out ${at('reports')} is inside the input folder ${dir}: `,
    zh: () => `pipecast report: --out ${at('reports')} 位于输入文件夹 ${dir} 之内：`,
  },
  {
    name: 'a folder with nothing to read',
    args: () => ['report', at('empty'), '--out', join(tmpdir(), 'never-written')],
    en: () => `pipecast report: no .xlsx, .csv or .tsv files in ${at('empty')}`,
    zh: () => `pipecast report: ${at('empty')} 中没有 .xlsx、.csv 或 .tsv 文件`,
  },
];

describe('one-line errors in the chosen language', () => {
  for (const c of CASES) {
    it(`${c.name}: Chinese with --locale zh, unchanged English with --locale en`, async () => {
      const zh = await run(...c.args(), '--locale', 'zh');
      expect(zh.code).toBe(1);
      expect(zh.err.startsWith(c.zh()), zh.err).toBe(true);
      expect(zh.err.split('\n').filter(Boolean)).toHaveLength(1);
      const en = await run(...c.args(), '--locale', 'en');
      expect(en.code).toBe(1);
      expect(en.err.startsWith(c.en()), en.err).toBe(true);
      expect(en.err).not.toMatch(CJK);
    });
  }

  it('takes the language from the config file when no --locale is given', async () => {
    const config = at('zh-config.json');
    await writeFile(config, '{"locale":"zh"}');
    const zh = await run('forecast', at('none.xlsx'), '--config', config);
    expect(zh.err).toBe(`pipecast forecast: ${at('none.xlsx')}：找不到文件\n`);
  });

  it('takes the language from the headers for an error after they are read', async () => {
    // The headers 阶段, 金额 are Chinese; nothing in the data is dated.
    const zh = await run('forecast', at('undated-zh.csv'));
    expect(zh.code).toBe(1);
    expect(zh.err).toBe(
      `pipecast forecast: ${at('undated-zh.csv')}，工作表 undated-zh：没有截至日期：没有任何商机带有日期记录（已关闭商机、跟进活动、阶段变更）；请指定截至日期（--as-of）\n`,
    );
  });

  it('keeps English before the language is known, and for an invalid --locale', async () => {
    const french = await run('forecast', PIPELINE_ZH, '--locale', 'fr');
    expect(french.err).toBe("pipecast forecast: --locale must be en or zh, got 'fr'\n");
  });

  it('frames an error it has no words for in Chinese: stopped, and the detail', () => {
    expect(failureLine(new Error('out of memory'), 'zh')).toBe('已停止：out of memory');
    expect(failureLine(new Error('out of memory'))).toBe('stopped: out of memory');
    expect(errorLineOf(new Error(' '), 'en')).toBe('stopped: an error without a message');
  });
});

describe('pipecast report lines around a run', () => {
  it('reports a file it cannot read in Chinese: progress line and closing line', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'pipecast-zh-report-')), 'reports');
    const zh = await run('report', at('bad.xlsx'), '--out', out, '--locale', 'zh');
    expect(zh.code).toBe(1);
    expect(zh.err).toMatch(
      /^\[1\/1\] 出错 .*bad\.xlsx：不是有效的 \.xlsx 文件：不是 zip 压缩包或已损坏（.*）\n$/u,
    );
    // Nothing was analysed, so no as-of date was looked for: none is said to be missing.
    expect(zh.out.split('\n').at(-2)).toBe('已生成 0/1 份报告，失败 1 份');
    const en = await run('report', at('bad.xlsx'), '--out', `${out}-en`, '--locale', 'en');
    expect(en.err).toMatch(
      /^\[1\/1\] error .*bad\.xlsx: not a valid \.xlsx file: it is not a zip archive or is damaged \(.*\)\n$/,
    );
  });

  it('says which files were combined into one report, in Chinese with --locale zh', async () => {
    const days = join(dir, 'days');
    await mkdir(days);
    const header = 'InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice\n';
    await writeFile(join(days, '2024-03-01.csv'), `${header}1,2024-03-01,C1,2,50\n`);
    await writeFile(join(days, '2024-03-02.csv'), `${header}2,2024-03-02,C2,1,30\n`);
    const out = join(await mkdtemp(join(tmpdir(), 'pipecast-zh-combine-')), 'reports');
    const zh = await run('report', days, '--out', out, '--locale', 'zh', '--as-of', '2024-03-10');
    expect(zh.code, zh.err).toBe(0);
    expect(zh.out).toContain(
      `${days}：2 个文件合并为一份报告（2024-03-01.csv … 2024-03-02.csv）；如需每个文件一份报告，请用 --no-combine\n`,
    );
    expect(zh.err).toMatch(/^\[1\/1\] 完成 .*days（\d+\.\d 秒）\n$/u);
    for (const line of zh.out.split('\n').filter(Boolean).slice(2)) expect(line).toMatch(CJK);
    const en = await run(
      'report',
      days,
      '--out',
      `${out}-en`,
      '--locale',
      'en',
      '--as-of',
      '2024-03-10',
    );
    expect(en.out).toContain(
      `${days}: one report from 2 files (2024-03-01.csv … 2024-03-02.csv); --no-combine for one report per file\n`,
    );
    expect(en.err).toMatch(/^\[1\/1\] ok .*days \(\d+\.\d s\)\n$/);
  }, 300_000);
});
