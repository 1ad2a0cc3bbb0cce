import { MAX_COLUMNS, MAX_ROWS, type CellRect } from './cell-address.js';
import type { StoredCell } from './cell-input.js';
import type { CellRow, SheetModel, SimCellValue } from './workbook-model.js';

export const GENERAL = 'General';

export function cellValue(sheet: SheetModel, row: number, column: number): SimCellValue {
  return sheet.rows[row]?.values[column] ?? '';
}

export function cellFormula(sheet: SheetModel, row: number, column: number): string | undefined {
  return sheet.rows[row]?.formulas?.[column];
}

export function cellFormat(sheet: SheetModel, row: number, column: number): string {
  return sheet.rows[row]?.formats?.[column] ?? sheet.columnFormats.get(column) ?? GENERAL;
}

function rowFor(sheet: SheetModel, row: number): CellRow {
  let cells = sheet.rows[row];
  if (!cells) {
    cells = { values: [] };
    sheet.rows[row] = cells;
  }
  return cells;
}

export function storeCell(
  sheet: SheetModel,
  row: number,
  column: number,
  stored: StoredCell,
): void {
  const cells = rowFor(sheet, row);
  cells.values[column] = stored.value;
  if (stored.formula !== undefined) (cells.formulas ??= [])[column] = stored.formula;
  else if (cells.formulas) cells.formulas[column] = undefined;
  if (stored.impliedFormat !== undefined && cellFormat(sheet, row, column) === GENERAL) {
    setCellFormat(sheet, row, column, stored.impliedFormat);
  }
}

export function setCellFormat(
  sheet: SheetModel,
  row: number,
  column: number,
  format: string,
): void {
  const cells = sheet.rows[row];
  if (!cells && format === (sheet.columnFormats.get(column) ?? GENERAL)) return;
  (rowFor(sheet, row).formats ??= [])[column] = format;
}

/** True when the rectangle spans every row of the sheet (a whole-column range like `A:C`). */
export function isWholeColumns(rect: CellRect): boolean {
  return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
}

/** Applies one number format to a rectangle; whole columns are stored once per column. */
export function fillFormat(sheet: SheetModel, rect: CellRect, format: string): void {
  if (isWholeColumns(rect)) {
    for (let c = rect.left; c <= rect.right; c++) sheet.columnFormats.set(c, format);
    for (const cells of sheet.rows) {
      if (cells?.formats)
        for (let c = rect.left; c <= rect.right; c++) cells.formats[c] = undefined;
    }
    return;
  }
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) setCellFormat(sheet, r, c, format);
  }
}

/** Range.clear(applyTo): 'All' (default), 'Contents' or 'Formats'. */
export function clearRect(sheet: SheetModel, rect: CellRect, applyTo: string): void {
  const contents = applyTo !== 'Formats';
  const formats = applyTo === 'All' || applyTo === 'Formats';
  const bottom = Math.min(rect.bottom, sheet.rows.length - 1);
  for (let r = rect.top; r <= bottom; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    for (let c = rect.left; c <= rect.right && c < MAX_COLUMNS; c++) {
      if (contents) {
        cells.values[c] = undefined;
        if (cells.formulas) cells.formulas[c] = undefined;
      }
      if (formats && cells.formats) cells.formats[c] = undefined;
    }
  }
  if (formats) {
    if (isWholeColumns(rect))
      for (let c = rect.left; c <= rect.right; c++) sheet.columnFormats.delete(c);
    sheet.formatLayers = sheet.formatLayers.filter((layer) => !containsRect(rect, layer.rect));
  }
}

function containsRect(outer: CellRect, inner: CellRect): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}

function lastIndex<T>(
  items: readonly (T | undefined)[] | undefined,
  keep: (item: T) => boolean,
): number {
  if (!items) return -1;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && keep(item)) return i;
  }
  return -1;
}

/**
 * The used range's rectangle: the smallest one holding every value (and, unless valuesOnly,
 * every cell with its own number format), or undefined for a blank sheet.
 */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): CellRect | undefined {
  let top = -1;
  let bottom = -1;
  let left = MAX_COLUMNS;
  let right = -1;
  sheet.rows.forEach((cells, r) => {
    if (!cells) return;
    const lastValue = lastIndex(cells.values, (value) => value !== '');
    const lastFormat = valuesOnly ? -1 : lastIndex(cells.formats, () => true);
    const last = Math.max(lastValue, lastFormat);
    if (last < 0) return;
    let first = 0;
    while (
      first < last &&
      (cells.values[first] === undefined || cells.values[first] === '') &&
      cells.formats?.[first] === undefined
    )
      first++;
    if (top < 0) top = r;
    bottom = r;
    left = Math.min(left, first);
    right = Math.max(right, last);
  });
  return top < 0 ? undefined : { top, bottom, left, right };
}

function isFilled(sheet: SheetModel, row: number, column: number): boolean {
  if (row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLUMNS) return false;
  const value = sheet.rows[row]?.values[column];
  return value !== undefined && value !== '';
}

function anyFilledInRow(sheet: SheetModel, row: number, left: number, right: number): boolean {
  for (let c = Math.max(0, left); c <= right; c++) if (isFilled(sheet, row, c)) return true;
  return false;
}

function anyFilledInColumn(
  sheet: SheetModel,
  column: number,
  top: number,
  bottom: number,
): boolean {
  for (let r = Math.max(0, top); r <= bottom; r++) if (isFilled(sheet, r, column)) return true;
  return false;
}

/**
 * Range.getSurroundingRegion (Ctrl+A's "current region"): grows the rectangle while any cell
 * touching it, diagonals included, holds a value.
 */
export function surroundingRect(sheet: SheetModel, start: CellRect): CellRect {
  const rect = { ...start };
  for (let grew = true; grew;) {
    const { top, left, bottom, right } = rect;
    if (top > 0 && anyFilledInRow(sheet, top - 1, left - 1, right + 1)) rect.top -= 1;
    if (bottom < MAX_ROWS - 1 && anyFilledInRow(sheet, bottom + 1, left - 1, right + 1))
      rect.bottom += 1;
    if (left > 0 && anyFilledInColumn(sheet, left - 1, top - 1, bottom + 1)) rect.left -= 1;
    if (right < MAX_COLUMNS - 1 && anyFilledInColumn(sheet, right + 1, top - 1, bottom + 1))
      rect.right += 1;
    grew = rect.top !== top || rect.left !== left || rect.bottom !== bottom || rect.right !== right;
  }
  return rect;
}
