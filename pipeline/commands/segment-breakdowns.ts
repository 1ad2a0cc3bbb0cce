import {
  type ClassifyingMethod,
  segmentClassName,
  type Locale,
  PipecastError,
  textFor,
  segmentBreakdown,
  segmentBreakdownNotes,
  type SegmentBreakdown,
  type SegmentResult,
  onePerColumn,
} from '../../core/index.js';
import { UsageError } from '../cli-io.js';
import { renderBreakdownText } from '../render/breakdown-text.js';

/**
 * `--by COLUMN` of `pipecast segment`: one breakdown per column, over the customers of the
 * command's own run (each customer under its value in the customers table: of order lines, its
 * most recent line's), so a folder of daily exports breaks down as one history. A column named
 * twice (its header and its letter, say) is broken down once, where first named.
 *
 * @throws {UsageError} When a column matches none of the customer columns.
 */
export function segmentBreakdowns(
  segmented: SegmentResult,
  columns: readonly string[],
): SegmentBreakdown[] {
  const groups = columns.map((column) => {
    try {
      return [segmentBreakdown(segmented, column)];
    } catch (error) {
      if (error instanceof PipecastError) throw new UsageError(`--by ${column}: ${error.message}`);
      throw error;
    }
  });
  return onePerColumn(groups);
}

/**
 * The --by tables after the report: customers, revenue and customers per class, per value; the
 * classes (segments, zones, tiers) under their names in the locale.
 */
export function segmentBreakdownsText(
  breakdowns: readonly SegmentBreakdown[],
  method: ClassifyingMethod,
  locale: Locale = 'en',
): string {
  return breakdowns
    .map((breakdown) => {
      const labels = Object.keys(breakdown.rows[0]?.classes ?? {});
      const flat = {
        ...breakdown,
        rows: breakdown.rows.map(({ classes, ...row }) => ({ ...row, ...classes })),
      };
      const measures = [
        { field: 'revenue', heading: textFor(locale, 'report.revenueTotal') },
        ...labels.map((label) => ({
          field: label,
          heading: segmentClassName(method, label, locale),
          count: true,
        })),
      ];
      const notes = segmentBreakdownNotes(breakdown, locale)
        .map((note) => `  ${note}\n`)
        .join('');
      const customers = textFor(locale, 'report.customerCount');
      return `\n${renderBreakdownText(flat, measures, locale, customers)}\n${notes}`;
    })
    .join('');
}
