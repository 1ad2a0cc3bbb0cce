import type { CellRect } from './cell-address.js';
import { formatCellText } from './format-cell-text.js';
import { cellFormat, cellFormula, cellValue, usedRect } from './sheet-cells.js';
import { findSheet } from './sim-worksheet-collection.js';
import type { SimCellValue, WorkbookModel } from './workbook-model.js';

/** One cell as a spreadsheet view shows it. */
export interface WindowCell {
  value: SimCellValue;
  /** The value as its number format shows it (Range.text). */
  text: string;
  formula: string | null;
}

export interface SheetWindow {
  /** The used range's extent from A1 (0 x 0 for a blank sheet), however much the window shows. */
  usedRows: number;
  usedColumns: number;
  /** Rows of the window, each `columns` wide, clipped to the used range. */
  cells: WindowCell[][];
  /** The selection when it is on this sheet. */
  selection: CellRect | null;
}

/**
 * The top-left corner of a sheet (by name or id) for a spreadsheet view: reads only the cells
 * shown, so a view of a million-row sheet stays cheap, unlike snapshotWorksheet.
 *
 * @throws Error when the workbook has no such sheet.
 */
export function sheetWindow(
  workbook: WorkbookModel,
  nameOrId: string,
  size: { rows: number; columns: number },
): SheetWindow {
  const sheet = findSheet(workbook, nameOrId);
  if (!sheet) throw new Error(`sheetWindow: no worksheet '${nameOrId}'`);
  const used = usedRect(sheet, false);
  const usedRows = used ? used.bottom + 1 : 0;
  const usedColumns = used ? used.right + 1 : 0;
  const cells: WindowCell[][] = [];
  for (let r = 0; r < Math.min(size.rows, usedRows); r++) {
    const row: WindowCell[] = [];
    for (let c = 0; c < Math.min(size.columns, usedColumns); c++) {
      const value = cellValue(sheet, r, c);
      row.push({
        value,
        text: formatCellText(value, cellFormat(sheet, r, c), workbook.date1904),
        formula: cellFormula(sheet, r, c) ?? null,
      });
    }
    cells.push(row);
  }
  return {
    usedRows,
    usedColumns,
    cells,
    selection: workbook.selection.sheetId === sheet.id ? workbook.selection.rect : null,
  };
}
