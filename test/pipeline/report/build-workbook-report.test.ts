import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { TopLevelSpec } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageReceivables } from '../../../core/aging/age-receivables.js';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import { readRecords } from '../../../core/columns/read-records.js';
import type { Invoice, Payment } from '../../../core/columns/records.js';
import { forecastFunnel } from '../../../core/funnel/forecast-funnel.js';
import { abc } from '../../../core/segments/abc.js';
import { customerRevenue } from '../../../core/segments/customer-revenue.js';
import { readWorkbook } from '../../../pipeline/read-workbook.js';
import { renderChart } from '../../../pipeline/render/render-chart.js';
import type { WorkbookReportSummary } from '../../../pipeline/report/build-workbook-report.js';
import { buildWorkbookReport } from '../../../pipeline/report/build-workbook-report.js';

const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));
const AS_OF = '2026-06-30';
const AS_OF_DAY = epochDayFromIso(AS_OF)!;
const NAMES = ['pipeline-en', 'pipeline-zh', 'customers-orders', 'invoices-payments'] as const;
type SampleName = (typeof NAMES)[number];

let root: string;
const built = {} as Record<SampleName, WorkbookReportSummary>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pipecast-workbook-report-'));
  // Built once for the whole file; the tests below read what was written.
  await Promise.all(
    NAMES.map(async (name) => {
      built[name] = await buildWorkbookReport(join(SAMPLES, `${name}.xlsx`), join(root, name), {
        asOf: AS_OF,
      });
    }),
  );
}, 60_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory())
      out.push(...(await listFiles(join(dir, entry.name), `${entry.name}/`)));
    else out.push(`${prefix}${entry.name}`);
  }
  return out.sort();
}

async function readResults(name: SampleName): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(root, name, 'results.xlsx'));
  return workbook;
}

/** Rows of a worksheet whose first cells equal `first` (e.g. the Total row of a table). */
function rowsStartingWith(ws: ExcelJS.Worksheet, ...first: string[]): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (first.every((f, i) => values[i] === f)) rows.push(values);
  });
  return rows;
}

const CHARTS: Record<SampleName, string[]> = {
  // ABC and RFM run on the won deals, the pipelines' order history.
  'pipeline-en': [
    'abc-pareto',
    'forecast-band',
    'forecast-conversion',
    'forecast-funnel',
    'rfm-map',
  ],
  'pipeline-zh': [
    'abc-pareto',
    'forecast-band',
    'forecast-conversion',
    'forecast-funnel',
    'rfm-map',
  ],
  'customers-orders': ['abc-pareto', 'portfolio-scatter', 'rfm-map'],
  'invoices-payments': [], // one pair per currency, checked below
};
const CSVS: Record<SampleName, string[]> = {
  'pipeline-en': [
    'abc-classes.csv',
    'abc-customers.csv',
    'forecast-categories.csv',
    'forecast-months.csv',
    'forecast-no-activity.csv',
    'forecast-owners.csv',
    'forecast-past-close.csv',
    'forecast-stages.csv',
    'forecast-win-rates.csv',
    'rfm-customers.csv',
    'rfm-segments.csv',
  ],
  'pipeline-zh': [
    'abc-classes.csv',
    'abc-customers.csv',
    'forecast-categories.csv',
    'forecast-months.csv',
    'forecast-no-activity.csv',
    'forecast-owners.csv',
    'forecast-past-close.csv',
    'forecast-stages.csv',
    'forecast-win-rates.csv',
    'rfm-customers.csv',
    'rfm-segments.csv',
  ],
  'customers-orders': [
    'abc-classes.csv',
    'abc-customers.csv',
    'portfolio-customers.csv',
    'portfolio-zones.csv',
    'rfm-customers.csv',
    'rfm-segments.csv',
  ],
  // The invoices, the ledger's order history, are in CNY and USD: ABC and RFM are skipped.
  'invoices-payments': ['aging-buckets.csv', 'aging-customers.csv', 'aging-priority.csv'],
};

describe('buildWorkbookReport on the samples', () => {
  it.each(NAMES)(
    '%s: writes report.html, results.xlsx, summary.json, its CSVs and 3 files per chart, and lists exactly those',
    async (name) => {
      const summary = built[name];
      const files = await listFiles(join(root, name));
      expect([...summary.files].sort()).toEqual(files);
      for (const f of ['report.html', 'results.xlsx', 'summary.json', ...CSVS[name]])
        expect(files).toContain(f);
      expect(files.filter((f) => f.endsWith('.csv')).sort()).toEqual(CSVS[name]);
      const chartIds = files
        .filter((f) => f.endsWith('.vl.json'))
        .map((f) => f.slice('charts/'.length, -'.vl.json'.length));
      if (name !== 'invoices-payments') expect(chartIds.sort()).toEqual(CHARTS[name]);
      expect(summary.charts).toBe(chartIds.length);
      for (const id of chartIds)
        for (const ext of ['svg', 'png']) expect(files).toContain(`charts/${id}.${ext}`);
      // Listed in the order they are written (each chart's spec, SVG, PNG, then the CSVs), not
      // in the order the writes happen to finish, so summary.json is the same from run to run.
      const listedCharts = summary.files.filter((f) => f.startsWith('charts/'));
      expect(listedCharts).toEqual(
        listedCharts
          .filter((f) => f.endsWith('.vl.json'))
          .flatMap((f) => ['.vl.json', '.svg', '.png'].map((ext) => f.replace('.vl.json', ext))),
      );
      expect(
        summary.files.slice(listedCharts.length, listedCharts.length + CSVS[name].length),
      ).toEqual(summary.files.filter((f) => f.endsWith('.csv')));
      const json = JSON.parse(await readFile(join(root, name, 'summary.json'), 'utf8'));
      expect(json).toEqual(JSON.parse(JSON.stringify(summary)));
    },
  );

  it('each sample runs the analyses its sheets allow and says why the others were skipped', () => {
    const ran = (name: SampleName) => built[name].analyses.filter((a) => a.ok).map((a) => a.name);
    // Won deals and invoices are order history for ABC and RFM when there are no order lines.
    expect(ran('pipeline-en')).toEqual(['forecast', 'abc', 'rfm']);
    expect(ran('pipeline-zh')).toEqual(['forecast', 'abc', 'rfm']);
    expect(ran('customers-orders')).toEqual(['abc', 'rfm', 'portfolio']);
    // Its invoices are in CNY and USD, which ABC and RFM never add together.
    expect(ran('invoices-payments')).toEqual(['aging']);
    const abc = built['invoices-payments'].skipped.find((s) => s.analysis === 'abc');
    expect(abc?.reason).toContain('abc: the orders are in 2 currencies (CNY, USD)');
    const aging = built['pipeline-en'].skipped.find((s) => s.analysis === 'aging');
    expect(aging?.reason).toBe(
      'no sheet with invoices: needs columns invoice, invoice date, amount',
    );
    expect(built['customers-orders'].skipped.map((s) => s.analysis)).toEqual(['forecast', 'aging']);
  });

  it('the two-currency aging says in words that each currency stands apart', async () => {
    const html = await readFile(join(root, 'invoices-payments', 'report.html'), 'utf8');
    // The sample's invoices are in CNY and USD (samples/invoices-payments.xlsx).
    expect(html).toContain('2 currencies (CNY, USD) are never added together');
    expect(html).not.toContain('currencies[]');
  });

  it('the Chinese workbook gets a Chinese report; the English ones an English report', async () => {
    expect(built['pipeline-zh'].locale).toBe('zh');
    expect(built['pipeline-en'].locale).toBe('en');
    const html = await readFile(join(root, 'pipeline-zh', 'report.html'), 'utf8');
    expect(html).toContain('<html lang="zh');
    expect(html).toContain('销售漏斗预测');
    const spec = JSON.parse(
      await readFile(join(root, 'pipeline-zh', 'charts', 'forecast-funnel.vl.json'), 'utf8'),
    );
    expect(JSON.stringify(spec)).toContain('兴趣');
  });

  it('results.xlsx: forecast sheet total weighted equals forecastFunnel on the same sheet read directly', async () => {
    for (const name of ['pipeline-en', 'pipeline-zh'] as const) {
      const [grid] = await readWorkbook(join(SAMPLES, `${name}.xlsx`));
      const deals = readRecords(grid!.rows, {
        kind: 'deal',
        sheet: grid!.sheet,
        date1904: grid!.date1904,
      }).records;
      const expected = forecastFunnel(deals, { asOf: AS_OF_DAY });
      const workbook = await readResults(name);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['Forecast', 'ABC', 'RFM', 'Notes']);
      const ws = workbook.getWorksheet('Forecast')!;
      const total = rowsStartingWith(ws, name === 'pipeline-zh' ? '合计' : 'Total')[0]!;
      expect(total[2]).toBe(expected.totals.count);
      expect(total[3]).toBeCloseTo(expected.totals.amount, 6);
      expect(total[4]).toBeCloseTo(expected.totals.weighted, 6);
      expect(built[name].analyses[0]?.headline.weightedForecast).toBe(expected.totals.weighted);
      // Formatting: bold header, money format, frozen header row, an image per chart.
      expect(ws.getRow(2).getCell(1).font?.bold).toBe(true);
      // Row 3 is the key figures: open deals (a count), then pipeline amount (money).
      expect(ws.getRow(3).getCell(1).numFmt).toBe('#,##0');
      expect(ws.getRow(3).getCell(2).numFmt).toBe('#,##0.00');
      // Then a blank row, the stages title and header: the first stage is row 7.
      const firstStage = ws.getRow(7);
      expect(firstStage.getCell(4).numFmt).toBe('#,##0.00');
      expect(firstStage.getCell(2).numFmt).toBe('0.0%');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      // The forecast's own charts on its sheet (ABC and RFM have theirs on their sheets).
      const forecastCharts = built[name].files.filter(
        (f) => f.startsWith('charts/forecast-') && f.endsWith('.vl.json'),
      );
      expect(ws.getImages()).toHaveLength(forecastCharts.length);
      expect(forecastCharts.length).toBe(3);
      expect(ws.getColumn(1).width).toBeGreaterThan(8);
    }
  });

  it('results.xlsx: ABC total equals abc(customerRevenue(lines)); sheets ABC, RFM, Portfolio, Notes', async () => {
    const grids = await readWorkbook(join(SAMPLES, 'customers-orders.xlsx'));
    const orders = grids.find((g) => g.sheet === 'Orders')!;
    const lines = readRecords(orders.rows, { kind: 'orderLine', sheet: 'Orders' }).records;
    const revenue = customerRevenue(lines);
    const expected = abc([...revenue.customers, ...revenue.returnsOnly]);
    const workbook = await readResults('customers-orders');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['ABC', 'RFM', 'Portfolio', 'Notes']);
    const total = rowsStartingWith(workbook.getWorksheet('ABC')!, 'Total')[0]!;
    expect(total[1]).toBe(expected.customers.length);
    expect(total[3]).toBeCloseTo(expected.total, 6);
  });

  it('results.xlsx: aging open total per currency equals ageReceivables on the sheets read directly', async () => {
    const grids = await readWorkbook(join(SAMPLES, 'invoices-payments.xlsx'));
    const read = (sheet: string, kind: 'invoice' | 'payment') => {
      const g = grids.find((x) => x.sheet === sheet)!;
      return readRecords(g.rows, { kind, sheet }).records;
    };
    const expected = ageReceivables(
      read('Invoices', 'invoice') as Invoice[],
      read('Payments', 'payment') as Payment[],
      { asOf: AS_OF },
    );
    const workbook = await readResults('invoices-payments');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Aging', 'Notes']);
    const ws = workbook.getWorksheet('Aging')!;
    expect(expected.sections.length).toBeGreaterThan(0);
    for (const section of expected.sections) {
      const total = rowsStartingWith(ws, section.currency ?? '', 'Total')[0]!;
      expect(total[2]).toBeCloseTo(section.totals.open, 6);
      expect(total[3]).toBe(section.totals.openItems);
    }
    const files = built['invoices-payments'].files;
    for (const section of expected.sections) {
      const suffix = expected.sections.length > 1 ? `-${section.currency}` : '';
      expect(files).toContain(`charts/aging-buckets${suffix}.vl.json`);
    }
  });

  it('the Notes sheet lists every warning and skipped analysis', async () => {
    for (const name of NAMES) {
      const ws = (await readResults(name)).getWorksheet('Notes')!;
      const types: string[] = [];
      ws.eachRow((row, n) => {
        if (n > 1) types.push(String(row.getCell(1).value));
      });
      const summary = built[name];
      expect(types.filter((t) => t === 'skipped')).toHaveLength(summary.skipped.length);
      expect(types.filter((t) => t === 'warning' || t === 'chart')).toHaveLength(summary.warnings);
    }
    expect(built['pipeline-en'].warnings).toBeGreaterThan(0); // the sample has a text amount
  });

  it('every chart spec written compiles and renders to SVG and PNG without warnings', async () => {
    for (const name of NAMES) {
      const dir = join(root, name, 'charts');
      for (const file of (await readdir(dir)).filter((f) => f.endsWith('.vl.json'))) {
        const spec = JSON.parse(await readFile(join(dir, file), 'utf8')) as TopLevelSpec;
        const r = await renderChart(spec);
        expect(r.warnings, `${name}/${file}`).toEqual([]);
        expect(r.svg).toMatch(/^<svg/);
        const png = await readFile(join(dir, file.replace('.vl.json', '.png')));
        expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      }
    }
  }, 30_000);

  it('CSVs are UTF-8 with a BOM and keep Chinese text', async () => {
    const csv = await readFile(join(root, 'pipeline-zh', 'forecast-stages.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('阶段');
    expect(csv).toContain('合计');
  });

  it('the owners and months tables end with a Total row: the sums of their rows, as the stages table', async () => {
    const rowsOf = async (file: string): Promise<string[][]> =>
      (await readFile(join(root, 'pipeline-en', file), 'utf8'))
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(','));
    const stagesTotal = (await rowsOf('forecast-stages.csv')).at(-1)!;
    // Deals, amount and weighted of the stages table's Total row: the forecast's totals.
    const [count, amount, weighted] = stagesTotal.slice(-5, -2).map(Number);
    for (const file of ['forecast-owners.csv', 'forecast-months.csv']) {
      const rows = await rowsOf(file);
      const total = rows.pop()!;
      expect(total[0]).toBe('Total');
      expect(total.slice(1, 4).map(Number)).toEqual([count, amount, weighted]);
      const sum = (column: number): number =>
        rows.reduce((added, row) => added + Math.round(Number(row[column]) * 100), 0) / 100;
      expect([sum(1), sum(2), sum(3)]).toEqual([count, amount, weighted]);
    }
  });
});

describe('buildWorkbookReport refuses unsafe or bad calls', () => {
  it('throws when the output folder would contain the input file', async () => {
    const input = join(SAMPLES, 'pipeline-en.xlsx');
    await expect(buildWorkbookReport(input, SAMPLES, { asOf: AS_OF })).rejects.toThrow(
      /would contain the input file/,
    );
    await expect(buildWorkbookReport(input, join(SAMPLES, '..'), { asOf: AS_OF })).rejects.toThrow(
      /would contain the input file/,
    );
    await expect(buildWorkbookReport(input, input, { asOf: AS_OF })).rejects.toThrow(
      /would contain the input file/,
    );
  });

  it('throws naming the function when asOf is not a date', async () => {
    await expect(
      buildWorkbookReport(join(SAMPLES, 'pipeline-en.xlsx'), join(root, 'x'), {
        asOf: '30/06/2026',
      }),
    ).rejects.toThrow(/buildWorkbookReport: asOf must be a date YYYY-MM-DD, got "30\/06\/2026"/);
  });
});
