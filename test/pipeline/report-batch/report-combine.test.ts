import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../pipeline/cli-io.js';
import { runReport } from '../../../pipeline/commands/report.js';
import { filesBelongTogether } from '../../../pipeline/report/batch/files-belong-together.js';
import type { ReportBatchSummary } from '../../../pipeline/report/batch/report-batch-model.js';
import type { WorkbookReportSummary } from '../../../pipeline/report/build-workbook-report.js';
import { forecastCommand } from '../../../pipeline/commands/forecast.js';
import { segmentCommand } from '../../../pipeline/commands/segment.js';

const DATA = resolve('../shared/data');
const BY_DAY = join(DATA, 'online-retail', 'by-day');
const CRM = join(DATA, 'crm-opportunities');
const hasData = existsSync(BY_DAY) && existsSync(CRM);
const skipReason = hasData ? '' : ` (skipped: ${DATA} is not beside the clone)`;

// The real builder renders charts: generous limits for a loaded machine.
const SLOW = 300_000;

interface Run {
  code: number;
  out: string;
  err: string;
}

function collectingIo(): { io: CliIo; run: () => Omit<Run, 'code'> } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false },
    run: () => ({ out, err }),
  };
}

async function report(args: string[]): Promise<Run> {
  const { io, run } = collectingIo();
  const code = await runReport(args, io);
  return { code, ...run() };
}

async function folderOf(files: Record<string, string>): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'combine-in-')), 'exports');
  await mkdir(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

async function outDir(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'combine-out-')), 'reports');
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

const HEADER = 'InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice\n';
// Three daily order files; day 2 has an unreadable price in its row 3.
const DAYS = {
  '2024-03-01.csv': `${HEADER}1,2024-03-01,C1,2,50\n2,2024-03-01,C2,1,30\n`,
  '2024-03-02.csv': `${HEADER}3,2024-03-02,C1,1,20\n4,2024-03-02,C3,1,abc\n`,
  '2024-03-03.csv': `${HEADER}5,2024-03-03,C3,4,10\n`,
};

describe('pipecast report: files that belong together', () => {
  it(
    'a folder of daily order files makes one report over every row, naming its files',
    async () => {
      const dir = await folderOf(DAYS);
      const out = await outDir();
      const run = await report([dir, '--out', out, '--as-of', '2024-03-10', '--json']);
      expect(run.code, run.err).toBe(0);
      const batch = JSON.parse(run.out) as ReportBatchSummary;
      expect(batch.counts).toEqual({ files: 1, ok: 1, failed: 0, nothingToAnalyse: 0 });
      expect(batch.files[0]!.file).toBe(dir);
      expect(batch.files[0]!.inputs).toEqual(Object.keys(DAYS).map((name) => join(dir, name)));
      // Revenue by hand: C1 2×50 + 1×20 = 120; C3 4×10 = 40 (its day-2 line has no price);
      // C2 1×30 = 30. Total 190 over three customers, from all three files.
      expect(batch.files[0]!.headline.abc).toMatchObject({ customers: 3, total: 190 });
      const summary = await readJson<WorkbookReportSummary>(join(out, 'exports', 'summary.json'));
      expect(summary.inputs).toHaveLength(3);
      const html = await readFile(join(out, 'exports', 'report.html'), 'utf8');
      expect(html).toContain('Built from 3 files (2024-03-01.csv … 2024-03-03.csv)');
      // The bad price keeps its own file and row as its place.
      expect(html).toMatch(/2024-03-02\.csv · 2024-03-02!3 · UnitPrice/);
    },
    SLOW,
  );

  it(
    '--no-combine gives one report per file; --combine joins files of different kinds',
    async () => {
      const dir = await folderOf(DAYS);
      const separate = await report([dir, '--out', await outDir(), '--no-combine', '--json']);
      expect(separate.code, separate.err).toBe(0);
      expect((JSON.parse(separate.out) as ReportBatchSummary).counts.files).toBe(3);
      const mixed = await folderOf({
        ...DAYS,
        'deals.csv': 'Deal,Stage,Amount,Close date\nD1,Design,100,2024-04-30\n',
      });
      const forced = await report([mixed, '--out', await outDir(), '--combine', '--json']);
      expect(forced.code, forced.err).toBe(0);
      const batch = JSON.parse(forced.out) as ReportBatchSummary;
      expect(batch.counts.files).toBe(1);
      expect(batch.files[0]!.analyses.filter((a) => a.ok).map((a) => a.name)).toEqual([
        'forecast',
        'abc',
        'rfm',
      ]);
      await expect(
        report([mixed, '--out', await outDir(), '--combine', '--no-combine']),
      ).rejects.toThrow('--combine and --no-combine contradict each other');
    },
    SLOW,
  );

  it('filesBelongTogether: same kind and headers, related tables, or neither', async () => {
    const days = await folderOf(DAYS);
    const list = (dir: string, names: string[]) => names.map((name) => join(dir, name));
    expect(await filesBelongTogether(list(days, Object.keys(DAYS)))).toBe('same-kind');
    expect(await filesBelongTogether(list(days, ['2024-03-01.csv']))).toBeNull();
    const crm = await folderOf({
      'pipeline.csv': 'Deal,Stage,Amount,Sales agent\nD1,Design,100,Ann\nD2,Design,50,Bob\n',
      'teams.csv': 'Sales agent,Manager\nAnn,Mia\nBob,Lou\n',
    });
    expect(await filesBelongTogether(list(crm, ['pipeline.csv', 'teams.csv']))).toBe(
      'related-tables',
    );
    const mixed = await folderOf({
      ...DAYS,
      'deals.csv': 'Deal,Stage,Amount\nD1,Design,100\n',
    });
    expect(await filesBelongTogether(list(mixed, [...Object.keys(DAYS), 'deals.csv']))).toBeNull();
  });
});

describe(`pipecast report on the real exports${skipReason}`, () => {
  it.skipIf(!hasData)(
    'December 2010 of the Online Retail daily files: one report, the same ABC as segment',
    async () => {
      // The 20 files of December 2010 (SOURCES.md: a convenient small fixture), linked into a folder.
      const dir = join(await mkdtemp(join(tmpdir(), 'combine-dec-')), 'december');
      await mkdir(dir);
      const days = Array.from(
        { length: 31 },
        (_, i) => `2010-12-${String(i + 1).padStart(2, '0')}.csv`,
      );
      const present = days.filter((name) => existsSync(join(BY_DAY, name)));
      expect(present).toHaveLength(20);
      for (const name of present) await symlink(join(BY_DAY, name), join(dir, name));
      const out = await outDir();
      const run = await report([dir, '--out', out, '--json']);
      expect(run.code, run.err).toBe(0);
      const batch = JSON.parse(run.out) as ReportBatchSummary;
      expect(batch.counts.files).toBe(1);
      expect(batch.files[0]!.inputs).toHaveLength(20);
      // The peer: `pipecast segment --method abc` reads the same files together.
      const { io, run: segmentRun } = collectingIo();
      expect(await segmentCommand([dir, '--method', 'abc', '--json'], io)).toBe(0);
      const abc = JSON.parse(segmentRun().out) as { summary: { customers: number; total: number } };
      expect(batch.files[0]!.headline.abc).toMatchObject({
        customers: abc.summary.customers,
        total: abc.summary.total,
      });
      const html = await readFile(join(out, 'december', 'report.html'), 'utf8');
      expect(html).toContain('Built from 20 files (2010-12-01.csv … 2010-12-23.csv)');
    },
    SLOW,
  );

  it.skipIf(!hasData)(
    'the Maven CRM folder: deals joined to teams, products and accounts; forecast by manager and office',
    async () => {
      const out = await outDir();
      const run = await report([CRM, '--out', out, '--as-of', '2018-01-01', '--json']);
      expect(run.code, run.err).toBe(0);
      const batch = JSON.parse(run.out) as ReportBatchSummary;
      expect(batch.counts.files).toBe(1);
      expect(batch.files[0]!.inputs).toHaveLength(4);
      // Checked with a short Python script over the four CSVs: the 2,089 open deals (Engaging,
      // Prospecting) all lack close_value; each takes its product's sales_price ("GTXPro" as
      // "GTX Pro"), 4,966,215 in all; Melvin Marxen's team holds 511 of them, 1,312,792.
      expect(batch.files[0]!.headline.forecast).toMatchObject({
        openDeals: 2089,
        pipelineAmount: 4966215,
        valuedAtListPrice: 2089,
      });
      const folder = join(out, 'crm-opportunities');
      const managers = await readFile(join(folder, 'forecast-by-manager.csv'), 'utf8');
      expect(managers).toMatch(
        /^\uFEFFmanager,Deals,Amount,Weighted\r\nMelvin Marxen,511,1312792,/,
      );
      const offices = await readFile(join(folder, 'forecast-by-regional_office.csv'), 'utf8');
      // West 748 + Central 908 + East 433 = 2,089: every open deal has an office.
      expect(
        offices
          .split('\n')
          .slice(1, 4)
          .map((line) => line.split(',').slice(0, 2)),
      ).toEqual([
        ['West', '748'],
        ['Central', '908'],
        ['East', '433'],
      ]);
      // ABC on the won deals as order history: 4,238 Won rows, close_value 10,005,534 in all,
      // over 85 accounts (the same Python check), the forecast's won amount.
      expect(batch.files[0]!.headline.abc).toMatchObject({ customers: 85, total: 10005534 });
      const html = await readFile(join(folder, 'report.html'), 'utf8');
      expect(html).toContain('2,089 open deals without an amount valued at list price');
      expect(html).toContain('Orders: the 4,238 won deals of sales_pipeline');
      expect(html).toContain('Joined sales_teams by sales_agent: 8,800 deals matched');
    },
    SLOW,
  );

  it.skipIf(!hasData)(
    'the IBM receivables export: its invoices feed ABC and RFM as order history',
    async () => {
      const file = join(DATA, 'receivables', 'WA_Fn-UseC_-Accounts-Receivable.csv');
      const run = await report([file, '--out', await outDir(), '--json']);
      expect(run.code, run.err).toBe(0);
      const entry = (JSON.parse(run.out) as ReportBatchSummary).files[0]!;
      // Python over the CSV: 2,466 invoices, InvoiceAmount 147,703.18 in all, 100 customers.
      expect(entry.headline.abc).toMatchObject({ customers: 100 });
      expect(entry.headline.abc!.total).toBeCloseTo(147703.18, 2);
      expect(entry.headline.rfm).toMatchObject({ customers: 100 });
    },
    SLOW,
  );

  it.skipIf(!hasData)(
    'pipecast forecast on the CRM folder joins it too: --by manager',
    async () => {
      const { io, run } = collectingIo();
      const args = [CRM, '--as-of', '2018-01-01', '--by', 'manager', '--json'];
      expect(await forecastCommand(args, io)).toBe(0);
      const json = JSON.parse(run().out) as {
        breakdowns: { rows: { key: string; count: number; amount: number }[] }[];
      };
      // The same Python check as the report's: Melvin Marxen's team, 511 open deals, 1,312,792.
      expect(json.breakdowns[0]!.rows[0]).toMatchObject({
        key: 'Melvin Marxen',
        count: 511,
        amount: 1312792,
      });
    },
  );
});
