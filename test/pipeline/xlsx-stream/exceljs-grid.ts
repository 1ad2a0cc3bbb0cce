import ExcelJS from 'exceljs';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { epochDayFromExcelSerial } from '../../../core/columns/epoch-day.js';
import { isTimeOnlyNumberFormat } from '../../../pipeline/xlsx-stream/is-date-number-format.js';

const MS_PER_DAY = 86_400_000;
/** The 1900 serial of 1970-01-01, which exceljs uses to turn serials into Dates. */
const SERIAL_OF_EPOCH = 25_569;

/** One worksheet as exceljs reads it, in the grid convention of readXlsxSheets. */
export interface ExceljsSheet {
  sheet: string;
  rows: CellValue[][];
}

/**
 * Reads a workbook with exceljs (`Workbook.xlsx.readFile`, the reference the streaming reader is
 * tested against) and maps its cell values to plain cells: rich text → joined text, formula →
 * cached result, hyperlink → its text, error → `{ error }`. Cells that exceljs marks as merged
 * into another cell are null: exceljs repeats the master's value there, the file holds none.
 * Two documented corrections of exceljs's dates (both as pipeline readers read them): a time-only
 * format (`[h]:mm:ss`) gives the serial number, and 1900-system serials before 1900-03-01, which
 * exceljs puts a day early (it ignores the phantom 1900-02-29), give their real day.
 */
export async function exceljsGrid(file: string): Promise<ExceljsSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((worksheet) => {
    const rows: CellValue[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        const value = valueOf(cell);
        if (value !== null) cells[columnNumber - 1] = value;
      });
      if (cells.length === 0) return;
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = Array.from(cells, (value) => value ?? null);
    });
    return { sheet: worksheet.name, rows };
  });
}

function valueOf(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  // `cell.value` of a formula drops falsy cached results (0, false); `cell.result` keeps them.
  const value = plain(cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value);
  return value instanceof Date ? correctedDate(value, cell.numFmt) : value;
}

function correctedDate(date: Date, numFmt: string | undefined): CellValue {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return date;
  const timeMs = ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  const whole = (ms - timeMs) / MS_PER_DAY + SERIAL_OF_EPOCH;
  if (numFmt !== undefined && isTimeOnlyNumberFormat(-1, numFmt))
    return whole + timeMs / MS_PER_DAY;
  if (whole >= 61) return date;
  const day = epochDayFromExcelSerial(whole, false);
  return day === undefined ? whole + timeMs / MS_PER_DAY : new Date(day * MS_PER_DAY + timeMs);
}

function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: string }) => run.text ?? '').join('');
  }
  if ('hyperlink' in value) return plain((value as { text?: unknown }).text);
  if ('formula' in value || 'sharedFormula' in value) {
    return plain((value as { result?: unknown }).result);
  }
  return null;
}
