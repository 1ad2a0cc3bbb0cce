import type { DataWarning } from '../columns/data-warning.js';
import type { EpochDay } from '../columns/epoch-day.js';
import type { Customer, OrderLine } from '../columns/records.js';
import type { AbcCustomer, AbcResult } from '../segments/abc.js';
import { abc } from '../segments/abc.js';
import type { OrderLineCounts } from '../segments/tally-order-lines.js';
import { OrderLineTally } from '../segments/tally-order-lines.js';
import { customerRevenue } from '../segments/customer-revenue.js';
import type { PortfolioResult } from '../segments/portfolio.js';
import { portfolio } from '../segments/portfolio.js';
import type { RfmOptions, RfmResult } from '../segments/rfm.js';
import { rfm } from '../segments/rfm.js';
import type { PipecastErrorPlace } from '../errors/pipecast-error.js';
import { codedError } from '../errors/error-line.js';
import { linesInOneCurrency } from '../segments/one-currency.js';

export interface RunAbcOptions {
  by?: 'revenue' | 'margin';
  cutPoints?: readonly [number, number];
  /** Rank only the orders in this currency; required when the orders are in several. */
  currency?: string;
}

export interface RunAbcResult {
  result: AbcResult;
  /** Where the ranked values came from. */
  source: 'orderLines' | 'customers';
  /** Order-line counts, when ranked from order lines. */
  counts: OrderLineCounts | null;
  /** Customers with only returns (ranked last), when ranked from order lines. */
  returnsOnly: number;
  /** The revenue tally's warnings, then the ranking's. */
  warnings: DataWarning[];
}

/**
 * ABC classes of customers: from order lines (revenue summed per customer) when there are any,
 * else from a customer list's revenue (or margin) column.
 *
 * @param input - order lines and/or customers.
 * @param options - the ranked measure and cut points.
 * @param place - the file and sheet read, put on warnings and errors.
 * @returns the abc result, its source and the warnings.
 */
export function runAbc(
  input: { lines: readonly OrderLine[] | OrderLineTally; customers: readonly Customer[] },
  options: RunAbcOptions = {},
  place: PipecastErrorPlace = {},
): RunAbcResult {
  let ranked: AbcCustomer[];
  let counts: OrderLineCounts | null = null;
  let returnsOnly = 0;
  let warnings: DataWarning[] = [];
  const lineCount = input.lines instanceof OrderLineTally ? input.lines.count : input.lines.length;
  const source = lineCount > 0 ? 'orderLines' : 'customers';
  if (source === 'orderLines') {
    const revenue = customerRevenue(oneCurrency(input.lines, options.currency, 'abc', place));
    ranked = [...revenue.customers, ...revenue.returnsOnly];
    counts = revenue.counts;
    returnsOnly = revenue.returnsOnly.length;
    warnings = revenue.warnings;
  } else {
    ranked = input.customers.map((c) => ({
      id: c.id,
      revenue: c.revenue ?? null,
      margin: c.margin ?? null,
      row: c.row,
    }));
  }
  const result = abc(ranked, {
    ...(options.by === undefined ? {} : { by: options.by }),
    ...(options.cutPoints === undefined ? {} : { cutPoints: options.cutPoints }),
    place,
  });
  return { result, source, counts, returnsOnly, warnings: [...warnings, ...result.warnings] };
}

export type RunRfmOptions = Omit<RfmOptions, 'asOf'> & {
  /** Default: the day after the last order line. */
  asOf?: EpochDay;
  /** Score only the orders in this currency; required when the orders are in several. */
  currency?: string;
};

/**
 * RFM scores and segments of order lines, measured to asOf (default the day after the last line,
 * so a history export is scored as of its own end).
 *
 * @param lines - order lines, or a tally filled while reading them (up to asOf when one is given).
 * @param options - rfm options; asOf optional.
 * @param place - the order lines' file and sheet, named when no line has a date.
 * @returns the rfm result.
 */
export function runRfm(
  lines: readonly OrderLine[] | OrderLineTally,
  options: RunRfmOptions = {},
  place: PipecastErrorPlace = {},
): RfmResult {
  const { currency, ...rfmOptions } = options;
  lines = oneCurrency(lines, currency, 'rfm', place);
  let asOf = rfmOptions.asOf;
  if (asOf === undefined) {
    let last = -Infinity;
    if (lines instanceof OrderLineTally) last = lines.lastDate;
    else for (const l of lines) if (l.date > last) last = l.date;
    // No dated line: the data, not an option, lacks the day (not "asOf must be an integer").
    if (!Number.isFinite(last)) throw codedError('empty-input', place, 'error.rfmNoAsOf');
    asOf = last + 1;
  }
  return rfm(lines, { ...rfmOptions, asOf });
}

/**
 * The attack/defend portfolio of a customer list (potential and our share per customer).
 *
 * @param customers - the customer list.
 * @returns the portfolio result.
 */
export function runPortfolio(customers: readonly Customer[]): PortfolioResult {
  return portfolio(customers);
}

/** The lines in one currency (linesInOneCurrency); a tally, read from order lines, has none. */
function oneCurrency(
  lines: readonly OrderLine[] | OrderLineTally,
  currency: string | undefined,
  analysis: 'abc' | 'rfm',
  place: PipecastErrorPlace,
): readonly OrderLine[] | OrderLineTally {
  if (lines instanceof OrderLineTally) return lines;
  return linesInOneCurrency(lines, currency, analysis, place);
}
