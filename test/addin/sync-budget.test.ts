import { describe, expect, it } from 'vitest';
import { forecast } from '../../core/index.js';
import { PAYLOAD_LIMIT_BYTES, SAMPLE_ROWS } from '../../addin/src/excel/excel-limits.js';
import {
  createExcelHost,
  createWorkbookModel,
  snapshotWorksheet,
} from '../excel-simulator/index.js';
import { dealValues } from './support/deal-sheets.js';
import { writtenTable } from './support/output-table.js';
import { runPane, SAMPLE_AS_OF } from './support/run-pane.js';

function forecastRun(host: ReturnType<typeof createExcelHost>) {
  return runPane(host, { analysis: 'forecast', choice: { type: 'usedRange', sheet: 'Deals' } });
}

async function syncsFor(rows: number): Promise<number> {
  const model = createWorkbookModel([{ name: 'Deals', values: dealValues(rows) }]);
  const host = createExcelHost(model);
  await forecastRun(host);
  expect(Math.max(...host.stats.payloadBytes)).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  return host.stats.syncs;
}

describe('sync round trips', () => {
  it('are as many for 100,000 deals as for 1,000 while the sheet is under the payload limit', async () => {
    // 100,000 rows of ~36 bytes of JSON each: 3.6 MB, under the 5 MB limit.
    const small = await syncsFor(1_000);
    const large = await syncsFor(100_000);
    expect(large).toBe(small);
    // Inspect: range + first rows (2); run: range and sheets, first rows and markers, the rest,
    // write, then the new sheets' markers, which name their ids known only after the write (5).
    expect(small).toBe(7);
  });

  it('read and write a sheet above the limit in row blocks, each under it', async () => {
    // Long owner names make ~2,440-byte rows: 2,500 rows ≈ 6.1 MB, two blocks or more.
    const owner = (i: number) => `Owner ${i % 50} `.padEnd(2400, '.');
    const model = createWorkbookModel([{ name: 'Deals', values: dealValues(2_500, owner) }]);
    const host = createExcelHost(model);
    const outcome = await forecastRun(host);
    const read = outcome.client.requests[0]?.sources[0]?.values ?? [];
    expect(read).toEqual(dealValues(2_500, owner));
    expect(host.stats.syncs).toBeGreaterThan(7);
    expect(Math.max(...host.stats.payloadBytes)).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(host.stats.errors).toEqual([]);
  });

  it('recover from a payload error: rows longer than the measured ones are read again in halves', async () => {
    // The first SAMPLE_ROWS rows are short, the rest ~4 KB: the block sized from the sample is
    // far too large (1,500 rows ≈ 6 MB), Excel refuses it, and smaller blocks follow.
    const owner = (i: number) => (i < SAMPLE_ROWS ? 'A' : `B${i}`.padEnd(4000, '-'));
    const values = dealValues(2_000, owner);
    const model = createWorkbookModel([{ name: 'Deals', values }]);
    const host = createExcelHost(model);
    const outcome = await forecastRun(host);
    expect(host.stats.errors).toContain('ResponsePayloadSizeLimitExceeded');
    expect(outcome.client.requests[0]?.sources[0]?.values).toEqual(values);
    const core = forecast([{ name: 'Deals', values }], { asOf: SAMPLE_AS_OF });
    const stages = writtenTable(snapshotWorksheet(model, 'Pipecast Forecast'), 'Stages');
    expect(stages.rows.at(-1)?.[2]).toBe(core?.result.totals.weighted);
  });
});
