import {
  agingBreakdowns,
  agingBucketName,
  type Locale,
  PipecastError,
  textFor,
  onePerColumn,
} from '../../core/index.js';
import { UsageError } from '../cli-io.js';
import type { AgingBreakdown, AgingReport, AgingRun } from '../../core/index.js';
import { renderBreakdownText } from '../render/breakdown-text.js';

/** The aging report with `--by COLUMN` breakdowns, as `pipecast aging` prints it. */
export type AgingReportWithBreakdowns = AgingReport & { breakdowns?: AgingBreakdown[] };

/**
 * The run's report with a breakdown per column and currency (one per column when the ledger is
 * in one currency or converted to a base one); the invoice lines the breakdowns needed are left
 * out again unless --invoices asked for them.
 */
export function agingWithBreakdowns(
  run: AgingRun,
  options: { breakdownColumns: readonly string[]; listInvoices: boolean },
): AgingReportWithBreakdowns | null {
  if (run.report === null) return null;
  // A column named twice (its header and its letter, say) is shown once, where first named.
  const breakdowns = onePerColumn(
    options.breakdownColumns.map((column) => breakdownsOrUsage(run, column)),
  );
  const currencies = options.listInvoices
    ? run.report.currencies
    : run.report.currencies.map((section) => ({ ...section, invoices: [] }));
  return { ...run.report, currencies, breakdowns };
}

/** The breakdowns; a --by value that names no column is a usage error, as before columns were allowed. */
function breakdownsOrUsage(run: AgingRun, column: string): AgingBreakdown[] {
  try {
    return agingBreakdowns(run, column);
  } catch (error) {
    if (!(error instanceof PipecastError && error.code === 'unknown-field')) throw error;
    throw new UsageError(`--by must be 'due' or 'invoice', or a column: ${error.message}`);
  }
}

/**
 * The --by tables after the report: per value, the open balance, what is owed per bucket and the
 * credits apart when there are some, as the aging's own table shows them (so the Total row
 * matches it). With several currencies each table's title names its currency.
 */
export function agingBreakdownsText(
  breakdowns: readonly AgingBreakdown[] | undefined,
  locale: Locale = 'en',
  severalCurrencies = false,
): string {
  if (breakdowns === undefined) return '';
  return breakdowns
    .map((breakdown) => {
      const labels = Object.keys(breakdown.rows[0]?.buckets ?? {});
      const flat = {
        ...breakdown,
        rows: breakdown.rows.map(({ buckets, ...row }) => ({ ...row, ...buckets })),
      };
      const measures = [
        { field: 'open', heading: textFor(locale, 'report.open') },
        ...labels.map((label) => ({ field: label, heading: agingBucketName(label, locale) })),
        // As the aging's own table, which lists credits only when there are some.
        ...(breakdown.rows.some((row) => row.credits !== 0)
          ? [{ field: 'credits', heading: textFor(locale, 'report.credits') }]
          : []),
      ];
      const currency = breakdown.currency ?? textFor(locale, 'cli.currencyNotGiven');
      const table = renderBreakdownText(flat, measures, locale, textFor(locale, 'report.items'), {
        ...(severalCurrencies ? { unit: currency } : {}),
      });
      return `\n${table}\n`;
    })
    .join('');
}
