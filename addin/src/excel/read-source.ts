import { PaneError } from '../pane-error.js';
import { localAddress } from './a1-address.js';
import {
  blockRows,
  isPayloadError,
  jsonBytes,
  MAX_SOURCE_CELLS,
  MIN_BLOCK_ROWS,
  SAMPLE_ROWS,
} from './excel-limits.js';

/** Where the data is: an Excel table, the region around the selection, or a sheet's used range. */
export type SourceChoice =
  { type: 'table'; name: string } | { type: 'selection' } | { type: 'usedRange'; sheet: string };

/** The block of cells a source resolved to (0-based indexes, as Excel's rowIndex/columnIndex). */
export interface SourceRange {
  sheet: string;
  /** A1 address without the sheet, e.g. `A1:H2001`. */
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** A source queued for the next sync; `resolve` reads it once that sync has run. */
export interface QueuedSource {
  resolve(): SourceRange;
}

/**
 * Queues the lookup of a source's range and sheet name (nothing is read until the caller syncs).
 * A table or sheet that does not exist is a null object here and a PaneError from resolve().
 */
export function queueSource(context: Excel.RequestContext, choice: SourceChoice): QueuedSource {
  const fields = 'address,rowIndex,columnIndex,rowCount,columnCount';
  if (choice.type === 'table') {
    const table = context.workbook.tables.getItemOrNullObject(choice.name);
    const worksheet = table.worksheet;
    const range = table.getRange();
    table.load('name');
    worksheet.load('name');
    range.load(fields);
    return {
      resolve: () => {
        if (table.isNullObject) throw new PaneError('errorNoTable', { name: choice.name });
        return toSourceRange(worksheet.name, range);
      },
    };
  }
  if (choice.type === 'selection') {
    const selected = context.workbook.getSelectedRange();
    const region = selected.getSurroundingRegion();
    const worksheet = selected.worksheet;
    worksheet.load('name');
    region.load(fields);
    return { resolve: () => toSourceRange(worksheet.name, region) };
  }
  const worksheet = context.workbook.worksheets.getItemOrNullObject(choice.sheet);
  const used = worksheet.getUsedRangeOrNullObject(true);
  worksheet.load('name');
  used.load(fields);
  return {
    resolve: () => {
      if (worksheet.isNullObject) throw new PaneError('errorNoSheet', { name: choice.sheet });
      if (used.isNullObject) {
        throw new PaneError('errorEmptySheet', { address: `${choice.sheet}!A1` });
      }
      return toSourceRange(worksheet.name, used);
    },
  };
}

function toSourceRange(sheet: string, range: Excel.Range): SourceRange {
  return {
    sheet,
    address: localAddress(range.address),
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
  };
}

export interface ReadSourceOptions {
  /** Queues more work for the first sync (the sample read), so it costs no round trip of its own. */
  alsoQueue?: () => void;
  /** Called after each block with the rows read so far. */
  onProgress?: (rowsRead: number, rowCount: number) => void;
  /** Checked between blocks; a cancelled run stops reading. */
  isCancelled?: () => boolean;
}

/**
 * The values of a source range, in as few syncs as its size allows: the first rows (up to
 * SAMPLE_ROWS, which is the whole of most sheets), then the rest in blocks sized from the bytes
 * per row measured on them, each under the payload and cell limits. A block Excel refuses as too
 * large is retried at half the rows.
 *
 * @throws PaneError `errorTooLarge` past MAX_SOURCE_CELLS, `errorPayload` when even small blocks are refused.
 */
export async function readSourceValues(
  context: Excel.RequestContext,
  source: SourceRange,
  options: ReadSourceOptions = {},
): Promise<unknown[][]> {
  const cells = source.rowCount * source.columnCount;
  if (cells > MAX_SOURCE_CELLS) {
    throw new PaneError('errorTooLarge', {
      address: `${source.sheet}!${source.address}`,
      cells: cells.toLocaleString('en-US'),
      max: MAX_SOURCE_CELLS.toLocaleString('en-US'),
    });
  }
  const worksheet = context.workbook.worksheets.getItem(source.sheet);
  const readBlock = async (start: number, count: number, alsoQueue?: () => void) => {
    const range = worksheet.getRangeByIndexes(
      source.rowIndex + start,
      source.columnIndex,
      count,
      source.columnCount,
    );
    range.load('values');
    alsoQueue?.();
    await context.sync();
    return range.values;
  };
  const firstCount = Math.min(SAMPLE_ROWS, source.rowCount);
  const rows: unknown[][] = await readWithRetry(readBlock, 0, firstCount, options.alsoQueue);
  options.onProgress?.(rows.length, source.rowCount);
  let size = blockRows(jsonBytes(rows) / Math.max(1, rows.length), source.columnCount);
  while (rows.length < source.rowCount && !options.isCancelled?.()) {
    const count = Math.min(size, source.rowCount - rows.length);
    try {
      const block = await readBlock(rows.length, count);
      for (const row of block) rows.push(row);
      options.onProgress?.(rows.length, source.rowCount);
    } catch (error) {
      size = smallerBlock(error, count);
    }
  }
  return rows;
}

/** Reads one block, halving it after a payload error (the first block has no measure yet). */
async function readWithRetry(
  readBlock: (start: number, count: number, alsoQueue?: () => void) => Promise<unknown[][]>,
  start: number,
  count: number,
  alsoQueue?: () => void,
): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  let size = count;
  let queued = alsoQueue;
  while (rows.length < count) {
    try {
      const block = await readBlock(
        start + rows.length,
        Math.min(size, count - rows.length),
        queued,
      );
      queued = undefined;
      for (const row of block) rows.push(row);
    } catch (error) {
      size = smallerBlock(error, size);
    }
  }
  return rows;
}

/**
 * The block size to retry with after `error`: half of `rows`.
 *
 * @throws the error itself when it is not a payload error; PaneError `errorPayload` when the
 *   block is already small.
 */
export function smallerBlock(error: unknown, rows: number): number {
  if (!isPayloadError(error)) throw error;
  if (rows <= MIN_BLOCK_ROWS) throw new PaneError('errorPayload', { rows });
  return Math.max(MIN_BLOCK_ROWS, Math.floor(rows / 2));
}
