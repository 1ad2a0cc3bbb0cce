import type { DataWarning } from '../columns/data-warning.js';
import type { CellValue } from '../columns/cell-value.js';

/**
 * One sheet as the analyses read it: a grid of cells, or for a CSV file its text in pieces.
 * Front ends pass `{ name, values }` (see SheetValues); file readers build these directly.
 */
export interface SheetGrid {
  /** The file as the caller named it, for warnings. */
  file: string;
  /** The sheet name; for a CSV file, its base name without the extension. */
  sheet: string;
  /**
   * `rows[i][j]` is Excel row i+1, column j+1. Empty rows are empty arrays (gaps are kept so row
   * numbers stay right); trailing blank cells and trailing blank rows may be dropped.
   */
  rows: CellValue[][];
  /** True when the workbook uses the 1904 date system (serial 0 = 1904-01-01). */
  date1904: boolean;
  /**
   * For a CSV file, its delimiter and its decoded text in pieces of whole lines (decoded anew on
   * each call): readSheetRecords reads records straight from them, and `rows` is only split into
   * cells when something asks for it (non-enumerable). `lines` is the number of lines the file
   * size suggests (from the length of its first lines), to size tables of records.
   */
  readonly csv?: { delimiter: string; pieces: () => Iterable<string>; lines?: number };
  /**
   * Warnings about reading the file itself (e.g. bytes not valid in the encoding a CSV was read
   * in), added to the warnings of every record read from it (non-enumerable).
   */
  readonly readWarnings?: readonly DataWarning[];
}

/**
 * One sheet as a front end has it: its name and its cells exactly as Excel's `Range.values`
 * gives them (dates as serial numbers, `''` for blanks, errors as `'#N/A'`-style text).
 */
export interface SheetValues {
  name: string;
  values: CellValue[][];
  /** True when the workbook uses the 1904 date system; default false. */
  date1904?: boolean;
}
