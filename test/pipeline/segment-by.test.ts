import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segment as segmentApi, segmentBreakdown } from '../../core/index.js';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import type { SegmentOutput } from '../../pipeline/commands/segment.js';

// Order lines: C1 600 + 200 = 800, C2 250, C3 100, C4 50; 1,200 in all.
const CSV = [
  'Customer,Invoice,Date,Amount,国家',
  'C1,I1,2026-05-01,600,China',
  'C2,I2,2026-05-02,250,ＣＨＩＮＡ ',
  'C3,I3,2026-05-03,100,Germany',
  'C4,I4,2026-05-04,50,',
  'C1,I5,2026-05-05,200,Germany',
].join('\n');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(['segment', ...args], io);
  return { code, out, err };
}

let dir = '';
let file = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-segment-by-'));
  file = join(dir, 'lines.csv');
  await writeFile(file, CSV);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('pipecast segment --by', () => {
  it('lists customers, revenue and classes per value in --json, as the API gives', async () => {
    const { code, out } = await run(file, '--method', 'abc', '--by', '国家', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as SegmentOutput;
    // Shares 800/1200, 250/1200, 100/1200, 50/1200; cumulative share ranked strictly above
    // (core/segments/abc.ts, cut points 80% / 95%): C1 0 → A, C2 0.667 → A, C3 0.875 → B,
    // C4 0.958 → C. A customer counts under its most recent line's country: C1 bought in China
    // on 05-01, in Germany on 05-05, so Germany (800 + C3's 100), and its lines disagree.
    // C4's blank country is its own row.
    expect(json.breakdowns).toEqual([
      {
        by: '国家',
        column: '国家',
        // The first customer column: Customer, Invoice, Date and Amount make the figures.
        columnIndex: 0,
        disagreeing: 1,
        notOnList: 0, // no customer list was read
        rows: [
          { key: 'Germany', count: 2, revenue: 900, classes: { A: 1, B: 1, C: 0 } },
          { key: 'ＣＨＩＮＡ', count: 1, revenue: 250, classes: { A: 1, B: 0, C: 0 } },
          { key: null, count: 1, revenue: 50, classes: { A: 0, B: 0, C: 1 } },
        ],
      },
    ]);
    const sheets = [{ name: 'lines', values: CSV.split('\n').map((line) => line.split(',')) }];
    const api = segmentApi(sheets, { method: 'abc', perRow: true });
    expect(segmentBreakdown(api, '国家')).toEqual(json.breakdowns?.[0]);
  });

  it('takes a header in the other language: --by Country finds 国家', async () => {
    // 国家 and "country" are both words for an order line's region (core/columns/record-fields.ts).
    const english = await run(file, '--method', 'abc', '--by', 'Country', '--json');
    const chinese = await run(file, '--method', 'abc', '--by', '国家', '--json');
    expect(english.code).toBe(0);
    const breakdown = (JSON.parse(english.out) as SegmentOutput).breakdowns?.[0];
    expect(breakdown).toMatchObject({ by: 'Country', column: '国家', disagreeing: 1 });
    expect(breakdown?.rows).toEqual(
      (JSON.parse(chinese.out) as SegmentOutput).breakdowns?.[0]?.rows,
    );
  });

  it('adds up to the overall customers and revenue (RFM, by a column letter)', async () => {
    const { code, out } = await run(file, '--method', 'rfm', '--by', 'e', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as SegmentOutput;
    const rows = json.breakdowns?.[0]?.rows ?? [];
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(json.customers.length);
    const monetary = (json.customers as unknown as { monetary: number }[]).reduce(
      (sum, customer) => sum + customer.monetary,
      0,
    );
    expect(rows.reduce((sum, row) => sum + row.revenue, 0)).toBeCloseTo(monetary, 9);
    for (const row of rows)
      expect(Object.values(row.classes).reduce((sum, n) => sum + n, 0)).toBe(row.count);
  });

  it('breaks a column named three ways (国家, Country, its letter E) down once', async () => {
    const args = ['--method', 'abc', '--by', '国家', '--by', 'Country', '--by', 'E'];
    const json = JSON.parse((await run(file, ...args, '--json')).out) as SegmentOutput;
    expect(json.breakdowns?.map((b) => [b.by, b.column])).toEqual([['国家', '国家']]);
    const { out } = await run(file, ...args);
    expect(out.match(/By 国家/g)).toHaveLength(1);
  });

  it('prints a table per column with its total', async () => {
    const { code, out } = await run(file, '--method', 'abc', '--by', ' 国家 ');
    expect(code).toBe(0);
    expect(out).toContain('By 国家');
    expect(out).toMatch(/Germany\s+2\s+900\.00\s+1\s+1\s+0/);
    expect(out).toMatch(/Total\s+4\s+1,200\.00\s+2\s+1\s+1/);
    expect(out).toContain('国家: 1 customers’ lines hold different values');
  });

  it('heads the customer count and the RFM segments in the output language (--json keeps keys)', async () => {
    // As of 2026-05-06 (the day after the last line): recency C1 1, C4 2, C3 3, C2 4 days;
    // orders C1 2, others 1; revenue C1 800, C2 250, C3 100, C4 50. Scores 1 + floor(5 × worse
    // ÷ 4) (DOMAIN.md): C1 R4 F4 M4 → FM 4, Loyal; C2 R1 F1 M3 → FM 2, Lost; C3 R2 F1 M2 → FM 2,
    // Hibernating; C4 R3 F1 M1 → FM 1, About to sleep.
    const en = await run(file, '--method', 'rfm', '--by', '国家', '--locale', 'en');
    expect(en.out).toMatch(/^国家 +Customers +Revenue +Loyal +Lost +Hibernating +About to sleep$/m);
    const zh = await run(file, '--method', 'rfm', '--by', '国家', '--locale', 'zh');
    expect(zh.out).toMatch(/^国家 +客户数 +收入合计 +忠诚客户 +流失客户 +休眠客户 +即将沉睡$/m);
    const abc = await run(file, '--method', 'abc', '--by', '国家', '--locale', 'zh');
    expect(abc.out).toMatch(/^国家 +客户数 +收入合计 +A +B +C$/m);
    expect(abc.out).not.toContain('商机数');
    const json = JSON.parse(
      (await run(file, '--method', 'rfm', '--by', '国家', '--json')).out,
    ) as SegmentOutput;
    expect(Object.keys(json.breakdowns?.[0]?.rows[0]?.classes ?? {})).toEqual([
      'loyal',
      'lost',
      'hibernating',
      'about-to-sleep',
    ]);
  });

  it('reads --by revenue|margin as the older spelling of --measure, with a note', async () => {
    const old = await run(file, '--method', 'abc', '--by', 'Revenue', '--json');
    expect(old.code).toBe(0);
    expect(old.err).toContain('--by revenue is now --measure revenue');
    const json = JSON.parse(old.out) as SegmentOutput;
    expect(json.breakdowns).toBeUndefined();
    expect(json.summary.by).toBe('revenue');
    const both = await run(file, '--method', 'abc', '--measure', 'revenue', '--by', 'margin');
    expect(both.code).toBe(1);
    expect(both.err).toContain('one ABC measure');
    // --by-column names a column; Amount is what each customer's revenue is summed from, so it
    // is not a column of the customers to break them down by.
    const column = await run(file, '--method', 'abc', '--by-column', 'amount', '--json');
    expect(column.code).toBe(1);
    expect(column.err).toContain('--by amount: no customer column "amount"');
  });

  it('refuses an unknown column, naming the customer columns', async () => {
    // "Region" would find 国家 (both are words for an order line's region); "Colour" is none.
    const unknown = await run(file, '--method', 'abc', '--by', 'Colour');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no customer column "Colour" to break down by \(columns: 国家;/);
  });

  it('joins a customer list’s columns by customer id (Chinese headers, two files)', async () => {
    // 订单 (orders): K001 600 + 200, K002 250, K003 100, K004 50. 客户 (the customer list): K001
    // 制造, "K002 " 零售 (the core trims ids), "k003" (another id than K003: ids keep case) and
    // K005 without orders. ABC as above: K001 A, K002 A, K003 B, K004 C.
    const folder = join(dir, 'with-list');
    await mkdir(folder);
    const csv = (...rows: string[]) => `${rows.join('\n')}\n`;
    await writeFile(
      join(folder, 'orders.csv'),
      csv(
        '订单号,订单日期,客户编号,金额,区域',
        'O1,2026-05-01,K001,600,华东',
        'O2,2026-05-02,K002,250,华北',
        'O3,2026-05-03,K003,100,华南',
        'O4,2026-05-04,K004,50,华东',
        'O5,2026-05-05,K001,200,华南',
      ),
    );
    await writeFile(
      join(folder, 'customers.csv'),
      csv(
        '客户编号,客户名称,行业,区域,负责人',
        'K001,甲公司,制造,华北,张三',
        'K002 ,乙公司,零售,,李四',
        'k003,丙公司,制造,华南,王五',
        'K005,丁公司,零售,西部,赵六',
      ),
    );
    const { code, out } = await run(
      folder,
      '--method',
      'abc',
      '--by',
      '行业',
      '--by',
      '区域',
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out) as SegmentOutput;
    expect(json.customers).toHaveLength(4);
    // 行业: K001 制造 800; K002 零售 250; K003 and K004 not in the list: blank, 150.
    // 区域: the list's value first: K001 华北 (its lines say 华东, 华南), K002's list cell is
    // blank, so its line's 华北; K003 华南 and K004 华东 from their lines.
    expect(json.breakdowns?.map((b) => b.rows.map((r) => [r.key, r.count, r.revenue]))).toEqual([
      [
        ['制造', 1, 800],
        ['零售', 1, 250],
        [null, 2, 150],
      ],
      [
        ['华北', 2, 1050],
        ['华南', 1, 100],
        ['华东', 1, 50],
      ],
    ]);
    expect(json.breakdowns?.[1]?.disagreeing).toBe(0);
    // K003 and K004 are blank in 行业 because the list lacks them; in 区域 their lines fill in.
    expect(json.breakdowns?.map((b) => b.notOnList)).toEqual([2, 0]);
    // The text says so under the table, in the headers' language or the one asked for.
    const zh = await run(folder, '--method', 'abc', '--by', '行业', '--by', '区域');
    expect(zh.out).toContain('  行业：2 个客户不在客户清单中，其行业为空\n');
    expect(zh.out).not.toContain('区域：2');
    const en = await run(folder, '--method', 'abc', '--by', '行业', '--locale', 'en');
    expect(en.out).toContain(
      '  行业: 2 customers are not on the customer list, so their 行业 is blank\n',
    );
  });

  it('breaks several files down as one history', async () => {
    // A later day's export: C2 now buys from Austria (its most recent line), C5 is new.
    const later = join(dir, 'later-lines.csv');
    await writeFile(
      later,
      'Customer,Invoice,Date,Amount,国家\nC2,I6,2026-06-01,100,Austria\nC5,I7,2026-06-02,10,Austria\n',
    );
    const { code, out } = await run(file, later, '--method', 'rfm', '--by', '国家', '--json');
    expect(code).toBe(0);
    const breakdown = (JSON.parse(out) as SegmentOutput).breakdowns?.[0];
    // Monetary: Germany C1 800 + C3 100; Austria C2 250 + 100 and C5 10; blank C4 50.
    expect(breakdown?.rows.map((row) => [row.key, row.count, row.revenue])).toEqual([
      ['Germany', 2, 900],
      ['Austria', 2, 360],
      [null, 1, 50],
    ]);
    expect(breakdown?.disagreeing).toBe(2);
  });
});
