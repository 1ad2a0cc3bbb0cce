import { inTotals } from '../funnel/weighted-pipeline.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { noColumnToBreakDown } from './no-column-to-break-down.js';
import type { ForecastRun } from '../workbook/forecast.js';
import type { BreakdownRow } from './breakdown-rows.js';
import { breakdownKeyCells } from './breakdown-key-text.js';
import { breakdownRows } from './breakdown-rows.js';
import { forecastSourceColumns, perDealOf } from './forecast-deals-table.js';
import { columnLetter } from '../columns/column-letter.js';
import { breakdownColumnName, breakdownColumnNames, findSourceColumn } from './source-columns.js';

/** The forecast of the funnel's deals grouped by one column of the sheet. */
export interface ForecastBreakdown {
  /** The column as the caller named it. */
  by: string;
  /** The sheet column it resolved to: its header as typed (its letter when blank), for titles. */
  column: string;
  /** The sheet column's index (0 = A): two breakdowns are by one column when it is the same. */
  columnIndex: number;
  rows: BreakdownRow<'amount' | 'weighted'>[];
}

/**
 * The forecast broken down by any column of the deals' sheet: per distinct value, the count,
 * amount and weighted amount of the deals in the totals (open, not small orders, in a known
 * stage or the "Unknown stage" row), so the rows add up exactly to `result.totals`. Values are compared after NFKC, case
 * and space folding; blank cells form their own row (key null); dates show as `2026-07-28`
 * (Excel serials too, in a column read as a date field such as the close date).
 *
 * @param run - a forecast() run from sheets made with `perRow: true`.
 * @param by - the column: header text as typed, a column letter like "C", or a header in the
 *   other language or another word for its field ("Region" for 区域, "行业" for "Industry").
 * @returns the breakdown, largest weighted amount first.
 * @throws PipecastError when the run lacks per-row values, no column matches `by`, or `by` is a
 *   word for a field that several columns are headed by.
 * @example
 * const run = forecast(sheets, { asOf: '2026-06-30', perRow: true })!;
 * forecastBreakdown(run, 'Industry').rows[0]; // { key: 'Retail', count: 12, amount: …, weighted: … }
 */
export function forecastBreakdown(run: ForecastRun, by: string): ForecastBreakdown {
  const { prepared, weights } = perDealOf(run);
  const columns = forecastSourceColumns(run);
  const place = run.source == null ? {} : { file: run.source.file, sheet: run.source.sheet };
  const index = findSourceColumn(columns, by, place);
  if (index === undefined) {
    const names = breakdownColumnNames(columns);
    throw new PipecastError(
      'unknown-field',
      `${run.source?.file ?? 'deals'}, sheet ${run.source?.sheet ?? '?'}: no column "${by}" to break down by (columns: ${names.join(', ') || 'none'})`,
      place,
      { text: noColumnToBreakDown(by, names) },
    );
  }
  const rows = breakdownRows(
    breakdownKeyCells(columns.codes(index), columns.readAs.fields[index], columns.date1904),
    inTotals(weights),
    { amount: prepared.amountMinor, weighted: weights.weightedMinor },
    prepared.scale,
    new Set(),
    'weighted',
  );
  const column = breakdownColumnName(columns.headers[index], columnLetter(index));
  return { by, column, columnIndex: index, rows };
}
