import { describe, expect, it } from 'vitest';
import type { SheetValues } from '../../core/index.js';
import { ageReceivables, forecast, segment } from '../../core/index.js';
import { markerValue, OUTPUT_MARKER_KEY } from '../../addin/src/excel/owned-sheets.js';
import { readWorkbook } from '../../pipeline/read-workbook.js';
import { createExcelHost, loadXlsxFile, snapshotWorksheet } from '../excel-simulator/index.js';
import type { WorksheetSnapshot } from '../excel-simulator/index.js';
import { asWritten, writtenTable } from './support/output-table.js';
import { runPane, SAMPLE_AS_OF } from './support/run-pane.js';

/** Every user sheet of the model, to check it is the same after the run. */
function userSheets(model: Awaited<ReturnType<typeof loadXlsxFile>>): WorksheetSnapshot[] {
  return model.sheets.map((sheet) => snapshotWorksheet(model, sheet.id));
}

/** The grids the pane sent to the core, as the core's sheets. */
function sentSheets(outcome: Awaited<ReturnType<typeof runPane>>): SheetValues[] {
  const request = outcome.client.requests[0];
  return (request?.sources ?? []).map((s) => ({ name: s.name, values: s.values }));
}

describe.each([
  ['pipeline-en', 'Pipeline', 'en', 'Pipecast Forecast', 'Stages'],
  ['pipeline-zh', '商机', 'zh', 'Pipecast 预测', '各阶段'],
] as const)('forecast of samples/%s.xlsx', (file, sheet, locale, outputName, stagesTitle) => {
  it('writes the core’s stages for the grid it read, and pipecast’s totals', async () => {
    const model = await loadXlsxFile(`samples/${file}.xlsx`);
    const before = userSheets(model);
    const outcome = await runPane(createExcelHost(model), {
      analysis: 'forecast',
      choice: { type: 'usedRange', sheet },
      locale,
    });
    const core = forecast(sentSheets(outcome), { asOf: SAMPLE_AS_OF, monthRanges: true });
    if (core === null) throw new Error('the core found no deals');
    const out = snapshotWorksheet(model, outputName);
    const stages = writtenTable(out, stagesTitle);
    const name = (s: { name: string; nameZh: string }) => (locale === 'zh' ? s.nameZh : s.name);
    expect(stages.rows.slice(0, -1)).toEqual(
      core.result.stages.map((s) => [
        name(s),
        s.amount,
        s.weighted,
        asWritten(s.rate),
        s.count,
        asWritten(s.conversion),
        asWritten(s.avgDaysInStage),
      ]),
    );
    // pipecast forecast reads the file with its own reader; the totals row must agree with it.
    const cli = forecast(await readWorkbook(`samples/${file}.xlsx`), { asOf: SAMPLE_AS_OF });
    expect(stages.rows.at(-1)?.slice(1, 3)).toEqual([
      cli?.result.totals.amount,
      cli?.result.totals.weighted,
    ]);
    expect(out.customProperties).toEqual([[OUTPUT_MARKER_KEY, markerValue('forecast', out.id)]]);
    expect(out.tables.length).toBeGreaterThanOrEqual(4);
    expect(out.charts).toHaveLength(2);
    expect(out.conditionalFormats.length).toBeGreaterThanOrEqual(1);
    for (const snapshot of before) expect(snapshotWorksheet(model, snapshot.id)).toEqual(snapshot);
  });
});

describe('segments of samples/customers-orders.xlsx', () => {
  it('writes the core’s ABC classes, RFM segments and scorecard of the order lines and customers read', async () => {
    const model = await loadXlsxFile('samples/customers-orders.xlsx');
    const before = userSheets(model);
    const outcome = await runPane(createExcelHost(model), {
      analysis: 'segment',
      choice: { type: 'usedRange', sheet: 'Orders' },
      extraSheet: 'Customers',
      parameters: {
        scorecard: [
          { column: 'Purchase potential', weight: 60 },
          { column: 'Our share', weight: 40 },
        ],
      },
    });
    const sheets = sentSheets(outcome);
    const kinds = { Orders: 'orderLine' as const };
    const abc = segment(sheets, { method: 'abc', kinds });
    const rfm = segment(sheets, { method: 'rfm', kinds, asOf: SAMPLE_AS_OF });
    const out = snapshotWorksheet(model, 'Pipecast Segments');
    expect(writtenTable(out, 'ABC classes').rows).toEqual(
      abc.result.classes.map((c) => [c.class, c.customers, c.customerShare, c.value, c.valueShare]),
    );
    expect(writtenTable(out, 'RFM segments').rows).toEqual(
      rfm.result.segments.map((g) => [
        g.name,
        g.customers,
        g.customerShare,
        g.monetary,
        g.monetaryShare,
      ]),
    );
    expect(writtenTable(out, 'Customers by value (ABC)').rows).toHaveLength(
      abc.result.customers.length,
    );
    expect(out.charts).toHaveLength(2);
    // The scorecard of the customer list, each column ranked onto 1–100 as the pane asks.
    const scored = segment(sheets, {
      method: 'scorecard',
      kinds,
      criteria: [
        { name: 'Purchase potential', weight: 60, scale: 'rank' },
        { name: 'Our share', weight: 40, scale: 'rank' },
      ],
    });
    // The tier under its English name (DOMAIN.md: strategic / key / ordinary), not its key.
    const tierName: Record<string, string> = {
      strategic: 'Strategic',
      key: 'Key',
      ordinary: 'Ordinary',
    };
    expect(writtenTable(out, 'Scorecard').rows).toEqual(
      scored.result.items.map((item) => [
        item.name ?? item.id,
        item.total,
        item.rank,
        tierName[item.tier],
      ]),
    );
    for (const snapshot of before) expect(snapshotWorksheet(model, snapshot.id)).toEqual(snapshot);
  });
});

describe('aging of samples/invoices-payments.xlsx', () => {
  it('writes the core’s buckets and customers of the invoices and payments read', async () => {
    const model = await loadXlsxFile('samples/invoices-payments.xlsx');
    const before = userSheets(model);
    const outcome = await runPane(createExcelHost(model), {
      analysis: 'aging',
      choice: { type: 'usedRange', sheet: 'Invoices' },
      extraSheet: 'Payments',
    });
    const core = ageReceivables(sentSheets(outcome), {
      asOf: SAMPLE_AS_OF,
      kinds: { Invoices: 'invoice' },
    });
    // The sample has two currencies (CNY and USD): one block of buckets each, never added up.
    const sections = core.result?.sections ?? [];
    expect(sections.length).toBe(2);
    const out = snapshotWorksheet(model, 'Pipecast Aging');
    expect(writtenTable(out, 'Aging buckets').rows).toEqual(
      // What is owed per bucket, the credits on their own row, then the open total.
      sections.flatMap((s) => [
        ...s.buckets.map((b) => [b.label, b.owed, b.count - b.creditCount, s.currency ?? '']),
        ...(s.totals.credit < 0
          ? [
              [
                'Credits',
                s.totals.credit,
                s.buckets.reduce((items, b) => items + b.creditCount, 0),
                s.currency ?? '',
              ],
            ]
          : []),
        ['Total', s.totals.open, s.totals.openItems, s.currency ?? ''],
      ]),
    );
    const customers = writtenTable(out, 'Customers');
    expect(customers.rows.map((row) => [row[0], row.at(-1)])).toEqual(
      sections.flatMap((s) => s.customers.map((c) => [c.id, s.currency ?? ''])),
    );
    expect(out.charts).toHaveLength(1);
    for (const snapshot of before) expect(snapshotWorksheet(model, snapshot.id)).toEqual(snapshot);
  });
});
