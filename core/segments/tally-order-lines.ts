import { codedMessage } from '../text/coded-text.js';
import type { DataWarning } from '../columns/data-warning.js';
import type { EpochDay } from '../columns/epoch-day.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { OrderLine } from '../columns/records.js';
import { PipecastError } from '../errors/pipecast-error.js';
import {
  DEFAULT_MONEY_DECIMALS,
  fromMinorUnits,
  moneyScale,
  toMinorUnits,
} from '../columns/money.js';

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
  /**
   * Net revenue: Σ line amount, each rounded to cents by the shared money rule, returns and
   * cancellations included (they are negative).
   */
  revenue: number;
  /** Σ line margin (in cents, as revenue) over the lines that have one; undefined when none has. */
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
 * @throws PipecastError when `from` or `to` is not an integer day or `from` > `to`.
 * @example tallyOrderLines([{ row: 2, customer: 'a', invoice: '1', date: 0, amount: 5 }])
 */
export function tallyOrderLines(
  lines: readonly OrderLine[],
  options: TallyOrderLinesOptions = {},
): TallyOrderLinesResult {
  const tally = new OrderLineTally(options);
  for (let i = 0; i < lines.length; i++) tally.add(lines[i]!);
  return tally.finish();
}

/**
 * The order-line fields OrderLineTally reads (quantity and unit price also make the amount when a
 * sheet has no amount column). A reader feeding a tally may skip the others
 * (ReadRecordsOptions.fields): product and region cost a fifth of reading Online Retail.
 */
export const ORDER_LINE_TALLY_FIELDS = [
  'customer',
  'invoice',
  'date',
  'quantity',
  'unitPrice',
  'amount',
  'margin',
] as const satisfies readonly (keyof OrderLine)[];

/**
 * tallyOrderLines one line at a time, for a reader that hands lines over as it reads them
 * (ReadRecordsOptions.onRecord) and keeps none: the same figures, counts and warnings as
 * tallyOrderLines over the same lines in the same order.
 *
 * @example const t = new OrderLineTally(); t.add(line); t.finish().customers
 */
export class OrderLineTally {
  /** The period the tally counts (as given). */
  readonly options: Readonly<TallyOrderLinesOptions>;
  /** The latest line date seen, counted or not (-Infinity before the first line). */
  lastDate = -Infinity;
  private readonly from: number;
  private readonly to: number;
  // Per-customer figures live in typed arrays indexed by first-seen order (grown by doubling):
  // no object per customer until the end, and no boxing of the running sums.
  private readonly indexById = new Map<string, number>();
  private readonly ids: string[] = [];
  private capacity = INITIAL_CAPACITY;
  // Money is summed in whole cents (the shared money rule), so equal net revenues are equal numbers
  // and RFM and ABC keep their ties: in floating point 0.1 + 0.7 is below 0.8.
  private revenueCents = new Float64Array(INITIAL_CAPACITY);
  private marginCents = new Float64Array(INITIAL_CAPACITY);
  private returnsCents = new Float64Array(INITIAL_CAPACITY);
  private firstOrder = new Float64Array(INITIAL_CAPACITY);
  private lastOrder = new Float64Array(INITIAL_CAPACITY);
  private lastOrderDay = new Float64Array(INITIAL_CAPACITY);
  private marginLines = new Int32Array(INITIAL_CAPACITY);
  private orders = new Int32Array(INITIAL_CAPACITY);
  private lineCount = new Int32Array(INITIAL_CAPACITY);
  private returnLines = new Int32Array(INITIAL_CAPACITY);
  private readonly lastInvoice: (string | undefined)[] = [];
  // Exports list invoices in ascending number order, so a customer's next invoice is usually
  // greater than every invoice counted for it so far: then it is new, with no lookup at all.
  // `counted` logs each counted (customer, invoice); the first out-of-order invoice turns that log
  // into an exact set of composite keys, which decides every later invoice run.
  private readonly maxInvoice: (string | undefined)[] = [];
  private readonly countedCustomer: number[] = [];
  private readonly countedInvoice: string[] = [];
  private invoiceKeys: Set<string> | undefined;
  private readonly orderDayKeys = new Set<string>();
  private lastId: string | undefined;
  private lastIndex = 0;
  // Lines of one invoice are adjacent and, from the readers, share one string instance, so the
  // previous line's verdict is reused after a pointer comparison.
  private lastInvoiceSeen: string | undefined;
  private lastCancelled = false;
  private lines = 0;
  private linesOutsidePeriod = 0;
  private linesWithoutCustomer = 0;
  private revenueWithoutCustomer = 0;
  private cancellationLines = 0;
  private negativeQuantityLines = 0;

  /**
   * @throws PipecastError when `from` or `to` is not an integer day or `from` > `to`.
   */
  constructor(options: TallyOrderLinesOptions = {}) {
    const from = options.from ?? -Infinity;
    const to = options.to ?? Infinity;
    if (options.from !== undefined && !Number.isInteger(options.from)) {
      throw new PipecastError(
        'invalid-option',
        `tallyOrderLines: from must be an integer epoch day, got ${options.from}`,
      );
    }
    if (options.to !== undefined && !Number.isInteger(options.to)) {
      throw new PipecastError(
        'invalid-option',
        `tallyOrderLines: to must be an integer epoch day, got ${options.to}`,
      );
    }
    if (from > to) {
      throw new PipecastError(
        'invalid-option',
        `tallyOrderLines: from (${from}) is after to (${to})`,
      );
    }
    this.options = { ...options };
    this.from = from;
    this.to = to;
  }

  /** How many lines have been added, counted or not. */
  get count(): number {
    return this.lines;
  }

  /** Counts one order line (not kept). */
  add(line: OrderLine): void {
    this.lines++;
    const date = line.date;
    if (date > this.lastDate) this.lastDate = date;
    if (date < this.from || date > this.to) {
      this.linesOutsidePeriod++;
      return;
    }
    const invoice = line.invoice;
    const cancelled: boolean =
      line.cancellation ??
      (invoice === this.lastInvoiceSeen ? this.lastCancelled : isCancellation(invoice));
    this.lastInvoiceSeen = invoice;
    this.lastCancelled = cancelled;
    const amount = line.amount;
    const quantity = line.quantity;
    const negative = quantity !== undefined ? quantity < 0 : amount < 0;
    if (cancelled) this.cancellationLines++;
    if (negative) this.negativeQuantityLines++;
    const id = line.customer;
    if (id === undefined || id === '') {
      this.linesWithoutCustomer++;
      this.revenueWithoutCustomer += amount;
      return;
    }
    // Exports list an invoice's lines together, so the previous line's customer is a cheap hit.
    let k = id === this.lastId ? this.lastIndex : this.indexById.get(id);
    if (k === undefined) k = this.addCustomer(id);
    this.lastId = id;
    this.lastIndex = k;
    const cents = toMinorUnits(amount, CENTS_PER_UNIT);
    this.revenueCents[k]! += cents;
    this.lineCount[k]!++;
    const lineMargin = line.margin;
    if (lineMargin !== undefined) {
      this.marginCents[k]! += toMinorUnits(lineMargin, CENTS_PER_UNIT);
      this.marginLines[k]!++;
    }
    const isReturn = cancelled || negative || amount < 0;
    if (isReturn) {
      this.returnLines[k]!++;
      this.returnsCents[k]! += cents;
    }
    // A cancellation is never an order; an uncancelled invoice is one even if it holds a return
    // line. Without an invoice number, a non-return line is one order per customer and day.
    if (cancelled) return;
    if (invoice !== undefined) {
      if (this.lastInvoice[k] !== invoice) {
        this.lastInvoice[k] = invoice;
        this.countInvoice(k, invoice);
      }
    } else if (isReturn) {
      return;
    } else if (this.lastOrderDay[k] !== date) {
      this.lastOrderDay[k] = date;
      const key = `${k}\u0001${date}`;
      if (!this.orderDayKeys.has(key)) {
        this.orderDayKeys.add(key);
        this.orders[k]!++;
      }
    }
    if (date < this.firstOrder[k]!) this.firstOrder[k] = date;
    if (date > this.lastOrder[k]!) this.lastOrder[k] = date;
  }

  /** The tallies, counts and warnings of the lines added so far. */
  finish(): TallyOrderLinesResult {
    const customers: CustomerTally[] = [];
    const returnsOnly: CustomerTally[] = [];
    const ids = this.ids;
    for (let k = 0; k < ids.length; k++) {
      const count = this.orders[k]!;
      const tally: CustomerTally = {
        id: ids[k]!,
        revenue: fromMinorUnits(this.revenueCents[k]!, CENTS_PER_UNIT),
        margin:
          this.marginLines[k]! > 0
            ? fromMinorUnits(this.marginCents[k]!, CENTS_PER_UNIT)
            : undefined,
        orders: count,
        lines: this.lineCount[k]!,
        returnLines: this.returnLines[k]!,
        returns: fromMinorUnits(this.returnsCents[k]!, CENTS_PER_UNIT),
        firstOrder: count > 0 ? this.firstOrder[k]! : undefined,
        lastOrder: count > 0 ? this.lastOrder[k]! : undefined,
      };
      (count > 0 ? customers : returnsOnly).push(tally);
    }
    const counts: OrderLineCounts = {
      lines: this.lines,
      linesOutsidePeriod: this.linesOutsidePeriod,
      linesWithoutCustomer: this.linesWithoutCustomer,
      revenueWithoutCustomer: this.revenueWithoutCustomer,
      cancellationLines: this.cancellationLines,
      negativeQuantityLines: this.negativeQuantityLines,
      customers: ids.length,
    };
    return {
      customers,
      returnsOnly,
      counts,
      warnings: tallyWarnings(counts, returnsOnly, this.options),
    };
  }

  private addCustomer(id: string): number {
    const k = this.ids.length;
    if (k === this.capacity) {
      const capacity = (this.capacity *= 2);
      this.revenueCents = grow(this.revenueCents, capacity);
      this.marginCents = grow(this.marginCents, capacity);
      this.returnsCents = grow(this.returnsCents, capacity);
      this.firstOrder = grow(this.firstOrder, capacity);
      this.lastOrder = grow(this.lastOrder, capacity);
      this.lastOrderDay = grow(this.lastOrderDay, capacity);
      this.marginLines = grow(this.marginLines, capacity);
      this.orders = grow(this.orders, capacity);
      this.lineCount = grow(this.lineCount, capacity);
      this.returnLines = grow(this.returnLines, capacity);
    }
    this.indexById.set(id, k);
    this.ids.push(id);
    this.lastInvoice.push(undefined);
    this.maxInvoice.push(undefined);
    this.firstOrder[k] = Infinity;
    this.lastOrder[k] = -Infinity;
    this.lastOrderDay[k] = NaN;
    return k;
  }

  private countInvoice(k: number, invoice: string): void {
    if (this.invoiceKeys === undefined) {
      const max = this.maxInvoice[k];
      if (max === undefined || invoice > max) {
        this.maxInvoice[k] = invoice;
        this.countedCustomer.push(k);
        this.countedInvoice.push(invoice);
        this.orders[k]!++;
      } else if (invoice !== max) {
        this.invoiceKeys = new Set<string>();
        for (let c = 0; c < this.countedCustomer.length; c++) {
          this.invoiceKeys.add(invoiceKey(this.countedCustomer[c]!, this.countedInvoice[c]!));
        }
      }
    }
    if (this.invoiceKeys !== undefined) {
      const key = invoiceKey(k, invoice);
      if (!this.invoiceKeys.has(key)) {
        this.invoiceKeys.add(key);
        this.orders[k]!++;
      }
    }
  }
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
      ...codedMessage('warning.linesWithoutCustomer', {
        count: counts.linesWithoutCustomer,
        amount: round2(counts.revenueWithoutCustomer),
      }),
      column: 'customer',
      action: 'row dropped',
      count: counts.linesWithoutCustomer,
    });
  }
  if (counts.linesOutsidePeriod > 0) {
    warnings.push({
      code: 'out-of-range',
      ...codedMessage('warning.linesOutsidePeriod', {
        count: counts.linesOutsidePeriod,
        from: options.from === undefined ? '…' : isoFromEpochDay(options.from),
        to: options.to === undefined ? '…' : isoFromEpochDay(options.to),
      }),
      column: 'date',
      action: 'row dropped',
      count: counts.linesOutsidePeriod,
    });
  }
  if (returnsOnly.length > 0) {
    warnings.push({
      code: 'other',
      ...codedMessage('warning.returnsOnly', { count: returnsOnly.length }),
      action: 'row kept',
      count: returnsOnly.length,
    });
  }
  return warnings;
}

function invoiceKey(customer: number, invoice: string): string {
  return `${customer}\u0001${invoice}`;
}

/** Minor units per unit of money: revenue, margin and returns are summed in cents. */
const CENTS_PER_UNIT = moneyScale(DEFAULT_MONEY_DECIMALS);

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
