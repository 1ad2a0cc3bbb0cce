/**
 * Limits of the Excel JavaScript API the reads and writes are sized against.
 *
 * Excel on the web refuses a request or response above 5 MB (RequestPayloadSizeLimitExceeded),
 * and a read of more than 5,000,000 cells may come back with null values
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 */
/** "5MB", read as 5,000,000 bytes: the stricter reading, so a block that fits here fits there. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

/**
 * Blocks are sized to this share of the limit: the estimate counts the JSON of the values
 * exactly, and the rest leaves room for the request's framing and rows longer than those
 * measured (a block Excel still refuses is retried in halves).
 */
export const BLOCK_TARGET_BYTES = Math.floor(PAYLOAD_LIMIT_BYTES * 0.9);

export const MAX_CELLS_PER_READ = 5_000_000;

/** Rows read before the rest, to measure bytes per row. Small sheets are read whole by it. */
export const SAMPLE_ROWS = 500;

/**
 * The largest source the pane reads: a full-height sheet (1,048,576 rows) of 24 columns. Past it
 * the pane's memory, not Excel, is the limit; the pipecast command reads bigger files.
 */
export const MAX_SOURCE_CELLS = 1_048_576 * 24;

/** After a payload error the block is halved; below this many rows the error is reported. */
export const MIN_BLOCK_ROWS = 16;

/** The error codes Excel gives a request, or a response, above the payload limit. */
export const PAYLOAD_ERROR_CODES: readonly string[] = [
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
];

/** Whether `error` is Excel's payload-too-large error (of the request or of the response). */
export function isPayloadError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  return PAYLOAD_ERROR_CODES.includes(String((error as { code?: unknown }).code));
}

/**
 * UTF-8 bytes of a 2-D array as JSON, the way Office.js sends it. Counted without building the
 * JSON text, since it runs on row blocks of megabytes.
 */
export function jsonBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of rows) {
    bytes += 3;
    for (const cell of row) bytes += cellBytes(cell);
  }
  return bytes;
}

function cellBytes(cell: unknown): number {
  if (cell === null || cell === undefined) return 5;
  if (typeof cell === 'number') return String(cell).length + 1;
  if (typeof cell === 'boolean') return 6;
  const text = String(cell);
  let bytes = 3;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += code === 0x22 || code === 0x5c || code < 0x20 ? 2 : 1;
    else if (code < 0x800) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/**
 * Rows per block for data measured at `bytesPerRow` and `columns` wide: as many as fit the
 * target bytes and the cell limit, at least one.
 */
export function blockRows(bytesPerRow: number, columns: number): number {
  const byBytes = Math.floor(BLOCK_TARGET_BYTES / Math.max(1, bytesPerRow));
  const byCells = Math.floor(MAX_CELLS_PER_READ / Math.max(1, columns));
  return Math.max(1, Math.min(byBytes, byCells));
}
