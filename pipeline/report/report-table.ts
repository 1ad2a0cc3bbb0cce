import type { ReportTable } from '../report-html/report-model.js';
import type { CsvValue } from './escape-csv-cell.js';
import { escapeCsvCell } from './escape-csv-cell.js';

/** How a column's numbers are shown: money with two decimals, a share as a percentage, a count. */
export type ReportColumnFormat = 'text' | 'money' | 'percent' | 'integer' | 'number';

export interface ReportColumn {
  label: string;
  format: ReportColumnFormat;
}

/**
 * One table of a report, written three ways: an HTML table, a formatted range in results.xlsx
 * and `<id>.csv`. Cells hold raw values (shares as 0–1), formatted by each writer.
 */
export interface ReportDataTable {
  /** File name of the CSV without `.csv`, e.g. `forecast-stages`. */
  id: string;
  title: string;
  columns: readonly ReportColumn[];
  rows: readonly (readonly CsvValue[])[];
}

/** UTF-8 byte order mark, so Excel reads Chinese text in a CSV as UTF-8. */
export const CSV_BOM = '\uFEFF';

/**
 * The table as CSV text: a BOM, the header row, then one line per row, CRLF line ends (what
 * Excel writes), every cell through escapeCsvCell.
 *
 * @param table - the table.
 * @returns the CSV file's text.
 */
export function tableToCsv(table: ReportDataTable): string {
  const lines = [table.columns.map((c) => escapeCsvCell(c.label)).join(',')];
  for (const row of table.rows) lines.push(row.map((cell) => escapeCsvCell(cell)).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** Rows shown in the HTML page per table; the CSV and the workbook have them all. */
export const DEFAULT_HTML_TABLE_ROWS = 50;

/**
 * The table for the HTML page: percentages as text ("41.0%"), the first rows only.
 *
 * @param table - the table.
 * @param maxRows - rows kept.
 * @param moreRows - the wording of the "n more rows" line.
 * @returns a ReportTable for renderReportHtml.
 */
export function tableToHtmlTable(
  table: ReportDataTable,
  maxRows: number = DEFAULT_HTML_TABLE_ROWS,
  moreRows: (n: number) => string = (n) => `… ${n} more rows in the CSV and results.xlsx`,
): ReportTable {
  const rows = table.rows.slice(0, maxRows).map((row) =>
    row.map((cell, i) => {
      if (cell === undefined) return null;
      if (typeof cell === 'number' && table.columns[i]?.format === 'percent')
        return `${(cell * 100).toFixed(1)}%`;
      return cell;
    }),
  );
  const hidden = table.rows.length - rows.length;
  if (hidden > 0) rows.push([moreRows(hidden), ...table.columns.slice(1).map(() => null)]);
  return { title: table.title, columns: table.columns.map((c) => c.label), rows };
}
