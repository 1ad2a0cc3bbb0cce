import fc from 'fast-check';
import type { Invoice, Payment } from '../../core/columns/records.js';

/*
 * Random small ledgers, mostly in one currency, for the aging property tests: few invoice numbers
 * and customers, so repeats, partial payments, over-payments, settled invoices, credits,
 * unapplied cash and invoices on both sides of as-of are all common.
 */

/** 2024-01-01: generated dates lie within a year of it, across a leap February. */
export const DAY0 = 19_723;
const NUMBERS = ['INV1', 'INV2', 'INV3', 'INV4', 'INV5', 'INV6', 'INV7', 'INV8', 'INV9', 'INV10'];
const CUSTOMERS = ['Acme', 'Beta', '北方贸易', ''];
const TERMS = ['net 30', '45', '60 days', '30天', 'COD', '月结60天', 'EOM 30', 'see contract'];

/**
 * A date: a day of the year from DAY0, or one day before, on or after the as-of date (the edges of
 * "dated on or before as-of"), resolved once the as-of date is known.
 */
const arbDate = (lastDay: number): fc.Arbitrary<number | { fromAsOf: number }> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: DAY0, max: DAY0 + lastDay }) },
    { weight: 1, arbitrary: fc.record({ fromAsOf: fc.integer({ min: -1, max: 1 }) }) },
  );

/** When an invoice falls due: a due-date cell (days after the invoice), terms, or nothing. */
const arbDue = fc.oneof(
  fc.record({ dueIn: fc.integer({ min: -5, max: 90 }) }),
  fc.record({ terms: fc.constantFrom(...TERMS) }),
  fc.constant({}),
);

const arbInvoice = fc.record({
  number: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom('', ' INV3 ', 'INV2\t') },
  ),
  customer: fc.constantFrom(...CUSTOMERS),
  owner: fc.option(fc.constantFrom('Li', 'Wang', ' Zhang '), { nil: undefined }),
  date: arbDate(200),
  due: arbDue,
  currency: fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('CNY', ' usd ', 'USD', '') },
  ),
  // Two decimals at most until aging rounds with the shared money rule (see the 3-decimal test).
  cents: fc.oneof(fc.integer({ min: -20_000, max: 200_000 }), fc.constant(0)),
});

/** A payment: its own amount, or exactly the amount of one of the invoices (so some settle). */
const arbPayment = fc.record({
  number: fc.option(fc.constantFrom(...NUMBERS, 'INV11', ' INV1', ''), { nil: undefined }),
  customer: fc.option(fc.constantFrom(...CUSTOMERS), { nil: undefined }),
  date: arbDate(300),
  cents: fc.integer({ min: -5_000, max: 150_000 }),
  currency: fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('CNY', 'usd', '') },
  ),
  // Pays one of the invoices in full, in part, or more than in full (an over-payment).
  settles: fc.option(
    fc.record({ index: fc.nat({ max: 40 }), share: fc.constantFrom(1, 1, 0.5, 0.25, 1.5) }),
    { nil: undefined, freq: 2 },
  ),
});

type ArbInvoice = typeof arbInvoice extends fc.Arbitrary<infer T> ? T : never;
type ArbPayment = typeof arbPayment extends fc.Arbitrary<infer T> ? T : never;

function dayOf(date: number | { fromAsOf: number }, asOf: number): number {
  return typeof date === 'number' ? date : asOf + date.fromAsOf;
}

function toInvoices(list: readonly ArbInvoice[], asOf: number): Invoice[] {
  return list.map((x, k) => ({
    row: k + 2,
    invoice: x.number,
    customer: x.customer,
    ...(x.owner === undefined ? {} : { owner: x.owner }),
    invoiceDate: dayOf(x.date, asOf),
    ...('dueIn' in x.due ? { dueDate: dayOf(x.date, asOf) + x.due.dueIn } : {}),
    ...('terms' in x.due ? { terms: x.due.terms } : {}),
    amount: x.cents / 100,
    ...(x.currency === undefined ? {} : { currency: x.currency }),
  }));
}

function toPayments(
  list: readonly ArbPayment[],
  invoices: readonly Invoice[],
  asOf: number,
): Payment[] {
  return list.map((x, k) => {
    const settles = x.settles;
    const settled =
      settles === undefined ? undefined : invoices[settles.index % Math.max(1, invoices.length)];
    return {
      row: k + 2,
      ...(settled === undefined && x.number === undefined
        ? {}
        : { invoice: settled?.invoice ?? x.number }),
      ...(x.customer === undefined ? {} : { customer: x.customer }),
      ...(x.currency === undefined ? {} : { currency: x.currency }),
      date: dayOf(x.date, asOf),
      amount:
        settled === undefined || settles === undefined
          ? x.cents / 100
          : Math.round(settled.amount * 100 * settles.share) / 100,
    };
  });
}

const arbAgingOptions = fc.record({
  asOf: fc.oneof(
    { weight: 1, arbitrary: fc.integer({ min: DAY0 - 10, max: DAY0 + 320 }) },
    { weight: 3, arbitrary: fc.integer({ min: DAY0 + 60, max: DAY0 + 240 }) },
  ),
  by: fc.constantFrom('due' as const, 'invoice' as const),
  edges: fc.oneof(
    fc.constant([30, 60, 90, 180]),
    fc
      .uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 })
      .map((e) => e.sort((a, b) => a - b)),
  ),
  dsoDays: fc.constantFrom(90, 30, 1, 365),
  /** The currency of blank currency cells. */
  currency: fc.option(fc.constantFrom('CNY', 'eur'), { nil: undefined, freq: 2 }),
});

/** Options of a run (as-of, basis, bucket bounds, DSO window), a ledger dated around its as-of. */
export const arbAgingCase = fc
  .tuple(
    arbAgingOptions,
    fc.array(arbInvoice, { maxLength: 25 }),
    fc.array(arbPayment, { maxLength: 25 }),
  )
  .map(([options, invs, pays]) => {
    const invoices = toInvoices(invs, options.asOf);
    return { options, invoices, payments: toPayments(pays, invoices, options.asOf) };
  });
