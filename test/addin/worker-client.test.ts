import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/index.js';
import type { WorkerRequest } from '../../addin/src/worker/protocol.js';
import type { WorkerLike } from '../../addin/src/worker/worker-client.js';
import { ROWS_PER_MESSAGE, WorkerClient } from '../../addin/src/worker/worker-client.js';
import { dealValues } from './support/deal-sheets.js';

/** A worker that answers nothing and notes, at each message, how many row pieces were cut so far. */
class RecordingWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  readonly sent: { type: WorkerRequest['type']; piecesCut: number }[] = [];
  constructor(private readonly piecesCut: () => number) {}
  postMessage(message: WorkerRequest): void {
    this.sent.push({ type: message.type, piecesCut: this.piecesCut() });
  }
  terminate(): void {}
}

describe('WorkerClient.analyse', () => {
  it('cuts the rows into pieces one at a time, as it sends them, not all before the first', async () => {
    const values = dealValues(ROWS_PER_MESSAGE * 3 - 1) as CellValue[][];
    let piecesCut = 0;
    const slice = values.slice.bind(values);
    values.slice = (start?: number, end?: number) => ((piecesCut += 1), slice(start, end));
    const worker = new RecordingWorker(() => piecesCut);
    const client = new WorkerClient(() => worker);
    const run = client.analyse({
      analysis: 'forecast',
      locale: 'en',
      date1904: false,
      parameters: { asOf: '2026-06-30' },
      sources: [{ name: 'Deals', values, rowIndex: 0, columnIndex: 0, kind: null, mapping: {} }],
    });
    // 3 × ROWS_PER_MESSAGE rows with the header: three pieces, then the request.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(worker.sent).toEqual([
      { type: 'rows', piecesCut: 1 },
      { type: 'rows', piecesCut: 2 },
      { type: 'rows', piecesCut: 3 },
      { type: 'analyse', piecesCut: 3 },
    ]);
    client.cancel();
    await run.catch(() => undefined);
  });
});
