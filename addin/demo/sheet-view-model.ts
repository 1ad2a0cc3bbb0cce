import { columnLetters } from '../../test/excel-simulator/cell-address.js';
import { sheetWindow } from '../../test/excel-simulator/sheet-window.js';
import type { WorkbookModel } from '../../test/excel-simulator/workbook-model.js';

/** The view shows the top-left corner of a sheet: enough to see what the pane wrote. */
export const VIEW_ROWS = 200;
export const VIEW_COLUMNS = 26;

export interface ViewCell {
  /** The value as its number format shows it, as Excel's Range.text gives it. */
  text: string;
  numeric: boolean;
  selected: boolean;
}

export interface SheetViewModel {
  /** Column letters of the shown columns. */
  columns: string[];
  rows: ViewCell[][];
  /** `Deals: 1,048,576 rows × 5 columns, the first 200 shown` when the sheet is larger than the view. */
  caption: string;
}

/**
 * What the demo's spreadsheet view draws of a sheet: its shown corner, read cell by cell from
 * the simulator's workbook (sheetWindow), so a million-row sheet costs no more than a small one.
 *
 * @throws Error when the workbook has no sheet `name`.
 */
export function sheetViewModel(model: WorkbookModel, name: string): SheetViewModel {
  const view = sheetWindow(model, name, { rows: VIEW_ROWS, columns: VIEW_COLUMNS });
  const selected = view.selection;
  const rows = view.cells.map((row, r) =>
    row.map((cell, c): ViewCell => ({
      text: cell.text,
      numeric: typeof cell.value === 'number',
      selected:
        selected !== null &&
        r >= selected.top &&
        r <= selected.bottom &&
        c >= selected.left &&
        c <= selected.right,
    })),
  );
  const width = rows[0]?.length ?? 0;
  const clipped = view.usedRows > rows.length || view.usedColumns > width;
  const caption = clipped
    ? `${name}: ${view.usedRows.toLocaleString('en-US')} rows × ${view.usedColumns} columns, the first ${rows.length} rows × ${width} columns shown`
    : '';
  return { columns: Array.from({ length: width }, (_, c) => columnLetters(c)), rows, caption };
}
