import type { DataWarning, WarningPlace } from '../columns/data-warning.js';
import type { EpochDay } from '../columns/epoch-day.js';
import { epochDayFromIso, isoFromEpochDay } from '../columns/epoch-day.js';
import type { Invoice, Payment } from '../columns/records.js';
import type { AgingBasis, AgingBucket } from './aging-buckets.js';
import { agingBuckets, bucketIndexOf, DEFAULT_BUCKET_EDGES } from './aging-buckets.js';
import { AgingWarnings, DEFAULT_MAX_WARNINGS_PER_KIND } from './aging-warnings.js';
import type { ProvisionLine } from './bad-debt-provision.js';
import { badDebtProvision } from './bad-debt-provision.js';
import { firstDayOfMonthIndex, monthIndexOfEpochDay } from './calendar-month.js';
import { dueDateFromTerms } from './due-date-from-terms.js';
import { countbackFromMonthlySales } from './dso-countback.js';
import { DEFAULT_DSO_DAYS, dsoStandard } from './dso-standard.js';
import type { PaymentTerms } from './payment-terms.js';
import { parsePaymentTerms } from './payment-terms.js';
import { salesToCoverBadDebt } from './sales-to-cover-bad-debt.js';
import { StringIndex } from './string-index.js';

/** Which invoices the result lists one by one. */
export type InvoiceLineSelection = 'open' | 'all' | 'none';

export interface AgeReceivablesOptions {
  /** The ledger date of the report: an epoch day or `YYYY-MM-DD`. Required. */
  asOf: EpochDay | string;
  /** Bucket by days past due (default) or by days since the invoice date. */
  by?: AgingBasis;
  /** Upper bucket bounds after Current (default 30, 60, 90, 180). */
  buckets?: readonly number[];
  /** Currency of invoices and payments whose currency cell is blank. */
  currency?: string;
  /** With `rates`: the currency everything convertible is added up in. */
  baseCurrency?: string;
  /** Units of baseCurrency per one unit of each currency (`{USD: 7.1}` with base CNY). */
  rates?: Readonly<Record<string, number>>;
  /** DSO window N in days (default 90). */
  dsoDays?: number;
  /** Provision matrix: one loss rate (0–1) per bucket. Without it no provision is computed. */
  provisionRates?: readonly number[];
  /** Net margin (0–1] for "extra sales needed to cover the provision". */
  netMargin?: number;
  /** Credit limits by customer id; these win over a credit-limit column on the invoices. */
  creditLimits?: Readonly<Record<string, number>>;
  /** Invoices listed one by one: 'open' (default: open items and credits), 'all', 'none'. */
  invoiceLines?: InvoiceLineSelection;
  /** Where the invoices and payments came from, for warnings. */
  invoicePlace?: WarningPlace;
  paymentPlace?: WarningPlace;
  /** Row warnings kept per kind before the rest are counted in one summary (default 20). */
  maxWarningsPerKind?: number;
}

export interface AgingBucketTotal extends AgingBucket {
  amount: number;
  /** Open items (invoices, credit notes, overpaid invoices) in the bucket. */
  count: number;
}

export interface AgingTotals {
  /** Σ open balances of invoices dated ≤ as-of (credits negative); equals Σ bucket amounts. */
  open: number;
  /** Σ open balances not yet past due (days past due ≤ 0). */
  current: number;
  /** Σ open balances past due (days past due > 0), whatever the bucket basis. */
  overdue: number;
  /** Σ negative open balances (credit notes, overpayments), already inside open. */
  credit: number;
  /** Cash received but not applied to an invoice; not inside open. */
  unapplied: number;
  /** open − unapplied. */
  net: number;
  /** Number of open items (open balance ≠ 0). */
  openItems: number;
  /** overdue ÷ open, or null when open ≤ 0. */
  shareOverdue: number | null;
}

export interface AgingCustomer {
  id: string;
  open: number;
  overdue: number;
  credit: number;
  unapplied: number;
  openItems: number;
  /** Amount per bucket label. */
  buckets: Record<string, number>;
  creditLimit: number | null;
  /** (open − unapplied) ÷ credit limit, or null without a positive limit. */
  creditUse: number | null;
}

export interface AgingOwner {
  id: string;
  open: number;
  overdue: number;
  openItems: number;
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

export interface AgingDso {
  /** AR ÷ credit sales in the window × N, or null when those sales are ≤ 0. */
  standard: number | null;
  /** Countback days, or null when all sales up to as-of do not cover the AR. */
  countback: number | null;
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
  /** Σ open balances past due (credits past due net off). */
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

const NO_DAY = -2_147_483_648;
const HAS_SHEET_PAYMENT = 1;
const DISPUTED = 2;
const IL_NONE = 0;
const IL_DATED = 1;
const IL_UNDATED = 2;

interface Section {
  key: string | null;
  /** Pair id per global customer id (-1: none yet). */
  pairOfCustomer: Int32Array;
  /** Pair ids of this section, in first-seen order. */
  pairs: number[];
  /** Section owner id per global owner id (-1: none yet). */
  ownerOfGlobal: Int32Array;
  ownerIds: string[];
  salesWindowCents: number;
  settled: number;
  late: number;
  lateSum: number;
  lateWeighted: number;
  lateWeight: number;
  lines: AgingInvoiceLine[];
  monthly: Float64Array | null;
}

interface Normalised {
  asOf: EpochDay;
  by: AgingBasis;
  buckets: AgingBucket[];
  defaultCurrency: string | null;
  base: string | null;
  rates: Map<string, number> | null;
  dsoDays: number;
  provisionRates: readonly number[] | null;
  netMargin: number | null;
  creditLimits: Readonly<Record<string, number>>;
  invoiceLines: InvoiceLineSelection;
  invoicePlace: WarningPlace;
  paymentPlace: WarningPlace;
  maxWarnings: number;
}

/**
 * Ages receivables at an as-of date: open balances, buckets, totals per customer, owner and
 * currency, unapplied cash, DSO, days late, provision and a collection priority list.
 *
 * Rules (DOMAIN.md §3 and "Exact definitions"):
 * - An invoice counts when its invoice date ≤ as-of; a payment when its date ≤ as-of. Open balance =
 *   amount − counted payments. Later payments never count, so a past as-of shows what the ledger
 *   showed that day.
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
 * @throws {RangeError} On a bad asOf, bucket edges, rates, dsoDays, provision rates, margin,
 *   credit limits or invoiceLines.
 * @throws {TypeError} When invoices or payments is not an array.
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
  if (!Array.isArray(invoices)) throw new TypeError('ageReceivables: invoices must be an array');
  if (!Array.isArray(payments)) throw new TypeError('ageReceivables: payments must be an array');
  const o = normaliseOptions(options);
  const { asOf, buckets } = o;
  const nb = buckets.length;
  const warnings = new AgingWarnings(o.maxWarnings);
  const ip = o.invoicePlace;
  const pp = o.paymentPlace;

  // ---- sections (one per currency, or the base currency) ----
  const sections: Section[] = [];
  const sectionByKey = new Map<string | null, number>();
  const factorOf = new Map<string | null, number>();
  const warnedNoRate = new Set<string | null>();
  const sectionOf = (cur: string | null): number => {
    let key = cur;
    if (o.rates) {
      if (cur !== null && (cur === o.base || o.rates.has(cur))) key = o.base;
      else if (!warnedNoRate.has(cur)) {
        warnedNoRate.add(cur);
        warnings.add(
          `no-rate:${cur}`,
          {},
          {
            code: 'currency-mismatch',
            message: `no exchange rate for ${cur ?? 'a blank currency'}: kept in its own section, not added to ${o.base}`,
            action: 'row kept',
          },
          'currencies without a rate',
        );
      }
    }
    let s = sectionByKey.get(key);
    if (s === undefined) {
      s = sections.length;
      sectionByKey.set(key, s);
      sections.push({
        key,
        pairOfCustomer: new Int32Array(16).fill(-1),
        pairs: [],
        ownerOfGlobal: new Int32Array(16).fill(-1),
        ownerIds: [],
        salesWindowCents: 0,
        settled: 0,
        late: 0,
        lateSum: 0,
        lateWeighted: 0,
        lateWeight: 0,
        lines: [],
        monthly: null,
      });
    }
    return s;
  };
  const factor = (cur: string | null): number => {
    let f = factorOf.get(cur);
    if (f === undefined) {
      f = cur !== null && o.rates && cur !== o.base ? (o.rates.get(cur) ?? 1) : 1;
      factorOf.set(cur, f);
    }
    return f;
  };
  const currencyCache = new Map<string, string | null>();
  const normCurrency = (raw: string | undefined): string | null => {
    if (raw === undefined) return o.defaultCurrency;
    let c = currencyCache.get(raw);
    if (c === undefined) {
      const t = raw.trim().toUpperCase();
      c = t === '' ? o.defaultCurrency : t;
      currencyCache.set(raw, c);
    }
    return c;
  };

  // ---- customer/section pairs ----
  const pairSection: number[] = [];
  const pairCustomer: string[] = [];
  const pairOwner: (string | null)[] = [];
  const pairLimit: (number | null)[] = [];
  const customerIds = new StringIndex(1024);
  const ownerIds = new StringIndex(64);
  const pairOf = (s: number, customer: string): number => {
    const sec = sections[s] as Section;
    const c = customerIds.intern(customer);
    if (c >= sec.pairOfCustomer.length) sec.pairOfCustomer = grown(sec.pairOfCustomer, c);
    let p = sec.pairOfCustomer[c] as number;
    if (p < 0) {
      p = pairSection.length;
      sec.pairOfCustomer[c] = p;
      sec.pairs.push(p);
      pairSection.push(s);
      pairCustomer.push(customer);
      pairOwner.push(null);
      const given = o.creditLimits[customer];
      pairLimit.push(given ?? null);
    }
    return p;
  };
  const ownerOf = (s: number, owner: string): number => {
    const sec = sections[s] as Section;
    const g = ownerIds.intern(owner);
    if (g >= sec.ownerOfGlobal.length) sec.ownerOfGlobal = grown(sec.ownerOfGlobal, g);
    let id = sec.ownerOfGlobal[g] as number;
    if (id < 0) {
      id = sec.ownerIds.length;
      sec.ownerOfGlobal[g] = id;
      sec.ownerIds.push(owner);
    }
    return id;
  };

  // ---- pass 1: invoices into typed arrays ----
  const n = invoices.length;
  const invDate = new Int32Array(n);
  const due = new Int32Array(n);
  const amt = new Float64Array(n);
  const paid = new Float64Array(n);
  const lastPay = new Int32Array(n).fill(NO_DAY);
  const pairIdx = new Int32Array(n).fill(-1);
  const ownerIdx = new Int32Array(n);
  const curOf: (string | null)[] = new Array<string | null>(n);
  const flags = new Uint8Array(n);
  const ilKind = new Uint8Array(n);
  const ilPaid = new Float64Array(n);
  const ilDate = new Int32Array(n);
  const byNumber = new StringIndex(n);
  const termsCache = new Map<string, PaymentTerms | string>();
  let minDay = Infinity;
  const counts: AgingCounts = {
    invoices: n,
    invoicesAged: 0,
    invoicesAfterAsOf: 0,
    invoicesDropped: 0,
    payments: payments.length,
    paymentsApplied: 0,
    paymentsUnapplied: 0,
    paymentsAfterAsOf: 0,
    paymentsDropped: 0,
  };

  for (let i = 0; i < n; i++) {
    const inv = invoices[i] as Invoice;
    const date = inv.invoiceDate;
    const amount = inv.amount;
    if (!Number.isInteger(date) || !Number.isFinite(amount)) {
      counts.invoicesDropped++;
      const badDate = !Number.isInteger(date);
      warnings.add(
        badDate ? 'invoice-date' : 'invoice-amount',
        ip,
        {
          code: 'missing-required-value',
          message: `invoice ${inv.invoice ?? ''} has no readable ${badDate ? 'invoice date' : 'amount'}`,
          row: inv.row,
          column: badDate ? 'invoice date' : 'amount',
          action: 'row dropped',
        },
        `invoices without a readable ${badDate ? 'invoice date' : 'amount'}`,
      );
      continue;
    }
    const number = typeof inv.invoice === 'string' ? inv.invoice.trim() : '';
    if (number === '') {
      warnings.add(
        'invoice-number',
        ip,
        {
          code: 'missing-value',
          message: 'invoice without an invoice number: aged, but no payment can be applied to it',
          row: inv.row,
          column: 'invoice',
          action: 'row kept',
        },
        'invoices without an invoice number',
      );
    } else {
      const first = byNumber.setIfAbsent(number, i);
      if (first >= 0) {
        warnings.add(
          'duplicate-invoice',
          ip,
          {
            code: 'duplicate-id',
            message: `invoice number ${number} appears again (first at row ${invoices[first]?.row}): both aged, payments go to the first`,
            row: inv.row,
            column: 'invoice',
            raw: number,
            action: 'row kept',
          },
          'repeated invoice numbers',
        );
      }
    }

    // Due date: the cell, else terms, else the invoice date.
    let dueDay: number;
    if (inv.dueDate !== undefined && Number.isInteger(inv.dueDate)) {
      dueDay = inv.dueDate;
      if (dueDay < date) {
        warnings.add(
          'due-before-invoice',
          ip,
          {
            code: 'out-of-range',
            message: `invoice ${number}: due date ${isoFromEpochDay(dueDay)} is before the invoice date ${isoFromEpochDay(date)}`,
            row: inv.row,
            column: 'due date',
            action: 'row kept',
          },
          'due dates before the invoice date',
        );
      }
    } else if (inv.terms !== undefined && inv.terms.trim() !== '') {
      let t = termsCache.get(inv.terms);
      if (t === undefined) {
        const parsed = parsePaymentTerms(inv.terms);
        t = parsed.ok ? (parsed.value ?? 'blank') : parsed.reason;
        termsCache.set(inv.terms, t);
      }
      if (typeof t === 'string') {
        dueDay = date;
        warnings.add(
          'terms',
          ip,
          {
            code: 'unreadable-value',
            message: `invoice ${number}: ${t}; aged from the invoice date`,
            row: inv.row,
            column: 'terms',
            raw: inv.terms,
            action: 'assumed',
          },
          'unrecognised payment terms, aged from the invoice date',
        );
      } else {
        dueDay = dueDateFromTerms(date, t);
      }
    } else {
      dueDay = date;
      // A credit note has nothing to collect, so a missing due date there is not news.
      if (amount >= 0)
        warnings.add(
          'no-due',
          ip,
          {
            code: 'missing-value',
            message: `invoice ${number}: no due date and no payment terms; due on the invoice date`,
            row: inv.row,
            column: 'due date',
            action: 'assumed',
          },
          'invoices without due date or terms, due on the invoice date',
        );
    }

    const cur = normCurrency(inv.currency);
    const f = factor(cur);
    const s = sectionOf(cur);
    const rawCustomer = typeof inv.customer === 'string' ? inv.customer.trim() : '';
    if (rawCustomer === '') {
      warnings.add(
        'invoice-customer',
        ip,
        {
          code: 'missing-value',
          message: `invoice ${number}: no customer; listed under ${UNKNOWN_CUSTOMER}`,
          row: inv.row,
          column: 'customer',
          action: 'row kept',
        },
        `invoices without a customer, listed under ${UNKNOWN_CUSTOMER}`,
      );
    }
    const p = pairOf(s, rawCustomer === '' ? UNKNOWN_CUSTOMER : rawCustomer);
    const owner = typeof inv.owner === 'string' ? inv.owner.trim() : '';
    if (owner !== '' && pairOwner[p] === null) pairOwner[p] = owner;
    if (
      inv.creditLimit !== undefined &&
      Number.isFinite(inv.creditLimit) &&
      o.creditLimits[pairCustomer[p] as string] === undefined
    ) {
      const prev = pairLimit[p];
      pairLimit[p] =
        prev === null || prev === undefined ? inv.creditLimit : Math.max(prev, inv.creditLimit);
    }

    invDate[i] = date;
    due[i] = dueDay;
    amt[i] = Math.round(amount * f * 100);
    pairIdx[i] = p;
    ownerIdx[i] = ownerOf(s, owner === '' ? UNKNOWN_OWNER : owner);
    curOf[i] = cur;
    if (inv.disputed === true) flags[i] = DISPUTED;
    if (date > asOf) counts.invoicesAfterAsOf++;
    else if (date < minDay) minDay = date;

    // Invoice-level payment information, used unless the payments list has rows for this invoice.
    if (inv.paidDate !== undefined && Number.isInteger(inv.paidDate)) {
      ilKind[i] = IL_DATED;
      ilDate[i] = inv.paidDate;
      ilPaid[i] = Math.round((inv.paidAmount ?? amount) * f * 100);
    } else if (inv.paidAmount !== undefined && Number.isFinite(inv.paidAmount)) {
      ilKind[i] = IL_UNDATED;
      ilPaid[i] = Math.round(inv.paidAmount * f * 100);
    } else if (inv.balance !== undefined && Number.isFinite(inv.balance)) {
      ilKind[i] = IL_UNDATED;
      ilPaid[i] = Math.round((amount - inv.balance) * f * 100);
    }
  }

  // ---- pass 2: payments ----
  const unappliedCents = new Map<
    number,
    { cents: number; count: number; first: number; last: number }
  >();
  const addUnapplied = (pair: number, cents: number, date: number): void => {
    const u = unappliedCents.get(pair);
    if (u) {
      u.cents += cents;
      u.count++;
      if (date < u.first) u.first = date;
      if (date > u.last) u.last = date;
    } else unappliedCents.set(pair, { cents, count: 1, first: date, last: date });
  };
  for (let j = 0; j < payments.length; j++) {
    const pay = payments[j] as Payment;
    const date = pay.date;
    const amount = pay.amount;
    if (!Number.isInteger(date) || !Number.isFinite(amount)) {
      counts.paymentsDropped++;
      const badDate = !Number.isInteger(date);
      warnings.add(
        badDate ? 'payment-date' : 'payment-amount',
        pp,
        {
          code: 'missing-required-value',
          message: `payment without a readable ${badDate ? 'date' : 'amount'}`,
          row: pay.row,
          column: badDate ? 'date' : 'amount',
          action: 'row dropped',
        },
        `payments without a readable ${badDate ? 'date' : 'amount'}`,
      );
      continue;
    }
    const ref = typeof pay.invoice === 'string' ? pay.invoice.trim() : '';
    const idx = ref === '' ? -1 : byNumber.get(ref);
    if (idx >= 0) flags[idx] = (flags[idx] as number) | HAS_SHEET_PAYMENT;
    if (date > asOf) {
      counts.paymentsAfterAsOf++;
      continue;
    }
    const payCur =
      pay.currency === undefined || pay.currency.trim() === ''
        ? undefined
        : normCurrency(pay.currency);
    if (idx >= 0 && (invDate[idx] as number) <= asOf) {
      const invCur = curOf[idx] as string | null;
      const same =
        payCur === undefined ||
        payCur === invCur ||
        (o.rates !== null && sectionOf(payCur) === pairSection[pairIdx[idx] as number]);
      if (same) {
        paid[idx] = (paid[idx] as number) + Math.round(amount * factor(payCur ?? invCur) * 100);
        if (date > (lastPay[idx] as number)) lastPay[idx] = date;
        counts.paymentsApplied++;
        continue;
      }
      warnings.add(
        'payment-currency',
        pp,
        {
          code: 'currency-mismatch',
          message: `payment for invoice ${ref} is in ${payCur ?? 'no currency'}, the invoice in ${invCur ?? 'no currency'}: shown as unapplied in ${payCur}`,
          row: pay.row,
          column: 'currency',
          raw: pay.currency,
          action: 'row kept',
        },
        'payments in another currency than their invoice, shown as unapplied',
      );
    } else if (ref !== '' && idx < 0) {
      warnings.add(
        'unknown-invoice',
        pp,
        {
          code: 'other',
          message: `payment refers to invoice ${ref}, which is not in the invoices: shown as unapplied`,
          row: pay.row,
          column: 'invoice',
          raw: ref,
          action: 'row kept',
        },
        'payments for unknown invoices, shown as unapplied',
      );
    }
    // Unapplied: no invoice, unknown invoice, invoice issued after as-of, or currency mismatch.
    const cur =
      payCur !== undefined ? payCur : idx >= 0 ? (curOf[idx] as string | null) : o.defaultCurrency;
    const s = sectionOf(cur);
    const rawCustomer = typeof pay.customer === 'string' ? pay.customer.trim() : '';
    const customer =
      rawCustomer !== ''
        ? rawCustomer
        : idx >= 0
          ? (pairCustomer[pairIdx[idx] as number] as string)
          : UNKNOWN_CUSTOMER;
    addUnapplied(pairOf(s, customer), Math.round(amount * factor(cur) * 100), date);
    counts.paymentsUnapplied++;
  }

  // ---- pass 3: open balances, buckets and aggregates ----
  const nPairs = pairSection.length;
  const pairBuckets = new Float64Array(nPairs * nb);
  const pairBucketCount = new Int32Array(nPairs * nb);
  const pairOverdue = new Float64Array(nPairs);
  const pairOverdueCount = new Int32Array(nPairs);
  const pairCredit = new Float64Array(nPairs);
  const pairScore = new Float64Array(nPairs);
  const pairMaxDpd = new Int32Array(nPairs);
  const pairDisputed = new Float64Array(nPairs);
  const pairDisputedCount = new Int32Array(nPairs);
  const ownerOffsets: number[] = [];
  let nOwners = 0;
  for (const sec of sections) {
    ownerOffsets.push(nOwners);
    nOwners += sec.ownerIds.length;
  }
  const ownerBuckets = new Float64Array(nOwners * nb);
  const ownerOverdue = new Float64Array(nOwners);
  const ownerCount = new Int32Array(nOwners);

  // Month of each day from the first invoice to as-of, for countback without a Date per invoice.
  const hasAged = minDay !== Infinity;
  const m0 = hasAged ? monthIndexOfEpochDay(minDay) : 0;
  const nMonths = hasAged ? monthIndexOfEpochDay(asOf) - m0 + 1 : 0;
  const monthOfDay = new Int32Array(hasAged ? asOf - minDay + 1 : 0);
  for (let m = 0; m < nMonths; m++) {
    const start = Math.max(firstDayOfMonthIndex(m0 + m), minDay) - minDay;
    const end = Math.min(firstDayOfMonthIndex(m0 + m + 1) - 1, asOf) - minDay;
    monthOfDay.fill(m, start, end + 1);
  }
  for (const sec of sections) sec.monthly = new Float64Array(nMonths);

  const windowStart = asOf - o.dsoDays + 1;
  const byDue = o.by === 'due';
  const lines = o.invoiceLines;
  // Bucket lookup by day count, for the common range; bucketIndexOf beyond it.
  const lastEdge = buckets[nb - 2]?.to ?? 0;
  const lookupLow = byDue ? -1 : 0;
  const bucketOfDays = new Int32Array(lastEdge + 2 - lookupLow);
  for (let d = lookupLow; d <= lastEdge + 1; d++)
    bucketOfDays[d - lookupLow] = bucketIndexOf(buckets, d);

  for (let i = 0; i < n; i++) {
    const p = pairIdx[i] as number;
    if (p < 0) continue;
    const date = invDate[i] as number;
    if (date > asOf) continue;
    counts.invoicesAged++;
    const s = pairSection[p] as number;
    const sec = sections[s] as Section;
    const a = amt[i] as number;
    let paidCents = paid[i] as number;
    let last = lastPay[i] as number;
    const fl = flags[i] as number;
    const kind = ilKind[i] as number;
    if (kind !== IL_NONE) {
      if ((fl & HAS_SHEET_PAYMENT) !== 0) {
        warnings.add(
          'double-payment-info',
          ip,
          {
            code: 'other',
            message: `invoice row has a paid date/amount and the payments list has payments for it: the payments list is used`,
            row: (invoices[i] as Invoice).row,
            column: 'paid date',
            action: 'value ignored',
          },
          'invoice-level paid information ignored in favour of the payments list',
        );
      } else if (kind === IL_DATED) {
        const pd = ilDate[i] as number;
        if (pd <= asOf) {
          paidCents += ilPaid[i] as number;
          if (pd > last) last = pd;
        }
      } else {
        paidCents += ilPaid[i] as number;
        warnings.add(
          'undated-payment',
          ip,
          {
            code: 'missing-value',
            message: `invoice ${(invoices[i] as Invoice).invoice}: paid amount or balance without a paid date, counted as paid by the as-of date`,
            row: (invoices[i] as Invoice).row,
            column: 'paid date',
            action: 'assumed',
          },
          'paid amounts or balances without a paid date, counted as paid by as-of',
        );
      }
    }
    if (date >= windowStart) sec.salesWindowCents += a;
    const monthly = sec.monthly as Float64Array;
    const mk = monthOfDay[date - minDay] as number;
    monthly[mk] = (monthly[mk] as number) + a;

    const open = a - paidCents;
    const dueDay = due[i] as number;
    const dpd = asOf - dueDay;
    let daysLate = -1;
    if (a > 0 && open <= 0 && last !== NO_DAY) {
      daysLate = last > dueDay ? last - dueDay : 0;
      sec.settled++;
      sec.lateSum += daysLate;
      sec.lateWeighted += daysLate * a;
      sec.lateWeight += a;
      if (daysLate > 0) sec.late++;
    }
    let b = -1;
    if (open !== 0) {
      const days = byDue ? dpd : asOf - date;
      b =
        days >= lookupLow && days <= lastEdge + 1
          ? (bucketOfDays[days - lookupLow] as number)
          : bucketIndexOf(buckets, days);
      pairBuckets[p * nb + b] = (pairBuckets[p * nb + b] as number) + open;
      pairBucketCount[p * nb + b] = (pairBucketCount[p * nb + b] as number) + 1;
      const ow = (ownerOffsets[s] as number) + (ownerIdx[i] as number);
      ownerBuckets[ow * nb + b] = (ownerBuckets[ow * nb + b] as number) + open;
      ownerCount[ow] = (ownerCount[ow] as number) + 1;
      if (open < 0) pairCredit[p] = (pairCredit[p] as number) + open;
      if (dpd > 0) {
        pairOverdue[p] = (pairOverdue[p] as number) + open;
        ownerOverdue[ow] = (ownerOverdue[ow] as number) + open;
        if (open > 0) {
          pairScore[p] = (pairScore[p] as number) + open * dpd;
          pairOverdueCount[p] = (pairOverdueCount[p] as number) + 1;
          if (dpd > (pairMaxDpd[p] as number)) pairMaxDpd[p] = dpd;
        }
      }
      if ((fl & DISPUTED) !== 0) {
        pairDisputed[p] = (pairDisputed[p] as number) + open;
        pairDisputedCount[p] = (pairDisputedCount[p] as number) + 1;
      }
    }
    if (lines === 'all' || (lines === 'open' && open !== 0)) {
      const inv = invoices[i] as Invoice;
      sec.lines.push({
        row: inv.row,
        invoice: typeof inv.invoice === 'string' ? inv.invoice.trim() : '',
        customer: pairCustomer[p] as string,
        owner:
          sec.ownerIds[ownerIdx[i] as number] === UNKNOWN_OWNER
            ? null
            : (sec.ownerIds[ownerIdx[i] as number] as string),
        invoiceDate: isoFromEpochDay(date),
        dueDate: isoFromEpochDay(dueDay),
        amount: a / 100,
        paid: paidCents / 100,
        open: open / 100,
        status: open > 0 ? 'open' : open < 0 ? 'credit' : 'settled',
        daysPastDue: dpd,
        age: asOf - date,
        bucket: b < 0 ? null : (buckets[b] as AgingBucket).label,
        disputed: (fl & DISPUTED) !== 0,
        settledDate: daysLate >= 0 ? isoFromEpochDay(last) : null,
        daysLate: daysLate >= 0 ? daysLate : null,
      });
    }
  }

  // ---- results per section ----
  const out: AgingSection[] = sections.map((sec, s) => {
    const bucketCents = new Float64Array(nb);
    const bucketCount = new Int32Array(nb);
    let overdueCents = 0;
    let creditCents = 0;
    let unappliedTotal = 0;
    const customers: AgingCustomer[] = [];
    const priority: PriorityEntry[] = [];
    for (const p of sec.pairs) {
      let openCents = 0;
      let items = 0;
      const byLabel: Record<string, number> = {};
      for (let b = 0; b < nb; b++) {
        const c = pairBuckets[p * nb + b] as number;
        openCents += c;
        items += pairBucketCount[p * nb + b] as number;
        bucketCents[b] = (bucketCents[b] as number) + c;
        bucketCount[b] = (bucketCount[b] as number) + (pairBucketCount[p * nb + b] as number);
        byLabel[(buckets[b] as AgingBucket).label] = c / 100;
      }
      const u = unappliedCents.get(p)?.cents ?? 0;
      overdueCents += pairOverdue[p] as number;
      creditCents += pairCredit[p] as number;
      unappliedTotal += u;
      const limit = pairLimit[p] ?? null;
      const creditUse = limit !== null && limit > 0 ? (openCents - u) / 100 / limit : null;
      const id = pairCustomer[p] as string;
      customers.push({
        id,
        open: openCents / 100,
        overdue: (pairOverdue[p] as number) / 100,
        credit: (pairCredit[p] as number) / 100,
        unapplied: u / 100,
        openItems: items,
        buckets: byLabel,
        creditLimit: limit,
        creditUse,
      });
      if ((pairScore[p] as number) > 0) {
        priority.push({
          rank: 0,
          customer: id,
          owner: pairOwner[p] ?? null,
          score: Math.round(pairScore[p] as number) / 100,
          overdue: (pairOverdue[p] as number) / 100,
          overdueInvoices: pairOverdueCount[p] as number,
          maxDaysPastDue: pairMaxDpd[p] as number,
          disputed: (pairDisputedCount[p] as number) > 0,
          disputedAmount: (pairDisputed[p] as number) / 100,
          disputedInvoices: pairDisputedCount[p] as number,
          open: openCents / 100,
          creditLimit: limit,
          creditUse,
          overLimit: creditUse !== null && creditUse > 1,
        });
      }
    }
    customers.sort((x, y) => y.open - x.open || compareText(x.id, y.id));
    priority.sort((x, y) => y.score - x.score || compareText(x.customer, y.customer));
    priority.forEach((e, k) => (e.rank = k + 1));

    const owners: AgingOwner[] = sec.ownerIds.map((id, k) => {
      const ow = (ownerOffsets[s] as number) + k;
      let openCents = 0;
      const byLabel: Record<string, number> = {};
      for (let b = 0; b < nb; b++) {
        const c = ownerBuckets[ow * nb + b] as number;
        openCents += c;
        byLabel[(buckets[b] as AgingBucket).label] = c / 100;
      }
      return {
        id,
        open: openCents / 100,
        overdue: (ownerOverdue[ow] as number) / 100,
        openItems: ownerCount[ow] as number,
        buckets: byLabel,
      };
    });
    owners.sort((x, y) => y.open - x.open || compareText(x.id, y.id));

    const unapplied: UnappliedLine[] = [];
    for (const p of sec.pairs) {
      const u = unappliedCents.get(p);
      if (!u) continue;
      unapplied.push({
        customer: pairCustomer[p] as string,
        amount: u.cents / 100,
        count: u.count,
        firstDate: isoFromEpochDay(u.first),
        lastDate: isoFromEpochDay(u.last),
      });
    }
    unapplied.sort((x, y) => y.amount - x.amount || compareText(x.customer, y.customer));

    let openTotal = 0;
    let itemTotal = 0;
    const bucketTotals: AgingBucketTotal[] = buckets.map((bucket, b) => {
      openTotal += bucketCents[b] as number;
      itemTotal += bucketCount[b] as number;
      return {
        ...bucket,
        amount: (bucketCents[b] as number) / 100,
        count: bucketCount[b] as number,
      };
    });
    const open = openTotal / 100;
    const monthly = new Map<number, number>();
    (sec.monthly as Float64Array).forEach((c, k) => {
      if (c !== 0) monthly.set(m0 + k, c / 100);
    });
    const creditSales = sec.salesWindowCents / 100;
    const countback = countbackFromMonthlySales(open, monthly, asOf);
    if (countback === null) {
      warnings.add(
        `countback:${sec.key}`,
        {},
        {
          code: 'other',
          message: `DSO countback${sec.key === null ? '' : ` (${sec.key})`}: all sales up to as-of do not cover the open AR; countback left empty`,
          action: 'none',
        },
        'countback not covered',
      );
    }
    let provision: AgingProvision | null = null;
    if (o.provisionRates) {
      const pr = badDebtProvision(bucketTotals, o.provisionRates);
      provision = {
        ...pr,
        netMargin: o.netMargin,
        salesToCover:
          o.netMargin === null
            ? null
            : Math.round(salesToCoverBadDebt(pr.total, o.netMargin) * 100) / 100,
      };
    }
    return {
      currency: sec.key,
      totals: {
        open,
        current: (openTotal - overdueCents) / 100,
        overdue: overdueCents / 100,
        credit: creditCents / 100,
        unapplied: unappliedTotal / 100,
        net: (openTotal - unappliedTotal) / 100,
        openItems: itemTotal,
        shareOverdue: openTotal > 0 ? overdueCents / openTotal : null,
      },
      buckets: bucketTotals,
      customers,
      owners,
      unapplied,
      dso: {
        standard: dsoStandard(open, creditSales, o.dsoDays),
        countback,
        days: o.dsoDays,
        creditSales,
        ar: open,
      },
      averageDaysLate: {
        simple: sec.settled > 0 ? sec.lateSum / sec.settled : null,
        weighted: sec.lateWeight > 0 ? sec.lateWeighted / sec.lateWeight : null,
        invoices: sec.settled,
        lateInvoices: sec.late,
      },
      provision,
      priority,
      invoices: sec.lines,
    };
  });
  out.sort((x, y) => compareText(x.currency ?? '', y.currency ?? ''));

  return {
    asOf: isoFromEpochDay(asOf),
    by: o.by,
    buckets,
    baseCurrency: o.base,
    sections: out,
    counts,
    warnings: warnings.finish(),
  };
}

/** A copy of a -1-filled index array long enough to hold `index`. */
function grown(array: Int32Array, index: number): Int32Array {
  let length = array.length;
  while (length <= index) length *= 2;
  const out = new Int32Array(length).fill(-1);
  out.set(array);
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function normaliseOptions(options: AgeReceivablesOptions): Normalised {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('ageReceivables: options with asOf are required');
  }
  const rawAsOf = options.asOf;
  const asOf = typeof rawAsOf === 'string' ? epochDayFromIso(rawAsOf) : rawAsOf;
  if (asOf === undefined || !Number.isInteger(asOf)) {
    throw new RangeError(
      `ageReceivables: asOf must be an epoch day or YYYY-MM-DD date, got ${String(rawAsOf)}`,
    );
  }
  const by = options.by ?? 'due';
  const buckets = agingBuckets(options.buckets ?? DEFAULT_BUCKET_EDGES, by);
  const upper = (c: string | undefined): string | null => {
    const t = c?.trim().toUpperCase();
    return t === undefined || t === '' ? null : t;
  };
  let rates: Map<string, number> | null = null;
  const base = upper(options.baseCurrency);
  if (options.rates !== undefined) {
    if (base === null) throw new RangeError('ageReceivables: rates need a baseCurrency');
    rates = new Map();
    for (const [cur, rate] of Object.entries(options.rates)) {
      if (!Number.isFinite(rate) || rate <= 0) {
        throw new RangeError(`ageReceivables: rate for ${cur} must be a number > 0, got ${rate}`);
      }
      rates.set(cur.trim().toUpperCase(), rate);
    }
  }
  const dsoDays = options.dsoDays ?? DEFAULT_DSO_DAYS;
  if (!Number.isInteger(dsoDays) || dsoDays <= 0) {
    throw new RangeError(`ageReceivables: dsoDays must be a whole number > 0, got ${dsoDays}`);
  }
  const provisionRates = options.provisionRates ?? null;
  if (provisionRates !== null) {
    if (provisionRates.length !== buckets.length) {
      throw new RangeError(
        `ageReceivables: provisionRates needs one rate per bucket (${buckets.length}), got ${provisionRates.length}`,
      );
    }
    for (const rate of provisionRates) {
      if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
        throw new RangeError(`ageReceivables: each provision rate must be 0–1, got ${rate}`);
      }
    }
  }
  const netMargin = options.netMargin ?? null;
  if (netMargin !== null && (!Number.isFinite(netMargin) || netMargin <= 0 || netMargin > 1)) {
    throw new RangeError(`ageReceivables: netMargin must be in (0, 1], got ${netMargin}`);
  }
  const creditLimits = options.creditLimits ?? {};
  for (const [customer, limit] of Object.entries(creditLimits)) {
    if (!Number.isFinite(limit) || limit < 0) {
      throw new RangeError(`ageReceivables: credit limit of ${customer} must be ≥ 0, got ${limit}`);
    }
  }
  const invoiceLines = options.invoiceLines ?? 'open';
  if (invoiceLines !== 'open' && invoiceLines !== 'all' && invoiceLines !== 'none') {
    throw new RangeError(
      `ageReceivables: invoiceLines must be 'open', 'all' or 'none', got '${String(invoiceLines)}'`,
    );
  }
  const maxWarnings = options.maxWarningsPerKind ?? DEFAULT_MAX_WARNINGS_PER_KIND;
  if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
    throw new RangeError(
      `ageReceivables: maxWarningsPerKind must be a whole number ≥ 0, got ${maxWarnings}`,
    );
  }
  return {
    asOf,
    by,
    buckets,
    defaultCurrency: upper(options.currency),
    base,
    rates,
    dsoDays,
    provisionRates,
    netMargin,
    creditLimits,
    invoiceLines,
    invoicePlace: options.invoicePlace ?? {},
    paymentPlace: options.paymentPlace ?? {},
    maxWarnings,
  };
}
