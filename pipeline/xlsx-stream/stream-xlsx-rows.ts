import type { CellValue } from '../../core/index.js';
import { streamXlsxRowBatches } from './stream-xlsx-row-batches.js';
import type { StreamXlsxRowsOptions } from './stream-xlsx-row-batches.js';

export type { StreamXlsxRowsOptions } from './stream-xlsx-row-batches.js';

/** One non-empty worksheet row. */
export interface XlsxRow {
  sheet: string;
  /** Excel row number, 1-based. */
  rowNumber: number;
  /** `cells[j]` is column j+1; gaps are null and trailing blank cells are dropped. */
  cells: CellValue[];
}

/**
 * Streams the rows of an .xlsx/.xlsm workbook's worksheets with typed cells, in bounded memory:
 * only the shared strings, the styles and the current chunk of sheet XML are ever held.
 *
 * Cells: numbers; shared, inline and formula strings as the text Excel shows (rich-text runs
 * joined, phonetic runs left out, entities and `_xHHHH_` escapes resolved); booleans; cached
 * errors as `{ error: '#N/A' }`; formulas as their cached result; numbers in a date/time format
 * as UTC `Date`s built as exceljs builds them (serial − 25569 days, +1462 in the 1904 system).
 * Rows with no non-blank cell are skipped; merged ranges hold their value in the top-left cell.
 *
 * @param file path of the .xlsx/.xlsm file.
 * @param options `sheet`: one sheet by name or 0-based index; default every worksheet.
 * @returns an async iterable of rows, sheet by sheet in tab order.
 * @throws WorkbookReadError (message names the file) when the file is missing, not a workbook,
 *   damaged or truncated, or has no such sheet.
 * @example
 * for await (const row of streamXlsxRows('deals.xlsx', { sheet: 'Deals' })) console.log(row.cells);
 */
export async function* streamXlsxRows(
  file: string,
  options: StreamXlsxRowsOptions = {},
): AsyncGenerator<XlsxRow> {
  for await (const batch of streamXlsxRowBatches(file, options)) {
    for (const row of batch.rows) {
      yield { sheet: batch.sheet, rowNumber: row.rowNumber, cells: row.cells };
    }
  }
}
