import { describe, expect, it } from 'vitest';
import { forecast } from '../../core/index.js';
import { MONTH_RANGE_MAX_ROWS } from '../../addin/src/results/forecast-output.js';
import { createExcelHost, loadXlsxFile, snapshotWorksheet } from '../excel-simulator/index.js';
import { typedExcel } from '../excel-simulator/typed-excel.js';
import type { ChartModel } from '../excel-simulator/workbook-model.js';
import { dealValues } from './support/deal-sheets.js';
import { asWritten, writtenTable } from './support/output-table.js';
import { runPane, SAMPLE_AS_OF } from './support/run-pane.js';

/** A workbook holding one sheet "Deals" of `rows` deals (test/addin/support/deal-sheets.ts). */
async function dealsWorkbook(rows: number) {
  const model = await loadXlsxFile('samples/pipeline-en.xlsx');
  const host = createExcelHost(model);
  await typedExcel(host).run(async (context) => {
    const values = dealValues(rows);
    const sheet = context.workbook.worksheets.add('Deals');
    sheet.getRangeByIndexes(0, 0, values.length, 5).values = values;
    await context.sync();
  });
  return { host, model };
}

describe('the forecast sheet’s close months', () => {
  it('carry the core’s P10, P90 and P50 per month, drawn as a band around the weighted columns', async () => {
    const model = await loadXlsxFile('samples/pipeline-en.xlsx');
    const outcome = await runPane(createExcelHost(model), {
      analysis: 'forecast',
      choice: { type: 'usedRange', sheet: 'Pipeline' },
    });
    const values = outcome.client.requests[0]?.sources[0]?.values ?? [];
    const core = forecast([{ name: 'Pipeline', values }], {
      asOf: SAMPLE_AS_OF,
      monthRanges: true,
    });
    const ranges = new Map(core?.result.monthRanges?.map((m) => [m.month, m.range]));
    expect(ranges.size).toBeGreaterThan(0);
    const out = snapshotWorksheet(model, 'Pipecast Forecast');
    const months = writtenTable(out, 'Forecast by close month');
    expect(months.header).toEqual([
      'Close month',
      'Weighted',
      'P10',
      'P90',
      'P50',
      'Amount',
      'Deals',
    ]);
    expect(months.rows).toEqual(
      core?.result.byMonth.map((m) => {
        const range = ranges.get(m.key);
        return [m.name, m.weighted, range?.p10, range?.p90, range?.p50, m.amount, m.count].map(
          asWritten,
        );
      }),
    );
    const band = (out.charts as ChartModel[]).find(
      (c) => c.properties['title.text'] === 'Weighted forecast by close month, P10–P90',
    );
    expect(band?.seriesNames).toEqual(['Weighted', 'P10', 'P90']);
    expect([
      band?.properties['series.1.chartType'],
      band?.properties['series.2.chartType'],
    ]).toEqual(['Line', 'Line']);
  });

  it(`leave the ranges out past ${MONTH_RANGE_MAX_ROWS.toLocaleString('en-US')} rows, and a note says so`, async () => {
    const rows = MONTH_RANGE_MAX_ROWS + 1;
    const { host, model } = await dealsWorkbook(rows);
    await runPane(host, { analysis: 'forecast', choice: { type: 'usedRange', sheet: 'Deals' } });
    const out = snapshotWorksheet(model, 'Pipecast Forecast');
    expect(writtenTable(out, 'Forecast by close month').header).toEqual([
      'Close month',
      'Weighted',
      'Amount',
      'Deals',
    ]);
    const notes = writtenTable(out, 'Notes').rows.map((row) => row[3]);
    expect(notes).toContain(
      'P10–P90 per close month not worked out for 50,001 rows (the pane does it up to 50,000: one simulation per month); pipecast report works them out.',
    );
  }, 60_000);
});

describe('the hygiene list', () => {
  it('shows 1,000 deals per issue and says "… and N more" for the rest', async () => {
    // 1,400 deals, stages cycling through 8 names of which Won and Lost close 2 in 8: 1,050 open,
    // all closing by 2026-10-27 (serial 46203 + 119), so all past close at 2026-12-31.
    const { host, model } = await dealsWorkbook(1400);
    await runPane(host, {
      analysis: 'forecast',
      choice: { type: 'usedRange', sheet: 'Deals' },
      parameters: { asOf: '2026-12-31' },
    });
    const hygiene = writtenTable(snapshotWorksheet(model, 'Pipecast Forecast'), 'Deals to look at');
    const pastClose = hygiene.rows.filter((row) => row[1] === 'close date passed');
    expect(pastClose).toHaveLength(1001);
    expect(pastClose.at(-1)?.[0]).toBe('… and 50 more');
  });
});
