import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import type { AgingReport } from '../../pipeline/commands/aging.js';

const DATA = fileURLToPath(new URL('../../../shared/data/receivables', import.meta.url));
const AR = join(DATA, 'WA_Fn-UseC_-Accounts-Receivable.csv');
const AR_MISSING = join(DATA, 'WA_Fn-UseC_-Accounts-Receivable_with_missing.csv');
const HAVE_DATA = existsSync(AR) && existsSync(AR_MISSING);
if (!HAVE_DATA) console.warn(`skipping pipecast aging tests on shared data: ${DATA} is missing`);

async function aging(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    isTTY: false,
  };
  const code = await main(['aging', ...args], io);
  return { code, out, err };
}

async function agingJson(...args: string[]): Promise<AgingReport> {
  const { code, out, err } = await aging(...args, '--json');
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return JSON.parse(out) as AgingReport;
}

/** Σ InvoiceAmount (in cents) over InvoiceDate ≤ as-of < SettledDate, from the CSV text itself. */
function expectedOpenCents(file: string, asOfIso: string): { cents: number; count: number } {
  const rows = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
  const day = (us: string) => {
    const [m, d, y] = us.split('/').map(Number);
    return Date.UTC(y as number, (m as number) - 1, d as number);
  };
  const asOf = Date.parse(`${asOfIso}T00:00:00Z`);
  let cents = 0;
  let count = 0;
  for (const r of rows) {
    if (day(r.InvoiceDate as string) <= asOf && asOf < day(r.SettledDate as string)) {
      cents += Math.round(Number(r.InvoiceAmount) * 100);
      count++;
    }
  }
  return { cents, count };
}

describe.skipIf(!HAVE_DATA)('pipecast aging on the IBM receivables sample', () => {
  it('without --as-of, ages at the day after the last settlement and says so', async () => {
    // The file's last InvoiceDate is 2013-12-02, its last SettledDate 2014-01-09: as of 2014-01-10.
    const { code, out } = await aging(AR);
    expect(code).toBe(0);
    expect(out).toContain(
      'as of 2014-01-10 (the day after the last invoice, paid date or payment; pass --as-of to fix it)',
    );
  });

  it.each(['2012-04-30', '2012-11-15', '2013-03-31', '2013-09-30'])(
    'open balance at %s matches Σ InvoiceAmount with InvoiceDate ≤ as-of < SettledDate',
    async (asOf) => {
      const report = await agingJson(AR, '--as-of', asOf);
      const expected = expectedOpenCents(AR, asOf);
      expect(Math.round((report.totals?.open ?? NaN) * 100)).toBe(expected.cents);
      expect(report.totals?.openItems).toBe(expected.count);
      const bucketCents = (report.buckets ?? []).reduce(
        (t, b) => t + Math.round(b.amount * 100),
        0,
      );
      expect(bucketCents).toBe(expected.cents);
      expect(report.sheets).toEqual([
        expect.objectContaining({ kind: 'invoice', headerRow: 1, records: 2466, rowsDropped: 0 }),
      ]);
      expect(report.warnings).toEqual([]);
    },
  );

  it('prints the issue JSON shape: totals, buckets, customers, dso, warnings', async () => {
    const report = await agingJson(AR, '--as-of', '2013-06-30', '--buckets', '15,30');
    expect(report.totals).toEqual(
      expect.objectContaining({ open: expect.any(Number), overdue: expect.any(Number) }),
    );
    expect(report.buckets?.map((b) => b.label)).toEqual(['Current', '1–15', '16–30', '31+']);
    expect(report.buckets?.[0]).toEqual({
      label: 'Current',
      amount: expect.any(Number),
      owed: expect.any(Number),
      credit: expect.any(Number),
      count: expect.any(Number),
      creditCount: expect.any(Number),
    });
    const customer = report.customers?.[0];
    expect(customer).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        open: expect.any(Number),
        buckets: expect.any(Object),
      }),
    );
    expect(Object.keys(customer?.buckets ?? {})).toEqual(['Current', '1–15', '16–30', '31+']);
    expect(report.dso).toEqual(
      expect.objectContaining({ standard: expect.any(Number), countback: expect.any(Number) }),
    );
    expect(report.currency).toBeNull();
    expect(report.currencies).toHaveLength(1);
    // A disputed customer is on the call list flagged as such.
    expect(report.currencies[0]?.priority.some((p) => p.disputed)).toBe(true);
  });

  it('reads the _with_missing variant: its blanks are in columns aging does not use, and it still balances', async () => {
    const report = await agingJson(AR_MISSING, '--as-of', '2013-03-31');
    // 2,586 rows = the 2,466 originals + 120 rows with blank PaperlessDate/PaperlessBill (SOURCES.md §C).
    expect(report.sheets).toEqual([
      expect.objectContaining({ kind: 'invoice', records: 2586, rowsDropped: 0 }),
    ]);
    const expected = expectedOpenCents(AR_MISSING, '2013-03-31');
    expect(Math.round((report.totals?.open ?? NaN) * 100)).toBe(expected.cents);
    expect(report.warnings).toEqual([]);
  });

  it('reports damaged cells of the sample with sheet, row and column', async () => {
    const lines = readFileSync(AR_MISSING, 'utf8').split('\n');
    // Damage three rows by hand: blank InvoiceAmount (row 2), an impossible date (row 3),
    // a blank DueDate (row 4, so it is due on the invoice date, reported).
    const cells = lines.map((l) => l.split(','));
    (cells[1] as string[])[6] = '';
    (cells[2] as string[])[4] = '13/45/2013';
    (cells[3] as string[])[5] = '';
    const dir = await mkdtemp(join(tmpdir(), 'pipecast-aging-'));
    const file = join(dir, 'ar-damaged.csv');
    try {
      await writeFile(file, cells.map((c) => c.join(',')).join('\n'));
      const report = await agingJson(file, '--as-of', '2013-03-31');
      expect(report.sheets[0]).toMatchObject({ records: 2584, rowsDropped: 2 });
      const byRow = (row: number) => report.warnings.filter((w) => w.row === row);
      expect(byRow(2)).toEqual([
        expect.objectContaining({
          sheet: 'ar-damaged',
          column: 'InvoiceAmount',
          action: 'row dropped',
        }),
      ]);
      expect(byRow(3)).toEqual([
        expect.objectContaining({
          column: 'InvoiceDate',
          raw: '13/45/2013',
          action: 'row dropped',
        }),
      ]);
      expect(report.warnings).toContainEqual(
        expect.objectContaining({ code: 'missing-value', column: 'DueDate', count: 1, row: 4 }),
      );
      expect(report.warnings).toContainEqual(
        expect.objectContaining({
          code: 'missing-value',
          row: 4,
          action: 'assumed',
          sheet: 'ar-damaged',
        }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('pipecast aging on a workbook with invoices and payments sheets', () => {
  let dir: string;
  let book: string;
  let mixed: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pipecast-aging-'));
    const wb = new ExcelJS.Workbook();
    const invoices = wb.addWorksheet('发票');
    invoices.addRow(['发票号', '客户', '开票日期', '账期', '金额', '负责人', '信用额度']);
    invoices.addRow([
      'F1',
      '华为',
      new Date(Date.UTC(2024, 0, 15)),
      '月结60天',
      1000,
      '张三',
      1500,
    ]);
    invoices.addRow(['F2', '华为', new Date(Date.UTC(2024, 1, 29)), 'net 30', 500, '张三', 1500]);
    invoices.addRow(['F3', '小米', new Date(Date.UTC(2024, 2, 1)), '货到付款', 300, '李四', null]);
    invoices.addRow(['F4', '小米', new Date(Date.UTC(2024, 5, 1)), 'net 30', 999, '李四', null]);
    const payments = wb.addWorksheet('回款');
    payments.addRow(['发票号', '客户', '回款日期', '回款金额']);
    payments.addRow(['F1', '华为', new Date(Date.UTC(2024, 2, 10)), 400]);
    payments.addRow(['F3', '小米', new Date(Date.UTC(2024, 3, 20)), 300]);
    payments.addRow([null, '小米', new Date(Date.UTC(2024, 3, 21)), 50]);
    payments.addRow(['F1', '华为', new Date(Date.UTC(2024, 4, 1)), 600]);
    book = join(dir, 'ar.xlsx');
    await wb.xlsx.writeFile(book);

    const wb2 = new ExcelJS.Workbook();
    const sheet = wb2.addWorksheet('Invoices');
    sheet.addRow(['Invoice', 'Customer', 'Invoice date', 'Due date', 'Amount', 'Currency']);
    sheet.addRow(['U1', 'Acme', '2024-01-01', '2024-01-31', 100, 'USD']);
    sheet.addRow(['C1', 'Acme', '2024-01-01', '2024-01-31', 700, 'CNY']);
    mixed = join(dir, 'mixed.xlsx');
    await wb2.xlsx.writeFile(mixed);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds both sheets by their Chinese headers and applies payments as of the date', async () => {
    const report = await agingJson(book, '--as-of', '2024-04-30');
    expect(report.sheets.map((s) => [s.sheet, s.kind, s.records])).toEqual([
      ['发票', 'invoice', 4],
      ['回款', 'payment', 4],
    ]);
    // F1: 月结60天 on 2024-01-15 → 2024-01-31 + 60 = 2024-03-31; 1000 − 400 = 600, 30 days past due.
    // F2: 2024-02-29 + 30 = 2024-03-30; 500 open, 31 days past due. F3 paid 04-20. F4 after as-of.
    // The 05-01 payment is after as-of. 50 of cash without an invoice → unapplied for 小米.
    expect(report.totals).toMatchObject({ open: 1100, overdue: 1100, unapplied: 50, net: 1050 });
    expect(report.buckets?.map((b) => [b.label, b.amount, b.count])).toEqual([
      ['Current', 0, 0],
      ['1–30', 600, 1],
      ['31–60', 500, 1],
      ['61–90', 0, 0],
      ['91–180', 0, 0],
      ['181+', 0, 0],
    ]);
    expect(report.customers?.find((c) => c.id === '小米')).toMatchObject({
      open: 0,
      unapplied: 50,
    });
    const huawei = report.currencies[0]?.priority[0];
    // Score 600 × 30 + 500 × 31 = 33,500; credit use 1100 ÷ 1500.
    expect(huawei).toMatchObject({ customer: '华为', owner: '张三', score: 33_500 });
    expect(huawei?.creditUse).toBeCloseTo(1100 / 1500, 12);
    expect(report.currencies[0]?.owners.map((o) => [o.id, o.open])).toEqual([
      ['张三', 1100],
      ['李四', 0],
    ]);
  });

  it('prints a text report by default', async () => {
    // English wording asked for: without --locale, Chinese headers give a Chinese report.
    const { code, out } = await aging(
      book,
      '--as-of',
      '2024-04-30',
      '--invoices',
      '--locale',
      'en',
    );
    expect(code).toBe(0);
    expect(out).toContain('as of 2024-04-30');
    // The bucket table: label, amount at two decimals, items; the open total under a rule.
    expect(out).toMatch(/1–30\s+600\.00\s+1\n/);
    expect(out).toMatch(/Open\s+1,100\.00\s+2\n/);
    expect(out).toContain('Unapplied cash:');
    // 小米's one payment of 50 on 2024-04-21 (the 05-01 one is after as-of): said in the singular.
    expect(out).toContain('小米: 50.00 (1 payment, 2024-04-21)');
    expect(out).toContain('F1 华为 2024-01-15 due 2024-03-31 open 600.00 1–30');
  });

  it('keeps currencies apart and says so, or adds them with --base and --rates', async () => {
    const report = await agingJson(mixed, '--as-of', '2024-02-15');
    expect(report.totals).toBeNull();
    expect(report.buckets).toBeNull();
    expect(report.note).toContain('never added together');
    // The text says where the figures are, in words, not as JSON field names.
    const text = (await aging(mixed, '--as-of', '2024-02-15')).out;
    expect(text).toContain('2 currencies (CNY, USD) are never added together: each has its own');
    expect(text).not.toContain('currencies[]');
    expect(report.currencies.map((s) => [s.currency, s.totals.open])).toEqual([
      ['CNY', 700],
      ['USD', 100],
    ]);
    // 100 USD × 7.1 + 700 CNY = 1,410 CNY.
    const converted = await agingJson(
      mixed,
      '--as-of',
      '2024-02-15',
      '--base',
      'CNY',
      '--rates',
      'USD=7.1',
    );
    expect(converted.currency).toBe('CNY');
    expect(converted.totals?.open).toBe(1410);
  });

  it('computes a provision and the sales to cover it from flags', async () => {
    // 1–30: 600 × 10% = 60; 31–60: 500 × 20% = 100 → 160; at 8% margin 160 ÷ 0.08 = 2,000.
    const report = await agingJson(
      book,
      '--as-of',
      '2024-04-30',
      '--provision',
      '1%,10%,20%,50%,80%,100%',
      '--margin',
      '8%',
    );
    expect(report.currencies[0]?.provision).toMatchObject({ total: 160, salesToCover: 2000 });
  });

  it.each([
    [['--as-of', '2024-04-30'], /name one file/],
    [['FILE', '--as-of', '30/04/2024'], /not a YYYY-MM-DD date/],
    [['FILE', '--as-of', '2024-04-30', '--by', 'paid'], /--by must be 'due' or 'invoice'/],
    [['FILE', '--as-of', '2024-04-30', '--buckets', '60,30'], /--buckets must be increasing/],
    [['FILE', '--as-of', '2024-04-30', '--provision', '0.1'], /--provision needs 6 rates/],
    [['FILE', '--as-of', '2024-04-30', '--rates', 'USD=7'], /--base and --rates go together/],
    [['FILE', '--as-of', '2024-04-30', '--nope'], /unknown option '--nope'/],
  ])('rejects %j with a usage error', async (args, message) => {
    const { code, err } = await aging(...args.map((a) => (a === 'FILE' ? book : a)));
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });

  it('fails clearly on a missing file or a file without invoices', async () => {
    const missing = await aging(join(dir, 'nope.xlsx'), '--as-of', '2024-01-01');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nope.xlsx');
    const csv = join(dir, 'notes.csv');
    await writeFile(csv, 'note,text\n1,hello\n');
    const none = await aging(csv, '--as-of', '2024-01-01');
    expect(none.code).toBe(1);
    expect(none.err).toContain('no sheet');
    expect(none.err).toContain('sheet skipped');
  });
});

describe('pipecast aging: credit notes are a column of their own, never netted into overdue', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pipecast-aging-credits-'));
    file = join(dir, 'credits.csv');
    // As of 2024-06-30: Beta's invoice 50,000 is 111 days past due (due 2024-03-11) and its credit
    // note −51,000 212 days (due 2023-12-01); Cosmo owes 3,000 past due (60 days) and has −1,000.
    await writeFile(
      file,
      [
        'Invoice,Customer,Invoice date,Due date,Amount',
        'A1,Acme,2024-01-05,2024-02-04,12000',
        'A2,Acme,2024-03-01,2024-03-31,8000',
        'B1,Beta Ltd,2024-02-10,2024-03-11,50000',
        'B2,Beta Ltd,2023-11-01,2023-12-01,-51000',
        'C1,Cosmo,2024-04-01,2024-05-01,3000',
        'C2,Cosmo,2024-01-15,2024-02-14,-1000',
        'D1,Delta,2024-05-20,2024-06-19,4500',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists Beta Ltd with 50,000 overdue and −51,000 credits (open −1,000), in English and Chinese', async () => {
    const en = await aging(file, '--as-of', '2024-06-30');
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/Customer +Open +Not yet due +Overdue +Credits +Items/);
    // Hand: open 50,000 − 51,000 = −1,000 = 0 not yet due + 50,000 overdue − 51,000 credits.
    expect(en.out).toMatch(/Beta Ltd +-1,000\.00 +0\.00 +50,000\.00 +-51,000\.00 +2/);
    // Bucket table: what is owed per bucket and the credits on their own row, adding up to open:
    // 4,500 + 3,000 + 70,000 − 52,000 = 25,500; 181+ holds only the credit note, so 0 owed, 0 items.
    expect(en.out).toMatch(/181\+ +0\.00 +0\n/);
    expect(en.out).toMatch(/Credits +-52,000\.00 +2\n/);
    expect(en.out).toMatch(/Open +25,500\.00 +7/);
    const zh = await aging(file, '--as-of', '2024-06-30', '--locale', 'zh');
    expect(zh.out).toMatch(/客户 +未收余额 +未到期 +逾期金额 +贷项 +笔数/);
    expect(zh.out).toMatch(/Beta Ltd +-1,000\.00 +0\.00 +50,000\.00 +-51,000\.00 +2/);
    expect(zh.out).toMatch(/贷项 +-52,000\.00 +2\n/);
  });

  it('--json gives each customer overdue, not yet due and credits that add up to open', async () => {
    const report = await agingJson(file, '--as-of', '2024-06-30');
    const beta = report.customers?.find((c) => c.id === 'Beta Ltd');
    expect(beta).toMatchObject({ open: -1000, overdue: 50000, notYetDue: 0, credit: -51000 });
    expect(beta?.buckets).toMatchObject({ '91–180': 50000, '181+': 0 });
    // Hand: overdue 12,000 + 8,000 + 50,000 + 3,000 + 4,500 = 77,500, all of it past due.
    expect(report.totals).toMatchObject({
      open: 25500,
      overdue: 77500,
      current: 0,
      credit: -52000,
    });
    expect(report.totals?.shareOverdue).toBe(1);
  });
});
