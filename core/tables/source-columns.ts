import type { CellValue } from '../columns/cell-value.js';
import { isBlankCell } from '../columns/cell-value.js';
import { columnIndexFromLetter, columnLetter } from '../columns/column-letter.js';
import { normalizeHeader } from '../columns/normalize-header.js';
import type { SheetGrid } from '../workbook/sheet-grid.js';

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
}

/** No sheet columns: the records were given as objects, or came from several sheets. */
export const NO_SOURCE_COLUMNS: SourceColumns = {
  names: [],
  headers: [],
  column: () => [],
  cell: () => undefined,
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
 */
export function sourceColumns(
  grid: SheetGrid,
  headerRow: number | null,
  excelRows: ArrayLike<number>,
  reserved: ReadonlySet<string>,
): SourceColumns {
  const rows = grid.rows;
  const header = headerRow === null ? [] : (rows[headerRow - 1] ?? []);
  let width = header.length;
  for (let i = 0; i < excelRows.length; i += 1)
    width = Math.max(width, rows[(excelRows[i] as number) - 1]?.length ?? 0);
  // Compared without case: DuckDB and SQL engines treat "Stage" and "stage" as one column.
  const used = new Set([...reserved].map((name) => name.toLowerCase()));
  const headers: string[] = [];
  const names: string[] = [];
  for (let j = 0; j < width; j += 1) {
    const text = isBlankCell(header[j]) ? '' : String(header[j]).trim();
    let name = text === '' ? columnLetter(j) : text;
    if (used.has(name.toLowerCase())) name = `${name} (${columnLetter(j)})`;
    used.add(name.toLowerCase());
    headers.push(text);
    names.push(name);
  }
  const column = (j: number): (CellValue | null)[] =>
    Array.from(excelRows, (row) => {
      const cell = rows[row - 1]?.[j];
      return cell === undefined || isBlankCell(cell) ? null : cell;
    });
  const cell = (j: number, i: number): CellValue | undefined =>
    rows[(excelRows[i] as number) - 1]?.[j];
  return { names, headers, column, cell };
}

/**
 * The index of the sheet column a user named: its header text (compared as headers are, so
 * width, case, spaces and punctuation do not matter; English or Chinese as typed), else its
 * column letter ("C"); undefined when neither matches.
 */
export function findSourceColumn(columns: SourceColumns, by: string): number | undefined {
  const wanted = normalizeHeader(by);
  if (wanted !== '') {
    const byName = columns.names.findIndex((name) => normalizeHeader(name) === wanted);
    if (byName >= 0) return byName;
    const byHeader = columns.headers.findIndex((text) => normalizeHeader(text) === wanted);
    if (byHeader >= 0) return byHeader;
  }
  const index = columnIndexFromLetter(by.trim());
  return index !== undefined && index < columns.names.length ? index : undefined;
}
