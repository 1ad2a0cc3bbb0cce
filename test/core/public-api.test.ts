import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// By the package's name, as a user's script imports it: Node resolves it to dist/ through
// package.json `exports` (npm test builds dist/ before vitest runs).
import {
  analyzeWorkbook,
  excelSerialFromEpochDay,
  type AnalyzeWorkbookResult,
  type CellValue,
  type SheetValues,
} from 'pipecast';

const AS_OF = '2026-06-30';
const SAMPLES = join(import.meta.dirname, '../../samples');
const WORKBOOKS = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.xlsx'))
  .sort();
const MS_PER_DAY = 86_400_000;

/** A cell as Excel's Range.values gives it, from exceljs's value of the same cell. */
function rangeValue(value: ExcelJS.CellValue, date1904: boolean): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs encodes an Excel date as that wall-clock time in UTC; Excel gives the serial.
    const days = value.getTime() / MS_PER_DAY;
    const whole = Math.floor(days);
    return excelSerialFromEpochDay(whole, date1904) + (days - whole);
  }
  if (typeof value !== 'object') return value;
  if ('error' in value) return value.error;
  if ('result' in value) return rangeValue(value.result as ExcelJS.CellValue, date1904);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value) return String(value.text);
  return String(value);
}

/** Every sheet of a workbook as `{ name, values }`, a rectangle from A1 with '' for blanks. */
async function readRangeValues(path: string): Promise<SheetValues[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const date1904 = workbook.properties.date1904 === true;
  return workbook.worksheets.map((sheet) => {
    const values: CellValue[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: CellValue[] = [];
      for (let c = 1; c <= sheet.columnCount; c++)
        cells.push(rangeValue(row.getCell(c).value, date1904));
      values.push(cells);
    }
    return { name: sheet.name, values, date1904 };
  });
}

interface Summary {
  analyses: { name: string; ok: boolean; headline: Record<string, unknown> }[];
  skipped: { analysis: string; reason: string }[];
  locale: 'en' | 'zh';
}

let outDir = '';

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'pipecast-public-api-'));
  execFileSync(
    process.execPath,
    ['bin/pipecast.js', 'report', 'samples', '--out', outDir, '--as-of', AS_OF],
    { cwd: join(import.meta.dirname, '../..'), stdio: 'pipe' },
  );
});

afterAll(() => {
  if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
});

function reportFile(workbook: string, name: string): string {
  return readFileSync(join(outDir, basename(workbook, '.xlsx'), name), 'utf8');
}

function csvRows(workbook: string, name: string): string[][] {
  return parse(reportFile(workbook, name), { bom: true, from_line: 2 }) as string[][];
}

/** The headline figures as pipecast report computes them from the same results. */
function headlines(result: AnalyzeWorkbookResult): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  if (result.forecast) {
    const r = result.forecast.result;
    out.forecast = {
      openDeals: r.totals.count,
      pipelineAmount: r.totals.amount,
      weightedForecast: r.totals.weighted,
      p10: r.range.p10,
      p50: r.range.p50,
      p90: r.range.p90,
      wonAmount: r.won.amount,
    };
  }
  if (result.abc) {
    const r = result.abc.result;
    const classA = r.classes.find((c) => c.class === 'A');
    out.abc = { customers: r.customers.length, total: r.total, aCustomers: classA?.customers };
  }
  if (result.rfm) {
    const r = result.rfm.result;
    const champions = r.segments.find((g) => g.segment === 'champions')?.customers ?? 0;
    out.rfm = { customers: r.customers.length, asOf: r.asOf, champions };
  }
  if (result.portfolio) {
    const r = result.portfolio.result;
    out.portfolio = {
      customers: r.customers.length,
      potential: r.zones.reduce((sum, z) => sum + z.potential, 0),
    };
  }
  if (result.aging) {
    const sections = result.aging.result.sections;
    out.aging = {
      currency: sections.map((s) => s.currency ?? '').join(', '),
      customers: sections.reduce((n, s) => n + s.customers.length, 0),
    };
  }
  return out;
}

describe("analyzeWorkbook imported as 'pipecast', over each sample's Range.values", () => {
  it.each(WORKBOOKS)('%s: same figures as pipecast report --as-of 2026-06-30', async (name) => {
    const sheets = await readRangeValues(join(SAMPLES, name));
    const result = analyzeWorkbook(sheets, { asOf: AS_OF, file: `samples/${name}` });
    const summary = JSON.parse(reportFile(name, 'summary.json')) as Summary;

    // The same analyses ran and the same were skipped, for the same reasons.
    expect(result.failed).toEqual([]);
    expect(result.skipped).toEqual(summary.skipped);
    const ran = summary.analyses.filter((a) => a.ok).map((a) => a.name);
    expect(Object.keys(headlines(result)).sort()).toEqual([...ran].sort());
    for (const [analysis, figures] of Object.entries(headlines(result))) {
      const headline = summary.analyses.find((a) => a.name === analysis)?.headline ?? {};
      for (const [key, value] of Object.entries(figures))
        if (key in headline) expect([analysis, key, value]).toEqual([analysis, key, headline[key]]);
    }

    if (result.forecast) {
      // forecast-stages.csv: Stage, Rate, Deals, Amount, Weighted, …; last row the totals.
      const rows = csvRows(name, 'forecast-stages.csv');
      const stages = result.forecast.result.stages.map((s) => [s.count, s.amount, s.weighted]);
      expect(stages).toEqual(rows.slice(0, -1).map((row) => row.slice(2, 5).map(Number)));
      expect(result.forecast.result.totals.weighted).toBe(Number(rows.at(-1)?.[4]));
    }
    if (result.abc) {
      // abc-classes.csv: Class, Customers, …
      const rows = csvRows(name, 'abc-classes.csv').slice(0, -1);
      const classes = result.abc.result.classes.map((c) => [c.class, c.customers, c.value]);
      expect(classes).toEqual(rows.map((row) => [row[0], Number(row[1]), Number(row[3])]));
    }
    if (result.rfm) {
      // rfm-segments.csv: Segment (in the report's language), Customers, …
      const rows = csvRows(name, 'rfm-segments.csv');
      const segments = result.rfm.result.segments.map((g) => [g.name, g.customers]);
      const named = summary.locale === 'en';
      expect(segments.map(([segment, count]) => [named ? segment : '', count])).toEqual(
        rows.map((row) => [named ? row[0] : '', Number(row[1])]),
      );
    }
    if (result.aging) {
      // aging-buckets.csv: Currency, Bucket, Amount, Items; what is owed per bucket, the credits
      // on their own row when there are any, and each section's open total.
      const rows = csvRows(name, 'aging-buckets.csv');
      const buckets = result.aging.result.sections.flatMap((s) => [
        ...s.buckets.map((b) => [s.currency ?? '', b.label, b.owed, b.count - b.creditCount]),
        ...(s.totals.credit < 0
          ? [
              [
                s.currency ?? '',
                'Credits',
                s.totals.credit,
                s.buckets.reduce((items, b) => items + b.creditCount, 0),
              ],
            ]
          : []),
        [s.currency ?? '', 'Total', s.totals.open, s.totals.openItems],
      ]);
      expect(buckets).toEqual(rows.map((row) => [row[0], row[1], Number(row[2]), Number(row[3])]));
    }
  });

  it('finds every analysis the samples hold between them', async () => {
    const ran = new Set<string>();
    for (const name of WORKBOOKS) {
      const sheets = await readRangeValues(join(SAMPLES, name));
      const result = analyzeWorkbook(sheets, { asOf: AS_OF, file: name });
      for (const analysis of ['forecast', 'abc', 'rfm', 'portfolio', 'aging'] as const)
        if (result[analysis] !== null) ran.add(analysis);
    }
    expect([...ran].sort()).toEqual(['abc', 'aging', 'forecast', 'portfolio', 'rfm']);
  });
});
