import type { EpochDay } from '../columns/epoch-day.js';
import type { AgingBasis } from './aging-buckets.js';
import { dueDateFromTerms } from './due-date-from-terms.js';
import type { PaymentTerms } from './payment-terms.js';

/**
 * The rules of receivables aging (../shared/DOMAIN.md §3 and "Exact definitions"), one small pure
 * function each. The million-row passes (loadInvoices, applyPayments, bucketOpenItems) call them
 * row by row; the typed arrays, indexes and batches around those calls are only there for speed.
 * Amounts here are whole cents (see core/columns/money.ts); days are epoch days.
 */

/** "No day": below every epoch day, so any real date is later. */
export const NO_DAY = -2_147_483_648;

/**
 * The due date is the due-date cell, else the invoice date plus the terms, else the invoice date.
 *
 * @param invoiceDate - The invoice date.
 * @param dueCell - The due-date cell, when it holds a day.
 * @param terms - The parsed payment terms, when readable.
 * @returns The due date.
 * @example dueDateOf(100, undefined, { days: 30, monthEnd: false }) // 130
 */
export function dueDateOf(
  invoiceDate: EpochDay,
  dueCell: EpochDay | undefined,
  terms: PaymentTerms | undefined,
): EpochDay {
  if (dueCell !== undefined) return dueCell;
  if (terms !== undefined) return dueDateFromTerms(invoiceDate, terms);
  return invoiceDate;
}

/**
 * An invoice is aged when its invoice date is on or before as-of; so is a payment counted.
 *
 * @example isOnOrBefore(5, 5) // true
 */
export function isOnOrBefore(day: EpochDay, asOf: EpochDay): boolean {
  return day <= asOf;
}

/**
 * Open balance = amount − the payments and credits counted by as-of (negative: a credit).
 *
 * @example openBalance(10_000, 4_000) // 6_000
 */
export function openBalance(amountCents: number, paidCents: number): number {
  return amountCents - paidCents;
}

/**
 * Days past due = as-of − due date in calendar days (≤ 0: not yet due).
 *
 * @example daysPastDue(160, 130) // 30
 */
export function daysPastDue(asOf: EpochDay, dueDate: EpochDay): number {
  return asOf - dueDate;
}

/**
 * The days an open item is bucketed by: days past due, or days since the invoice date.
 *
 * @example agingDays('invoice', 160, 100, 130) // 60
 */
export function agingDays(
  by: AgingBasis,
  asOf: EpochDay,
  invoiceDate: EpochDay,
  dueDate: EpochDay,
): number {
  return by === 'due' ? asOf - dueDate : asOf - invoiceDate;
}

/**
 * Days late of a settled invoice: max(0, last payment − due date), for a positive invoice whose open
 * balance is ≤ 0 and that has a dated payment; -1 when the invoice is not settled that way.
 *
 * @example daysLateOf(10_000, 0, 140, 130) // 10
 */
export function daysLateOf(
  amountCents: number,
  openCents: number,
  lastPaymentDay: number,
  dueDate: EpochDay,
): number {
  if (amountCents <= 0 || openCents > 0 || lastPaymentDay === NO_DAY) return -1;
  return lastPaymentDay > dueDate ? lastPaymentDay - dueDate : 0;
}

/**
 * What invoice-level payment information says was paid: with a paid date, the paid amount, else
 * the whole amount; without one, the paid amount, else amount − balance; undefined when the row has
 * none of them.
 *
 * @example paidOnInvoice(100, { paidAmount: undefined, balance: 40 }) // 60
 */
export function paidOnInvoice(
  amount: number,
  cells: { paidDate?: EpochDay; paidAmount?: number; balance?: number },
): number | undefined {
  const { paidDate, paidAmount, balance } = cells;
  if (paidDate !== undefined && Number.isInteger(paidDate)) return paidAmount ?? amount;
  if (paidAmount !== undefined && Number.isFinite(paidAmount)) return paidAmount;
  if (balance !== undefined && Number.isFinite(balance)) return amount - balance;
  return undefined;
}

/**
 * A payment is applied to the invoice it names when that invoice is known and aged, and the
 * payment is in the invoice's currency (blank means the invoice's) or one the rate table converts
 * to the same section; anything else is unapplied cash of its customer.
 *
 * @param invoiceKnown - The payment names an invoice of the invoices list.
 * @param invoiceAged - That invoice is dated on or before as-of.
 * @param sameMoney - The payment's currency is blank, the invoice's, or converts to its section.
 * @example appliesToInvoice(true, true, true) // true
 */
export function appliesToInvoice(
  invoiceKnown: boolean,
  invoiceAged: boolean,
  sameMoney: boolean,
): boolean {
  return invoiceKnown && invoiceAged && sameMoney;
}

/**
 * A customer, owner or currency is listed when the ledger held it on the as-of day: it has an
 * invoice dated on or before as-of, or unapplied cash counted by then (DOMAIN.md §3: a historical
 * report matches what the ledger showed that day). One known only from later invoices is left out.
 *
 * @param agedInvoices - Its invoices dated on or before as-of (paid or not).
 * @param unappliedPayments - Its unapplied payments dated on or before as-of (0 for an owner).
 * @example isOnLedgerAtAsOf(0, 0) // false: only invoices dated after as-of
 */
export function isOnLedgerAtAsOf(agedInvoices: number, unappliedPayments: number): boolean {
  return agedInvoices > 0 || unappliedPayments > 0;
}
