import { table, type ColumnTable } from 'arquero';
import type { SegmentResult } from '../workbook/segment.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { NO_CUSTOMER_COLUMNS, type CustomerColumns } from './customer-columns.js';
import { sourceColumnNames } from './source-columns.js';

/**
 * One row per customer of a segmentation, as an arquero table, with the method's own values:
 * ABC: id, rank, value, share, cumulativeShare, class; RFM: id, recency, frequency, monetary,
 * r, f, m, fm, code, segment, lastOrder; portfolio: id, potential, share, ourRevenue, headroom,
 * zone, strategy; scorecard: id, name, total, rank, tier and one `score:` column per criterion.
 * Then, when the segmentation was made with `perRow: true`, the other columns of the sheets it
 * read under their header texts (see withCustomerColumns): a customer list's columns as they
 * are (joined by customer id when the figures come from order lines, invoices or won deals; a
 * customer the list lacks has blanks there), and of order lines every column but those the
 * figures are made of (customer, invoice, date, quantity, unit price, amount, margin), with the
 * customer's most recent line's value. A header both have is one column, the list's value
 * first. A script can filter and group by them, or join the table to its own data by id.
 *
 * @param segmented - a segment() result (abc, rfm, portfolio or scorecard).
 * @param options - `sourceColumns: false` leaves the sheets' columns out.
 * @returns the table, in the result's order.
 * @throws PipecastError for lifecycle, which has no per-customer rows.
 * @example
 * const rfm = segment({ lines }, { method: 'rfm', asOf: '2026-06-30' });
 * segmentCustomersTable(rfm).groupby('Country', 'segment').rollup({ revenue: op.sum('monetary') });
 */
export function segmentCustomersTable(
  segmented: SegmentResult,
  options: { sourceColumns?: boolean } = {},
): ColumnTable {
  const own = ownColumnsTable(segmented);
  return options.sourceColumns === false ? own : withCustomerColumns(own, segmented);
}

/**
 * The table with each customer's value of the other columns of the sheets a segmentation read,
 * matched by its `id` column and named by header text (a name the table already has, in any
 * case, gets the column letter after it: "Segment (H)"). Each customer shows its customer
 * list's value, else that of its most recent order line that has one;
 * customerColumnsDisagreeing says, per column, how many customers' lines held different values
 * (a customer whose value is the list's is not counted).
 *
 * @param rows - a table with an `id` column (a segmentation's customers, or several joined).
 * @param segmented - a segment() result made with `perRow: true` (else the table comes back as is).
 * @returns the table with the columns added after its own.
 */
export function withCustomerColumns(rows: ColumnTable, segmented: SegmentResult): ColumnTable {
  const columns = segmented.customerColumns ?? NO_CUSTOMER_COLUMNS;
  if (columns.headers.length === 0) return rows;
  const names = sourceColumnNames(columns.headers, columns.letters, rows.columnNames());
  const ids = rows.array('id') as ArrayLike<string | null>;
  const added: Record<string, unknown[]> = {};
  names.forEach((name, j) => {
    added[name] = Array.from(ids, (id) => (id === null ? null : columns.valueOf(id, j)));
  });
  return rows.assign(added);
}

/**
 * The columns of customerColumns (by header text, or letter when blank) on which some customers'
 * records held different values, with how many customers: their value is the most recent one.
 */
export function customerColumnsDisagreeing(
  segmented: SegmentResult,
): { column: string; customers: number }[] {
  const columns: CustomerColumns = segmented.customerColumns ?? NO_CUSTOMER_COLUMNS;
  return columns.headers
    .map((header, j) => ({
      column: header === '' ? (columns.letters[j] ?? '') : header,
      customers: columns.disagreeing[j] ?? 0,
    }))
    .filter((entry) => entry.customers > 0);
}

function ownColumnsTable(segmented: SegmentResult): ColumnTable {
  switch (segmented.method) {
    case 'abc':
      return table(
        columnsOf(segmented.result.customers, [
          'id',
          'rank',
          'value',
          'share',
          'cumulativeShare',
          'class',
        ]),
      );
    case 'rfm':
      return table(
        columnsOf(segmented.result.customers, [
          'id',
          'recency',
          'frequency',
          'monetary',
          'r',
          'f',
          'm',
          'fm',
          'code',
          'segment',
          'lastOrder',
        ]),
      );
    case 'portfolio':
      return table(
        columnsOf(segmented.result.customers, [
          'id',
          'potential',
          'share',
          'ourRevenue',
          'headroom',
          'zone',
          'strategy',
        ]),
      );
    case 'scorecard': {
      const items = segmented.result.items;
      const columns = columnsOf(items, ['id', 'name', 'total', 'rank', 'tier']);
      for (const criterion of segmented.result.criteria)
        columns[`score:${criterion.name}`] = items.map(
          (item) => item.scores[criterion.name] ?? null,
        );
      return table(columns);
    }
    default:
      throw new PipecastError(
        'invalid-option',
        `segmentCustomersTable: ${segmented.method} has no per-customer rows; use abc, rfm, portfolio or scorecard`,
      );
  }
}

/** The named fields of the rows, column by column; null where a row lacks one. */
function columnsOf<T extends object>(
  rows: readonly T[],
  fields: readonly (keyof T & string)[],
): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {};
  for (const field of fields) columns[field] = rows.map((row) => row[field] ?? null);
  return columns;
}
