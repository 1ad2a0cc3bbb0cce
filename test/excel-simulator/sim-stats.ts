/** One context.sync round trip as the simulator measured it. */
export interface SyncRecord {
  /** Estimated request bytes: the queued actions with their arguments, as JSON. */
  requestBytes: number;
  /** Response bytes: the loaded property values, as JSON (0 when the request was refused). */
  responseBytes: number;
  actions: number;
  /** Set when the sync failed: the RichApi.Error code. */
  errorCode?: string;
}

/** Round trips and payload sizes, for tests that count syncs or check chunking. */
export class SimStats {
  /** Excel.run calls. */
  runs = 0;
  readonly log: SyncRecord[] = [];

  /** context.sync round trips, failed ones included. */
  get syncs(): number {
    return this.log.length;
  }

  get requestBytes(): number[] {
    return this.log.map((record) => record.requestBytes);
  }

  get responseBytes(): number[] {
    return this.log.map((record) => record.responseBytes);
  }

  /** Request plus response bytes per sync. */
  get payloadBytes(): number[] {
    return this.log.map((record) => record.requestBytes + record.responseBytes);
  }

  get errors(): string[] {
    return this.log.flatMap((record) => (record.errorCode ? [record.errorCode] : []));
  }

  reset(): void {
    this.runs = 0;
    this.log.length = 0;
  }
}

/**
 * Excel on the web's limits ("Resource limits and performance optimization for Office
 * Add-ins", Excel add-ins section): "a payload size limit for requests and responses of 5MB"
 * and "a range is limited to five million cells for get operations".
 */
export interface SimLimits {
  /**
   * Bytes per request and per response. The article says "5MB" without saying 10^6 or 2^20;
   * the default, 5,000,000, is the stricter reading, so an add-in that passes here passes there.
   */
  payloadBytes: number;
  /** Cells per read of values, formulas, number formats, text or value types. */
  readCells: number;
  /**
   * What a read over readCells does. 'error' (default): the sync fails with RangeExceedsLimit,
   * the code Excel's error table documents for "the cell count in the range has exceeded the
   * maximum supported number", pointing at the same article. 'null': the property arrives as
   * null, as some hosts have been reported to do; an add-in should survive both.
   */
  overReadCells: 'error' | 'null';
}

export const DEFAULT_LIMITS: SimLimits = {
  payloadBytes: 5_000_000,
  readCells: 5_000_000,
  overReadCells: 'error',
};
