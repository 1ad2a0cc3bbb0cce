import type { ForecastRun } from '../workbook/forecast.js';
import { forecastSourceColumns } from './forecast-deals-table.js';
import { findSourceColumn } from './source-columns.js';

/**
 * The deal field the forecast read the sheet column named `by` as ('owner', 'stage',
 * 'closeDate'…), found as forecastBreakdown finds its column (header, letter, or a word for the
 * field in either language), so a caller can tell that a breakdown groups the deals as one of
 * the forecast's own tables does: by 'owner', as `result.byOwner`.
 *
 * @param run - a forecast() run from sheets made with `perRow: true`.
 * @param by - the column as the user named it.
 * @returns the field, or undefined when the core read the column as none, no column matches
 *   `by`, or the deals were given as records.
 * @throws PipecastError when the run lacks per-row values, or `by` is a word for a field that
 *   several columns are headed by (as forecastBreakdown).
 * @example
 * const run = forecast(sheets, { asOf: '2026-06-30', perRow: true })!;
 * forecastColumnReadAs(run, 'sales_agent'); // 'owner' (the CRM export's owner column)
 * forecastColumnReadAs(run, 'Industry'); // undefined: read as no field
 */
export function forecastColumnReadAs(run: ForecastRun, by: string): string | undefined {
  const columns = forecastSourceColumns(run);
  const place = run.source == null ? {} : { file: run.source.file, sheet: run.source.sheet };
  const index = findSourceColumn(columns, by, place);
  return index === undefined ? undefined : columns.readAs.fields[index]?.field;
}
