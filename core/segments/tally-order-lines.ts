import type { DataWarning } from '../columns/data-warning.js';
import type { EpochDay } from '../columns/epoch-day.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { OrderLine } from '../columns/records.js';

/** Options shared by everything that builds per-customer figures from order lines. */
export interface TallyOrderLinesOptions {
  /** First day counted (inclusive); earlier lines are left out and counted. */
  from?: EpochDay;
  /** Last day counted (inclusive); later lines are left out and counted. */
  to?: EpochDay;
}

/** One customer's figures over the counted lines, with epoch days (not yet shaped for a UI). */
export interface CustomerTally {
  id: string;
  /** Net revenue: Σ line amount, returns and cancellations included (they are negative). */
  revenue: number;
  /** Σ line margin over the lines that have one; undefined when no line has a margin. */
  margin: number | undefined;
  /** Distinct non-cancellation invoice numbers (see isCancellation). */
  orders: number;
  lines: number;
  /** Lines that are returns: a cancellation invoice or a negative quantity or amount. */
  returnLines: number;
  /** Σ amount of the return lines (≤ 0 for real returns). */
  returns: number;
  firstOrder: EpochDay | undefined;
  lastOrder: EpochDay | undefined;
}

/** Per-customer tallies plus the line counts an analysis reports. */
export interface TallyOrderLinesResult {
  /** Customers with at least one order, in first-seen order. */
  customers: CustomerTally[];
  /** Customers whose lines are all returns or cancellations (no order), in first-seen order. */
  returnsOnly: CustomerTally[];
  counts: OrderLineCounts;
  warnings: DataWarning[];
}

/** What the tally saw, so a report can reconcile with the source. */
export interface OrderLineCounts {
  /** Every line given, before any filter. */
  lines: number;
  /** Lines dated outside `from`…`to`, left out. */
  linesOutsidePeriod: number;
  /** Lines in the period with a blank customer id: counted here, in no customer's figures. */
  linesWithoutCustomer: number;
  /** Σ amount of those lines. */
  revenueWithoutCustomer: number;
  /** Lines whose invoice number marks a cancellation ("C536379"), with or without a customer. */
  cancellationLines: number;
  /** Lines with a negative quantity (or, without a quantity, a negative amount). */
  negativeQuantityLines: number;
  /** Distinct customer ids in the period, before netting (includes returns-only customers). */
  customers: number;
}

/**
 * Whether an invoice number marks a cancellation: it starts with "C" or "c" followed by a digit,
 * as in the UCI Online Retail export ("C536379").
 *
 * @param invoice The invoice number as read; undefined (blank) is not a cancellation.
 * @returns True for a cancellation invoice.
 * @example isCancellation('C536379') // true
 */
export function isCancellation(invoice: string | undefined): boolean {
  if (invoice === undefined || invoice.length < 2) return false;
  const first = invoice.charCodeAt(0);
  const second = invoice.charCodeAt(1);
  return (first === 67 || first === 99) && second >= 48 && second <= 57;
}

/**
 * Adds up order lines per customer in one pass (the shared worker of customerRevenue, rfm and
 * lifecycle). Exported for those modules; UIs should call customerRevenue.
 *
 * Rules (../shared/DOMAIN.md, "Exact definitions"): revenue is net of every line; an order is a
 * distinct invoice number that is not a cancellation; a line without an invoice number that is
 * not a return counts as one order per customer and day; first/last order use the calendar day of
 * order lines only. Blank customer ids are counted and reported in one warning, never dropped
 * silently.
 *
 * @param lines Order lines; not mutated.
 * @param options Optional period.
 * @returns Tallies, counts and warnings.
 * @throws RangeError when `from` or `to` is not an integer day or `from` > `to`.
 * @example tallyOrderLines([{ row: 2, customer: 'a', invoice: '1', date: 0, amount: 5 }])
 */
export function tallyOrderLines(
  lines: readonly OrderLine[],
  options: TallyOrderLinesOptions = {},
): TallyOrderLinesResult {
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  if (options.from !== undefined && !Number.isInteger(options.from)) {
    throw new RangeError(`tallyOrderLines: from must be an integer epoch day, got ${options.from}`);
  }
  if (options.to !== undefined && !Number.isInteger(options.to)) {
    throw new RangeError(`tallyOrderLines: to must be an integer epoch day, got ${options.to}`);
  }
  if (from > to) {
    throw new RangeError(`tallyOrderLines: from (${from}) is after to (${to})`);
  }

  // Per-customer figures live in typed arrays indexed by first-seen order (grown by doubling):
  // no object per customer until the end, and no boxing of the running sums.
  const indexById = new Map<string, number>();
  const ids: string[] = [];
  let capacity = INITIAL_CAPACITY;
  let revenue = new Float64Array(capacity);
  // Neumaier compensation keeps 500k-line sums exact to the cent against a SQL engine.
  let revenueError = new Float64Array(capacity);
  let margin = new Float64Array(capacity);
  let returns = new Float64Array(capacity);
  let firstOrder = new Float64Array(capacity);
  let lastOrder = new Float64Array(capacity);
  let lastOrderDay = new Float64Array(capacity);
  let marginLines = new Int32Array(capacity);
  let orders = new Int32Array(capacity);
  let lineCount = new Int32Array(capacity);
  let returnLines = new Int32Array(capacity);
  const lastInvoice: (string | undefined)[] = [];
  // Exports list invoices in ascending number order, so a customer's next invoice is usually
  // greater than every invoice counted for it so far: then it is new, with no lookup at all.
  // `counted` logs each counted (customer, invoice); the first out-of-order invoice turns that log
  // into an exact set of composite keys, which decides every later invoice run.
  const maxInvoice: (string | undefined)[] = [];
  const countedCustomer: number[] = [];
  const countedInvoice: string[] = [];
  let invoiceKeys: Set<string> | undefined;
  const orderDayKeys = new Set<string>();

  let lastId: string | undefined;
  let lastIndex = 0;
  // Lines of one invoice are adjacent and, from the readers, share one string instance, so the
  // previous line's verdict is reused after a pointer comparison.
  let lastInvoiceSeen: string | undefined;
  let lastCancelled = false;
  let linesOutsidePeriod = 0;
  let linesWithoutCustomer = 0;
  let revenueWithoutCustomer = 0;
  let cancellationLines = 0;
  let negativeQuantityLines = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const date = line.date;
    if (date < from || date > to) {
      linesOutsidePeriod++;
      continue;
    }
    const invoice = line.invoice;
    const cancelled: boolean =
      invoice === lastInvoiceSeen ? lastCancelled : isCancellation(invoice);
    lastInvoiceSeen = invoice;
    lastCancelled = cancelled;
    const amount = line.amount;
    const quantity = line.quantity;
    const negative = quantity !== undefined ? quantity < 0 : amount < 0;
    if (cancelled) cancellationLines++;
    if (negative) negativeQuantityLines++;
    const id = line.customer;
    if (id === undefined || id === '') {
      linesWithoutCustomer++;
      revenueWithoutCustomer += amount;
      continue;
    }
    // Exports list an invoice's lines together, so the previous line's customer is a cheap hit.
    let k = id === lastId ? lastIndex : indexById.get(id);
    if (k === undefined) {
      k = ids.length;
      if (k === capacity) {
        capacity *= 2;
        revenue = grow(revenue, capacity);
        revenueError = grow(revenueError, capacity);
        margin = grow(margin, capacity);
        returns = grow(returns, capacity);
        firstOrder = grow(firstOrder, capacity);
        lastOrder = grow(lastOrder, capacity);
        lastOrderDay = grow(lastOrderDay, capacity);
        marginLines = grow(marginLines, capacity);
        orders = grow(orders, capacity);
        lineCount = grow(lineCount, capacity);
        returnLines = grow(returnLines, capacity);
      }
      indexById.set(id, k);
      ids.push(id);
      lastInvoice.push(undefined);
      maxInvoice.push(undefined);
      firstOrder[k] = Infinity;
      lastOrder[k] = -Infinity;
      lastOrderDay[k] = NaN;
    }
    lastId = id;
    lastIndex = k;
    const before = revenue[k]!;
    const sum = before + amount;
    revenueError[k]! +=
      Math.abs(before) >= Math.abs(amount) ? before - sum + amount : amount - sum + before;
    revenue[k] = sum;
    lineCount[k]!++;
    const lineMargin = line.margin;
    if (lineMargin !== undefined) {
      margin[k]! += lineMargin;
      marginLines[k]!++;
    }
    const isReturn = cancelled || negative || amount < 0;
    if (isReturn) {
      returnLines[k]!++;
      returns[k]! += amount;
    }
    // A cancellation is never an order; an uncancelled invoice is one even if it holds a return
    // line. Without an invoice number, a non-return line is one order per customer and day.
    if (cancelled) continue;
    if (invoice !== undefined) {
      if (lastInvoice[k] !== invoice) {
        lastInvoice[k] = invoice;
        if (invoiceKeys === undefined) {
          const max = maxInvoice[k];
          if (max === undefined || invoice > max) {
            maxInvoice[k] = invoice;
            countedCustomer.push(k);
            countedInvoice.push(invoice);
            orders[k]!++;
          } else if (invoice !== max) {
            invoiceKeys = new Set<string>();
            for (let c = 0; c < countedCustomer.length; c++) {
              invoiceKeys.add(invoiceKey(countedCustomer[c]!, countedInvoice[c]!));
            }
          }
        }
        if (invoiceKeys !== undefined) {
          const key = invoiceKey(k, invoice);
          if (!invoiceKeys.has(key)) {
            invoiceKeys.add(key);
            orders[k]!++;
          }
        }
      }
    } else if (isReturn) {
      continue;
    } else if (lastOrderDay[k] !== date) {
      lastOrderDay[k] = date;
      const key = `${k}\u0001${date}`;
      if (!orderDayKeys.has(key)) {
        orderDayKeys.add(key);
        orders[k]!++;
      }
    }
    if (date < firstOrder[k]!) firstOrder[k] = date;
    if (date > lastOrder[k]!) lastOrder[k] = date;
  }

  const customers: CustomerTally[] = [];
  const returnsOnly: CustomerTally[] = [];
  for (let k = 0; k < ids.length; k++) {
    const count = orders[k]!;
    const tally: CustomerTally = {
      id: ids[k]!,
      revenue: revenue[k]! + revenueError[k]!,
      margin: marginLines[k]! > 0 ? margin[k]! : undefined,
      orders: count,
      lines: lineCount[k]!,
      returnLines: returnLines[k]!,
      returns: returns[k]!,
      firstOrder: count > 0 ? firstOrder[k]! : undefined,
      lastOrder: count > 0 ? lastOrder[k]! : undefined,
    };
    (count > 0 ? customers : returnsOnly).push(tally);
  }

  const counts: OrderLineCounts = {
    lines: lines.length,
    linesOutsidePeriod,
    linesWithoutCustomer,
    revenueWithoutCustomer,
    cancellationLines,
    negativeQuantityLines,
    customers: ids.length,
  };
  return { customers, returnsOnly, counts, warnings: tallyWarnings(counts, returnsOnly, options) };
}

function tallyWarnings(
  counts: OrderLineCounts,
  returnsOnly: readonly CustomerTally[],
  options: TallyOrderLinesOptions,
): DataWarning[] {
  const warnings: DataWarning[] = [];
  if (counts.linesWithoutCustomer > 0) {
    warnings.push({
      code: 'missing-value',
      message:
        `${counts.linesWithoutCustomer} order lines have no customer id ` +
        `(net amount ${round2(counts.revenueWithoutCustomer)}); they are in the line counts but in no customer's figures`,
      column: 'customer',
      action: 'row dropped',
      count: counts.linesWithoutCustomer,
    });
  }
  if (counts.linesOutsidePeriod > 0) {
    const period = `${options.from === undefined ? '…' : isoFromEpochDay(options.from)} to ${
      options.to === undefined ? '…' : isoFromEpochDay(options.to)
    }`;
    warnings.push({
      code: 'out-of-range',
      message: `${counts.linesOutsidePeriod} order lines are dated outside ${period} and were left out`,
      column: 'date',
      action: 'row dropped',
      count: counts.linesOutsidePeriod,
    });
  }
  if (returnsOnly.length > 0) {
    warnings.push({
      code: 'other',
      message: `${returnsOnly.length} customers have only returns or cancellations and no order; they are listed separately`,
      action: 'row kept',
      count: returnsOnly.length,
    });
  }
  return warnings;
}

function invoiceKey(customer: number, invoice: string): string {
  return `${customer}\u0001${invoice}`;
}

/** Room for this many customers before the first doubling. */
const INITIAL_CAPACITY = 1024;

function grow<T extends Float64Array | Int32Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
