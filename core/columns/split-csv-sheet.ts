import { CsvColumnCoder } from '../internal/csv-column-coder.js';
import { keepSheetColumnCodes } from '../internal/sheet-column-codes.js';
import { splitCsv } from './parse-csv-text.js';

/**
 * A CSV file's text as a sheet's rows: split as parseCsvText splits it, without the blank lines at
 * the end. Each column whose texts repeat (owners, stages, industries, dates) holds one string
 * per distinct text, shared by its rows, and its codes are kept with the rows for breakdowns (see
 * CsvColumnCoder and sheetColumnCodes); columns of mostly distinct texts (ids, amounts) are cut
 * out cell by cell.
 *
 * @param text - the decoded file text.
 * @param delimiter - one character: ',', ';', tab or '|'.
 * @returns one array of cells per line; blank cells are null, trailing blank cells dropped.
 * @throws PipecastError ('malformed-csv') as parseCsvText does.
 * @example splitCsvSheet('region\nEast\nEast\n\n', ',') // [['region'], ['East'], ['East']], one 'East' string
 */
export function splitCsvSheet(text: string, delimiter: string): (string | null)[][] {
  const coders: CsvColumnCoder[] = [];
  const rows = splitCsv(text, delimiter, 1, coders);
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  coders.forEach((coder, j) => {
    const codes = coder.finish(rows.length);
    if (codes !== undefined) keepSheetColumnCodes(rows, j, codes);
  });
  return rows;
}
