import { DEFAULT_MONEY_DECIMALS, moneyScale, toMinorUnits } from '../columns/money.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { noColumnToBreakDown } from './no-column-to-break-down.js';
import type { AgingRun } from '../workbook/age-receivables.js';
import { breakdownKeyCells } from './breakdown-key-text.js';
import { breakdownRows } from './breakdown-rows.js';
import type { AgingLineOfSection } from './aging-invoices-table.js';
import { agingLinesOf, agingSourceColumns } from './aging-invoices-table.js';
import type { SourceColumns } from './source-columns.js';
import { columnLetter } from '../columns/column-letter.js';
import { breakdownColumnName, breakdownColumnNames, findSourceColumn } from './source-columns.js';

/**
 * One group of an aging breakdown, made like the aging's owner lines: open = Σ buckets +
 * credits, so the buckets are what the group owes and its credits are one column apart.
 */
export interface AgingBreakdownRow {
  key: string | null;
  /** Open items: invoices, credit notes and overpaid invoices with a balance. */
  count: number;
  /** Σ open balances, credits netted in. */
  open: number;
  /** Σ positive open balances per bucket label, in the buckets' order (credits apart). */
  buckets: Record<string, number>;
  /** Σ negative open balances (credit notes, overpayments), ≤ 0. */
  credits: number;
}

/** The aging of one currency grouped by one column of the invoice sheet. */
export interface AgingBreakdown {
  /** The column as the caller named it. */
  by: string;
  /** The sheet column it resolved to: its header as typed (its letter when blank), for titles. */
  column: string;
  /** The sheet column's index (0 = A): two breakdowns are by one column when it is the same. */
  columnIndex: number;
  currency: string | null;
  rows: AgingBreakdownRow[];
}

/**
 * The aging of each currency broken down by any column of the invoice sheet: per currency
 * section (in the aging's order; one when a rate table converts them) and per distinct value,
 * the open items, their open balance, what is owed per bucket (positive open balances) and the
 * credits (negative ones), summed in cents. So each row's open = Σ buckets + credits, and the
 * rows add up exactly to the section's `totals.open`, `totals.credit` and each bucket's `owed`,
 * as the aging's own tables show them (credits are never netted into a bucket). Values are
 * compared after NFKC, case and space folding; blank cells form their own row (key null); dates
 * show as `2026-07-28` (Excel serials too, in a column read as a date field such as the due date).
 *
 * @param run - an ageReceivables() run from one invoice sheet, made with `perRow: true`.
 * @param by - the column: header text as typed, a column letter like "C", or a header in the
 *   other language or another word for its field ("Sales rep" for 销售代表).
 * @returns one breakdown per currency section, rows largest open balance first; none when
 *   nothing was aged.
 * @throws PipecastError without per-row values, with several invoice sheets, when `by` is a word
 *   for a field several columns are headed by, or when no column
 *   matches `by`.
 * @example agingBreakdowns(ageReceivables(sheets, { asOf: '2026-06-30', perRow: true }), 'Owner')
 *   .map((b) => b.currency) // ['CNY', 'USD']
 */
export function agingBreakdowns(run: AgingRun, by: string): AgingBreakdown[] {
  return breakdownsOf(run, by).breakdowns;
}

/** agingBreakdowns, with the name of the column they are by (also when there are none). */
function breakdownsOf(
  run: AgingRun,
  by: string,
): { column: string; columnIndex: number; breakdowns: AgingBreakdown[] } {
  const lines = agingLinesOf(run);
  const columns = agingSourceColumns(run, lines);
  const file = run.report?.file;
  const index = findSourceColumn(columns, by, file === undefined ? {} : { file });
  if (index === undefined) throw noSuchColumn(run, by, columns);
  const keys = breakdownKeyCells(
    columns.codes(index),
    columns.readAs.fields[index],
    columns.date1904,
  );
  const labels = run.result?.buckets.map((bucket) => bucket.label) ?? [];
  const scale = moneyScale(DEFAULT_MONEY_DECIMALS);
  const measures = agingMeasures(lines, labels, scale);
  const column = breakdownColumnName(columns.headers[index], columnLetter(index));
  const breakdowns = (run.result?.sections ?? []).map(({ currency }) => {
    const included = Uint8Array.from(lines, (item) =>
      item.currency === currency && item.line.open !== 0 ? 1 : 0,
    );
    const rows = breakdownRows(keys, included, measures, scale).map((row) => ({
      key: row.key,
      count: row.count,
      open: row['open'] as number,
      buckets: Object.fromEntries(labels.map((label, b) => [label, row[`bucket${b}`] as number])),
      credits: row['credits'] as number,
    }));
    return { by, column, columnIndex: index, currency, rows };
  });
  return { column, columnIndex: index, breakdowns };
}

/**
 * The aging of one currency broken down by any column of the invoice sheet: agingBreakdowns
 * for a ledger in one currency (or converted to a base currency).
 *
 * @param run - an ageReceivables() run from one invoice sheet, made with `perRow: true`.
 * @param by - the column: header text as typed, a column letter like "C", or a header in the
 *   other language or another word for its field ("Sales rep" for 销售代表).
 * @returns the breakdown, largest open balance first.
 * @throws PipecastError as agingBreakdowns, and with several currencies (use agingBreakdowns).
 * @example agingBreakdown(ageReceivables(sheets, { asOf: '2026-06-30', perRow: true }), '销售').rows
 */
export function agingBreakdown(run: AgingRun, by: string): AgingBreakdown {
  const sections = run.result?.sections ?? [];
  if (sections.length > 1)
    throw new PipecastError(
      'invalid-option',
      `agingBreakdown: the ledger has ${sections.length} currencies (${sections.map((s) => s.currency ?? '?').join(', ')}), never added together; call agingBreakdowns for one breakdown per currency, or give a base currency and rates`,
    );
  const { column, columnIndex, breakdowns } = breakdownsOf(run, by);
  return breakdowns[0] ?? { by, column, columnIndex, currency: null, rows: [] };
}

/**
 * Each line's measures in minor units: its open balance, its credit (a negative balance) and,
 * per bucket, its balance when positive and in that bucket.
 */
function agingMeasures(
  lines: readonly AgingLineOfSection[],
  labels: readonly string[],
  scale: number,
): Record<string, Float64Array> {
  const open = Float64Array.from(lines, ({ line }) => toMinorUnits(line.open, scale));
  const measures: Record<string, Float64Array> = {
    open,
    credits: open.map((value) => (value < 0 ? value : 0)),
  };
  labels.forEach((label, b) => {
    measures[`bucket${b}`] = Float64Array.from(lines, ({ line }, i) =>
      line.bucket === label && (open[i] as number) > 0 ? (open[i] as number) : 0,
    );
  });
  return measures;
}

/** The one-line error for a `by` that names no column of the invoice sheet. */
function noSuchColumn(run: AgingRun, by: string, columns: SourceColumns): PipecastError {
  const sheets = run.invoiceGrids?.length ?? 0;
  if (sheets > 1)
    return new PipecastError(
      'unknown-field',
      `aging: breakdowns by a sheet column need the invoices on one sheet, not ${sheets}`,
    );
  const names = breakdownColumnNames(columns);
  return new PipecastError(
    'unknown-field',
    `${run.report?.file ?? 'invoices'}: no column "${by}" to break down by (columns: ${names.join(', ') || 'none'})`,
    run.report?.file !== undefined ? { file: run.report.file } : {},
    { text: noColumnToBreakDown(by, names) },
  );
}
