import type { Invoice, Payment } from '../columns/records.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import { AgingLedger } from './aging-ledger.js';
import type { AgeReceivablesOptions } from './aging-options.js';
import { normalizeAgingOptions } from './aging-options.js';
import type { AgeReceivablesResult, AgingCounts, AgingSection } from './aging-result.js';
import { WarningCollector } from '../columns/warning-collector.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { applyPayments } from './apply-payments.js';
import { bucketOpenItems } from './bucket-open-items.js';
import { compareIds } from '../columns/compare-ids.js';
import { loadInvoices } from './load-invoices.js';
import { acquireScratchArrays, releaseScratchArrays } from '../internal/scratch-arrays.js';
import { isSectionOnLedger, summarizeSection } from './summarize-section.js';

export type { AgeReceivablesOptions, InvoiceLineSelection } from './aging-options.js';
export type {
  AgeReceivablesResult,
  AgingBucketTotal,
  AgingCounts,
  AgingCustomer,
  AgingDso,
  AgingDsoReason,
  AgingInvoiceLine,
  AgingOwner,
  AgingProvision,
  AgingSection,
  AgingTotals,
  DaysLateSummary,
  InvoiceStatus,
  PriorityEntry,
  UnappliedLine,
} from './aging-result.js';
export { UNKNOWN_CUSTOMER, UNKNOWN_OWNER } from './aging-result.js';

/**
 * Ages receivables at an as-of date: open balances, buckets, totals per customer, owner and
 * currency, unapplied cash, DSO, days late, provision and a collection priority list.
 *
 * Rules (DOMAIN.md §3 and "Exact definitions"):
 * - An invoice counts when its invoice date ≤ as-of; a payment when its date ≤ as-of. Open balance =
 *   amount − counted payments. Later payments never count, so a past as-of shows what the ledger
 *   showed that day: a customer, owner or currency known only from invoices dated after as-of is
 *   not listed (a customer with unapplied cash by then is).
 * - Due date = the due-date cell, else invoice date + terms (月结 / EOM: end of the invoice month +
 *   days), else the invoice date (reported). Days past due = as-of − due date.
 * - Payments apply by invoice number. An invoice-level paid date counts as a payment of the paid
 *   amount (or the full amount) on that day; it is ignored, with a warning, for an invoice that also
 *   has rows in the payments list, so nothing is counted twice. An undated paid amount or balance
 *   counts whatever the as-of (reported, since it cannot be placed in time).
 * - Payments with no invoice number, an unknown one, or one for an invoice dated after as-of are
 *   unapplied cash: their own line per customer, never netted into the buckets.
 * - Overpayment leaves a negative open balance: a credit, kept in its bucket and in totals.credit.
 *   A negative invoice is a credit note and ages the same way.
 * - Every open item goes in the bucket of its own days (past due or since invoice), so the bucket
 *   amounts add up to the open total exactly (amounts are summed in whole cents).
 * - Currencies are never added together unless `rates` converts them to `baseCurrency`; a currency
 *   without a rate keeps its own section (reported). A payment in another currency than its
 *   invoice (and not convertible) stays unapplied in its own currency (reported).
 *
 * Blank cells: a blank currency takes `currency` (else the section's currency is null); a blank
 * customer becomes UNKNOWN_CUSTOMER; a blank owner UNKNOWN_OWNER; rows with an unreadable date or
 * amount are dropped with a warning.
 *
 * @param invoices - Invoices and credit notes (negative amounts); not mutated.
 * @param payments - Payments and credits; not mutated.
 * @param options - asOf (required) and the options above.
 * @returns Plain JSON: ISO dates, amounts in currency units, warnings.
 * @throws {PipecastError} On a bad asOf, bucket edges, rates, dsoDays, provision rates, margin,
 *   credit limits or invoiceLines.
 * @throws {PipecastError} When invoices or payments is not an array.
 * @example
 * const r = ageReceivables(
 *   [{ row: 2, invoice: 'A1', customer: 'ACME', invoiceDate: d('2024-01-01'), terms: 'net 30', amount: 100 }],
 *   [{ row: 2, invoice: 'A1', date: d('2024-02-10'), amount: 40 }],
 *   { asOf: '2024-03-01' },
 * );
 * r.sections[0].buckets[2]; // {label: '1–30', amount: 60, count: 1}: due 2024-01-31, 30 days late
 */
export function ageReceivables(
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  options: AgeReceivablesOptions,
): AgeReceivablesResult {
  if (!Array.isArray(invoices))
    throw new PipecastError('invalid-input', 'ageReceivables: invoices must be an array');
  if (!Array.isArray(payments))
    throw new PipecastError('invalid-input', 'ageReceivables: payments must be an array');
  const normalized = normalizeAgingOptions(options);
  const warnings = new WarningCollector({}, normalized.maxWarnings);
  const ledger = new AgingLedger(normalized, warnings);
  const counts: AgingCounts = {
    invoices: invoices.length,
    invoicesAged: 0,
    invoicesAfterAsOf: 0,
    firstInvoiceAfterAsOf: null,
    invoicesDropped: 0,
    payments: payments.length,
    paymentsApplied: 0,
    paymentsUnapplied: 0,
    paymentsAfterAsOf: 0,
    paymentsDropped: 0,
  };
  const scratch = acquireScratchArrays();
  let totals;
  try {
    const loaded = loadInvoices(invoices, normalized, ledger, warnings, counts, scratch);
    if (loaded.firstDayAfterAsOf !== Infinity)
      counts.firstInvoiceAfterAsOf = isoFromEpochDay(loaded.firstDayAfterAsOf);
    applyPayments(payments, loaded, normalized, ledger, warnings, counts, scratch);
    totals = bucketOpenItems(invoices, loaded, normalized, ledger, warnings, counts);
  } finally {
    releaseScratchArrays(scratch);
  }
  const sections: AgingSection[] = [];
  ledger.sections.forEach((section, sectionNumber) => {
    if (!isSectionOnLedger(section, ledger, totals)) return;
    sections.push(summarizeSection(section, sectionNumber, normalized, ledger, totals, warnings));
  });
  sections.sort((left, right) => compareIds(left.currency ?? '', right.currency ?? ''));
  return {
    asOf: isoFromEpochDay(normalized.asOf),
    by: normalized.by,
    buckets: normalized.buckets,
    baseCurrency: normalized.base,
    sections,
    counts,
    warnings: warnings.finish(),
  };
}
