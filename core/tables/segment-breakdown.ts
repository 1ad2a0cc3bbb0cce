import { DEFAULT_MONEY_DECIMALS, moneyScale, toMinorUnits } from '../columns/money.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { noCustomerColumn } from './no-column-to-break-down.js';
import type { SegmentResult } from '../workbook/segment.js';
import type { CustomerColumns } from './customer-columns.js';
import { breakdownKeyCells } from './breakdown-key-text.js';
import { breakdownRows } from './breakdown-rows.js';
import { codeCells } from '../internal/sheet-column-codes.js';
import { breakdownColumnName, findSourceColumn, sourceColumnNames } from './source-columns.js';

/** One group of a segmentation breakdown: customers, their revenue, and customers per class. */
export interface SegmentBreakdownRow {
  key: string | null;
  /** Customers with this value (the customer list's, else their most recent order line's). */
  count: number;
  /** Their revenue (ABC value, RFM monetary, portfolio our revenue; 0 for the scorecard). */
  revenue: number;
  /** Customers per class, segment, zone or tier. */
  classes: Record<string, number>;
}

/** A segmentation grouped by one column of the sheet it read. */
export interface SegmentBreakdown {
  /** The column as the caller named it. */
  by: string;
  /** The column it resolved to: its header as typed (its letter when blank), for titles. */
  column: string;
  /**
   * The column's index among the sheets' customer columns (CustomerColumns.headers): two
   * breakdowns are by one column when it is the same.
   */
  columnIndex: number;
  /** Customers whose records held different values in the column: each counts under its latest. */
  disagreeing: number;
  /**
   * Customers blank in the column because the customer list read beside the orders lacks them
   * (an id typed differently, 'k003' for K003, or a customer never added): they are in the
   * blank row. 0 when no list was read or the list does not have the column.
   */
  notOnList: number;
  rows: SegmentBreakdownRow[];
}

interface ClassifiedCustomer {
  id: string;
  label: string;
  revenue: number;
}

/** Each customer's class (segment, zone, tier) and revenue, by method. */
function classified(segmented: SegmentResult): ClassifiedCustomer[] {
  switch (segmented.method) {
    case 'abc':
      return segmented.result.customers.map((c) => ({
        id: c.id,
        label: c.class,
        revenue: c.value ?? 0,
      }));
    case 'rfm':
      return segmented.result.customers.map((c) => ({
        id: c.id,
        label: c.segment,
        revenue: c.monetary,
      }));
    case 'portfolio':
      return segmented.result.customers.map((c) => ({
        id: c.id,
        label: c.zone,
        revenue: c.ourRevenue,
      }));
    case 'scorecard':
      return segmented.result.items.map((c) => ({ id: c.id, label: c.tier, revenue: 0 }));
    default:
      throw new PipecastError(
        'invalid-option',
        `segmentBreakdown: ${segmented.method} has no per-customer classes`,
      );
  }
}

/** The customers blank in column j because the customer list that provides it lacks them. */
function countNotOnList(
  columns: CustomerColumns,
  customers: readonly ClassifiedCustomer[],
  j: number,
): number {
  if (columns.fromList[j] !== true) return 0;
  let count = 0;
  for (const { id } of customers)
    if (columns.valueOf(id, j) === null && !columns.isOnList(id, j)) count += 1;
  return count;
}

/**
 * A segmentation broken down by any column of the sheets it read (order lines or customers): per
 * distinct value, the customers, their revenue (in cents, so the rows add up exactly) and the
 * customers per class or segment. Each customer counts once, under its value in
 * segmentCustomersTable: the customer list's cell (the list joined by customer id to the
 * orders; a customer it lacks is blank), else the value of the customer's most recent order
 * line that has one (`disagreeing` counts the customers whose lines held different values and
 * show the most recent; `notOnList` the customers blank because the list lacks them). The
 * columns the figures are made of (customer, invoice, date, quantity, unit price, amount,
 * margin) are not customer columns. Values are compared after NFKC, case and space folding;
 * blank cells form their own row; dates show as `2026-07-28`.
 *
 * @param segmented - a segment() result made with `perRow: true` (or with `columns` given).
 * @param by - the column: header text as typed, a column letter, or a header in the other
 *   language or another word for its field ("Region" for 区域, "行业" for "Industry").
 * @returns the breakdown, largest revenue first.
 * @throws PipecastError without the sheets (records input, no perRow), for lifecycle, when no
 *   column matches, or when `by` is a word for a field several columns are headed by.
 * @example segmentBreakdown(segment(sheets, { method: 'rfm', perRow: true }), 'Country').rows
 */
export function segmentBreakdown(segmented: SegmentResult, by: string): SegmentBreakdown {
  const columns = segmented.customerColumns;
  if (columns === undefined)
    throw new PipecastError(
      'invalid-option',
      'segment breakdowns need the sheets read: call segment(sheets, { ...options, perRow: true })',
    );
  const customers = classified(segmented);
  const names = sourceColumnNames(columns.headers, columns.letters, []);
  const { headers, letters, readAs } = columns;
  const index = findSourceColumn({ names, headers, letters, readAs }, by);
  if (index === undefined)
    throw new PipecastError(
      'unknown-field',
      `no customer column "${by}" to break down by (columns: ${[...names, ...(columns.ungathered ?? [])].join(', ') || 'none'}; the columns each customer's figures are summed from are not among them)`,
      {},
      { text: noCustomerColumn(by, [...names, ...(columns.ungathered ?? [])]) },
    );
  const scale = moneyScale(DEFAULT_MONEY_DECIMALS);
  const labels = [...new Set(customers.map((customer) => customer.label))];
  const measures: Record<string, Float64Array> = {
    revenue: Float64Array.from(customers, (customer) => toMinorUnits(customer.revenue, scale)),
  };
  for (const label of labels)
    measures[`class:${label}`] = Float64Array.from(customers, (c) => (c.label === label ? 1 : 0));
  const counted = new Set(labels.map((label) => `class:${label}`));
  const included = new Uint8Array(customers.length).fill(1);
  // A few thousand customers: their cells are coded here, for each breakdown.
  const keys = breakdownKeyCells(
    codeCells(
      customers.length,
      (i) => columns.valueOf((customers[i] as ClassifiedCustomer).id, index) ?? undefined,
    ),
    readAs.fields[index],
    columns.date1904[index] ?? false,
  );
  const grouped = breakdownRows(keys, included, measures, scale, counted);
  return {
    by,
    column: breakdownColumnName(headers[index], letters[index] ?? by),
    columnIndex: index,
    disagreeing: columns.disagreeing[index] ?? 0,
    notOnList: countNotOnList(columns, customers, index),
    rows: grouped.map((row) => ({
      key: row.key,
      count: row.count,
      revenue: row['revenue'] as number,
      classes: Object.fromEntries(labels.map((label) => [label, row[`class:${label}`] as number])),
    })),
  };
}
