import { describe, expect, it } from 'vitest';
import type { SheetValues } from '../../core/index.js';
import { analyzeWorkbook, segment } from '../../core/index.js';
import { createExcelHost, loadXlsxFile, snapshotWorksheet } from '../excel-simulator/index.js';
import { writtenTable } from './support/output-table.js';
import { runPane, SAMPLE_AS_OF } from './support/run-pane.js';

describe('segments of samples/pipeline-en.xlsx (deals, no order lines)', () => {
  it('takes the won deals as orders, as the report and the CLI do, and says so', async () => {
    const model = await loadXlsxFile('samples/pipeline-en.xlsx');
    const outcome = await runPane(createExcelHost(model), {
      analysis: 'segment',
      choice: { type: 'usedRange', sheet: 'Pipeline' },
    });
    const request = outcome.client.requests[0];
    const sheets: SheetValues[] = (request?.sources ?? []).map((s) => ({
      name: s.name,
      values: s.values,
    }));
    const report = analyzeWorkbook(sheets, { asOf: SAMPLE_AS_OF });
    const out = snapshotWorksheet(model, 'Pipecast Segments');
    // The report's ABC and RFM of the same sheet: its 10 won deals (Status "Won") as orders.
    expect(report.orderHistory).toMatchObject({ source: 'wonDeals', lines: 10 });
    expect(writtenTable(out, 'ABC classes').rows).toEqual(
      report.abc?.result.classes.map((c) => [
        c.class,
        c.customers,
        c.customerShare,
        c.value,
        c.valueShare,
      ]),
    );
    // RFM runs too (it needed order lines before), with the report's segments.
    expect(writtenTable(out, 'RFM segments').rows).toEqual(
      report.rfm?.result.segments.map((g) => [
        g.name,
        g.customers,
        g.customerShare,
        g.monetary,
        g.monetaryShare,
      ]),
    );
    const notes = out.values.flat().filter((cell) => typeof cell === 'string');
    expect(notes.some((cell) => cell.startsWith('Orders: the 10 won deals of Pipeline'))).toBe(
      true,
    );
    expect(segment(sheets, { method: 'abc' }).orderHistory).toEqual(report.orderHistory);
  });
});
