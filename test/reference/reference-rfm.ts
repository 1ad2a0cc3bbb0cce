import type { OrderLine } from '../../core/columns/records.js';
import { isoOf } from './reference-calendar.js';
import { moneyOf, referenceCents } from './reference-money.js';

/*
 * A plain reference for RFM scoring, written from ../shared/DOMAIN.md §2 and "Exact definitions",
 * to check the core's rfm on random order lines: every customer's recency, frequency, monetary,
 * scores and segment, the customers with nothing but returns, the segment summary and the grid.
 * Plain loops over plain objects, money in whole cents. Quintile scoring with DOMAIN.md's rule
 * only; fixed thresholds and other cut points have tests of their own.
 */

/** DOMAIN.md's segment grid: GRID[5 − R][FM − 1], rows R 5…1, columns FM 1…5. */
const GRID: readonly (readonly string[])[] = [
  ['New', 'Potential loyalist', 'Potential loyalist', 'Champions', 'Champions'],
  ['Promising', 'Potential loyalist', 'Potential loyalist', 'Loyal', 'Champions'],
  ['About to sleep', 'About to sleep', 'Need attention', 'Loyal', 'Loyal'],
  ['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose"],
  ['Lost', 'Lost', 'Hibernating', 'At risk', "Can't lose"],
];

/** DOMAIN.md §2's eleven segments, in the order it names them. */
export const REFERENCE_SEGMENTS = [
  'Champions',
  'Loyal',
  'Potential loyalist',
  'New',
  'Promising',
  'Need attention',
  'About to sleep',
  'At risk',
  "Can't lose",
  'Hibernating',
  'Lost',
];

export interface ReferenceRfmCustomer {
  id: string;
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  fm: number;
  code: string;
  segment: string;
  lastOrder: string;
}

export interface ReferenceRfmResult {
  /** Scored customers, by id in code-unit order. */
  customers: ReferenceRfmCustomer[];
  /** Customers with lines but no order, by id. */
  returnsOnly: { id: string; monetary: number; lines: number }[];
  segments: {
    segment: string;
    customers: number;
    customerShare: number;
    monetary: number;
    monetaryShare: number | null;
    meanRecency: number | null;
    meanFrequency: number | null;
    meanMonetary: number | null;
  }[];
  grid: { r: number; fm: number; segment: string; customers: number }[];
}

/** One customer's lines added up. */
interface CustomerLines {
  id: string;
  lines: number;
  cents: number;
  /** Distinct non-cancellation invoice numbers, and the days of orders without a number. */
  orders: Set<string>;
  lastOrder: number | null;
}

/**
 * DOMAIN.md: an invoice number of a cancellation starts with "C" and a digit (as in the Online
 * Retail data: "C536379").
 */
function isCancellationNumber(invoice: string | undefined): boolean {
  return invoice !== undefined && /^[Cc][0-9]/.test(invoice);
}

/**
 * Adds up each customer's lines dated up to as-of. DOMAIN.md: monetary is net of every line;
 * frequency counts distinct non-cancellation invoice numbers; recency uses the last
 * non-cancellation invoice's date. A line without an invoice number is an order of its customer
 * and day unless it is a return, a negative quantity or amount (core's rule; DOMAIN.md does not
 * say).
 * Lines without a customer belong to no one.
 */
function customerLines(lines: readonly OrderLine[], asOf: number): CustomerLines[] {
  const byId = new Map<string, CustomerLines>();
  for (const line of lines) {
    if (line.date > asOf || line.customer === undefined || line.customer === '') continue;
    const customer = byId.get(line.customer) ?? {
      id: line.customer,
      lines: 0,
      cents: 0,
      orders: new Set<string>(),
      lastOrder: null,
    };
    byId.set(line.customer, customer);
    customer.lines += 1;
    customer.cents += referenceCents(line.amount);
    const isReturn = (line.quantity !== undefined && line.quantity < 0) || line.amount < 0;
    let order: string | null = null;
    if (line.invoice !== undefined && !isCancellationNumber(line.invoice))
      order = `invoice ${line.invoice}`;
    if (line.invoice === undefined && !isReturn) order = `day ${line.date}`;
    if (order === null) continue;
    customer.orders.add(order);
    customer.lastOrder = Math.max(customer.lastOrder ?? line.date, line.date);
  }
  return [...byId.values()];
}

/**
 * DOMAIN.md: score = 1 + floor(5 × worse ÷ n), capped at 5, where worse = the number of customers
 * with a strictly worse value; ties share a score.
 */
function scoreOf(
  value: number,
  all: readonly number[],
  isWorse: (other: number, value: number) => boolean,
): number {
  let worse = 0;
  for (const other of all) if (isWorse(other, value)) worse += 1;
  return Math.min(5, 1 + Math.floor((5 * worse) / all.length));
}

/**
 * RFM the slow, obvious way (DOMAIN.md "Exact definitions"): only customers with at least one
 * order are scored; the rest are listed apart. Recency: more days is worse; frequency and monetary:
 * less is worse. FM = (F + M) ÷ 2 rounded half up; the segment is the grid's cell at (R, FM).
 *
 * @param lines - Order lines; returns and cancellations negative.
 * @param asOf - The day recency is measured to; later lines are left out.
 * @returns Customers, returns-only customers, segment summary and grid.
 */
export function referenceRfm(lines: readonly OrderLine[], asOf: number): ReferenceRfmResult {
  const all = customerLines(lines, asOf);
  const scored = all
    .filter((c) => c.orders.size > 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const recencies = scored.map((c) => asOf - (c.lastOrder as number));
  const frequencies = scored.map((c) => c.orders.size);
  const monetaries = scored.map((c) => c.cents);
  const customers = scored.map((c, k): ReferenceRfmCustomer => {
    const r = scoreOf(recencies[k] as number, recencies, (other, value) => other > value);
    const f = scoreOf(frequencies[k] as number, frequencies, (other, value) => other < value);
    const m = scoreOf(monetaries[k] as number, monetaries, (other, value) => other < value);
    const fm = Math.floor((f + m) / 2 + 0.5);
    return {
      id: c.id,
      recency: recencies[k] as number,
      frequency: frequencies[k] as number,
      monetary: moneyOf(c.cents),
      r,
      f,
      m,
      fm,
      code: `${r}${f}${m}`,
      segment: (GRID[5 - r] as readonly string[])[fm - 1] as string,
      lastOrder: isoOf(c.lastOrder as number),
    };
  });
  const returnsOnly = all
    .filter((c) => c.orders.size === 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => ({ id: c.id, monetary: moneyOf(c.cents), lines: c.lines }));
  return { customers, returnsOnly, segments: segmentSummary(customers), grid: gridOf(customers) };
}

/** Per segment: customers, their share, Σ monetary and its share of the positive total, means. */
function segmentSummary(
  customers: readonly ReferenceRfmCustomer[],
): ReferenceRfmResult['segments'] {
  let totalCents = 0;
  for (const c of customers) totalCents += Math.round(c.monetary * 100);
  return REFERENCE_SEGMENTS.map((segment) => {
    const members = customers.filter((c) => c.segment === segment);
    let cents = 0;
    let recency = 0;
    let frequency = 0;
    for (const c of members) {
      cents += Math.round(c.monetary * 100);
      recency += c.recency;
      frequency += c.frequency;
    }
    const count = members.length;
    return {
      segment,
      customers: count,
      customerShare: customers.length > 0 ? count / customers.length : 0,
      monetary: moneyOf(cents),
      monetaryShare: totalCents > 0 ? cents / totalCents : null,
      meanRecency: count > 0 ? recency / count : null,
      meanFrequency: count > 0 ? frequency / count : null,
      meanMonetary: count > 0 ? moneyOf(cents) / count : null,
    };
  });
}

/** The 25 cells of the R × FM grid, R 5…1 then FM 1…5, with their customers. */
function gridOf(customers: readonly ReferenceRfmCustomer[]): ReferenceRfmResult['grid'] {
  const grid: ReferenceRfmResult['grid'] = [];
  for (let r = 5; r >= 1; r--) {
    for (let fm = 1; fm <= 5; fm++) {
      grid.push({
        r,
        fm,
        segment: (GRID[5 - r] as readonly string[])[fm - 1] as string,
        customers: customers.filter((c) => c.r === r && c.fm === fm).length,
      });
    }
  }
  return grid;
}
