import { WorkbookReadError } from '../../core/readers/index.js';
import {
  type Locale,
  PipecastError,
  textFor,
  segment,
  segmentBreakdown,
  type ScorecardCriterion,
  type SegmentBreakdown,
  type RfmThresholds,
} from '../../core/index.js';
import { UsageError } from '../cli-io.js';
import { readWorkbook } from '../read-workbook.js';
import { renderBreakdownText } from '../render/breakdown-text.js';

/** The segment options a breakdown re-runs the segmentation with. */
export interface SegmentBreakdownOptions {
  method: 'abc' | 'rfm' | 'portfolio' | 'scorecard';
  asOf: number | undefined;
  sheet: string | undefined;
  measure: 'revenue' | 'margin';
  cutPoints: [number, number] | undefined;
  mode: 'quintile' | 'b2b';
  thresholds: { recency?: RfmThresholds; frequency?: RfmThresholds; monetary?: RfmThresholds };
  criteria: ScorecardCriterion[] | undefined;
  tiers: 'customer' | 'channel';
}

/**
 * `--by COLUMN` of `pipecast segment`: the file's sheet segmented again with its rows kept (the
 * command's own run counts order lines without keeping them), then one breakdown per column.
 * Breakdowns name a column of one sheet, so they need one file.
 *
 * @throws {UsageError} With several files, or when a column matches none of the sheet's.
 */
export async function segmentBreakdowns(
  files: readonly string[],
  options: SegmentBreakdownOptions,
  columns: readonly string[],
): Promise<SegmentBreakdown[]> {
  const file = files[0];
  if (files.length !== 1 || file === undefined)
    throw new UsageError(
      `--by COLUMN breaks down one file's sheet; ${files.length} files were given`,
    );
  let sheets;
  try {
    sheets = await readWorkbook(file, options.sheet === undefined ? {} : { sheet: options.sheet });
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new UsageError(error.message);
    throw error;
  }
  const segmented = segmentWithRows(sheets, file, options);
  return columns.map((column) => {
    try {
      return segmentBreakdown(segmented, column);
    } catch (error) {
      if (error instanceof PipecastError) throw new UsageError(`--by ${column}: ${error.message}`);
      throw error;
    }
  });
}

function segmentWithRows(
  sheets: Parameters<typeof segment>[0],
  file: string,
  options: SegmentBreakdownOptions,
): ReturnType<typeof segment> {
  const common = { file, perRow: true } as const;
  switch (options.method) {
    case 'abc':
      return segment(sheets, {
        ...common,
        method: 'abc',
        by: options.measure,
        ...(options.cutPoints === undefined ? {} : { cutPoints: options.cutPoints }),
      });
    case 'rfm':
      return segment(sheets, {
        ...common,
        method: 'rfm',
        ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
        mode: options.mode,
        thresholds: options.thresholds,
      });
    case 'portfolio':
      return segment(sheets, { ...common, method: 'portfolio' });
    case 'scorecard':
      return segment(sheets, {
        ...common,
        method: 'scorecard',
        criteria: options.criteria ?? [],
        tiers: options.tiers,
      });
  }
}

/** The --by tables after the report: customers, revenue and customers per class, per value. */
export function segmentBreakdownsText(
  breakdowns: readonly SegmentBreakdown[],
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
        ...labels.map((label) => ({ field: label, heading: label, count: true })),
      ];
      return `\n${renderBreakdownText(flat, measures, locale)}\n`;
    })
    .join('');
}
