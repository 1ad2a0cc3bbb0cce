import { table, type ColumnTable } from 'arquero';
import type { AgingInvoiceLine } from '../aging/aging-result.js';
import type { AgingRun } from '../workbook/age-receivables.js';
import { PipecastError } from '../errors/pipecast-error.js';
import type { SourceColumns } from './source-columns.js';
import { NO_SOURCE_COLUMNS, sourceColumns } from './source-columns.js';

/** The aging's own columns of agingInvoicesTable, before the sheet's columns. */
export const AGING_INVOICE_COLUMNS = [
  'row',
  'invoice',
  'customer',
  'owner',
  'currency',
  'invoiceDate',
  'dueDate',
  'amount',
  'paid',
  'open',
  'status',
  'daysPastDue',
  'age',
  'bucket',
  'disputed',
  'settledDate',
  'daysLate',
] as const;

/** An invoice line of the aging with the currency of its section. */
export interface AgingLineOfSection {
  line: AgingInvoiceLine;
  currency: string | null;
}

/** Every invoice line of a run, section by section; a one-line error without a perRow run. */
export function agingLinesOf(run: AgingRun): AgingLineOfSection[] {
  if (run.invoiceGrids === undefined && run.result !== null && run.sheets.length > 0)
    throw new PipecastError(
      'invalid-option',
      'per-row results need the aging to keep them: call ageReceivables(input, { ...options, perRow: true })',
    );
  return (run.result?.sections ?? []).flatMap((section) =>
    section.invoices.map((line) => ({ line, currency: section.currency })),
  );
}

/**
 * The invoice sheet's columns for the lines. Excel rows name one row of one sheet, so they are
 * attached when the invoices come from one sheet; with several invoice sheets there are none.
 */
export function agingSourceColumns(
  run: AgingRun,
  lines: readonly AgingLineOfSection[],
): SourceColumns {
  const grids = run.invoiceGrids ?? [];
  const grid = grids[0];
  if (grids.length !== 1 || grid === undefined) return NO_SOURCE_COLUMNS;
  const headerRow = run.sheets.find((sheet) => sheet.sheet === grid.sheet)?.headerRow ?? null;
  const rows = lines.map(({ line }) => line.row);
  return sourceColumns(
    grid,
    headerRow,
    rows,
    new Set(AGING_INVOICE_COLUMNS),
    run.invoiceReadAs?.[0],
  );
}

/**
 * One row per invoice line of an aging, as an arquero table: the invoice, customer, owner,
 * currency, dates, amount, paid, open balance, status, days past due, age, bucket, disputed,
 * settled date and days late, as the aging worked them out (open items only unless the run was
 * made with invoiceLines 'all'); then every column of the invoice sheet under its header text
 * (when the invoices come from one sheet). The open balances add up to each currency's
 * `totals.open`.
 *
 * @param run - an ageReceivables() run made with `perRow: true`.
 * @returns the table, one row per invoice line.
 * @throws PipecastError when a run from sheets was made without `perRow: true`.
 * @example
 * const run = ageReceivables(sheets, { asOf: '2026-06-30', perRow: true });
 * agingInvoicesTable(run).groupby('Sales rep', 'bucket').rollup({ open: op.sum('open') });
 */
export function agingInvoicesTable(run: AgingRun): ColumnTable {
  const lines = agingLinesOf(run);
  const columns: Record<string, unknown[]> = {};
  for (const name of AGING_INVOICE_COLUMNS)
    columns[name] =
      name === 'currency'
        ? lines.map(({ currency }) => currency)
        : lines.map(({ line }) => line[name] ?? null);
  const source = agingSourceColumns(run, lines);
  source.names.forEach((name, j) => {
    columns[name] = source.column(j);
  });
  return table(columns);
}
