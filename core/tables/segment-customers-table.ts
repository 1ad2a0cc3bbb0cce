import { table, type ColumnTable } from 'arquero';
import type { SegmentResult } from '../workbook/segment.js';
import { PipecastError } from '../errors/pipecast-error.js';

/**
 * One row per customer of a segmentation, as an arquero table, with the method's own values:
 * ABC: id, rank, value, share, cumulativeShare, class; RFM: id, recency, frequency, monetary,
 * r, f, m, fm, code, segment, lastOrder; portfolio: id, potential, share, ourRevenue, headroom,
 * zone, strategy; scorecard: id, name, total, rank, tier and one `score:` column per criterion.
 * A script can join it to its own customer list by id.
 *
 * @param segmented - a segment() result (abc, rfm, portfolio or scorecard).
 * @returns the table, in the result's order.
 * @throws PipecastError for lifecycle, which has no per-customer rows.
 * @example
 * const rfm = segment({ lines }, { method: 'rfm', asOf: '2026-06-30' });
 * segmentCustomersTable(rfm).groupby('segment').rollup({ revenue: op.sum('monetary') });
 */
export function segmentCustomersTable(segmented: SegmentResult): ColumnTable {
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
