import ExcelJS from 'exceljs';
import { parseAddress } from './cell-address.js';
import { UNCALCULATED } from './cell-input.js';
import { readZipEntry } from './read-zip-entry.js';
import { workbookFromSheetJs } from './workbook-from-sheetjs.js';
import {
  createSheetModel,
  nextModelId,
  type CellRow,
  type SheetModel,
  type SimCellValue,
  type WorkbookModel,
} from './workbook-model.js';

/** exceljs converts date cells with the 1900 epoch (it ignores date1904); this undoes that exactly. */
const EXCELJS_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;

/**
 * Builds a workbook model from the bytes of an .xlsx file, with values as Excel's Range.values
 * gives them: dates as the serial numbers stored in the file (so a 1904-system workbook keeps
 * its own serials, and `date1904` is read from xl/workbook.xml because exceljs ignores it),
 * rich text as plain text, formula cells as their cached result with the formula kept, errors
 * as their text (`#N/A`), merged ranges with the value in the top-left cell only. Tables keep
 * their ranges; exceljs does not report a table's header-row count, so tables are taken to have
 * a header row (the OOXML default). A file exceljs refuses is read by SheetJS instead
 * (workbook-from-sheetjs.ts: no tables). Browser-safe.
 *
 * @throws Error `exceljs could not read this workbook: ...` when neither reader can.
 */
export async function workbookFromXlsxBytes(
  bytes: Uint8Array | ArrayBuffer,
): Promise<WorkbookModel> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (error) {
    return fallBackToSheetJs(data, error);
  }
  const workbook: WorkbookModel = {
    sheets: [],
    tables: [],
    names: [],
    settings: new Map(),
    activeSheetId: '',
    selection: { sheetId: '', rect: { top: 0, left: 0, bottom: 0, right: 0 } },
    date1904: await readDate1904(data),
    nextId: 0,
  };
  for (const source of book.worksheets) {
    const sheet = createSheetModel(workbook, source.name);
    sheet.visibility =
      source.state === 'hidden'
        ? 'Hidden'
        : source.state === 'veryHidden'
          ? 'VeryHidden'
          : 'Visible';
    copyCells(source, sheet);
    copyTables(workbook, source, sheet);
    workbook.sheets.push(sheet);
  }
  copyDefinedNames(workbook, book);
  const first =
    workbook.sheets.find((sheet) => sheet.visibility === 'Visible') ?? workbook.sheets[0];
  if (!first) throw new Error('the workbook has no worksheets');
  workbook.activeSheetId = first.id;
  workbook.selection = { sheetId: first.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
  return workbook;
}

/** A workbook exceljs refused, read by SheetJS; when both fail, exceljs's reason is the one reported. */
function fallBackToSheetJs(data: Uint8Array, exceljsError: unknown): WorkbookModel {
  // SheetJS would read any text as a CSV sheet: only an .xlsx (a zip archive, `PK\x03\x04`) may fall back.
  const isZip = data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  try {
    if (!isZip) throw exceljsError;
    return workbookFromSheetJs(data);
  } catch {
    const reason = exceljsError instanceof Error ? exceljsError.message : String(exceljsError);
    throw new Error(`exceljs could not read this workbook: ${reason}`, { cause: exceljsError });
  }
}

/** `<workbookPr date1904="1"/>` (or "true") in xl/workbook.xml. */
async function readDate1904(data: Uint8Array): Promise<boolean> {
  const xml = await readZipEntry(data, 'xl/workbook.xml');
  if (!xml) return false;
  const workbookPr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(new TextDecoder().decode(xml))?.[0] ?? '';
  return /\bdate1904\s*=\s*["'](1|true)["']/.test(workbookPr);
}

function copyCells(source: ExcelJS.Worksheet, sheet: SheetModel): void {
  source.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellRow = { values: [] };
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const column = columnNumber - 1;
      const value = cellValueOf(cell.value);
      if (value !== undefined && value !== '') cells.values[column] = value;
      if (cell.type === ExcelJS.ValueType.Formula && cell.formula)
        (cells.formulas ??= [])[column] = `=${cell.formula}`;
      const format = cell.numFmt;
      if (format && format !== 'General') (cells.formats ??= [])[column] = format;
    });
    if (cells.values.length > 0 || cells.formulas || cells.formats)
      sheet.rows[rowNumber - 1] = cells;
  });
}

/** One exceljs cell value as Range.values shows it. */
function cellValueOf(value: ExcelJS.CellValue): SimCellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + EXCELJS_EPOCH_SERIAL;
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? UNCALCULATED : cellValueOf(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return cellValueOf(value.text as ExcelJS.CellValue);
  return undefined;
}

function copyTables(workbook: WorkbookModel, source: ExcelJS.Worksheet, sheet: SheetModel): void {
  for (const entry of source.getTables() as unknown as {
    table: {
      name: string;
      tableRef?: string;
      ref?: string;
      totalsRow?: boolean;
      style?: { theme?: string };
    };
  }[]) {
    const parsed = parseAddress(entry.table.tableRef ?? entry.table.ref ?? '');
    if (!parsed) continue;
    workbook.tables.push({
      id: nextModelId(workbook),
      name: entry.table.name,
      sheetId: sheet.id,
      rect: parsed.rect,
      showHeaders: true,
      showTotals: Boolean(entry.table.totalsRow),
      style: entry.table.style?.theme ?? 'TableStyleMedium2',
    });
  }
}

function copyDefinedNames(workbook: WorkbookModel, book: ExcelJS.Workbook): void {
  const model = (book.definedNames as unknown as { model: { name: string; ranges: string[] }[] })
    .model;
  for (const { name, ranges } of model) {
    const [first] = ranges;
    if (name.startsWith('_xlnm.') || first === undefined || ranges.length !== 1) continue;
    workbook.names.push({ name, formula: `=${first}`, comment: '', visible: true });
  }
}
