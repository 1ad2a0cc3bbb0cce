import type {
  AgeReceivablesOptions,
  AgeReceivablesResult,
  AgingSection,
} from '../aging/age-receivables.js';
import { ageReceivables } from '../aging/age-receivables.js';
import type { AgingBasis } from '../aging/aging-buckets.js';
import type { DataWarning } from '../columns/data-warning.js';
import type { AgingSheetReport, LoadReceivablesResult } from './load-receivables.js';

/** The aging of one workbook: the single currency's figures at the top, every currency in `currencies`. */
export interface AgingReport {
  file: string;
  asOf: string;
  by: AgingBasis;
  /** The currency the top-level figures are in; null when there are several (see note). */
  currency: string | null;
  note: string | null;
  totals: AgingSection['totals'] | null;
  /** Per bucket: amount = owed + credit (net), owed ≥ 0, credit ≤ 0. */
  buckets:
    | {
        label: string;
        amount: number;
        owed: number;
        credit: number;
        count: number;
        creditCount: number;
      }[]
    | null;
  customers:
    | {
        id: string;
        open: number;
        /** Owed past due (credits not netted off); open = notYetDue + overdue + credit. */
        overdue: number;
        notYetDue: number;
        credit: number;
        unapplied: number;
        /** Owed per bucket; credits apart in `credit`. */
        buckets: Record<string, number>;
      }[]
    | null;
  dso: { standard: number | null; countback: number | null; days: number } | null;
  averageDaysLate: AgingSection['averageDaysLate'] | null;
  currencies: AgingSection[];
  counts: AgeReceivablesResult['counts'];
  sheets: AgingSheetReport[];
  warnings: DataWarning[];
}

export interface RunAgingResult {
  result: AgeReceivablesResult;
  report: AgingReport;
}

/**
 * Ages loaded receivables at the as-of date and shapes the result for output: reading warnings
 * first, then the analysis' own.
 *
 * @param file - the workbook, for warnings and the report.
 * @param loaded - the output of loadReceivables (at least one invoice sheet).
 * @param options - ageReceivables options (asOf required).
 * @returns the core result and the report shape the CLI prints.
 * @throws Error for bad aging options (see ageReceivables).
 */
export function runAging(
  file: string,
  loaded: LoadReceivablesResult,
  options: AgeReceivablesOptions,
): RunAgingResult {
  const place = (names: string[]) =>
    names.length === 1 ? { file, sheet: names[0] as string } : { file };
  const result = ageReceivables(loaded.invoices, loaded.payments, {
    ...options,
    invoicePlace: place(loaded.invoiceSheets),
    paymentPlace: place(loaded.paymentSheets),
  });
  const report = toReport(file, result, loaded.sheets, [...loaded.warnings, ...result.warnings]);
  return { result, report };
}

function toReport(
  file: string,
  result: AgeReceivablesResult,
  sheets: AgingSheetReport[],
  warnings: DataWarning[],
): AgingReport {
  const single = result.sections.length === 1 ? (result.sections[0] as AgingSection) : null;
  const several = result.sections.length > 1;
  return {
    file,
    asOf: result.asOf,
    by: result.by,
    currency: single?.currency ?? null,
    note: several
      ? `${result.sections.length} currencies (${result.sections.map((s) => s.currency ?? 'blank').join(', ')}) are never added together: the top-level figures are null, see currencies[] (or pass --base and --rates)`
      : null,
    totals: single ? single.totals : null,
    buckets: single
      ? single.buckets.map(({ label, amount, owed, credit, count, creditCount }) => ({
          label,
          amount,
          owed,
          credit,
          count,
          creditCount,
        }))
      : null,
    customers: single
      ? single.customers.map(({ id, open, overdue, notYetDue, credit, unapplied, buckets }) => ({
          id,
          open,
          overdue,
          notYetDue,
          credit,
          unapplied,
          buckets,
        }))
      : null,
    dso: single
      ? { standard: single.dso.standard, countback: single.dso.countback, days: single.dso.days }
      : null,
    averageDaysLate: single ? single.averageDaysLate : null,
    currencies: result.sections,
    counts: result.counts,
    sheets,
    warnings,
  };
}
