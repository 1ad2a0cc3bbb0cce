import {
  formatCount,
  formatDecimal,
  formatMoney,
  formatPercent,
  roundMoney,
  withoutFloatNoise,
} from '../../core/index.js';
import type { ReportCell, ReportTable } from '../report-html/report-model.js';
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
  /** The last row sums the others (Total): the HTML page shows it even when it cuts the rows. */
  lastRowIsTotal?: boolean;
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
  for (const row of table.rows)
    lines.push(
      row.map((cell, i) => escapeCsvCell(finishedCell(cell, table.columns[i]?.format))).join(','),
    );
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * A cell as CSV and results.xlsx store it: money rounded to cents by the money rule, any other
 * number without float noise (`256929.19999999998` → `256929.2`); text as it is.
 *
 * @param cell - the raw cell.
 * @param format - its column's format.
 * @returns the cell to write.
 */
export function finishedCell(cell: CsvValue, format: ReportColumnFormat | undefined): CsvValue {
  if (typeof cell !== 'number') return cell;
  return format === 'money' ? roundMoney(cell) : withoutFloatNoise(cell);
}

/**
 * A number as a reader sees it in its column's format: money "3,245,285.50", a count "4,238",
 * a share "80.1%", a number "42.5". The same rules as results.xlsx's number formats.
 *
 * @param value - the number.
 * @param format - its column's format.
 * @returns its text.
 */
export function formattedNumber(value: number, format: ReportColumnFormat): string {
  if (format === 'money') return formatMoney(value);
  if (format === 'integer') return formatCount(value);
  if (format === 'percent') return formatPercent(value);
  return formatDecimal(value, 1);
}

/** Rows shown in the HTML page per table; the CSV and the workbook have them all. */
export const DEFAULT_HTML_TABLE_ROWS = 50;

/**
 * The table for the HTML page: percentages as text ("41.0%"), the first rows only (and the
 * Total row when the table ends with one).
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
  const total = table.lastRowIsTotal === true ? table.rows.at(-1) : undefined;
  const body = total === undefined ? table.rows : table.rows.slice(0, -1);
  const rows = body.slice(0, maxRows).map((row) => htmlRow(row, table.columns));
  const hidden = body.length - rows.length;
  if (hidden > 0) rows.push([moreRows(hidden), ...table.columns.slice(1).map(() => null)]);
  if (total !== undefined) rows.push(htmlRow(total, table.columns));
  return {
    title: table.title,
    columns: table.columns.map((c) => c.label),
    rows,
    numericColumns: table.columns.map((c) => c.format !== 'text'),
  };
}

/** A row's numbers as their column's text; the column stays marked numeric for alignment. */
function htmlRow(row: readonly CsvValue[], columns: readonly ReportColumn[]): ReportCell[] {
  return row.map((cell, i): ReportCell => {
    if (cell === undefined) return null;
    const format = columns[i]?.format ?? 'text';
    if (typeof cell === 'number' && format !== 'text') return formattedNumber(cell, format);
    return cell;
  });
}
