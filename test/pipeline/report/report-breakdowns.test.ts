import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageReceivables, agingBreakdown, parseReportConfig } from '../../../core/index.js';
import { readWorkbook } from '../../../pipeline/read-workbook.js';
import type { WorkbookReportSummary } from '../../../pipeline/report/build-workbook-report.js';
import { buildWorkbookReport } from '../../../pipeline/report/build-workbook-report.js';

const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));
const AS_OF = '2026-06-30';
const CONFIG = parseReportConfig(
  {
    breakdowns: {
      forecast: ['region', '区域', 'Nope'],
      aging: ['Owner'],
      segments: ['Stock Code'],
    },
  },
  'pipecast.json',
);

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pipecast-report-breakdowns-'));
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** A CSV the report wrote, as rows of cells (no quoted commas in these samples). */
async function csvRows(path: string): Promise<string[][]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').trimEnd();
  return text.split('\r\n').map((line) => line.split(','));
}

function headline(summary: WorkbookReportSummary, name: string): Record<string, unknown> {
  return summary.analyses.find((analysis) => analysis.name === name)?.headline ?? {};
}

describe('breakdowns in the report', () => {
  it('adds a table, a chart, a results.xlsx range and a CSV per column, adding up to the totals', async () => {
    const out = join(root, 'pipeline-en');
    const summary = await buildWorkbookReport(join(SAMPLES, 'pipeline-en.xlsx'), out, {
      asOf: AS_OF,
      config: CONFIG,
    });
    expect(summary.files).toEqual(
      expect.arrayContaining([
        'forecast-by-Region.csv',
        'charts/forecast-by-Region.svg',
        'charts/forecast-by-Region.png',
      ]),
    );
    // 区域 names the same column in Chinese: it is broken down once, under its header.
    expect(summary.files.filter((name) => name.startsWith('forecast-by-'))).toEqual([
      'forecast-by-Region.csv',
    ]);
    const [header, ...rows] = await csvRows(join(out, 'forecast-by-Region.csv'));
    expect(header).toEqual(['Region', 'Deals', 'Weighted', 'Amount']);
    const sum = (column: number): number =>
      rows.reduce((total, row) => total + Number(row[column]), 0);
    // The regions' deals and weighted amounts add up to the forecast's own headline figures.
    expect(sum(1)).toBe(headline(summary, 'forecast').openDeals);
    expect(sum(2)).toBeCloseTo(headline(summary, 'forecast').weightedForecast as number, 6);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('By Region');
    expect(html).toContain('No breakdown by Nope');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'results.xlsx'));
    const texts: string[] = [];
    workbook.getWorksheet('Forecast')!.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts).toContain('By Region');
  });

  it('breaks the ABC classes down by a column of the order lines', async () => {
    const out = join(root, 'customers-orders');
    const summary = await buildWorkbookReport(join(SAMPLES, 'customers-orders.xlsx'), out, {
      asOf: AS_OF,
      config: CONFIG,
    });
    const [header, ...rows] = await csvRows(join(out, 'abc-by-Stock Code.csv'));
    expect(header?.slice(0, 3)).toEqual(['Stock Code', 'Customers', 'Revenue']);
    const customers = rows.reduce((total, row) => total + Number(row[1]), 0);
    const revenue = rows.reduce((total, row) => total + Number(row[2]), 0);
    expect(customers).toBe(headline(summary, 'abc').customers);
    expect(revenue).toBeCloseTo(headline(summary, 'abc').total as number, 6);
    // Customers buy several products: each counts under its most recent line's, and the
    // report says how many customers' lines name more than one.
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/Stock Code: [\d,]+ customers’ lines hold different values/);
  });

  it('words the breakdowns in Chinese, and the aging one as the API gives it', async () => {
    const ledger = join(root, 'ledger.csv');
    // One currency, so the aging can be broken down (the invoices sample holds two).
    await writeFile(
      ledger,
      'Invoice,Customer,Invoice date,Due date,Amount,销售\nA,C1,2026-05-11,2026-06-10,250.5,李\nB,C2,2026-06-15,2026-07-15,100,王\nC,C3,2026-03-01,2026-03-31,80,李\n',
    );
    const out = join(root, 'ledger');
    const config = parseReportConfig({ breakdowns: { aging: ['销售'] } }, 'pipecast.json');
    await buildWorkbookReport(ledger, out, { asOf: AS_OF, config, locale: 'zh' });
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('按「销售」');
    const [header, ...rows] = await csvRows(join(out, 'aging-by-销售.csv'));
    expect(header?.slice(0, 3)).toEqual(['销售', '笔数', '未收余额']);
    // 李: A 250.5 (20 days past due) + C 80 (91 days) = 330.5 in 2 items; 王: B 100, current.
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['李', '2', '330.5'],
      ['王', '1', '100'],
    ]);
    const run = ageReceivables(await readWorkbook(ledger), { asOf: AS_OF, perRow: true });
    expect(agingBreakdown(run, '销售').rows.map((row) => [row.key, row.count, row.open])).toEqual(
      rows.map((row) => [row[0], Number(row[1]), Number(row[2])]),
    );
  });
});
