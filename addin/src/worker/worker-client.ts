import type { CellValue, InspectSheetResult, RecordKind } from '../../../core/index.js';
import { PaneError, paneErrorOf } from '../pane-error.js';
import type { AnalysisClient } from './analysis-client.js';
import type { AnalysisRequest, AnalysisResult, WorkerRequest, WorkerResponse } from './protocol.js';

/**
 * The part of a Web Worker the client uses, so the client (and its tests) need no DOM types:
 * the pane passes `() => new Worker(url)`.
 */
export interface WorkerLike {
  onmessage: ((event: { data: WorkerResponse }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(message: WorkerRequest): void;
  terminate(): void;
}

/** Rows per message: a structured clone of this many rows takes a few milliseconds. */
export const ROWS_PER_MESSAGE = 5_000;

/**
 * The pane's side of the analysis worker: one run at a time, cancel by terminating the worker
 * (the core is synchronous, so there is no gentler way to stop it), a fresh worker after that.
 */
export class WorkerClient implements AnalysisClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private pending: { id: number; settle: (response: WorkerResponse) => void } | null = null;

  constructor(private readonly createWorker: () => WorkerLike) {}

  /** Whether a request is in progress. */
  get busy(): boolean {
    return this.pending !== null;
  }

  /** How the core reads a sheet's head: kind, header row, field → column. */
  async inspect(
    name: string,
    values: CellValue[][],
    kind?: RecordKind,
    mapping?: Record<string, string | null>,
  ): Promise<InspectSheetResult> {
    const response = await this.request((id) => [
      {
        type: 'inspect',
        id,
        name,
        values,
        ...(kind ? { kind } : {}),
        ...(mapping ? { mapping } : {}),
      },
    ]);
    if (response.type !== 'inspected') throw failed(response);
    return response.result;
  }

  /** Sends the sources' rows in pieces, then runs the analysis. */
  async analyse(request: AnalysisRequest): Promise<AnalysisResult> {
    const response = await this.request((id) => analyseMessages(id, request));
    if (response.type !== 'analysed') throw failed(response);
    return response.result;
  }

  /** Stops the run in progress: the worker is dropped, and the run fails with `cancelled`. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    const pending = this.pending;
    this.pending = null;
    pending?.settle({ type: 'failed', id: pending.id, failure: { key: 'cancelled', params: {} } });
  }

  private async request(build: (id: number) => Iterable<WorkerRequest>): Promise<WorkerResponse> {
    if (this.pending !== null) throw new PaneError('errorRunInProgress');
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const answer = new Promise<WorkerResponse>((settle) => {
      this.pending = { id, settle };
    });
    for (const message of build(id)) {
      worker.postMessage(message);
      // Let the pane paint between pieces of a large sheet.
      if (message.type === 'rows') await new Promise((resolve) => setTimeout(resolve, 0));
      // A cancel during the pieces drops this request.
      const current = this.pending as { id: number } | null;
      if (current?.id !== id) break;
    }
    return answer;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker !== null) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => {
      const pending = this.pending;
      if (pending === null || pending.id !== event.data.id) return;
      this.pending = null;
      pending.settle(event.data);
    };
    worker.onerror = (event) => {
      const pending = this.pending;
      this.pending = null;
      pending?.settle({
        type: 'failed',
        id: pending.id,
        failure: { key: 'errorUnexpected', params: { message: event.message } },
      });
    };
    this.worker = worker;
    return worker;
  }
}

/**
 * The messages of one analysis: the rows in pieces, then the request. Made one piece at a time
 * as they are sent: slicing a million rows at once is a copy of a million references in one
 * turn of the event loop, and the garbage collection it sets off blocked the pane for 100 ms.
 */
export function* analyseMessages(id: number, request: AnalysisRequest): Generator<WorkerRequest> {
  for (const [index, source] of request.sources.entries()) {
    for (let start = 0; start < source.values.length; start += ROWS_PER_MESSAGE) {
      const rows = source.values.slice(start, start + ROWS_PER_MESSAGE);
      yield { type: 'rows', id, source: index, rows };
    }
  }
  const sources = request.sources.map(({ values: _values, ...rest }) => rest);
  yield { type: 'analyse', id, request: { ...request, sources } };
}

function failed(response: WorkerResponse): PaneError {
  if (response.type === 'failed') return paneErrorOf(response.failure);
  return new PaneError('errorUnexpected', { message: `unexpected answer ${response.type}` });
}
