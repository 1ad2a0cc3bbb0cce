import { parseAddress, rectsOverlap, type CellRect } from './cell-address.js';
import { SimRichApiError } from './rich-api-error.js';
import { cellValue, storeCell } from './sheet-cells.js';
import {
  nextModelId,
  sameName,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from './workbook-model.js';

/** Table names: a letter, `_` or `\` first, then letters, digits, `_` and `.`; at most 255; not a cell address. */
export function checkTableName(
  workbook: WorkbookModel,
  name: unknown,
  renaming?: TableModel,
): string {
  if (
    typeof name !== 'string' ||
    !/^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(name) ||
    parseAddress(name) !== undefined
  ) {
    throw new SimRichApiError('InvalidArgument', {
      message: `'${String(name)}' is not a valid table name.`,
    });
  }
  const taken =
    workbook.tables.some((table) => table !== renaming && sameName(table.name, name)) ||
    workbook.names.some((item) => sameName(item.name, name));
  if (taken)
    throw new SimRichApiError('ItemAlreadyExists', {
      message: `A table or name '${name}' already exists.`,
    });
  return name;
}

function nextTableName(workbook: WorkbookModel): string {
  for (let n = workbook.tables.length + 1; ; n++) {
    const name = `Table${n}`;
    if (!workbook.tables.some((table) => sameName(table.name, name))) return name;
  }
}

/** Moves the cells of the given columns from `fromRow` down by one row, as inserting cells does. */
function shiftDown(sheet: SheetModel, rect: CellRect): void {
  for (let r = sheet.rows.length - 1; r >= rect.top; r--) {
    for (let c = rect.left; c <= rect.right; c++) {
      const value = sheet.rows[r]?.values[c];
      const formula = sheet.rows[r]?.formulas?.[c];
      storeCell(sheet, r + 1, c, { value, ...(formula === undefined ? {} : { formula }) });
    }
  }
  for (let c = rect.left; c <= rect.right; c++) storeCell(sheet, rect.top, c, { value: undefined });
}

/**
 * TableCollection.add: refuses a table overlapping another (MergedRangeConflict). Without
 * headers, Excel shifts the data down one row and writes `Column1`, `Column2`... above it; with
 * headers, blank ones become `ColumnN`, numbers become text and repeats get a number (`Name2`).
 */
export function addTable(
  workbook: WorkbookModel,
  sheet: SheetModel,
  rect: CellRect,
  hasHeaders: boolean,
): TableModel {
  const clash = workbook.tables.find(
    (table) => table.sheetId === sheet.id && rectsOverlap(table.rect, rect),
  );
  if (clash)
    throw new SimRichApiError('MergedRangeConflict', {
      message: `The range overlaps table '${clash.name}'. A table can't overlap with another table.`,
    });
  let tableRect = rect;
  if (!hasHeaders) {
    shiftDown(sheet, rect);
    tableRect = { ...rect, bottom: rect.bottom + 1 };
  }
  const seen = new Set<string>();
  for (let c = tableRect.left; c <= tableRect.right; c++) {
    const raw = hasHeaders ? cellValue(sheet, tableRect.top, c) : '';
    let header = raw === '' ? `Column${c - tableRect.left + 1}` : String(raw);
    for (let n = 2; seen.has(header.toUpperCase()); n++)
      header = `${raw === '' ? 'Column' : String(raw)}${n}`;
    seen.add(header.toUpperCase());
    storeCell(sheet, tableRect.top, c, { value: header });
  }
  if (tableRect.bottom === tableRect.top) tableRect = { ...tableRect, bottom: tableRect.top + 1 };
  const table: TableModel = {
    id: nextModelId(workbook),
    name: nextTableName(workbook),
    sheetId: sheet.id,
    rect: tableRect,
    showHeaders: true,
    showTotals: false,
    style: 'TableStyleMedium2',
  };
  workbook.tables.push(table);
  return table;
}

export function headerRect(table: TableModel): CellRect | undefined {
  return table.showHeaders ? { ...table.rect, bottom: table.rect.top } : undefined;
}

export function bodyRect(table: TableModel): CellRect {
  return {
    ...table.rect,
    top: table.rect.top + (table.showHeaders ? 1 : 0),
    bottom: table.rect.bottom - (table.showTotals ? 1 : 0),
  };
}

export function totalRect(table: TableModel): CellRect | undefined {
  return table.showTotals ? { ...table.rect, top: table.rect.bottom } : undefined;
}
