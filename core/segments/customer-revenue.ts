import type { DataWarning } from '../columns/data-warning.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { OrderLine } from '../columns/records.js';
import type {
  CustomerTally,
  OrderLineCounts,
  TallyOrderLinesOptions,
  TallyOrderLinesResult,
} from './tally-order-lines.js';
import { OrderLineTally, tallyOrderLines } from './tally-order-lines.js';
import { compareIds } from '../columns/compare-ids.js';
import { PipecastError } from '../errors/pipecast-error.js';

export type CustomerRevenueOptions = TallyOrderLinesOptions;

/** One customer's revenue figures, shaped for a table (dates as ISO strings). */
export interface CustomerRevenueRow {
  id: string;
  /** Net revenue: every line added, returns and cancellations subtract. */
  revenue: number;
  /** Σ margin over lines that have one; null when no line has a margin. */
  margin: number | null;
  /** Distinct non-cancellation invoice numbers. */
  orders: number;
  lines: number;
  returnLines: number;
  /** Σ amount of return lines (negative for real returns). */
  returns: number;
  /** Calendar day of the first and last order (ISO); null for a returns-only customer. */
  firstOrder: string | null;
  lastOrder: string | null;
}

export interface CustomerRevenueResult {
  /** Customers with at least one order, by revenue descending then id ascending. */
  customers: CustomerRevenueRow[];
  /** Customers with nothing but returns or cancellations, by id. */
  returnsOnly: CustomerRevenueRow[];
  counts: OrderLineCounts;
  /** Σ revenue over customers and returns-only customers (lines without an id not included). */
  totalRevenue: number;
  warnings: DataWarning[];
}

/**
 * Per-customer net revenue, order count and last order date from order lines.
 *
 * Formula: revenue = Σ line amount per customer id (returns, negative quantities and
 * cancellation invoices such as "C536379" subtract); orders = distinct invoice numbers that are
 * not cancellations. Blanks: a line without a customer id is counted in `counts` and reported in
 * one warning with its count; it is in no customer's figures.
 *
 * @param lines Order lines (see readRecords kind 'orderLine'; not mutated), or an OrderLineTally
 *   filled while reading them, over the same period.
 * @param options Optional period `from`/`to` (epoch days, inclusive).
 * @returns Customers, returns-only customers, line counts and warnings; empty input gives empty lists.
 * @throws PipecastError when the period is not integer days, `from` > `to`, or a tally counts another period.
 * @example
 * customerRevenue([
 *   { row: 2, customer: 'a', invoice: '1', date: 0, amount: 10 },
 *   { row: 3, customer: 'a', invoice: 'C2', date: 1, amount: -4 },
 * ]).customers[0] // { id: 'a', revenue: 6, orders: 1, lastOrder: '1970-01-01', … }
 */
export function customerRevenue(
  lines: readonly OrderLine[] | OrderLineTally,
  options: CustomerRevenueOptions = {},
): CustomerRevenueResult {
  let tally: TallyOrderLinesResult;
  if (lines instanceof OrderLineTally) {
    if (lines.options.from !== options.from || lines.options.to !== options.to)
      throw new PipecastError(
        'invalid-option',
        'customerRevenue: the order-line tally counts another period than options.from/to',
      );
    tally = lines.finish();
  } else tally = tallyOrderLines(lines, options);
  const customers = tally.customers.map(toRow).sort(byRevenueThenId);
  const returnsOnly = tally.returnsOnly.map(toRow).sort((a, b) => compareIds(a.id, b.id));
  let totalRevenue = 0;
  for (const c of customers) totalRevenue += c.revenue;
  for (const c of returnsOnly) totalRevenue += c.revenue;
  return { customers, returnsOnly, counts: tally.counts, totalRevenue, warnings: tally.warnings };
}

function toRow(t: CustomerTally): CustomerRevenueRow {
  return {
    id: t.id,
    revenue: t.revenue,
    margin: t.margin ?? null,
    orders: t.orders,
    lines: t.lines,
    returnLines: t.returnLines,
    returns: t.returns,
    firstOrder: t.firstOrder === undefined ? null : isoFromEpochDay(t.firstOrder),
    lastOrder: t.lastOrder === undefined ? null : isoFromEpochDay(t.lastOrder),
  };
}

function byRevenueThenId(a: CustomerRevenueRow, b: CustomerRevenueRow): number {
  return b.revenue - a.revenue || compareIds(a.id, b.id);
}
