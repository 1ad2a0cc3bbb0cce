import type { CellValue } from '../../core/index.js';
import { streamXlsxRowBatches } from './stream-xlsx-row-batches.js';
import type { StreamXlsxRowsOptions } from './stream-xlsx-row-batches.js';

export type ReadXlsxSheetsOptions = StreamXlsxRowsOptions;

/** One worksheet as a grid. */
export interface XlsxSheet {
  sheet: string;
  /**
   * `rows[i][j]` is Excel row i+1, column j+1. Rows without a value are empty arrays (so row
   * numbers stay right); gaps are null; trailing blank cells and trailing empty rows are dropped.
   */
  rows: CellValue[][];
  /** True when the workbook uses the 1904 date system. */
  date1904: boolean;
}

/**
 * Reads the worksheets of an .xlsx/.xlsm workbook into grids with the streaming reader (cells
 * typed as `streamXlsxRows` types them). The grids are held whole, so for very large sheets
 * iterate `streamXlsxRows` instead.
 *
 * @param file path of the .xlsx/.xlsm file.
 * @param options `sheet`: one sheet by name or 0-based index; default every worksheet.
 * @returns one grid per worksheet in tab order (empty sheets give `rows: []`).
 * @throws WorkbookReadError (message names the file) when the file is missing, not a workbook,
 *   damaged or truncated, or has no such sheet.
 * @example
 * const [deals] = await readXlsxSheets('deals.xlsx', { sheet: 0 });
 */
export async function readXlsxSheets(
  file: string,
  options: ReadXlsxSheetsOptions = {},
): Promise<XlsxSheet[]> {
  const sheets: XlsxSheet[] = [];
  let rows: CellValue[][] = [];
  for await (const batch of streamXlsxRowBatches(file, options)) {
    // Each sheet opens with an empty batch.
    if (batch.rows.length === 0) {
      rows = [];
      sheets.push({ sheet: batch.sheet, rows, date1904: batch.date1904 });
    }
    for (const row of batch.rows) {
      while (rows.length < row.rowNumber - 1) rows.push([]);
      rows[row.rowNumber - 1] = row.cells;
    }
  }
  return sheets;
}
