import type { Invoice, Payment } from '../../core/columns/records.js';
import {
  dayOf,
  dayOfMonthOf,
  daysInMonth,
  isoOf,
  lastDayOfMonthOf,
  previousMonth,
  yearMonthOf,
} from './reference-calendar.js';
import { moneyOf, referenceCents } from './reference-money.js';

/*
 * A plain reference for receivables aging, written from ../shared/DOMAIN.md §3 and "Exact
 * definitions", to check core/aging's fast path on random ledgers. Plain loops over plain objects,
 * all money in whole cents. It covers currencies without a rate table (each its own section),
 * invoices without invoice-level paid dates or balances, and no credit limits or disputes: those
 * rules are tested on their own in test/core/aging.
 *
 * Where DOMAIN.md leaves a choice open, the reference follows the core's documented choice, and
 * says so ("core's rule").
 */

/** Customer and owner names used when a row names none (core's labels). */
export const NO_CUSTOMER = '(no customer)';
const NO_OWNER = '(no owner)';

export interface ReferenceAgingOptions {
  asOf: number;
  /** Currency of invoices and payments whose currency cell is blank. */
  currency?: string;
  /** Days past due (default) or days since the invoice date. */
  by?: 'due' | 'invoice';
  /** Upper bucket bounds after Current; DOMAIN.md's default 30, 60, 90, 180. */
  edges?: readonly number[];
  /** DSO window N; DOMAIN.md's default 90. */
  dsoDays?: number;
}

export interface ReferenceBucket {
  label: string;
  /** Highest day count in the bucket (inclusive), null for the last one. */
  upTo: number | null;
}

export interface ReferenceInvoiceLine {
  row: number;
  invoice: string;
  customer: string;
  owner: string | null;
  invoiceDate: string;
  dueDate: string;
  amount: number;
  paid: number;
  open: number;
  status: 'open' | 'credit' | 'settled';
  daysPastDue: number;
  age: number;
  bucket: string | null;
  settledDate: string | null;
  daysLate: number | null;
}

/** Everything in one currency: its code (upper case), or null when no cell or option names one. */
export interface ReferenceAgingSection extends ReferenceAgingResult {
  currency: string | null;
}

export interface ReferenceAgingResult {
  totals: {
    open: number;
    current: number;
    overdue: number;
    credit: number;
    unapplied: number;
    net: number;
    openItems: number;
    shareOverdue: number | null;
  };
  buckets: {
    label: string;
    amount: number;
    owed: number;
    credit: number;
    count: number;
    creditCount: number;
  }[];
  customers: {
    id: string;
    open: number;
    overdue: number;
    notYetDue: number;
    credit: number;
    unapplied: number;
    openItems: number;
    buckets: Record<string, number>;
  }[];
  owners: {
    id: string;
    open: number;
    overdue: number;
    notYetDue: number;
    credit: number;
    openItems: number;
    buckets: Record<string, number>;
  }[];
  unapplied: {
    customer: string;
    amount: number;
    count: number;
    firstDate: string;
    lastDate: string;
  }[];
  dso: {
    standard: number | null;
    countback: number | null;
    reason: string | null;
    days: number;
    creditSales: number;
    ar: number;
  };
  averageDaysLate: {
    simple: number | null;
    weighted: number | null;
    invoices: number;
    lateInvoices: number;
  };
  priority: {
    rank: number;
    customer: string;
    score: number;
    overdue: number;
    overdueInvoices: number;
    maxDaysPastDue: number;
    open: number;
  }[];
  invoices: ReferenceInvoiceLine[];
}

/** One aged invoice as the reference works on it: everything in cents and epoch days. */
interface AgedInvoice {
  source: Invoice;
  currency: string | null;
  number: string;
  customer: string;
  owner: string;
  due: number;
  amountCents: number;
  paidCents: number;
  /** Latest counted payment day, null when no payment counts. */
  lastPayment: number | null;
}

/** Unapplied cash of one customer. */
interface UnappliedCash {
  cents: number;
  count: number;
  first: number;
  last: number;
}

/**
 * Ages a ledger at as-of the slow, obvious way, one section per currency: DOMAIN.md §3 "Never add
 * different currencies together without a rate table".
 *
 * @param invoices - Invoices and credit notes (negative amounts).
 * @param payments - Payments and credits, each naming its invoice or none.
 * @param options - asOf, default currency, basis, bucket bounds, DSO window.
 * @returns The sections, by currency code (a blank one first), amounts in currency units.
 */
export function referenceAging(
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  options: ReferenceAgingOptions,
): ReferenceAgingSection[] {
  const defaultCurrency = currencyCode(options.currency) ?? null;
  const currencyOf = (invoice: Invoice): string | null =>
    currencyCode(invoice.currency) ?? defaultCurrency;
  const aged = agedInvoices(invoices, options.asOf, currencyOf);
  const unapplied = applyPaymentsPlainly(invoices, payments, aged, options, currencyOf);
  const currencies = new Set([...aged.map((item) => item.currency), ...unapplied.keys()]);
  return [...currencies]
    .sort((a, b) => ((a ?? '') < (b ?? '') ? -1 : 1))
    .map((currency) => ({
      currency,
      ...agingSection(
        aged.filter((item) => item.currency === currency),
        unapplied.get(currency) ?? new Map(),
        options,
      ),
    }));
}

/** A currency cell as a code: trimmed, upper case; undefined when blank. */
function currencyCode(text: string | undefined): string | undefined {
  const code = (text ?? '').trim().toUpperCase();
  return code === '' ? undefined : code;
}

/** The figures of one currency from its aged invoices and its unapplied cash. */
function agingSection(
  aged: readonly AgedInvoice[],
  unapplied: ReadonlyMap<string, UnappliedCash>,
  options: ReferenceAgingOptions,
): ReferenceAgingResult {
  const asOf = options.asOf;
  const buckets = referenceBuckets(options.edges ?? [30, 60, 90, 180], options.by ?? 'due');
  const lines = aged.map((item) => invoiceLine(item, asOf, options.by ?? 'due', buckets));
  return {
    totals: totalsOf(lines, unapplied),
    buckets: buckets.map((bucket) => ({
      label: bucket.label,
      amount: moneyOf(
        sumCents(
          lines.filter((line) => line.bucket === bucket.label),
          'open',
        ),
      ),
      owed: moneyOf(
        sumCents(
          lines.filter((line) => line.bucket === bucket.label && line.open > 0),
          'open',
        ),
      ),
      credit: moneyOf(
        sumCents(
          lines.filter((line) => line.bucket === bucket.label && line.open < 0),
          'open',
        ),
      ),
      count: lines.filter((line) => line.bucket === bucket.label).length,
      creditCount: lines.filter((line) => line.bucket === bucket.label && line.open < 0).length,
    })),
    customers: customersOf(lines, unapplied, buckets),
    owners: ownersOf(lines, buckets),
    unapplied: unappliedLines(unapplied),
    dso: dsoOf(aged, lines, asOf, options.dsoDays ?? 90),
    averageDaysLate: averageDaysLateOf(lines),
    priority: priorityOf(lines),
    invoices: lines,
  };
}

/**
 * DOMAIN.md: Current when days past due ≤ 0; then 1–30, 31–60, 61–90, 91–180, 181+ with upper
 * bounds inclusive (configurable). By days since the invoice date there is no Current: the first
 * bucket is 0–30 (core's labels).
 */
export function referenceBuckets(
  edges: readonly number[],
  by: 'due' | 'invoice',
): ReferenceBucket[] {
  const buckets: ReferenceBucket[] = [];
  if (by === 'due') buckets.push({ label: 'Current', upTo: 0 });
  let from = 1;
  for (let k = 0; k < edges.length; k++) {
    const edge = edges[k] as number;
    const lowest = by === 'invoice' && k === 0 ? 0 : from;
    buckets.push({ label: `${lowest}–${edge}`, upTo: edge });
    from = edge + 1;
  }
  buckets.push({ label: `${from}+`, upTo: null });
  return buckets;
}

/** The first bucket whose upper bound is at least `days`, else the last one. */
function bucketFor(buckets: readonly ReferenceBucket[], days: number): ReferenceBucket {
  for (const bucket of buckets) if (bucket.upTo === null || days <= bucket.upTo) return bucket;
  throw new Error('unreachable: the last bucket has no upper bound');
}

/** DOMAIN.md: "An invoice counts when its invoice date ≤ as-of". */
function agedInvoices(
  invoices: readonly Invoice[],
  asOf: number,
  currencyOf: (invoice: Invoice) => string | null,
): AgedInvoice[] {
  const aged: AgedInvoice[] = [];
  for (const invoice of invoices) {
    if (invoice.invoiceDate > asOf) continue;
    aged.push({
      source: invoice,
      currency: currencyOf(invoice),
      number: (invoice.invoice ?? '').trim(),
      customer: nameOr(invoice.customer, NO_CUSTOMER),
      owner: nameOr(invoice.owner, NO_OWNER),
      due: dueDateOf(invoice),
      amountCents: referenceCents(invoice.amount),
      paidCents: 0,
      lastPayment: null,
    });
  }
  return aged;
}

function nameOr(text: string | undefined, blank: string): string {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? blank : trimmed;
}

/**
 * DOMAIN.md: due date = the due-date cell, else invoice date + terms days when only terms are
 * given, else (core's rule) the invoice date. Month-end terms (月结 60天, EOM 60) run from the
 * last day of the invoice month (core's rule; DOMAIN.md names the terms but not their arithmetic).
 */
function dueDateOf(invoice: Invoice): number {
  if (invoice.dueDate !== undefined) return invoice.dueDate;
  const terms = termsOf(invoice.terms ?? '');
  if (terms === null) return invoice.invoiceDate;
  const start = terms.monthEnd ? lastDayOfMonthOf(invoice.invoiceDate) : invoice.invoiceDate;
  return start + terms.days;
}

/**
 * The plain forms of payment terms the tests write: "net 30", "30", "45 days", "60天", "COD",
 * "月结60天", "EOM 30". Anything else is not read (null). parsePaymentTerms has tests of its own
 * for the many other spellings.
 */
function termsOf(text: string): { days: number; monthEnd: boolean } | null {
  const plain = text.trim().toLowerCase();
  if (plain === 'cod') return { days: 0, monthEnd: false };
  const monthEnd = /^(?:月结|eom)\s*(\d+)\s*天?$/.exec(plain);
  if (monthEnd) return { days: Number(monthEnd[1]), monthEnd: true };
  const days = /^(?:net\s*)?(\d+)\s*(?:days|天)?$/.exec(plain);
  return days ? { days: Number(days[1]), monthEnd: false } : null;
}

/**
 * DOMAIN.md: "a payment or credit counts when its date ≤ as-of"; it applies to the invoice it
 * names (trimmed number; a repeated number: its first row, core's rule). A payment naming no
 * invoice, an unknown one, one not yet issued at as-of, or one in another currency (no rate table
 * converts it) is unapplied cash, "shown as its own line, not silently netted". A payment larger
 * than its invoice stays applied and leaves a negative open balance, a credit (DOMAIN.md: open
 * balance = amount − counted payments). A blank payment currency is its invoice's, else the
 * default. Returns the unapplied cash per currency and customer: the payment's customer, else its
 * invoice's, else none.
 */
function applyPaymentsPlainly(
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  aged: AgedInvoice[],
  options: ReferenceAgingOptions,
  currencyOf: (invoice: Invoice) => string | null,
): Map<string | null, Map<string, UnappliedCash>> {
  const unapplied = new Map<string | null, Map<string, UnappliedCash>>();
  for (const payment of payments) {
    if (payment.date > options.asOf) continue;
    const number = (payment.invoice ?? '').trim();
    const named =
      number === '' ? undefined : invoices.find((inv) => (inv.invoice ?? '').trim() === number);
    const target = named === undefined ? undefined : aged.find((item) => item.source === named);
    const own = currencyCode(payment.currency);
    const cents = referenceCents(payment.amount);
    if (target !== undefined && (own === undefined || own === target.currency)) {
      target.paidCents += cents;
      if (target.lastPayment === null || payment.date > target.lastPayment)
        target.lastPayment = payment.date;
      continue;
    }
    const currency =
      own ?? (named === undefined ? (currencyCode(options.currency) ?? null) : currencyOf(named));
    const customer = nameOr(
      payment.customer,
      named === undefined ? NO_CUSTOMER : nameOr(named.customer, NO_CUSTOMER),
    );
    const byCustomer = unapplied.get(currency) ?? new Map<string, UnappliedCash>();
    unapplied.set(currency, byCustomer);
    const cash = byCustomer.get(customer) ?? {
      cents: 0,
      count: 0,
      first: payment.date,
      last: payment.date,
    };
    cash.cents += cents;
    cash.count += 1;
    cash.first = Math.min(cash.first, payment.date);
    cash.last = Math.max(cash.last, payment.date);
    byCustomer.set(customer, cash);
  }
  return unapplied;
}

/**
 * One invoice's line: open = amount − counted payments; days past due = as-of − due date; the
 * bucket by days past due or days since the invoice (none when nothing is open). Days late (the
 * core's documented rule, DOMAIN.md names only "average days late"): a positive invoice settled by
 * as-of is max(0, last counted payment − due date) days late.
 */
function invoiceLine(
  item: AgedInvoice,
  asOf: number,
  by: 'due' | 'invoice',
  buckets: readonly ReferenceBucket[],
): ReferenceInvoiceLine {
  const openCents = item.amountCents - item.paidCents;
  const daysPastDue = asOf - item.due;
  const age = asOf - item.source.invoiceDate;
  const settled = item.amountCents > 0 && openCents <= 0 && item.lastPayment !== null;
  const daysLate = settled ? Math.max(0, (item.lastPayment as number) - item.due) : null;
  return {
    row: item.source.row,
    invoice: item.number,
    customer: item.customer,
    owner: item.owner === NO_OWNER ? null : item.owner,
    invoiceDate: isoOf(item.source.invoiceDate),
    dueDate: isoOf(item.due),
    amount: moneyOf(item.amountCents),
    paid: moneyOf(item.paidCents),
    open: moneyOf(openCents),
    status: openCents > 0 ? 'open' : openCents < 0 ? 'credit' : 'settled',
    daysPastDue,
    age,
    bucket: openCents === 0 ? null : bucketFor(buckets, by === 'due' ? daysPastDue : age).label,
    settledDate: settled ? isoOf(item.lastPayment as number) : null,
    daysLate,
  };
}

/** Σ of a money field of some lines, in cents (exact: each line is whole cents). */
function sumCents(lines: readonly ReferenceInvoiceLine[], field: 'open' | 'amount'): number {
  let cents = 0;
  for (const line of lines) cents += Math.round(line[field] * 100);
  return cents;
}

/**
 * Owed past due: days past due > 0, whatever the bucket basis, and a positive open balance
 * (DOMAIN.md §3: credits are "shown as their own line, not silently netted").
 */
function isOverdue(line: ReferenceInvoiceLine): boolean {
  return line.daysPastDue > 0 && line.open > 0;
}

/** Owed, not yet due: days past due ≤ 0 and a positive open balance. */
function isNotYetDue(line: ReferenceInvoiceLine): boolean {
  return line.daysPastDue <= 0 && line.open > 0;
}

/** A credit: a negative open balance (credit note, overpayment), past due or not. */
function isCredit(line: ReferenceInvoiceLine): boolean {
  return line.open < 0;
}

function totalsOf(
  lines: readonly ReferenceInvoiceLine[],
  unapplied: ReadonlyMap<string, UnappliedCash>,
): ReferenceAgingResult['totals'] {
  const openCents = sumCents(lines, 'open');
  const overdueCents = sumCents(lines.filter(isOverdue), 'open');
  const currentCents = sumCents(lines.filter(isNotYetDue), 'open');
  let unappliedCents = 0;
  for (const cash of unapplied.values()) unappliedCents += cash.cents;
  const owedCents = overdueCents + currentCents;
  return {
    open: moneyOf(openCents),
    current: moneyOf(currentCents),
    overdue: moneyOf(overdueCents),
    credit: moneyOf(sumCents(lines.filter(isCredit), 'open')),
    unapplied: moneyOf(unappliedCents),
    net: moneyOf(openCents - unappliedCents),
    openItems: lines.filter((line) => line.open !== 0).length,
    shareOverdue: owedCents > 0 ? overdueCents / owedCents : null,
  };
}

/** Each bucket label with the Σ positive open of the lines in it: what is owed (credits apart). */
function bucketAmounts(
  lines: readonly ReferenceInvoiceLine[],
  buckets: readonly ReferenceBucket[],
): Record<string, number> {
  const amounts: Record<string, number> = {};
  for (const bucket of buckets) {
    amounts[bucket.label] = moneyOf(
      sumCents(
        lines.filter((line) => line.bucket === bucket.label && line.open > 0),
        'open',
      ),
    );
  }
  return amounts;
}

/** Largest first, ties by name in code-unit order (the order of the core's lists). */
function largestFirst<T>(rows: T[], value: (row: T) => number, name: (row: T) => string): T[] {
  return rows.sort(
    (a, b) => value(b) - value(a) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0),
  );
}

/** DOMAIN.md: buckets "per customer"; unapplied cash on the customer's line, not netted in open. */
function customersOf(
  lines: readonly ReferenceInvoiceLine[],
  unapplied: ReadonlyMap<string, UnappliedCash>,
  buckets: readonly ReferenceBucket[],
): ReferenceAgingResult['customers'] {
  const ids = new Set<string>([...lines.map((line) => line.customer), ...unapplied.keys()]);
  const customers = [...ids].map((id) => {
    const own = lines.filter((line) => line.customer === id);
    return {
      id,
      open: moneyOf(sumCents(own, 'open')),
      overdue: moneyOf(sumCents(own.filter(isOverdue), 'open')),
      notYetDue: moneyOf(sumCents(own.filter(isNotYetDue), 'open')),
      credit: moneyOf(sumCents(own.filter(isCredit), 'open')),
      unapplied: moneyOf(unapplied.get(id)?.cents ?? 0),
      openItems: own.filter((line) => line.open !== 0).length,
      buckets: bucketAmounts(own, buckets),
    };
  });
  return largestFirst(
    customers,
    (c) => c.open,
    (c) => c.id,
  );
}

/** DOMAIN.md: buckets "per … owner". */
function ownersOf(
  lines: readonly ReferenceInvoiceLine[],
  buckets: readonly ReferenceBucket[],
): ReferenceAgingResult['owners'] {
  const ids = new Set<string>(lines.map((line) => line.owner ?? NO_OWNER));
  const owners = [...ids].map((id) => {
    const own = lines.filter((line) => (line.owner ?? NO_OWNER) === id);
    return {
      id,
      open: moneyOf(sumCents(own, 'open')),
      overdue: moneyOf(sumCents(own.filter(isOverdue), 'open')),
      notYetDue: moneyOf(sumCents(own.filter(isNotYetDue), 'open')),
      credit: moneyOf(sumCents(own.filter(isCredit), 'open')),
      openItems: own.filter((line) => line.open !== 0).length,
      buckets: bucketAmounts(own, buckets),
    };
  });
  return largestFirst(
    owners,
    (o) => o.open,
    (o) => o.id,
  );
}

function unappliedLines(
  unapplied: ReadonlyMap<string, UnappliedCash>,
): ReferenceAgingResult['unapplied'] {
  const lines = [...unapplied].map(([customer, cash]) => ({
    customer,
    amount: moneyOf(cash.cents),
    count: cash.count,
    firstDate: isoOf(cash.first),
    lastDate: isoOf(cash.last),
  }));
  return largestFirst(
    lines,
    (line) => line.amount,
    (line) => line.customer,
  );
}

/**
 * DOMAIN.md: DSO (standard) = AR at as-of ÷ credit sales invoiced in the N days up to as-of × N,
 * and countback (see countbackDays). AR = the open total; sales are net (credit notes subtract);
 * no sales in the window gives no standard DSO.
 */
function dsoOf(
  aged: readonly AgedInvoice[],
  lines: readonly ReferenceInvoiceLine[],
  asOf: number,
  days: number,
): ReferenceAgingResult['dso'] {
  const arCents = sumCents(lines, 'open');
  let windowCents = 0;
  for (const item of aged)
    if (item.source.invoiceDate > asOf - days) windowCents += item.amountCents;
  const countback = countbackDays(aged, arCents, asOf);
  // Why a figure is missing or says nothing, checked in the order AgingDsoReason lists them.
  let reason: string | null = null;
  if (arCents < 0) reason = 'credit-balance';
  else if (windowCents <= 0 && arCents === 0) reason = 'nothing-open-no-sales';
  else if (windowCents <= 0) reason = 'no-sales-in-window';
  else if (countback === null) reason = 'sales-do-not-cover';
  return {
    standard: windowCents > 0 ? (arCents / windowCents) * days : null,
    countback,
    reason,
    days,
    creditSales: moneyOf(windowCents),
    ar: moneyOf(arCents),
  };
}

/**
 * DOMAIN.md: "walk back month by month from as-of, taking each month's sales off the AR until it
 * is used up, and add up the days covered (the last month pro rata)". The as-of month covers its
 * 1st to as-of; a month whose net sales are ≤ 0 covers all its days and takes nothing off (core's
 * rules). AR still left when no earlier month has an invoice gives null; AR ≤ 0 gives 0.
 */
function countbackDays(aged: readonly AgedInvoice[], arCents: number, asOf: number): number | null {
  if (arCents <= 0) return 0;
  let earliest = Infinity;
  for (const item of aged) earliest = Math.min(earliest, item.source.invoiceDate);
  let month = yearMonthOf(asOf);
  let remaining = arCents;
  let days = 0;
  for (
    let isAsOfMonth = true;
    dayOf(month.year, month.month + 1, 1) > earliest;
    isAsOfMonth = false
  ) {
    const first = dayOf(month.year, month.month, 1);
    const length = daysInMonth(month.year, month.month);
    const span = isAsOfMonth ? dayOfMonthOf(asOf) : length;
    let sold = 0;
    for (const item of aged) {
      const date = item.source.invoiceDate;
      if (date >= first && date < first + length) sold += item.amountCents;
    }
    if (sold > 0 && sold >= remaining) return days + (span * remaining) / sold;
    days += span;
    if (sold > 0) remaining -= sold;
    month = previousMonth(month);
  }
  return null;
}

/** Simple and amount-weighted mean days late of the invoices settled by as-of. */
function averageDaysLateOf(
  lines: readonly ReferenceInvoiceLine[],
): ReferenceAgingResult['averageDaysLate'] {
  const settled = lines.filter((line) => line.daysLate !== null);
  let daysSum = 0;
  let weightedSum = 0;
  let weight = 0;
  for (const line of settled) {
    const cents = Math.round(line.amount * 100);
    daysSum += line.daysLate as number;
    weightedSum += (line.daysLate as number) * cents;
    weight += cents;
  }
  return {
    simple: settled.length > 0 ? daysSum / settled.length : null,
    weighted: weight > 0 ? weightedSum / weight : null,
    invoices: settled.length,
    lateInvoices: settled.filter((line) => (line.daysLate as number) > 0).length,
  };
}

/**
 * DOMAIN.md: "who to call first (overdue amount × days late)": score = Σ open × days past due over
 * the customer's past-due invoices with money still owed; customers with nothing owed past due are
 * not on the list. Overdue is the money owed past due (credits are not netted off: the call is
 * about the debts); open is the customer's whole open balance.
 */
function priorityOf(lines: readonly ReferenceInvoiceLine[]): ReferenceAgingResult['priority'] {
  const ids = new Set(lines.map((line) => line.customer));
  const entries: ReferenceAgingResult['priority'] = [];
  for (const id of ids) {
    const own = lines.filter((line) => line.customer === id);
    const owed = own.filter((line) => line.daysPastDue > 0 && line.open > 0);
    let scoreCentDays = 0;
    for (const line of owed) scoreCentDays += Math.round(line.open * 100) * line.daysPastDue;
    if (scoreCentDays <= 0) continue;
    entries.push({
      rank: 0,
      customer: id,
      score: scoreCentDays / 100,
      overdue: moneyOf(sumCents(owed, 'open')),
      overdueInvoices: owed.length,
      maxDaysPastDue: Math.max(...owed.map((line) => line.daysPastDue)),
      open: moneyOf(sumCents(own, 'open')),
    });
  }
  largestFirst(
    entries,
    (e) => e.score,
    (e) => e.customer,
  );
  entries.forEach((entry, k) => (entry.rank = k + 1));
  return entries;
}
