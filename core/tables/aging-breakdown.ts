import { DEFAULT_MONEY_DECIMALS, moneyScale, toMinorUnits } from '../columns/money.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { noColumnToBreakDown } from './no-column-to-break-down.js';
import type { AgingRun } from '../workbook/age-receivables.js';
import { breakdownKeyCells } from './breakdown-key-text.js';
import { breakdownRows } from './breakdown-rows.js';
import { agingLinesOf, agingSourceColumns } from './aging-invoices-table.js';
import { findSourceColumn } from './source-columns.js';

/** One group of an aging breakdown: open items, their open balance and each bucket's. */
export interface AgingBreakdownRow {
  key: string | null;
  count: number;
  open: number;
  /** Open balance per bucket label, in the buckets' order. */
  buckets: Record<string, number>;
}

/** The aging of one currency grouped by one column of the invoice sheet. */
export interface AgingBreakdown {
  by: string;
  column: string;
  currency: string | null;
  rows: AgingBreakdownRow[];
}

/**
 * The aging broken down by any column of the invoice sheet: per distinct value, the open items
 * (lines with a balance), their open balance and the balance per bucket, summed in cents so the
 * rows add up exactly to `totals.open` and each bucket's total. Values are compared after NFKC,
 * case and space folding; blank cells form their own row (key null); dates show as `2026-07-28`
 * (Excel serials too, in a column read as a date field such as the due date).
 *
 * @param run - an ageReceivables() run from one invoice sheet, made with `perRow: true`, in one
 *   currency (or converted to a base currency).
 * @param by - the column: header text as typed, a column letter like "C", or a header in the
 *   other language or another word for its field ("Sales rep" for 销售代表).
 * @returns the breakdown, largest open balance first.
 * @throws PipecastError without per-row values, with several invoice sheets or currencies, when
 *   no column matches `by`, or when `by` is a word for a field several columns are headed by.
 * @example agingBreakdown(ageReceivables(sheets, { asOf: '2026-06-30', perRow: true }), '销售').rows
 */
export function agingBreakdown(run: AgingRun, by: string): AgingBreakdown {
  const lines = agingLinesOf(run);
  const sections = run.result?.sections ?? [];
  if (sections.length > 1)
    throw new PipecastError(
      'invalid-option',
      `aging breakdowns add one currency: the ledger has ${sections.length} (${sections.map((s) => s.currency ?? '?').join(', ')}); give a base currency and rates`,
    );
  const columns = agingSourceColumns(run, lines);
  const file = run.report?.file;
  const index = findSourceColumn(columns, by, file === undefined ? {} : { file });
  if (index === undefined)
    throw new PipecastError(
      'unknown-field',
      (run.invoiceGrids?.length ?? 0) > 1
        ? `aging: breakdowns by a sheet column need the invoices on one sheet, not ${run.invoiceGrids?.length}`
        : `${run.report?.file ?? 'invoices'}: no column "${by}" to break down by (columns: ${columns.names.join(', ') || 'none'})`,
      (run.invoiceGrids?.length ?? 0) <= 1 && run.report?.file !== undefined
        ? { file: run.report.file }
        : {},
      (run.invoiceGrids?.length ?? 0) > 1 ? {} : { text: noColumnToBreakDown(by, columns.names) },
    );
  const labels = run.result?.buckets.map((bucket) => bucket.label) ?? [];
  const scale = moneyScale(DEFAULT_MONEY_DECIMALS);
  const openMinor = Float64Array.from(lines, ({ line }) => toMinorUnits(line.open, scale));
  const measures: Record<string, Float64Array> = { open: openMinor };
  labels.forEach((label, b) => {
    measures[`bucket${b}`] = Float64Array.from(lines, ({ line }, i) =>
      line.bucket === label ? (openMinor[i] as number) : 0,
    );
  });
  const included = Uint8Array.from(lines, ({ line }) => (line.open !== 0 ? 1 : 0));
  const keys = breakdownKeyCells(
    columns.codes(index),
    columns.readAs.fields[index],
    columns.date1904,
  );
  const rows = breakdownRows(keys, included, measures, scale).map((row) => ({
    key: row.key,
    count: row.count,
    open: row['open'] as number,
    buckets: Object.fromEntries(labels.map((label, b) => [label, row[`bucket${b}`] as number])),
  }));
  return {
    by,
    column: columns.names[index] ?? by,
    currency: sections[0]?.currency ?? null,
    rows,
  };
}
