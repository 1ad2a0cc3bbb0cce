import type { CellValue } from '../columns/cell-value.js';
import { isBlankCell } from '../columns/cell-value.js';
import { columnIndexFromLetter, columnLetter } from '../columns/column-letter.js';
import { normalizeHeader } from '../columns/normalize-header.js';
import type { PipecastErrorPlace } from '../errors/pipecast-error.js';
import type { CellCodes } from '../internal/sheet-column-codes.js';
import { codesOfExcelRows, sheetColumnCodes } from '../internal/sheet-column-codes.js';
import type { SheetGrid } from '../workbook/sheet-grid.js';
import { columnByAlias } from './column-by-alias.js';
import { READ_AS_NOTHING, type ColumnsReadAs } from './columns-read-as.js';

/** The columns of the sheet a result came from, with a name for each. */
export interface SourceColumns {
  /** One name per sheet column: its header text, or its letter when blank or taken. */
  names: string[];
  /** The header texts as typed ('' when blank). */
  headers: string[];
  /** The cells of column j for the rows asked for; null for a blank cell (read on each call). */
  column(j: number): (CellValue | null)[];
  /** Record i's cell in column j, as the sheet has it (undefined when absent). */
  cell(j: number, i: number): CellValue | undefined;
  /**
   * The records' cells in column j as codes into the column's distinct cells (the sheet's column
   * is coded once and kept: see sheetColumnCodes), for grouping records by the column.
   */
  codes(j: number): CellCodes;
  /** What the core read the sheet and its columns as (a column's field, e.g. a close date). */
  readAs: ColumnsReadAs;
  /** The workbook's date system, for the serials of a date field's column. */
  date1904: boolean;
}

/** No sheet columns: the records were given as objects, or came from several sheets. */
export const NO_SOURCE_COLUMNS: SourceColumns = {
  names: [],
  headers: [],
  column: () => [],
  cell: () => undefined,
  codes: () => ({ codes: new Int32Array(0), dictionary: [undefined] }),
  readAs: READ_AS_NOTHING,
  date1904: false,
};

/**
 * The other columns of a result's sheet, for the rows of its records: the header row's texts
 * name them, so a script can filter and group by any of them. A name already used in any case
 * (by a result column or an earlier header) gets the column letter after it: "Stage (C)".
 *
 * @param grid - the sheet the records were read from.
 * @param headerRow - its header row (Excel row number), null when the sheet has none.
 * @param excelRows - the Excel row of each record, in record order.
 * @param reserved - names the result's own columns take.
 * @param readAs - what the core read the sheet's columns as (default: as nothing).
 */
export function sourceColumns(
  grid: SheetGrid,
  headerRow: number | null,
  excelRows: ArrayLike<number>,
  reserved: ReadonlySet<string>,
  readAs: ColumnsReadAs = READ_AS_NOTHING,
): SourceColumns {
  const rows = grid.rows;
  const header = headerRow === null ? [] : (rows[headerRow - 1] ?? []);
  const width = columnCount(rows, header.length, excelRows);
  const headers: string[] = [];
  for (let j = 0; j < width; j += 1)
    headers.push(isBlankCell(header[j]) ? '' : String(header[j]).trim());
  const names = sourceColumnNames(
    headers,
    headers.map((_, j) => columnLetter(j)),
    reserved,
  );
  const column = (j: number): (CellValue | null)[] =>
    Array.from(excelRows, (row) => {
      const cell = rows[row - 1]?.[j];
      return cell === undefined || isBlankCell(cell) ? null : cell;
    });
  const cell = (j: number, i: number): CellValue | undefined =>
    rows[(excelRows[i] as number) - 1]?.[j];
  const codes = (j: number): CellCodes => codesOfExcelRows(sheetColumnCodes(rows, j), excelRows);
  return { names, headers, column, cell, codes, readAs, date1904: grid.date1904 };
}

/** Per sheet (its rows array), its widest row's length. */
const widestRows = new WeakMap<readonly (readonly CellValue[])[], number>();

/**
 * How many columns the header and the records' rows span. The sheet's widest row is measured
 * once and kept (its cells are not changed once read): when no row is wider than the header, the
 * header's width is the answer without reading a row per record again, which on a million deals
 * was a fifth of a breakdown's time.
 */
function columnCount(
  rows: readonly (readonly CellValue[])[],
  headerWidth: number,
  excelRows: ArrayLike<number>,
): number {
  let widest = widestRows.get(rows);
  if (widest === undefined) {
    widest = 0;
    for (const row of rows) widest = Math.max(widest, row?.length ?? 0);
    widestRows.set(rows, widest);
  }
  if (widest <= headerWidth) return headerWidth;
  let width = headerWidth;
  for (let i = 0; i < excelRows.length; i += 1)
    width = Math.max(width, rows[(excelRows[i] as number) - 1]?.length ?? 0);
  return width;
}

/**
 * A name per sheet column: its header text, or its letter when blank; a name already used in
 * any case (by a result column or an earlier header) gets the column letter after it.
 *
 * @param headers - the header texts ('' when blank).
 * @param letters - each column's letter.
 * @param reserved - names the result's own columns take.
 */
export function sourceColumnNames(
  headers: readonly string[],
  letters: readonly string[],
  reserved: Iterable<string>,
): string[] {
  // Compared without case: DuckDB and SQL engines treat "Stage" and "stage" as one column.
  const used = new Set([...reserved].map((name) => name.toLowerCase()));
  return headers.map((text, j) => {
    const letter = letters[j] ?? '';
    let name = text === '' ? letter : text;
    if (used.has(name.toLowerCase())) name = `${name} (${letter})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * The name a breakdown shows for a column, in titles, headings and file names: its header as
 * typed, or its letter when the header is blank. Unlike SourceColumns.names it is not made unique
 * with the letter ("Owner", not "Owner (C)"): that suffix keeps a per-row table's columns apart
 * from the result's own, which a breakdown has none of; two columns that share a header are told
 * apart by their index (a breakdown's `columnIndex`).
 *
 * @param header - the header text as typed ('' when blank).
 * @param letter - the column's letter.
 * @example breakdownColumnName('Owner', 'C') // 'Owner'; breakdownColumnName('', 'C') // 'C'
 */
export function breakdownColumnName(header: string | undefined, letter: string): string {
  return header === undefined || header === '' ? letter : header;
}

/** Every sheet column's breakdownColumnName, for a message listing the columns one may name. */
export function breakdownColumnNames(columns: Pick<SourceColumns, 'headers'>): string[] {
  return columns.headers.map((header, j) => breakdownColumnName(header, columnLetter(j)));
}

/**
 * The index of the sheet column a user named: its header text (compared as headers are, so
 * width, case, spaces and punctuation do not matter), else its column letter ("C"), else a header
 * in the other language or another word for the same field (columnByAlias: "Region" for 区域,
 * "行业" for "Industry"); undefined when none matches. With `letters`, the columns are some of a
 * sheet's, each with its own letter.
 *
 * @throws PipecastError when the word names a field that several columns are headed by.
 */
export function findSourceColumn(
  columns: Pick<SourceColumns, 'names' | 'headers'> & {
    letters?: readonly string[];
    readAs?: ColumnsReadAs;
  },
  by: string,
  place: PipecastErrorPlace = {},
): number | undefined {
  const wanted = normalizeHeader(by);
  if (wanted !== '') {
    const byName = columns.names.findIndex((name) => normalizeHeader(name) === wanted);
    if (byName >= 0) return byName;
    const byHeader = columns.headers.findIndex((text) => normalizeHeader(text) === wanted);
    if (byHeader >= 0) return byHeader;
  }
  const byLetter =
    columns.letters === undefined
      ? columnIndexFromLetter(by.trim())
      : columns.letters.indexOf(by.trim().toUpperCase());
  if (byLetter !== undefined && byLetter >= 0 && byLetter < columns.names.length) return byLetter;
  return columnByAlias(columns.headers, by, columns.readAs ?? READ_AS_NOTHING, place);
}
