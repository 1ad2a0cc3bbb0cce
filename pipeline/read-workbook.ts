import { extname } from 'node:path';
import type { CellValue } from '../core/columns/cell-value.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { WorkbookReadError } from './workbook-read-error.js';

/** One sheet of an input file as a grid of cells. */
export interface SheetGrid {
  /** The path as the caller gave it. */
  file: string;
  /** The sheet name; for a CSV file, its base name without the extension. */
  sheet: string;
  /**
   * `rows[i][j]` is Excel row i+1, column j+1. Empty rows are empty arrays (gaps are kept so row
   * numbers stay right); trailing blank cells and trailing blank rows are dropped.
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
}

export interface ReadWorkbookOptions {
  /** Read only this sheet (exact name, or case-insensitive when no exact match). */
  sheet?: string;
}

/** Extensions readWorkbook understands, lower case with the dot. */
export const WORKBOOK_EXTENSIONS: Readonly<Record<string, 'xlsx' | 'csv'>> = {
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
};

/**
 * Reads every sheet of an .xlsx/.xlsm workbook or a .csv/.tsv/.txt file into cell grids.
 *
 * @throws WorkbookReadError when the file is missing, has an unknown extension, cannot be parsed,
 *   or has no sheet of the requested name.
 */
export async function readWorkbook(
  path: string,
  options: ReadWorkbookOptions = {},
): Promise<SheetGrid[]> {
  const format = WORKBOOK_EXTENSIONS[extname(path).toLowerCase()];
  if (format === undefined) {
    const known = Object.keys(WORKBOOK_EXTENSIONS).join(', ');
    throw new WorkbookReadError(
      path,
      `unsupported file type '${extname(path) || '(none)'}' (expected ${known}; save .xls files as .xlsx)`,
    );
  }
  const sheets = format === 'xlsx' ? await readXlsx(path) : [await readCsv(path)];
  return options.sheet === undefined ? sheets : [pickSheet(path, sheets, options.sheet)];
}

function pickSheet(path: string, sheets: SheetGrid[], name: string): SheetGrid {
  const folded = name.trim().toLowerCase();
  const found =
    sheets.find((s) => s.sheet === name) ??
    sheets.find((s) => s.sheet.trim().toLowerCase() === folded);
  if (found) return found;
  const names = sheets.map((s) => `'${s.sheet}'`).join(', ');
  throw new WorkbookReadError(path, `no sheet named '${name}' (sheets: ${names || 'none'})`);
}
