import type { CsvValueCache } from '../columns/csv-value-cache.js';
import type { ColumnMapping } from '../columns/match-columns.js';
import type { ReadRecordsResult } from '../columns/read-records.js';
import type { RecordByKind, RecordKind } from '../columns/records.js';
import { readSheetRecords } from './read-sheet-records.js';
import type { SheetGrid } from './sheet-grid.js';

/** What the user said about the sheets (e.g. from a config file): kinds and column mappings. */
export interface SheetChoice {
  /** Sheet name → what it holds. A named sheet is read only as that kind (`ignore`: never). */
  kinds?: Readonly<Record<string, RecordKind | 'ignore'>>;
  /** Sheet name → column mapping (field → header text or column letters). */
  mappings?: Readonly<Record<string, ColumnMapping>>;
}

/** A sheet read as one record kind, with the grid it came from. */
export interface PickedSheet<T> extends ReadRecordsResult<T> {
  grid: SheetGrid;
}

/**
 * Whether a sheet may be read as `kind`: sheets the user named only as that kind, unnamed
 * sheets always (their headers decide).
 */
export function mayHold(grid: SheetGrid, kind: RecordKind, choice: SheetChoice = {}): boolean {
  const named = choice.kinds?.[grid.sheet];
  return named === undefined || named === kind;
}

/** How a batch reads its sheets, beyond what the user chose. */
export interface SheetReadOptions {
  /** Parsed CSV text shared by the files of one batch (see CsvValueCache). */
  valueCache?: CsvValueCache;
  /** Only these optional fields are read (see ReadRecordsOptions.fields). */
  fields?: readonly string[];
  /** Collect the records in a table (see ReadRecordsOptions.table). */
  table?: boolean;
}

/** Reads a sheet as `kind` with the user's mapping for it, if any. */
export function readSheetAs<K extends RecordKind>(
  grid: SheetGrid,
  kind: K,
  choice: SheetChoice = {},
  { valueCache, fields, table }: SheetReadOptions = {},
): PickedSheet<RecordByKind[K]> {
  const mapping = choice.mappings?.[grid.sheet];
  const read = readSheetRecords(grid, {
    kind,
    ...(mapping === undefined ? {} : { mapping }),
    ...(valueCache === undefined ? {} : { valueCache }),
    ...(fields === undefined ? {} : { fields }),
    ...(table === undefined ? {} : { table }),
  });
  return { grid, ...read };
}

/** A read that found its header and every required column and kept at least one record. */
export function isUsable(read: ReadRecordsResult<unknown>): boolean {
  return (
    read.headerRow !== undefined &&
    read.columns.missingRequired.length === 0 &&
    (read.table?.size ?? read.records.length) > 0
  );
}
