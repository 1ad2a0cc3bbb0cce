import { formatAddress, formatRect } from './cell-address.js';
import { cellFormat, cellFormula, cellValue, usedRect } from './sheet-cells.js';
import { findSheet } from './sim-worksheet-collection.js';
import type { SimCellValue, WorkbookModel } from './workbook-model.js';

/** Everything a user would notice changed on a sheet, as plain data for `toEqual`. */
export interface WorksheetSnapshot {
  id: string;
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  /** The used range (values and formats) from A1, or '' for a blank sheet. */
  usedAddress: string;
  values: SimCellValue[][];
  formulas: (string | null)[][];
  numberFormats: string[][];
  columnFormats: [number, string][];
  columnWidths: [number, number][];
  formatLayers: unknown[];
  tables: unknown[];
  charts: unknown[];
  conditionalFormats: unknown[];
  customProperties: [string, string][];
  frozen: { rows: number; columns: number };
  showGridlines: boolean;
}

/**
 * A deep, detached copy of one sheet (by name or id), so a test can assert that a user's sheet
 * is identical before and after the add-in ran: `expect(snapshotWorksheet(model, 'Deals')).toEqual(before)`.
 *
 * @throws Error when the workbook has no such sheet.
 */
export function snapshotWorksheet(workbook: WorkbookModel, nameOrId: string): WorksheetSnapshot {
  const sheet = findSheet(workbook, nameOrId);
  if (!sheet) throw new Error(`snapshotWorksheet: no worksheet '${nameOrId}'`);
  const used = usedRect(sheet, false);
  const bottom = used?.bottom ?? -1;
  const right = used?.right ?? -1;
  const grid = <T>(read: (row: number, column: number) => T): T[][] =>
    Array.from({ length: bottom + 1 }, (_, r) =>
      Array.from({ length: right + 1 }, (_, c) => read(r, c)),
    );
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    id: sheet.id,
    name: sheet.name,
    position: workbook.sheets.indexOf(sheet),
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    usedAddress: used ? formatRect({ top: 0, left: 0, bottom, right }) : '',
    values: grid((r, c) => cellValue(sheet, r, c)),
    formulas: grid((r, c) => cellFormula(sheet, r, c) ?? null),
    numberFormats: grid((r, c) => cellFormat(sheet, r, c)),
    columnFormats: [...sheet.columnFormats],
    columnWidths: [...sheet.columnWidths],
    formatLayers: copy(sheet.formatLayers),
    tables: copy(workbook.tables.filter((table) => table.sheetId === sheet.id)),
    charts: copy(sheet.charts),
    conditionalFormats: copy(sheet.conditionalFormats),
    customProperties: [...sheet.customProperties],
    frozen: { ...sheet.frozen },
    showGridlines: sheet.showGridlines,
  };
}

/** The sheet's used range as `Sheet1!A1:D20`, for messages. */
export function usedAddressOf(workbook: WorkbookModel, nameOrId: string): string | undefined {
  const sheet = findSheet(workbook, nameOrId);
  const used = sheet && usedRect(sheet, true);
  return sheet && used ? formatAddress(sheet.name, used) : undefined;
}
