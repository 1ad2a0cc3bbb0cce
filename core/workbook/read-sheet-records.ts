import { PipecastError } from '../errors/pipecast-error.js';
import type { CellValue } from '../columns/cell-value.js';
import type { CsvValueCache } from '../columns/csv-value-cache.js';
import { DEFAULT_HEADER_SEARCH_ROWS } from '../columns/detect-header-row.js';
import { readCsvHead, readCsvRecords } from '../columns/read-csv-records.js';
import {
  readRecords,
  type ReadRecordsOptions,
  type ReadRecordsResult,
} from '../columns/read-records.js';
import type { RecordByKind, RecordKind } from '../columns/records.js';
import type { SheetGrid } from './sheet-grid.js';
import { WorkbookReadError } from './workbook-read-error.js';
import { errorText } from '../errors/error-line.js';
import { coded } from '../text/coded-text.js';

export interface ReadSheetRecordsOptions<K extends RecordKind> extends Omit<
  ReadRecordsOptions<K>,
  'sheet' | 'file' | 'date1904'
> {
  /** For CSV files: parsed text values shared with the other files of a batch. */
  valueCache?: CsvValueCache;
}

/**
 * Records of one kind from a sheet read by readWorkbook: readRecords over its cells, or, for a
 * CSV file, straight from its text (same result, much faster on large exports).
 *
 * @param grid - a sheet as readWorkbook gives it (cells, or a CSV file's text).
 * @param options - the record kind, mapping, fields, table and a CSV value cache.
 * @returns the records (or table), the columns matched, row counts, blanks and warnings.
 * @throws WorkbookReadError for a CSV whose quote never closes; Error for a bad mapping or header row
 * @example readSheetRecords(grid, { kind: 'deal' }).records[0]?.stage // 'Design'
 */
export function readSheetRecords<K extends RecordKind>(
  grid: SheetGrid,
  options: ReadSheetRecordsOptions<K>,
): ReadRecordsResult<RecordByKind[K]> {
  const result = readSheetRecordsOnly(grid, options);
  // Warnings about the file itself (its encoding) come first: they may explain the others.
  if (grid.readWarnings !== undefined) result.warnings.unshift(...grid.readWarnings);
  return result;
}

/** readSheetRecords without the file's own read warnings. */
function readSheetRecordsOnly<K extends RecordKind>(
  grid: SheetGrid,
  options: ReadSheetRecordsOptions<K>,
): ReadRecordsResult<RecordByKind[K]> {
  const { valueCache, ...rest } = options;
  const full: ReadRecordsOptions<K> = {
    ...rest,
    sheet: grid.sheet,
    file: grid.file,
    date1904: grid.date1904,
  };
  if (!grid.csv) return readRecords(grid.rows, full);
  try {
    const lines = grid.csv.lines;
    return readCsvRecords(grid.csv.pieces(), {
      ...full,
      ...(options.table === true && lines !== undefined && options.expectedRows === undefined
        ? { expectedRows: lines }
        : {}),
      delimiter: grid.csv.delimiter,
      ...(valueCache === undefined ? {} : { valueCache }),
    });
  } catch (error) {
    if (!(error instanceof PipecastError && error.code === 'malformed-csv')) throw error;
    throw new WorkbookReadError(
      grid.file,
      coded('error.malformedCsv', { detail: errorText(error) }),
      { cause: error },
    );
  }
}

/**
 * The top rows of a sheet, where headers are looked for (guessRecordKind, detectHeaderRow): for
 * a CSV file only those lines are split, so a large export is not turned into a grid just to be
 * classified.
 *
 * @param grid - a sheet as readWorkbook gives it.
 * @param rows - how many rows to return (default DEFAULT_HEADER_SEARCH_ROWS).
 * @returns the first rows as cells.
 * @throws WorkbookReadError for a CSV whose quote never closes within those rows
 * @example sheetHead(grid, 2) // [['Deal', 'Stage'], ['D1', 'Design']]
 */
export function sheetHead(grid: SheetGrid, rows = DEFAULT_HEADER_SEARCH_ROWS): CellValue[][] {
  if (!grid.csv) return grid.rows.slice(0, rows);
  try {
    return readCsvHead(grid.csv.pieces(), grid.csv.delimiter, rows);
  } catch (error) {
    if (!(error instanceof PipecastError && error.code === 'malformed-csv')) throw error;
    throw new WorkbookReadError(
      grid.file,
      coded('error.malformedCsv', { detail: errorText(error) }),
      { cause: error },
    );
  }
}
