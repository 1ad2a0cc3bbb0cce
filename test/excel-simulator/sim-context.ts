import { jsonByteLength } from './json-byte-length.js';
import { SimRichApiError } from './rich-api-error.js';
import type { SimEvents } from './sim-events.js';
import type { SimLimits, SimStats } from './sim-stats.js';
import { SimWorkbook } from './sim-workbook.js';
import type { WorkbookModel } from './workbook-model.js';

/** What the loads of one action bring back, handed to the proxies only if the whole sync succeeds. */
export interface Delivery {
  readonly bytes: number;
  deliver(): void;
}

/** One queued statement: a property write, a method call, a load or an object's instantiation. */
export interface QueuedAction {
  /** `Range.values`, `WorksheetCollection.getItem`: debugInfo.errorLocation when it fails. */
  readonly location: string;
  /** Its arguments, counted into the request payload. */
  readonly payload?: unknown;
  run(): Delivery | void;
}

/** The host's shared state: one workbook model, its limits, statistics and event handlers. */
export interface HostState {
  readonly model: WorkbookModel;
  readonly limits: SimLimits;
  readonly stats: SimStats;
  readonly events: SimEvents;
  /** Milliseconds each sync waits before it runs, so a page can repaint as it would over a network. */
  syncLatencyMs: number;
}

/** Bytes of the JSON envelope and object path each action costs in a real request. */
const ACTION_OVERHEAD_BYTES = 48;
const MESSAGE_OVERHEAD_BYTES = 64;

/**
 * Excel.RequestContext: collects statements until `sync()`, then runs them in order against the
 * workbook model, fails at the first error (earlier statements stay applied, as in Excel), and
 * hands loaded values to their proxies only when the whole batch succeeded.
 */
export class SimRequestContext {
  readonly workbook: SimWorkbook;
  /** Present for add-ins that track objects across syncs; the simulator keeps every object valid. */
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  #queue: QueuedAction[] = [];
  #closed = false;

  constructor(readonly host: HostState) {
    this.workbook = new SimWorkbook(this);
  }

  /** Queues a statement; used by the proxies. */
  enqueue(action: QueuedAction): void {
    this.#queue.push(action);
  }

  get pendingActions(): number {
    return this.#queue.length;
  }

  /** Marks the end of Excel.run: objects of this context may no longer be used. */
  close(): void {
    this.#closed = true;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this.#queue;
    this.#queue = [];
    if (this.#closed && actions.length > 0) {
      throw new SimRichApiError('InvalidObjectPath', { location: 'RequestContext.sync' });
    }
    await new Promise<void>((resolve) => setTimeout(resolve, this.host.syncLatencyMs));
    const requestBytes =
      MESSAGE_OVERHEAD_BYTES +
      actions.reduce(
        (sum, action) =>
          sum +
          ACTION_OVERHEAD_BYTES +
          (action.payload === undefined ? 0 : jsonByteLength(action.payload)),
        0,
      );
    const record = {
      requestBytes,
      responseBytes: 0,
      actions: actions.length,
    } as import('./sim-stats.js').SyncRecord;
    this.host.stats.log.push(record);
    try {
      if (requestBytes > this.host.limits.payloadBytes) {
        throw new SimRichApiError('RequestPayloadSizeLimitExceeded', {
          location: 'RequestContext.sync',
        });
      }
      const deliveries = runActions(actions);
      record.responseBytes = deliveries.reduce(
        (sum, delivery) => sum + delivery.bytes,
        MESSAGE_OVERHEAD_BYTES,
      );
      if (record.responseBytes > this.host.limits.payloadBytes) {
        throw new SimRichApiError('ResponsePayloadSizeLimitExceeded', {
          location: 'RequestContext.sync',
        });
      }
      for (const delivery of deliveries) delivery.deliver();
    } catch (error) {
      record.errorCode = (error as SimRichApiError).code;
      throw error;
    } finally {
      this.host.events.flush();
    }
    return passThroughValue as T;
  }
}

function runActions(actions: readonly QueuedAction[]): Delivery[] {
  const deliveries: Delivery[] = [];
  for (const action of actions) {
    try {
      const delivery = action.run();
      if (delivery) deliveries.push(delivery);
    } catch (error) {
      throw asRichApiError(error, action.location);
    }
  }
  return deliveries;
}

/** Argument problems found while running (TypeError, RangeError) are InvalidArgument, as Excel reports them. */
function asRichApiError(error: unknown, location: string): SimRichApiError {
  if (error instanceof SimRichApiError) return error.withLocation(location);
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TypeError || error instanceof RangeError) {
    return new SimRichApiError('InvalidArgument', { location, message });
  }
  return new SimRichApiError('GeneralException', { location, message });
}
