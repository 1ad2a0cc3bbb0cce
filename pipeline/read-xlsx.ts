import ExcelJS from 'exceljs';
import type { CellValue } from '../core/columns/cell-value.js';
import { epochDayFromExcelSerial } from '../core/columns/epoch-day.js';
import { readFileBytes } from './read-file-bytes.js';
import { readXlsxDate1904 } from './read-xlsx-date1904.js';
import type { SheetGrid } from './read-workbook.js';
import { WorkbookReadError } from './workbook-read-error.js';

const MS_PER_DAY = 86_400_000;
/** Excel 1900 serial of 1970-01-01, the offset exceljs uses to turn serials into Dates. */
const EXCELJS_SERIAL_OF_EPOCH = 25_569;
/** Days between the 1900 and 1904 systems' day 0, as exceljs applies it. */
const EXCELJS_1904_SHIFT = 1_462;
/** Old .xls files and password-protected .xlsx files are OLE compound documents. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Reads every worksheet of an .xlsx/.xlsm file with exceljs into cell grids.
 *
 * Cells come out as Excel shows them: formulas as their cached result (errors as `{error}`), rich
 * text and hyperlinks as plain text, merged ranges with the value in the top-left cell only,
 * date-formatted cells as UTC-midnight Dates of the right calendar day in either date system, and
 * time-only formats (`[h]:mm:ss`) as their serial number. Hidden sheets are kept.
 *
 * @throws WorkbookReadError when the file is missing, not a zip workbook, or exceljs fails on it.
 */
export async function readXlsx(file: string): Promise<SheetGrid[]> {
  const bytes = await readFileBytes(file);
  if (bytes.length >= OLE_MAGIC.length && bytes.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) {
    throw new WorkbookReadError(
      file,
      'this is an old .xls or a password-protected workbook; open it in Excel and save it as an unprotected .xlsx',
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookReadError(file, exceljsReason(error), { cause: error });
  }
  if (workbook.worksheets.length === 0) {
    throw new WorkbookReadError(file, 'no worksheets found (is it really an Excel workbook?)');
  }
  const readAs1904 = Boolean(workbook.properties.date1904);
  const date1904 = (await readXlsxDate1904(bytes)) ?? readAs1904;
  return workbook.worksheets.map((worksheet) => ({
    file,
    sheet: worksheet.name,
    rows: gridOf(worksheet, { readAs1904, date1904 }),
    date1904,
  }));
}

interface DateSystems {
  /** The system exceljs used to build Date objects. */
  readAs1904: boolean;
  /** The system the workbook declares. */
  date1904: boolean;
}

function gridOf(worksheet: ExcelJS.Worksheet, systems: DateSystems): CellValue[][] {
  const rows: CellValue[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const value = cellValueOf(cell, systems);
      if (value !== null) cells[columnNumber - 1] = value;
    });
    if (cells.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    // Sparse slots become explicit nulls so consumers can index without holes.
    rows[rowNumber - 1] = Array.from(cells, (value) => value ?? null);
  });
  return rows;
}

function cellValueOf(cell: ExcelJS.Cell, systems: DateSystems): CellValue {
  // exceljs repeats the master's value in every cell of a merged range; Excel holds it only in
  // the top-left cell, and repeating it would double-count amounts.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  // `cell.value` of a formula drops a falsy cached result (0, FALSE, ''): exceljs copies only
  // truthy fields. `cell.result` keeps it.
  if (cell.type === ExcelJS.ValueType.Formula) {
    return plainValue(cell.result as ExcelJS.CellValue | undefined, cell.numFmt, systems);
  }
  return plainValue(cell.value, cell.numFmt, systems);
}

function plainValue(
  value: ExcelJS.CellValue | undefined,
  numFmt: string | undefined,
  systems: DateSystems,
): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return correctedDate(value, numFmt, systems);
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return richTextOf(value) || null;
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return text === '' ? null : text;
    return isRichText(text) ? richTextOf(text) || null : null;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return plainValue(value.result as ExcelJS.CellValue | undefined, numFmt, systems);
  }
  return null;
}

function isRichText(value: unknown): value is ExcelJS.CellRichTextValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { richText?: unknown }).richText)
  );
}

function richTextOf(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((run) => run.text ?? '').join('');
}

/**
 * The cell's calendar date built from its serial in the workbook's own date system (exceljs may
 * have used the other one, and it ignores the 1900 system's phantom 29 February), or the serial
 * itself for time-only formats, where a calendar date would be meaningless.
 */
function correctedDate(date: Date, numFmt: string | undefined, systems: DateSystems): CellValue {
  const ms = date.getTime();
  // exceljs turns every cached formula result in a date-formatted cell into a Date, so an error
  // or text result becomes an Invalid Date and its text is lost (pivots.xlsx DataSheet!J5 holds
  // #DIV/0!). Report it as an unknown error rather than a blank.
  if (Number.isNaN(ms)) return { error: '#UNKNOWN!' };
  const timeMs = ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  const wholeSerial =
    (ms - timeMs) / MS_PER_DAY +
    EXCELJS_SERIAL_OF_EPOCH -
    (systems.readAs1904 ? EXCELJS_1904_SHIFT : 0);
  if (!hasDateParts(numFmt)) return wholeSerial + timeMs / MS_PER_DAY;
  const day = epochDayFromExcelSerial(wholeSerial, systems.date1904);
  // The phantom 1900-02-29 has no calendar date: hand over the number so core reports it.
  if (day === undefined) return wholeSerial + timeMs / MS_PER_DAY;
  return new Date(day * MS_PER_DAY + timeMs);
}

/** True unless the number format shows only a time or duration (no year, month or day). */
function hasDateParts(numFmt: string | undefined): boolean {
  if (numFmt === undefined || numFmt.trim() === '') return true;
  const section = (numFmt.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/AM\/PM|A\/P/gi, '')
    .toLowerCase();
  if (/[ydegb]/.test(section)) return true;
  // Without y or d, "m" is a month only when no hour or second is around (else it is minutes).
  return /m/.test(section) && !/[hs]/.test(section);
}

function exceljsReason(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error))
    .replace(/\s*If it is, see https?:\/\/\S+/i, '')
    .trim();
  if (/end of central directory|corrupted zip|end of data reached|invalid zip/i.test(message)) {
    return `not a valid .xlsx file: it is not a zip archive or is damaged (${message})`;
  }
  return `exceljs could not read this workbook: ${message}`;
}
