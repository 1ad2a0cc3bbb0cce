import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import type { ForecastJson } from '../../pipeline/commands/forecast.js';

const SAMPLES = join(import.meta.dirname, '../../samples');
const PIPELINE_ZH = join(SAMPLES, 'pipeline-zh.xlsx');
const PIPELINE_EN = join(SAMPLES, 'pipeline-en.xlsx');
const ORDERS = join(SAMPLES, 'customers-orders.xlsx');
const INVOICES = join(SAMPLES, 'invoices-payments.xlsx');

const CJK = /[\u3400-\u9fff]/u;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(args, io);
  return { code, out, err };
}

/** The lines of a text report from a heading on (the warnings block, say). */
function linesAfter(out: string, heading: RegExp): string[] {
  const lines = out.split('\n');
  const at = lines.findIndex((line) => heading.test(line));
  return at < 0 ? [] : lines.slice(at + 1).filter((line) => line.trim() !== '');
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-locale-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pipecast forecast --locale', () => {
  it('reads Chinese headers and prints every line in Chinese by default', async () => {
    const { code, out } = await run('forecast', PIPELINE_ZH);
    expect(code).toBe(0);
    // samples/pipeline-zh.xlsx: the last recorded event is on 2026-06-30 (make-samples.ts).
    expect(out).toContain('截至 2026-07-01（商机数据中最后一次记录事件的次日；可用 --as-of 指定）');
    expect(out).toContain('阶段模板：采购六阶段 — 其阶段名称与 100% 的在途商机一致');
    expect(out).toContain('数据警告（3 条）：');
    // Row 20's amount is the text 待定 (make-samples.ts), so the cell is ignored.
    expect(out).toContain('第 20 行：预计金额：文本不是数字；已忽略该值。');
    expect(out).not.toMatch(/Warnings|As of|Template:|Bottleneck|Hygiene/);
    // Every line but the table rules names something in Chinese: no line is English only.
    for (const line of out.split('\n'))
      if (line.trim() !== '' && !/^[-\s]+$/.test(line)) expect(line).toMatch(CJK);
  });

  it('keeps the English report as it was with --locale en', async () => {
    const { code, out } = await run('forecast', PIPELINE_ZH, '--locale', 'en');
    expect(code).toBe(0);
    // The lines pipecast printed before it had a Chinese text report.
    expect(out).toContain(
      'As of 2026-07-01 (the day after the last recorded event in the pipeline; pass --as-of to fix it)',
    );
    expect(out).toContain(
      'Template: Procurement-aligned six stages — its stage names match 100% of the open deals (the most of the built-in templates)',
    );
    expect(out).toContain('Warnings (3):');
    expect(out).toContain('row 20: 预计金额: text is not a number; the value is ignored.');
    expect(out).toContain(
      'row 20: 1 open deal(s) have no amount (first row 20): counted in deal counts; adds nothing to amounts or weighted sums',
    );
  });

  it('keeps English for English headers and refuses another language', async () => {
    const english = await run('forecast', PIPELINE_EN);
    expect(english.out).toMatch(/^As of /m);
    const french = await run('forecast', PIPELINE_EN, '--locale', 'fr');
    expect(french.code).toBe(1);
    expect(french.err).toBe("pipecast forecast: --locale must be en or zh, got 'fr'\n");
  });

  it('gives every warning of the JSON a catalogue key, the same in both languages', async () => {
    const { out } = await run('forecast', PIPELINE_ZH, '--json');
    const json = JSON.parse(out) as ForecastJson;
    expect(json.warnings.length).toBe(3);
    for (const warning of json.warnings) expect(warning.text?.key).toMatch(/^warning\./);
  });
});

describe('pipecast segment --locale zh', () => {
  it('prints the ABC table, headings and warnings in Chinese', async () => {
    const { code, out } = await run('segment', ORDERS, '--method', 'abc', '--locale', 'zh');
    expect(code).toBe(0);
    expect(out).toContain('pipecast segment --method abc：40 个客户，来自 1 个文件');
    expect(out).toContain('ABC 分类（按收入），分界点 80/95%');
    // The customer table: 40 customers, the first 10 shown (make-samples.ts).
    expect(out).toMatch(/^ {2}排名 +客户 +收入合计 +类别/m);
    expect(out).toContain('…… 另有 30 条（见 --json）');
    // 31 of the sample's order lines have no customer id (make-samples.ts).
    expect(out).toMatch(/31 条订单明细没有客户编号（净额 [\d,.]+）/);
    const warnings = linesAfter(out, /^数据警告（\d+ 条）：$/);
    expect(warnings.length).toBeGreaterThan(0);
    for (const line of warnings) expect(line).toMatch(CJK);
    expect(out).not.toMatch(/Warnings|First \d+ customers|cut points/);
  });

  it('names RFM segments and portfolio zones in Chinese', async () => {
    const rfm = await run('segment', ORDERS, '--method', 'rfm', '--locale', 'zh');
    expect(rfm.out).toMatch(/RFM 客户分群，截至 \d{4}-\d{2}-\d{2}（五分位评分）/);
    expect(rfm.out).toContain('冠军客户');
    expect(rfm.out).not.toContain('Champions');
    // The tally's warning names the file read, not the core's placeholder 'workbook'.
    expect(rfm.out).toMatch(/customers-orders\.xlsx customer：31 条订单明细没有客户编号/);
    const portfolio = await run('segment', ORDERS, '--method', 'portfolio', '--locale', 'zh');
    expect(portfolio.out).toContain('客户攻守组合');
    expect(portfolio.out).toMatch(/^ {2}获取 +进攻 /m);
  });

  it('says why nothing was segmented in Chinese', async () => {
    // The pipeline sample has no customer list with potential and share.
    const { code, err } = await run(
      'segment',
      PIPELINE_ZH,
      '--method',
      'portfolio',
      '--locale',
      'zh',
    );
    expect(code).toBe(1);
    expect(err).toMatch(/pipecast segment: (在 1 个文件中没有找到客户|无可分析的数据)/);
  });
});

describe('pipecast aging --locale zh', () => {
  it('prints the buckets, DSO, call list and warnings in Chinese', async () => {
    const { code, out } = await run('aging', INVOICES, '--locale', 'zh');
    expect(code).toBe(0);
    expect(out).toMatch(
      /的应收账款账龄，截至 \d{4}-\d{2}-\d{2}（最后一张发票、回款日期或回款的次日/,
    );
    expect(out).toContain('注意：2 种币种（CNY、USD）不会相加');
    expect(out).toMatch(/^ {2}未到期 /m);
    expect(out).toMatch(/应收周转天数：标准法 [\d.]+ 天，倒推法 [\d.]+ 天/);
    expect(out).toContain('优先催收（逾期金额 × 逾期天数）：');
    // The sample's payment for INV-9999 names no invoice of the sample (make-samples.ts).
    expect(out).toContain('回款对应的发票 INV-9999 不在发票清单中：列为未核销回款（已保留该行）');
    for (const line of linesAfter(out, /^数据警告（\d+ 条）：$/)) expect(line).toMatch(CJK);
    expect(out).not.toMatch(/Warnings|Call first|Overdue|DSO standard/);
  });

  it('keeps the English report with --locale en', async () => {
    const { out } = await run('aging', INVOICES, '--locale', 'en');
    expect(out).toMatch(/^Receivables aging of .* by days past due$/m);
    expect(out).toContain(
      'payment refers to invoice INV-9999, which is not in the invoices: shown as unapplied (row kept)',
    );
  });
});

describe('pipecast inspect and export --locale', () => {
  it('inspect shows a Chinese workbook in Chinese by default', async () => {
    const { code, out } = await run('inspect', PIPELINE_ZH);
    expect(code).toBe(0);
    expect(out).toContain('表头行：第 3 行');
    expect(out).toContain('→ amount（金额）');
    expect(out).toContain('第 20 行，列“预计金额”，值“待定”：预计金额：文本不是数字；已忽略该值。');
    const english = await run('inspect', PIPELINE_ZH, '--locale', 'en');
    expect(english.out).toContain('  Header row: 3');
  });

  it('export says what it wrote in the chosen language', async () => {
    const out = join(dir, 'export');
    const zh = await run('export', PIPELINE_ZH, '--out', out, '--as-of', '2026-07-01');
    // The sample pipeline has 72 deal rows.
    expect(zh.out).toMatch(/deals\.csv：72 行商机，\d+ 列/);
    const en = await run(
      'export',
      PIPELINE_ZH,
      '--out',
      out,
      '--as-of',
      '2026-07-01',
      '--locale',
      'en',
    );
    expect(en.out).toMatch(/deals\.csv: 72 deals, \d+ columns/);
  });
});

describe('--locale in every command', () => {
  it('is documented in each --help', async () => {
    for (const command of ['forecast', 'segment', 'aging', 'inspect', 'export', 'report']) {
      const { out } = await run(command, '--help');
      expect(out, command).toMatch(/--locale en\|zh/);
    }
  });
});

describe('--by tables in Chinese', () => {
  it('heads the forecast breakdown, its blank key and its total in Chinese', async () => {
    const { code, out } = await run('forecast', PIPELINE_ZH, '--by', '区域', '--locale', 'zh');
    expect(code).toBe(0);
    const table = linesAfter(out, /^按「区域」$/);
    expect(table[0]).toMatch(/^区域 +商机数 +金额 +加权金额$/);
    expect(table.at(-1)).toMatch(/^合计 /);
    expect(out).not.toMatch(/^By |^Total |\bCount\b/m);
  });
});
