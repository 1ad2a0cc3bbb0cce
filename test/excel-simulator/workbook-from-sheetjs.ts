import * as XLSX from 'xlsx';
import {
  createSheetModel,
  type CellRow,
  type SheetModel,
  type SimCellValue,
  type WorkbookModel,
} from './workbook-model.js';

/**
 * The fallback reader, SheetJS, for workbooks exceljs refuses (exceljs 4.4 throws on a shared
 * string whose plain run is followed by rich-text runs). Values, formulas, number formats,
 * visibility, the 1904 system and defined names come through as with exceljs; SheetJS's
 * community edition does not read tables, so the model has none.
 */
export function workbookFromSheetJs(data: Uint8Array): WorkbookModel {
  const book = XLSX.read(data, {
    type: 'array',
    cellFormula: true,
    cellNF: true,
    cellDates: false,
  });
  const workbook: WorkbookModel = {
    sheets: [],
    tables: [],
    names: [],
    settings: new Map(),
    activeSheetId: '',
    selection: { sheetId: '', rect: { top: 0, left: 0, bottom: 0, right: 0 } },
    date1904: Boolean(book.Workbook?.WBProps?.date1904),
    nextId: 0,
  };
  book.SheetNames.forEach((name, index) => {
    const sheet = createSheetModel(workbook, name);
    const hidden = book.Workbook?.Sheets?.[index]?.Hidden ?? 0;
    sheet.visibility = hidden === 2 ? 'VeryHidden' : hidden === 1 ? 'Hidden' : 'Visible';
    const source = book.Sheets[name];
    if (source) copyCells(source, sheet);
    workbook.sheets.push(sheet);
  });
  for (const named of book.Workbook?.Names ?? []) {
    if (named.Sheet === undefined && !named.Name.startsWith('_xlnm.')) {
      workbook.names.push({
        name: named.Name,
        formula: `=${named.Ref}`,
        comment: named.Comment ?? '',
        visible: true,
      });
    }
  }
  return workbook;
}

function copyCells(source: XLSX.WorkSheet, sheet: SheetModel): void {
  for (const [address, cell] of Object.entries(source)) {
    if (address.startsWith('!')) continue;
    const { r: row, c: column } = XLSX.utils.decode_cell(address);
    const sheetCell = cell as XLSX.CellObject;
    const cells: CellRow = (sheet.rows[row] ??= { values: [] });
    const value = valueOf(sheetCell);
    if (value !== undefined && value !== '') cells.values[column] = value;
    if (sheetCell.f) (cells.formulas ??= [])[column] = `=${sheetCell.f}`;
    const format = typeof sheetCell.z === 'string' ? sheetCell.z : undefined;
    if (format && format !== 'General') (cells.formats ??= [])[column] = format;
  }
}

function valueOf(cell: XLSX.CellObject): SimCellValue | undefined {
  switch (cell.t) {
    case 'n':
    case 's':
    case 'b':
      return cell.v as SimCellValue;
    case 'e':
      return cell.w ?? '#N/A';
    default:
      return undefined;
  }
}
