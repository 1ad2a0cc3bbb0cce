import ExcelJS from 'exceljs';
import type { CellValue } from '../../../core/columns/cell-value.js';

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
  if (cell.type === ExcelJS.ValueType.Formula) return plain(cell.result);
  return plain(cell.value);
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
