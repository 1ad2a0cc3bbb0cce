import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook, segment, segmentSourceText } from '../../core/index.js';
import { main } from '../../pipeline/cli.js';
import type { CliIo } from '../../pipeline/cli-io.js';
import { readWorkbook } from '../../pipeline/read-workbook.js';

const CRM = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'crm-opportunities');
const HAVE_CRM = existsSync(join(CRM, 'sales_pipeline.csv'));
if (!HAVE_CRM)
  console.warn(`skipping segment order-source tests on the CRM export: ${CRM} is missing`);
const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');

async function segmentCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(['segment', ...args], io);
  return { code, out, err };
}

interface AbcJson {
  customers: { id: string; revenue: number; rank: number }[];
  summary: { total: number };
  source: { kind: string; sheets?: string[]; lines?: number; column?: string };
}

describe.skipIf(!HAVE_CRM)(
  'pipecast segment on the CRM export: orders as the report takes them',
  () => {
    it('ranks ABC by the won deals, not by accounts.csv’s own revenue column', async () => {
      const { code, out } = await segmentCli(CRM, '--method', 'abc', '--json');
      expect(code).toBe(0);
      const output = JSON.parse(out) as AbcJson;
      // awk -F, '$5=="Won" {s+=$8; n++}' sales_pipeline.csv: 4,238 won deals, 10,005,534 in all,
      // over 85 accounts (pipecast report's ABC total on the same folder); Kan-code's 115 won
      // deals sum to 341,455. accounts.csv's revenue column totals 169,543.80 instead.
      expect(output.source).toEqual({ kind: 'wonDeals', sheets: ['sales_pipeline'], lines: 4238 });
      expect(output.summary.total).toBe(10_005_534);
      expect(output.customers).toHaveLength(85);
      expect(output.customers.find((c) => c.id === 'Kan-code')).toMatchObject({
        revenue: 341_455,
        rank: 1,
      });
    });

    it('builds RFM from the won deals too, and says so in English and Chinese', async () => {
      const en = await segmentCli(CRM, '--method', 'rfm');
      expect(en.code).toBe(0);
      // The last won deal closed 2017-12-31 (sort sales_pipeline.csv's close_date), so RFM is as of the next day.
      expect(en.out).toContain('RFM as of 2018-01-01');
      expect(en.out).toContain('Orders: the 4,238 won deals of sales_pipeline');
      const zh = await segmentCli(CRM, '--method', 'rfm', '--locale', 'zh');
      expect(zh.out).toContain('订单：取自 sales_pipeline 的 4,238 个赢单商机');
    });
  },
);

describe('pipecast segment on the samples: orders as the report takes them', () => {
  it('builds RFM of pipeline-en.xlsx from its won deals instead of failing', async () => {
    const { code, out } = await segmentCli(
      join(SAMPLES, 'pipeline-en.xlsx'),
      '--method',
      'rfm',
      '--json',
    );
    expect(code).toBe(0);
    const output = JSON.parse(out) as { source: AbcJson['source']; customers: unknown[] };
    // The Pipeline sheet has 10 rows with Status "Won", every one with a close date and an
    // amount, for 6 accounts (counted in the sheet by hand); the report's RFM takes the same.
    expect(output.source).toEqual({ kind: 'wonDeals', sheets: ['Pipeline'], lines: 10 });
    expect(output.customers).toHaveLength(6);
  });

  it('agrees with analyzeWorkbook (the report) on pipeline-en.xlsx', async () => {
    const sheets = await readWorkbook(join(SAMPLES, 'pipeline-en.xlsx'));
    const report = analyzeWorkbook(sheets, {});
    const run = segment(sheets, { method: 'abc' });
    expect(run.orderHistory).toEqual(report.orderHistory);
    expect(run.result.total).toBe(report.abc?.result.total);
  });

  it('names the customer list’s column when that is all there is to rank', () => {
    const run = segment(
      [
        {
          name: 'Accounts',
          values: [
            ['Account', 'Revenue'],
            ['Acme', 300],
            ['Bolt', 100],
          ],
        },
      ],
      { method: 'abc' },
    );
    expect(run.source).toBe('customers');
    expect(run.rankedColumn).toEqual({ sheet: 'Accounts', header: 'Revenue' });
    expect(segmentSourceText(run, 'en')).toContain('the "Revenue" column of Accounts');
    expect(segmentSourceText(run, 'zh')).toContain('Accounts 的“Revenue”列');
  });
});

describe('ABC and RFM never add currencies together (samples/invoices-payments.xlsx)', () => {
  const FILE = join(SAMPLES, 'invoices-payments.xlsx');

  it('refuses in one line, naming the currencies and the fix', async () => {
    for (const method of ['abc', 'rfm']) {
      const { code, out, err } = await segmentCli(FILE, '--method', method);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toContain(`${method}: the orders are in 2 currencies (CNY, USD)`);
      expect(err).toContain('--currency CNY');
    }
  });

  it('ranks one currency with --currency', async () => {
    const { code, out } = await segmentCli(FILE, '--method', 'abc', '--currency', 'cny', '--json');
    expect(code).toBe(0);
    const output = JSON.parse(out) as AbcJson & { currency: string };
    // Invoices sheet, CNY rows summed per customer by hand: Cobalt Systems 362,003.50 (its
    // 148,000.50 in USD left out, where the mixed ranking gave 510,004.00); all CNY 1,898,515.
    expect(output.currency).toBe('CNY');
    expect(output.summary.total).toBe(1_898_515);
    expect(output.customers[0]).toMatchObject({ id: 'Cobalt Systems', revenue: 362_003.5 });
    const usd = JSON.parse(
      (await segmentCli(FILE, '--method', 'abc', '--currency', 'USD', '--json')).out,
    ) as AbcJson;
    // USD rows: Cobalt 148,000.50 + Borealis 62,000.50 + Granite 40,000 + Helix 38,500 +
    // Delta 30,000 + Acme 6,000 = 324,501.
    expect(usd.summary.total).toBe(324_501);
  });

  it('the report skips ABC and RFM with the same reason, and ranks the currency its config names', async () => {
    const sheets = await readWorkbook(FILE);
    const mixed = analyzeWorkbook(sheets, { asOf: '2026-06-30' });
    expect(mixed.abc).toBeNull();
    expect(mixed.skipped.find((s) => s.analysis === 'abc')?.reason).toContain(
      '2 currencies (CNY, USD)',
    );
    const usd = analyzeWorkbook(sheets, { asOf: '2026-06-30', segments: { currency: 'USD' } });
    expect(usd.abc?.result.total).toBe(324_501);
    // segment() and the report agree.
    expect(segment(sheets, { method: 'abc', currency: 'USD' }).result.total).toBe(324_501);
  });
});

describe('--by works with every order source: the invoice and deal sheets’ other columns', () => {
  interface ByJson {
    breakdowns: { by: string; rows: { key: string; count: number; revenue: number }[] }[];
  }

  it('breaks invoices down by their Owner, the figure columns left out (invoices-payments.xlsx)', async () => {
    const FILE = join(SAMPLES, 'invoices-payments.xlsx');
    const run = (...args: string[]) =>
      segmentCli(FILE, '--method', 'abc', '--currency', 'USD', ...args);
    const { code, out } = await run('--by', 'Owner', '--json');
    expect(code).toBe(0);
    const rows = (JSON.parse(out) as ByJson).breakdowns[0]?.rows ?? [];
    // The 6 USD customers and their 324,501 (hand sum above) are all placed by some Owner.
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(6);
    expect(rows.reduce((sum, row) => sum + row.revenue, 0)).toBeCloseTo(324_501, 2);
    // The Invoices sheet's columns: Invoice No, Customer, Owner, Invoice Date, Payment Terms,
    // Due Date, Amount, Currency, Disputed; number, customer, dates and amount are figures.
    const { code: refused, err } = await run('--by', 'Amount');
    expect(refused).toBe(1);
    expect(err).toContain('(columns: Owner, Payment Terms, Currency, Disputed;');
  });

  it('breaks won deals down by their Region (pipeline-en.xlsx)', async () => {
    const { code, out } = await segmentCli(
      join(SAMPLES, 'pipeline-en.xlsx'),
      '--method',
      'abc',
      '--by',
      'Region',
      '--json',
    );
    expect(code).toBe(0);
    // The 10 won deals by hand: South is Fjord 60,000, Cobalt 90,000 + 58,000, Borealis 80,000 +
    // 117,000 + 41,000 and Helix 23,000 + 27,000 (its later deal is South, its earlier North);
    // East is Delta 84,000; West is Ionic 68,000.
    expect((JSON.parse(out) as ByJson).breakdowns[0]?.rows).toEqual([
      expect.objectContaining({ key: 'South', count: 4, revenue: 496_000 }),
      expect.objectContaining({ key: 'East', count: 1, revenue: 84_000 }),
      expect.objectContaining({ key: 'West', count: 1, revenue: 68_000 }),
    ]);
  });
});

describe('scorecard criteria name columns of the customer list (samples/customers-orders.xlsx)', () => {
  const FILE = join(SAMPLES, 'customers-orders.xlsx');

  it('refuses a misspelt column in one line, listing the columns', async () => {
    const { code, out, err } = await segmentCli(
      FILE,
      '--method',
      'scorecard',
      '--criteria',
      'Potentail:50,Share:50',
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(
      'sheet Customers: scorecard: no column "Potentail" (columns: Customer ID,',
    );
  });

  it('refuses a text column, saying it holds no numbers', async () => {
    const { code, err } = await segmentCli(
      FILE,
      '--method',
      'scorecard',
      '--criteria',
      'Region:50,Share:50',
    );
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('column "Region" holds no numbers');
    expect(err).toContain('columns with numbers: Purchase potential, Our share, Target');
  });

  it('scores a column by its header as typed', async () => {
    const { code, out } = await segmentCli(
      FILE,
      '--method',
      'scorecard',
      '--criteria',
      'Purchase potential:60,Our share:40',
      '--json',
    );
    expect(code).toBe(0);
    const output = JSON.parse(out) as { customers: { tier: string }[]; warnings: unknown[] };
    // 40 customers, none blank on either column: no warnings, and not everyone is "ordinary".
    expect(output.warnings).toEqual([]);
    expect(new Set(output.customers.map((c) => c.tier)).size).toBeGreaterThan(1);
  });
});
