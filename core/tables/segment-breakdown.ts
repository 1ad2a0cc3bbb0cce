import { DEFAULT_MONEY_DECIMALS, moneyScale, toMinorUnits } from '../columns/money.js';
import { PipecastError } from '../errors/pipecast-error.js';
import type { SegmentResult } from '../workbook/segment.js';
import { breakdownRows } from './breakdown-rows.js';
import { findSourceColumn, sourceColumns } from './source-columns.js';

/** One group of a segmentation breakdown: customers, their revenue, and customers per class. */
export interface SegmentBreakdownRow {
  key: string | null;
  /** Customers whose first row has this value. */
  count: number;
  /** Their revenue (ABC value, RFM monetary, portfolio our revenue; 0 for the scorecard). */
  revenue: number;
  /** Customers per class, segment, zone or tier. */
  classes: Record<string, number>;
}

/** A segmentation grouped by one column of the sheet it read. */
export interface SegmentBreakdown {
  by: string;
  column: string;
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

/**
 * A segmentation broken down by any column of the sheet it read (order lines or customers): per
 * distinct value, the customers, their revenue (in cents, so the rows add up exactly) and the
 * customers per class or segment. A customer counts under the value on its first row in the
 * sheet. Values are compared after NFKC, case and space folding; blank cells form their own row.
 *
 * @param segmented - a segment() result from one sheet, made with `perRow: true`.
 * @param by - the column: header text as typed (English or Chinese) or a column letter.
 * @returns the breakdown, largest revenue first.
 * @throws PipecastError without the sheet (records input, several sheets, no perRow), for
 *   lifecycle, or when no column matches.
 * @example segmentBreakdown(segment(sheets, { method: 'rfm', perRow: true }), 'Country').rows
 */
export function segmentBreakdown(segmented: SegmentResult, by: string): SegmentBreakdown {
  const source = segmented.sourceSheet;
  if (source === undefined)
    throw new PipecastError(
      'invalid-option',
      'segment breakdowns need the one sheet read: call segment(sheets, { ...options, perRow: true }) with the records on one sheet',
    );
  const customers = classified(segmented);
  const firstRow = new Map<string, number>();
  for (const record of source.records) {
    const id = record.customer?.trim();
    if (id !== undefined && id !== '' && !firstRow.has(id)) firstRow.set(id, record.row);
  }
  const rows = customers.map((customer) => firstRow.get(customer.id) ?? 0);
  const columns = sourceColumns(source.grid, source.headerRow, rows, new Set());
  const index = findSourceColumn(columns, by);
  if (index === undefined)
    throw new PipecastError(
      'unknown-field',
      `sheet ${source.grid.sheet}: no column "${by}" to break down by (columns: ${columns.names.join(', ') || 'none'})`,
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
  const grouped = breakdownRows(columns.codes(index), included, measures, scale, counted);
  return {
    by,
    column: columns.names[index] ?? by,
    rows: grouped.map((row) => ({
      key: row.key,
      count: row.count,
      revenue: row['revenue'] as number,
      classes: Object.fromEntries(labels.map((label) => [label, row[`class:${label}`] as number])),
    })),
  };
}
