import {
  formatAddress,
  isRectOnSheet,
  rectCellCount,
  rectColumnCount,
  rectRowCount,
  type CellRect,
} from './cell-address.js';
import { interpretCellInput } from './cell-input.js';
import { formatCellText } from './format-cell-text.js';
import { SimRichApiError } from './rich-api-error.js';
import type { HostState } from './sim-context.js';
import type { PropertyTable } from './sim-proxy.js';
import {
  cellFormat,
  cellFormula,
  cellValue,
  fillFormat,
  setCellFormat,
  storeCell,
} from './sheet-cells.js';
import type { SheetModel, SimCellValue } from './workbook-model.js';

/** What a Range proxy stands for: a rectangle of one sheet of the host's workbook. */
export interface RangeTarget {
  readonly host: HostState;
  readonly sheet: SheetModel;
  readonly rect: CellRect;
}

export const DIMENSION_MISMATCH =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/** A target for a rectangle, refusing one that falls off the grid (InvalidArgument, as Excel does). */
export function rangeTarget(host: HostState, sheet: SheetModel, rect: CellRect): RangeTarget {
  if (!isRectOnSheet(rect)) {
    throw new SimRichApiError('InvalidArgument', {
      message: 'The range falls outside the worksheet.',
    });
  }
  return { host, sheet, rect };
}

function grid<T>(
  target: RangeTarget,
  read: (sheet: SheetModel, row: number, column: number) => T,
): T[][] {
  const { sheet, rect } = target;
  const out: T[][] = new Array<T[]>(rectRowCount(rect));
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = new Array<T>(rectColumnCount(rect));
    for (let c = rect.left; c <= rect.right; c++) row[c - rect.left] = read(sheet, r, c);
    out[r - rect.top] = row;
  }
  return out;
}

/** Calls `write` for each cell with its element of a 2-D input, or with a single value for all cells. */
function eachInput(
  target: RangeTarget,
  input: unknown,
  write: (row: number, column: number, element: unknown) => void,
): void {
  const { rect } = target;
  if (!Array.isArray(input)) {
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) write(r, c, input);
    return;
  }
  const rows = input as unknown[];
  const width = rectColumnCount(rect);
  if (
    rows.length !== rectRowCount(rect) ||
    rows.some((row) => !Array.isArray(row) || row.length !== width)
  ) {
    throw new SimRichApiError('InvalidArgument', { message: DIMENSION_MISMATCH });
  }
  rows.forEach((row, i) =>
    (row as unknown[]).forEach((element, j) => write(rect.top + i, rect.left + j, element)),
  );
}

async function writeContents(target: RangeTarget, input: unknown): Promise<void> {
  const { sheet, host } = target;
  await eachInput(target, input, (row, column, element) => {
    const stored = interpretCellInput(element, cellFormat(sheet, row, column), host.model.date1904);
    if (stored) storeCell(sheet, row, column, stored);
  });
  raiseChanged(target);
}

async function writeFormats(target: RangeTarget, input: unknown): Promise<void> {
  const { sheet, rect } = target;
  if (!Array.isArray(input)) {
    fillFormat(sheet, rect, checkFormat(input));
    return;
  }
  await eachInput(target, input, (row, column, element) => {
    if (element !== null && element !== undefined)
      setCellFormat(sheet, row, column, checkFormat(element));
  });
}

function checkFormat(format: unknown): string {
  if (typeof format !== 'string')
    throw new TypeError(`a number format is a string, not ${typeof format}`);
  return format;
}

function raiseChanged(target: RangeTarget): void {
  const args = {
    type: 'WorksheetChanged',
    changeType: 'RangeEdited',
    source: 'Local',
    worksheetId: target.sheet.id,
    address: formatAddress(target.sheet.name, target.rect).split('!')[1],
  };
  target.host.events.raise(`Changed:${target.sheet.id}`, args);
  target.host.events.raise('Changed:*', args);
}

function valueType(sheet: SheetModel, row: number, column: number): string {
  const value: SimCellValue = cellValue(sheet, row, column);
  if (value === '') return 'Empty';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return /^#(N\/A|NAME\?|REF!|VALUE!|DIV\/0!|NUM!|NULL!|CALC!|SPILL!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/.test(
    value,
  )
    ? 'Error'
    : 'String';
}

const cells = (target: RangeTarget): number => rectCellCount(target.rect);
const formulaOrValue = (sheet: SheetModel, row: number, column: number): SimCellValue =>
  cellFormula(sheet, row, column) ?? cellValue(sheet, row, column);

/** Range's scalar properties: what they read and how a write changes the sheet. */
export const RANGE_PROPERTIES: PropertyTable<RangeTarget> = {
  address: { read: (t) => formatAddress(t.sheet.name, t.rect) },
  addressLocal: { read: (t) => formatAddress(t.sheet.name, t.rect) },
  rowCount: { read: (t) => rectRowCount(t.rect) },
  columnCount: { read: (t) => rectColumnCount(t.rect) },
  rowIndex: { read: (t) => t.rect.top },
  columnIndex: { read: (t) => t.rect.left },
  cellCount: { read: cells },
  values: { read: (t) => grid(t, cellValue), write: writeContents, cells },
  formulas: { read: (t) => grid(t, formulaOrValue), write: writeContents, cells },
  formulasLocal: { read: (t) => grid(t, formulaOrValue), write: writeContents, cells },
  numberFormat: { read: (t) => grid(t, cellFormat), write: writeFormats, cells },
  numberFormatLocal: { read: (t) => grid(t, cellFormat), write: writeFormats, cells },
  text: {
    read: (t) =>
      grid(t, (sheet, r, c) =>
        formatCellText(cellValue(sheet, r, c), cellFormat(sheet, r, c), t.host.model.date1904),
      ),
    cells,
  },
  valueTypes: { read: (t) => grid(t, valueType), cells },
};
