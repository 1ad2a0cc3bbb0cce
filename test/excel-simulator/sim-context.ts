/// <reference types="office-js" />
import type { MirrorMethods } from './api-shape.js';
import { jsonByteLengthSliced } from './json-byte-length.js';
import { SimRichApiError } from './rich-api-error.js';
import type { SimEvents } from './sim-events.js';
import type { SimLimits, SimStats, SyncRecord } from './sim-stats.js';
import { SimWorkbook } from './sim-workbook.js';
import type { WorkbookModel } from './workbook-model.js';
import type { WorkSlicer } from './work-slicer.js';

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
  run(): Delivery | void | Promise<Delivery | void>;
}

/** The host's shared state: one workbook model, its limits, statistics and event handlers. */
export interface HostState {
  readonly model: WorkbookModel;
  readonly limits: SimLimits;
  readonly stats: SimStats;
  readonly events: SimEvents;
  /** Milliseconds each sync waits before it runs, so a page can repaint as it would over a network. */
  syncLatencyMs: number;
  readonly slicer: WorkSlicer;
  /** Highest supported version per requirement set (`{ ExcelApi: '1.17' }`). */
  readonly apiSets: Readonly<Record<string, string>>;
  /** Settles when the sync in progress ends: Excel runs one batch at a time. */
  lock: Promise<void>;
}

/** Bytes of the JSON envelope and object path each action costs in a real request. */
const ACTION_OVERHEAD_BYTES = 48;
const MESSAGE_OVERHEAD_BYTES = 64;

/**
 * Excel.RequestContext: collects statements until `sync()`, then runs them in order against the
 * workbook model, fails at the first error (earlier statements stay applied, as in Excel), and
 * hands loaded values to their proxies only when the whole batch succeeded.
 */
export class SimRequestContext implements MirrorMethods<Excel.RequestContext, 'sync'> {
  readonly workbook: SimWorkbook;
  /** Present for add-ins that track objects across syncs; the simulator keeps every object valid. */
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  #queue: QueuedAction[] = [];
  #closed = false;

  constructor(readonly host: HostState) {
    this.workbook = new SimWorkbook(this);
  }

  /** `context.application`, the same object as `context.workbook.application`. */
  get application(): SimWorkbook['application'] {
    return this.workbook.application;
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
    const previous = this.host.lock;
    let release = (): void => undefined;
    this.host.lock = new Promise((resolve) => (release = resolve));
    try {
      await previous;
      await this.roundTrip(actions);
    } finally {
      release();
    }
    return passThroughValue as T;
  }

  /** One request and its response: the payload checks, the statements, and the delivery of loads. */
  private async roundTrip(actions: readonly QueuedAction[]): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve, this.host.syncLatencyMs));
    const slicer = this.host.slicer;
    slicer.restart();
    let requestBytes = MESSAGE_OVERHEAD_BYTES;
    for (const action of actions) {
      requestBytes += ACTION_OVERHEAD_BYTES;
      if (action.payload !== undefined)
        requestBytes += await jsonByteLengthSliced(action.payload, () => slicer.pause());
    }
    const record: SyncRecord = { requestBytes, responseBytes: 0, actions: actions.length };
    this.host.stats.log.push(record);
    try {
      if (requestBytes > this.host.limits.payloadBytes) {
        throw new SimRichApiError('RequestPayloadSizeLimitExceeded', {
          location: 'RequestContext.sync',
        });
      }
      const deliveries = await runActions(actions, slicer);
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
  }
}

async function runActions(
  actions: readonly QueuedAction[],
  slicer: WorkSlicer,
): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  for (const action of actions) {
    try {
      const delivery = await action.run();
      await slicer.pause();
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
