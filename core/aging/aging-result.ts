import type { DataWarning } from '../columns/data-warning.js';
import type { AgingBasis, AgingBucket } from './aging-buckets.js';
import type { ProvisionLine } from './bad-debt-provision.js';

/*
 * The result of ageReceivables: plain JSON shaped for a UI (ISO dates, amounts in currency units).
 */

export interface AgingBucketTotal extends AgingBucket {
  /** Σ open balances in the bucket, credits netted in: owed + credit. */
  amount: number;
  /** Σ positive open balances in the bucket: what customers owe in it (the aging chart's bar). */
  owed: number;
  /** Σ negative open balances in the bucket (credit notes, overpayments), ≤ 0. */
  credit: number;
  /** Open items (invoices, credit notes, overpaid invoices) in the bucket. */
  count: number;
  /** Of those, the credits (negative open balance). */
  creditCount: number;
}

export interface AgingTotals {
  /**
   * Σ open balances of invoices dated ≤ as-of (credits negative); equals Σ bucket amounts and
   * current + overdue + credit.
   */
  open: number;
  /** Σ positive open balances not yet past due (days past due ≤ 0): owed, not yet due. */
  current: number;
  /**
   * Σ positive open balances past due (days past due > 0), whatever the bucket basis: the money
   * owed past due, credits not netted off.
   */
  overdue: number;
  /** Σ negative open balances (credit notes, overpayments), past due or not, ≤ 0; inside open. */
  credit: number;
  /** Cash received but not applied to an invoice; not inside open. */
  unapplied: number;
  /** open − unapplied. */
  net: number;
  /** Number of open items (open balance ≠ 0). */
  openItems: number;
  /** overdue ÷ (current + overdue): the share of what is owed that is past due; null when nothing is owed. */
  shareOverdue: number | null;
}

/**
 * One customer's line. open = notYetDue + overdue + credit = Σ buckets + credit, so the bucket
 * columns are what the customer owes (the aging chart's stacks) and its credits are one column
 * apart (the chart's Credits bar).
 */
export interface AgingCustomer {
  id: string;
  /** Σ open balances, credits netted in. */
  open: number;
  /** Σ positive open balances past due: the money owed past due (credits not netted off). */
  overdue: number;
  /** Σ positive open balances not yet due (days past due ≤ 0). */
  notYetDue: number;
  /** Σ negative open balances (credit notes, overpayments), ≤ 0. */
  credit: number;
  /** Cash received but not applied to an invoice; not inside open. */
  unapplied: number;
  openItems: number;
  /** Σ positive open balances per bucket label (credits apart, in `credit`). */
  buckets: Record<string, number>;
  creditLimit: number | null;
  /** (open − unapplied) ÷ credit limit, or null without a positive limit. */
  creditUse: number | null;
}

/** One owner's line, made like {@link AgingCustomer}'s: open = notYetDue + overdue + credit. */
export interface AgingOwner {
  id: string;
  open: number;
  /** Σ positive open balances past due. */
  overdue: number;
  /** Σ positive open balances not yet due. */
  notYetDue: number;
  /** Σ negative open balances, ≤ 0. */
  credit: number;
  openItems: number;
  /** Σ positive open balances per bucket label (credits apart, in `credit`). */
  buckets: Record<string, number>;
}

/** Unapplied cash of one customer: payments with no invoice, an unknown one, or one not yet issued. */
export interface UnappliedLine {
  customer: string;
  amount: number;
  count: number;
  firstDate: string;
  lastDate: string;
}

/**
 * Why the DSO figures of a section are missing or say nothing, so a report can state it instead of
 * a bare dash or a 0:
 * - 'credit-balance': the open balance is below 0 (credits exceed debts); days of sales
 *   outstanding do not apply (standard would be negative, countback is 0).
 * - 'nothing-open-no-sales': nothing is open and nothing was invoiced in the window (standard is
 *   null, countback 0).
 * - 'no-sales-in-window': no net credit sales in the N days up to as-of (standard is null).
 * - 'sales-do-not-cover': all sales up to as-of do not add up to the open balance (countback null).
 */
export type AgingDsoReason =
  'credit-balance' | 'nothing-open-no-sales' | 'no-sales-in-window' | 'sales-do-not-cover';

export interface AgingDso {
  /** AR ÷ credit sales in the window × N, or null when those sales are ≤ 0. */
  standard: number | null;
  /** Countback days, or null when all sales up to as-of do not cover the AR. */
  countback: number | null;
  /** Why a figure is missing or meaningless (first that applies, in the order listed), else null. */
  reason: AgingDsoReason | null;
  /** N. */
  days: number;
  /** Net amount invoiced in the N days up to as-of. */
  creditSales: number;
  ar: number;
}

/**
 * Days late of invoices settled by as-of: max(0, settled date − due date), where the settled date
 * is the last counted payment on the invoice. `simple` is the plain mean; `weighted` weights each
 * invoice by its amount. Invoices settled by an undated balance or paid amount are left out.
 */
export interface DaysLateSummary {
  simple: number | null;
  weighted: number | null;
  invoices: number;
  lateInvoices: number;
}

export interface AgingProvision {
  lines: ProvisionLine[];
  total: number;
  netMargin: number | null;
  /** total ÷ net margin: the extra sales that earn the provision back; null without a margin. */
  salesToCover: number | null;
}

/** One customer on the call list. */
export interface PriorityEntry {
  rank: number;
  customer: string;
  owner: string | null;
  /** Σ over the customer's past-due invoices with a positive open balance of open × days past due. */
  score: number;
  /** Σ open balances of those invoices: the money past due the call is about (credits not netted). */
  overdue: number;
  overdueInvoices: number;
  maxDaysPastDue: number;
  disputed: boolean;
  disputedAmount: number;
  disputedInvoices: number;
  open: number;
  creditLimit: number | null;
  creditUse: number | null;
  overLimit: boolean;
}

export type InvoiceStatus = 'open' | 'credit' | 'settled';

export interface AgingInvoiceLine {
  row: number;
  invoice: string;
  customer: string;
  owner: string | null;
  invoiceDate: string;
  dueDate: string;
  amount: number;
  paid: number;
  open: number;
  status: InvoiceStatus;
  daysPastDue: number;
  /** Days since the invoice date. */
  age: number;
  bucket: string | null;
  disputed: boolean;
  settledDate: string | null;
  daysLate: number | null;
}

/** Everything in one currency (or the base currency when a rate table converts). */
export interface AgingSection {
  /** ISO-like code as typed (upper-cased), or null when the currency is not known. */
  currency: string | null;
  totals: AgingTotals;
  buckets: AgingBucketTotal[];
  customers: AgingCustomer[];
  owners: AgingOwner[];
  unapplied: UnappliedLine[];
  dso: AgingDso;
  averageDaysLate: DaysLateSummary;
  provision: AgingProvision | null;
  priority: PriorityEntry[];
  invoices: AgingInvoiceLine[];
}

export interface AgingCounts {
  invoices: number;
  invoicesAged: number;
  invoicesAfterAsOf: number;
  /**
   * The earliest invoice date after as-of (ISO), null when none: with nothing aged it says how
   * far the as-of date is from the data.
   */
  firstInvoiceAfterAsOf: string | null;
  invoicesDropped: number;
  payments: number;
  paymentsApplied: number;
  paymentsUnapplied: number;
  paymentsAfterAsOf: number;
  paymentsDropped: number;
}

export interface AgeReceivablesResult {
  asOf: string;
  by: AgingBasis;
  buckets: AgingBucket[];
  baseCurrency: string | null;
  /** One per currency; amounts of different sections are never added together. */
  sections: AgingSection[];
  counts: AgingCounts;
  warnings: DataWarning[];
}

/** Customer id used when an invoice or payment names none. */
export const UNKNOWN_CUSTOMER = '(no customer)';
/** Owner id used when an invoice names none. */
export const UNKNOWN_OWNER = '(no owner)';
