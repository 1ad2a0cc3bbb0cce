import { describe, expect, it } from 'vitest';
import type { SheetValues } from '../../core/index.js';
import {
  ageReceivables,
  agingBreakdown,
  agingBreakdowns,
  forecast,
  forecastBreakdown,
  inspectSheet,
  segment,
  segmentBreakdown,
} from '../../core/index.js';
import { customerListColumns } from '../../addin/src/run-flow.js';
import { main } from '../../pipeline/cli.js';
import type { ForecastJson } from '../../pipeline/commands/forecast.js';
import { createExcelHost, loadXlsxFile, snapshotWorksheet } from '../excel-simulator/index.js';
import { typedExcel } from '../excel-simulator/typed-excel.js';
import { dealValues } from './support/deal-sheets.js';
import { writtenTable } from './support/output-table.js';
import { runPane, SAMPLE_AS_OF } from './support/run-pane.js';

/** The grids the pane sent to the core, as the core's sheets. */
function sentSheets(outcome: Awaited<ReturnType<typeof runPane>>): SheetValues[] {
  const request = outcome.client.requests[0];
  return (request?.sources ?? []).map((s) => ({ name: s.name, values: s.values }));
}

/** `pipecast forecast FILE --as-of … --by …  --json`, run in process, as its JSON. */
async function cliForecast(file: string, by: readonly string[]): Promise<ForecastJson> {
  let out = '';
  const io = { stdout: (text: string) => (out += text), stderr: () => undefined, isTTY: false };
  const args = ['forecast', file, '--as-of', SAMPLE_AS_OF, ...by.flatMap((b) => ['--by', b])];
  expect(await main([...args, '--json'], io)).toBe(0);
  return JSON.parse(out) as ForecastJson;
}

describe('forecast breakdowns from the pane', () => {
  it('writes, per column, the rows of forecastBreakdown and of pipecast forecast --by', async () => {
    const model = await loadXlsxFile('samples/pipeline-en.xlsx');
    const outcome = await runPane(createExcelHost(model), {
      analysis: 'forecast',
      choice: { type: 'usedRange', sheet: 'Pipeline' },
      parameters: { breakdowns: ['Region', 'Product'] },
    });
    const run = forecast(sentSheets(outcome), { asOf: SAMPLE_AS_OF, perRow: true });
    if (run === null) throw new Error('the core found no deals');
    const cli = await cliForecast('samples/pipeline-en.xlsx', ['Region', 'Product']);
    const out = snapshotWorksheet(model, 'Pipecast Forecast');
    for (const [i, column] of ['Region', 'Product'].entries()) {
      const table = writtenTable(out, `By ${column}`);
      expect(table.header).toEqual([column, 'Weighted', 'Amount', 'Deals']);
      const api = forecastBreakdown(run, column).rows;
      const asRow = (r: (typeof api)[number]) => [
        r.key ?? '(blank)',
        r.weighted,
        r.amount,
        r.count,
      ];
      expect(table.rows.slice(0, -1)).toEqual(api.map(asRow));
      expect(table.rows.slice(0, -1)).toEqual(cli.breakdowns?.[i]?.rows.map(asRow));
      // The Total row is the funnel's totals (pipecast forecast: 54 open deals, 622,050 weighted).
      expect(table.rows.at(-1)).toEqual(['Total', 622050, 2982000, 54]);
    }
    // Two charts of the forecast, one bar chart per breakdown.
    expect(out.charts).toHaveLength(4);
  });

  it('shows a date column as dates, as the CLI does, and finds Region by its Chinese name', async () => {
    // Range.values gives the close dates as serial numbers; the CLI's reader gives Date cells.
    const model = await loadXlsxFile('samples/pipeline-en.xlsx');
    const outcome = await runPane(createExcelHost(model), {
      analysis: 'forecast',
      choice: { type: 'usedRange', sheet: 'Pipeline' },
      parameters: { breakdowns: ['Close date', '区域'] },
    });
    const values = sentSheets(outcome)[0]?.values ?? [];
    const headerAt = values.findIndex((row) => row.includes('Close date'));
    const closeDate = values[headerAt]?.indexOf('Close date') ?? -1;
    expect(typeof values[headerAt + 1]?.[closeDate]).toBe('number');
    const cli = await cliForecast('samples/pipeline-en.xlsx', ['Close date', 'Region']);
    const out = snapshotWorksheet(model, 'Pipecast Forecast');
    const asRow = (r: { key: string | null; weighted: number; amount: number; count: number }) => [
      r.key ?? '(blank)',
      r.weighted,
      r.amount,
      r.count,
    ];
    const dates = writtenTable(out, 'By Close date');
    expect(dates.rows.slice(0, -1)).toEqual(cli.breakdowns?.[0]?.rows.map(asRow));
    expect(dates.rows[0]?.[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Titled as the user named it; the rows are those of the Region column.
    const regions = writtenTable(out, 'By 区域');
    expect(regions.rows.slice(0, -1)).toEqual(cli.breakdowns?.[1]?.rows.map(asRow));
  });

  it('writes one table per sheet column: Region, 区域 and D are one', async () => {
    const model = await loadXlsxFile('samples/pipeline-en.xlsx');
    await runPane(createExcelHost(model), {
      analysis: 'forecast',
      choice: { type: 'usedRange', sheet: 'Pipeline' },
      parameters: { breakdowns: ['Region', '区域', 'D', 'Product'] },
    });
    const out = snapshotWorksheet(model, 'Pipecast Forecast');
    const titles = out.values.map((row) => row[0]).filter((cell) => /^By /.test(String(cell)));
    // Titled as first ticked; pipeline-en's column D is Region, E Product.
    expect(titles).toEqual(['By Region', 'By Product']);
    // The forecast's two charts and one per table.
    expect(out.charts).toHaveLength(4);
  });

  it('leaves out the Owners table when a breakdown is by the owner column, and keeps it otherwise', async () => {
    const titlesOf = async (breakdowns: string[]): Promise<unknown[]> => {
      const model = await loadXlsxFile('samples/pipeline-en.xlsx');
      await runPane(createExcelHost(model), {
        analysis: 'forecast',
        choice: { type: 'usedRange', sheet: 'Pipeline' },
        parameters: { breakdowns },
      });
      return snapshotWorksheet(model, 'Pipecast Forecast').values.map((row) => row[0]);
    };
    // pipeline-en's Owner column is the one the core reads as the deal owner.
    const byOwner = await titlesOf(['Owner']);
    expect(byOwner).toContain('By Owner');
    expect(byOwner).not.toContain('Owners');
    expect(await titlesOf(['Region'])).toContain('Owners');
  });

  it('gives blank cells their own row, labelled in the pane’s language', async () => {
    const model = await loadXlsxFile('samples/pipeline-zh.xlsx');
    const host = createExcelHost(model);
    // Blank the region of the first two deals (rows 4 and 5 under the header on row 3).
    const regionColumn = await typedExcel(host).run(async (context) => {
      const header = context.workbook.worksheets.getItem('商机').getRange('A3:O3').load('values');
      await context.sync();
      return (header.values[0] ?? []).indexOf('区域');
    });
    expect(regionColumn).toBeGreaterThanOrEqual(0);
    const firstDeals = await typedExcel(host).run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('商机');
      const rows = sheet.getRangeByIndexes(3, 0, 2, 15).load('values');
      await context.sync();
      sheet.getRangeByIndexes(3, regionColumn, 2, 1).values = [[''], ['']];
      await context.sync();
      return rows.values;
    });
    const outcome = await runPane(host, {
      analysis: 'forecast',
      choice: { type: 'usedRange', sheet: '商机' },
      locale: 'zh',
      parameters: { breakdowns: ['区域'] },
    });
    const run = forecast(sentSheets(outcome), { asOf: SAMPLE_AS_OF, perRow: true });
    if (run === null) throw new Error('the core found no deals');
    const api = forecastBreakdown(run, '区域').rows;
    const blank = api.find((row) => row.key === null);
    // The two blanked deals, both open: their count and amounts read off the sheet.
    const amountColumn = 6;
    expect(blank?.count).toBe(2);
    expect(blank?.amount).toBe(firstDeals.reduce((sum, row) => sum + Number(row[amountColumn]), 0));
    const table = writtenTable(snapshotWorksheet(model, 'Pipecast 预测'), '按「区域」');
    expect(table.rows.find((row) => row[0] === '(空白)')).toEqual([
      '(空白)',
      blank?.weighted,
      blank?.amount,
      2,
    ]);
    expect(table.rows).toHaveLength(api.length + 1);
  });
});

describe('a breakdown by a column of many values', () => {
  it('lists 1,000 values, then "… and N more" with the sums of the rest, then the Total', async () => {
    const model = await loadXlsxFile('samples/pipeline-en.xlsx');
    const host = createExcelHost(model);
    await typedExcel(host).run(async (context) => {
      const values = dealValues(1400);
      context.workbook.worksheets.add('Deals').getRangeByIndexes(0, 0, values.length, 5).values =
        values;
      await context.sync();
    });
    const outcome = await runPane(host, {
      analysis: 'forecast',
      choice: { type: 'usedRange', sheet: 'Deals' },
      parameters: { breakdowns: ['Deal'] },
    });
    const run = forecast(sentSheets(outcome), { asOf: SAMPLE_AS_OF, perRow: true });
    if (run === null) throw new Error('the core found no deals');
    // 1,400 deals, 2 stages in 8 closed (Won, Lost): 1,050 open deals, one value each.
    const api = forecastBreakdown(run, 'Deal').rows;
    expect(api).toHaveLength(1050);
    const table = writtenTable(snapshotWorksheet(model, 'Pipecast Forecast'), 'By Deal');
    expect(table.rows).toHaveLength(1002);
    const rest = api.slice(1000);
    const cents = (value: number) => Math.round(value * 100) / 100;
    expect(table.rows[1000]).toEqual([
      '… and 50 more',
      cents(rest.reduce((sum, row) => sum + row.weighted, 0)),
      cents(rest.reduce((sum, row) => sum + row.amount, 0)),
      50,
    ]);
    const { totals } = run.result;
    expect(table.rows[1001]).toEqual(['Total', totals.weighted, totals.amount, 1050]);
  });
});

describe('aging and segment breakdowns from the pane', () => {
  it('writes a table per currency for a ledger in two, each adding up to its Aging buckets', async () => {
    const model = await loadXlsxFile('samples/invoices-payments.xlsx');
    const outcome = await runPane(createExcelHost(model), {
      analysis: 'aging',
      choice: { type: 'usedRange', sheet: 'Invoices' },
      extraSheet: 'Payments',
      parameters: { breakdowns: ['Owner'] },
    });
    const out = snapshotWorksheet(model, 'Pipecast Aging');
    const run = ageReceivables(sentSheets(outcome), {
      asOf: SAMPLE_AS_OF,
      kinds: { Invoices: 'invoice', Payments: 'payment' },
      perRow: true,
    });
    const labels = run.result?.buckets.map((b) => b.label) ?? [];
    const sections = run.result?.sections ?? [];
    expect(sections.map((section) => section.currency)).toEqual(['CNY', 'USD']);
    for (const [s, breakdown] of agingBreakdowns(run, 'Owner').entries()) {
      const section = sections[s]!;
      const table = writtenTable(out, `By Owner (${section.currency})`);
      expect(table.header).toEqual([
        'Owner',
        ...labels,
        'Credits',
        `Open (${section.currency})`,
        'Items',
      ]);
      expect(table.rows.slice(0, -1)).toEqual(
        breakdown.rows.map((r) => [
          r.key ?? '(blank)',
          ...labels.map((l) => r.buckets[l]),
          r.credits,
          r.open,
          r.count,
        ]),
      );
      // The Total row is the Aging buckets table's: owed per bucket, credits, open and items.
      expect(table.rows.at(-1)).toEqual([
        'Total',
        ...section.buckets.map((bucket) => bucket.owed),
        section.totals.credit,
        section.totals.open,
        section.totals.openItems,
      ]);
    }
    const notes = writtenTable(out, 'Notes').rows.map((row) => row[3]);
    expect(notes).not.toContainEqual(expect.stringMatching(/^No breakdown by Owner/));
  });

  it('writes agingBreakdown’s rows for a one-currency ledger', async () => {
    const model = await loadXlsxFile('samples/invoices-payments.xlsx');
    const host = createExcelHost(model);
    // Keep the CNY invoices only (relabelling USD ones would change what their amounts mean),
    // and leave the payments out: those of the USD invoices would stand as unapplied USD cash.
    await typedExcel(host).run(async (context) => {
      const used = context.workbook.worksheets.getItem('Invoices').getUsedRange().load('values');
      await context.sync();
      const kept = used.values.filter((row, i) => i < 3 || row[7] !== 'USD');
      const blank = used.values.slice(kept.length).map((row) => row.map(() => ''));
      used.values = [...kept, ...blank];
      await context.sync();
    });
    const outcome = await runPane(host, {
      analysis: 'aging',
      choice: { type: 'usedRange', sheet: 'Invoices' },
      parameters: { breakdowns: ['Owner'] },
    });
    const run = ageReceivables(sentSheets(outcome), {
      asOf: SAMPLE_AS_OF,
      kinds: { Invoices: 'invoice' },
      perRow: true,
    });
    const api = agingBreakdown(run, 'Owner');
    expect(api.currency).toBe('CNY');
    const labels = run.result?.buckets.map((b) => b.label) ?? [];
    const table = writtenTable(snapshotWorksheet(model, 'Pipecast Aging'), 'By Owner');
    expect(table.header).toEqual(['Owner', ...labels, 'Credits', 'Open (CNY)', 'Items']);
    expect(table.rows.slice(0, -1)).toEqual(
      api.rows.map((r) => [
        r.key ?? '(blank)',
        ...labels.map((l) => r.buckets[l]),
        r.credits,
        r.open,
        r.count,
      ]),
    );
    // The Total row's open balance is the section's (the breakdown counts every open line).
    expect(table.rows.at(-1)?.at(-2)).toBe(run.result?.sections[0]?.totals.open);
  });

  it('writes segmentBreakdown’s rows of the ABC classes', async () => {
    const model = await loadXlsxFile('samples/customers-orders.xlsx');
    const outcome = await runPane(createExcelHost(model), {
      analysis: 'segment',
      choice: { type: 'usedRange', sheet: 'Orders' },
      parameters: { breakdowns: ['Stock Code'] },
    });
    const abc = segment(sentSheets(outcome), {
      method: 'abc',
      kinds: { Orders: 'orderLine' },
      perRow: true,
    });
    const api = segmentBreakdown(abc, 'Stock Code');
    const table = writtenTable(snapshotWorksheet(model, 'Pipecast Segments'), 'By Stock Code');
    const classes = table.header.slice(3) as string[];
    expect(classes).toEqual(['A', 'B', 'C']);
    expect(table.rows.slice(0, -1)).toEqual(
      api.rows.map((r) => [
        r.key ?? '(blank)',
        r.count,
        r.revenue,
        ...classes.map((c) => r.classes[c] ?? 0),
      ]),
    );
    // Every customer counts once, under its most recent line's value.
    expect(table.rows.at(-1)?.[1]).toBe(abc.result.customers.length);
  });

  it('breaks the segments down by a column of the customer list chosen beside the orders', async () => {
    const model = await loadXlsxFile('samples/customers-orders.xlsx');
    const outcome = await runPane(createExcelHost(model), {
      analysis: 'segment',
      choice: { type: 'usedRange', sheet: 'Orders' },
      extraSheet: 'Customers',
      parameters: { breakdowns: ['Industry'] },
    });
    const abc = segment(sentSheets(outcome), {
      method: 'abc',
      kinds: { Orders: 'orderLine' },
      perRow: true,
    });
    const api = segmentBreakdown(abc, 'Industry');
    const table = writtenTable(snapshotWorksheet(model, 'Pipecast Segments'), 'By Industry');
    const classes = table.header.slice(3) as string[];
    expect(table.rows.slice(0, -1)).toEqual(
      api.rows.map((r) => [r.key, r.count, r.revenue, ...classes.map((c) => r.classes[c] ?? 0)]),
    );
    // The sample's five industries (samples/make-samples.ts), every customer on the list.
    expect(table.rows.slice(0, -1).map((row) => row[0])).toEqual([
      'Retail',
      'Logistics',
      'Finance',
      'Healthcare',
      'Manufacturing',
    ]);
    expect(table.rows.at(-1)?.[1]).toBe(abc.result.customers.length);
  });
});

describe('customerListColumns', () => {
  const list = inspectSheet(
    [
      ['Customer ID', 'Name', 'Industry', '', 'region'],
      ['C1', 'Acme', 'Retail', 'x', 'East'],
    ],
    { name: 'Customers' },
  );

  it('offers a customer list’s headers but its id and those the source has', () => {
    // Customer ID is the id the core joins by; "Region" is the source's already (one column).
    expect(customerListColumns(list, ['Invoice No', 'Customer ID', 'Region'])).toEqual([
      'Name',
      'Industry',
    ]);
  });

  it('offers nothing of a sheet that is not a customer list', () => {
    const payments = inspectSheet(
      [
        ['Payment Date', 'Invoice No', 'Amount'],
        ['2026-05-01', 'I1', 10],
      ],
      { name: 'Payments' },
    );
    expect(payments.kind).not.toBe('customer');
    expect(customerListColumns(payments, [])).toEqual([]);
  });
});
