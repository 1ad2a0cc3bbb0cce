import type { CellValue } from '../core/index.js';
import { coded, WorkbookReadError } from '../core/readers/index.js';
import type { SheetGrid } from './read-workbook.js';
import { contentMismatch } from './sniff-file-content.js';
import { readXlsxSheets } from './xlsx-stream/read-xlsx-sheets.js';

/**
 * Reads every worksheet of an .xlsx/.xlsm file into cell grids with the streaming reader
 * (pipeline/xlsx-stream, tested cell for cell against exceljs on real workbooks): the file is
 * never held whole, only the grid it yields.
 *
 * Cells come out as Excel shows them: formulas as their cached result (errors as `{error}`), rich
 * text as plain text, merged ranges with the value in the top-left cell only, date-formatted
 * cells as UTC Dates of the right calendar day in either date system, time-only formats
 * (`[h]:mm:ss`) as their serial number, and empty text as a blank. Hidden sheets are kept.
 *
 * @throws WorkbookReadError when the file is missing, an old .xls or protected file, a CSV under
 *   another name, not a workbook, damaged, or has no worksheet.
 */
export async function readXlsx(file: string): Promise<SheetGrid[]> {
  const mismatch = await contentMismatch(file, 'xlsx');
  if (mismatch !== null) throw new WorkbookReadError(file, mismatch);
  const sheets = await readXlsxSheets(file);
  if (sheets.length === 0) {
    throw new WorkbookReadError(file, coded('error.noWorksheets'));
  }
  return sheets.map((sheet) => ({
    file,
    sheet: sheet.sheet,
    rows: tidyRows(sheet.rows),
    date1904: sheet.date1904,
  }));
}

/** Empty text becomes a blank, trailing blanks are dropped, and a row of blanks is empty. */
function tidyRows(rows: CellValue[][]): CellValue[][] {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let end = 0;
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (cell === '' || cell === undefined) row[j] = null;
      else if (cell !== null) end = j + 1;
    }
    row.length = end;
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}
