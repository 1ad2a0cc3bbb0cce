import type { TopLevelSpec } from 'vega-lite';
import { checkArray, checkCount, checkText, checkUnique } from './chart-input-checks.js';
import { shortLabel } from './chart-labels.js';
import { normalizeChartOptions } from './chart-options.js';
import type { ChartOptions } from './chart-options.js';
import { layeredChart } from './chart-pieces.js';
import type { ChartRow } from './chart-pieces.js';
import { chartText, localizeKnownName } from './chart-text.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** One cell of the RFM grid. */
export interface RfmSegmentMapCell {
  /** Recency score 1–5 (5 = bought most recently). */
  r: number;
  /** Combined frequency + monetary score 1–5 (FM = round half up of (F + M) ÷ 2). */
  fm: number;
  /** Segment the cell belongs to, e.g. `'Champions'`; standard names are translated for `zh`. */
  segment: string;
  /** Number of customers in the cell. */
  count: number;
}

/** Input of {@link rfmSegmentMapChart}: up to 25 cells; missing cells are drawn empty. */
export interface RfmSegmentMapChartInput {
  cells: readonly RfmSegmentMapCell[];
}

/** Options of {@link rfmSegmentMapChart}. */
export type RfmSegmentMapChartOptions = ChartOptions;

/** Default size of the square grid in pixels. */
export const DEFAULT_RFM_MAP_SIZE = 420;

/**
 * Builds the RFM segment map: a 5 × 5 heatmap with recency (R) on rows, 5 at the top, and the
 * FM score on columns, each cell coloured by its customer count and labelled with its segment
 * name and count.
 *
 * Formula: none; counts are drawn as given.
 * Blanks: grid positions without a cell stay white; a cell with count 0 is drawn with its name.
 *
 * @param input - Cells with R, FM, segment name and customer count.
 * @param options - Title, locale, size (default 420 × 420).
 * @returns A Vega-Lite spec (rect heatmap + two text layers).
 * @throws {PipecastError} When `input.cells` is not an array or a segment is not a string.
 * @throws {PipecastError} When r or fm is not an integer 1–5, a count is not an integer ≥ 0, or a
 *   cell (r, fm) repeats.
 * @example
 * rfmSegmentMapChart({ cells: [{ r: 5, fm: 5, segment: 'Champions', count: 12 }] }, { locale: 'zh' })
 */
export function rfmSegmentMapChart(
  input: RfmSegmentMapChartInput,
  options?: RfmSegmentMapChartOptions,
): TopLevelSpec {
  const fn = 'rfmSegmentMapChart';
  const cells = checkArray(fn, 'input.cells', input?.cells);
  const opts = normalizeChartOptions(
    fn,
    { width: DEFAULT_RFM_MAP_SIZE, ...options },
    'rfmTitle',
    DEFAULT_RFM_MAP_SIZE,
  );
  const rows: ChartRow[] = cells.map((cell, i) => {
    const path = `input.cells[${i}]`;
    const r = checkScore(fn, `${path}.r`, cell.r);
    const fm = checkScore(fn, `${path}.fm`, cell.fm);
    return {
      r,
      fm,
      segment: shortLabel(
        localizeKnownName(checkText(fn, `${path}.segment`, cell.segment), opts.locale),
      ),
      count: checkCount(fn, `${path}.count`, cell.count, 0),
    };
  });
  checkUnique(
    fn,
    'input.cells[] (r, fm)',
    rows.map((row) => `R${row.r} FM${row.fm}`),
  );
  const maxCount = Math.max(0, ...rows.map((row) => Number(row.count)));
  // Dark cells get white text; the threshold is a number, so no user text enters a predicate.
  const darkFrom = maxCount > 0 ? maxCount * 0.6 : 1;
  const textColour = {
    condition: { test: { field: 'count', gte: darkFrom }, value: 'white' },
    value: '#222222',
  } as const;

  return layeredChart(
    opts,
    rows,
    [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
        encoding: {
          color: {
            field: 'count',
            type: 'quantitative',
            title: chartText('customers', opts.locale),
            scale: { scheme: 'blues', domain: [0, Math.max(1, maxCount)] },
            legend: { orient: 'right' },
          },
        },
      },
      {
        mark: { type: 'text', dy: -7, fontSize: 10 },
        encoding: { text: { field: 'segment', type: 'nominal' }, color: textColour },
      },
      {
        mark: { type: 'text', dy: 8, fontSize: 12, fontWeight: 'bold' },
        encoding: { text: { field: 'count', type: 'quantitative' }, color: textColour },
      },
    ],
    {
      encoding: {
        x: {
          field: 'fm',
          type: 'ordinal',
          scale: { domain: [1, 2, 3, 4, 5] },
          title: chartText('frequencyMonetary', opts.locale),
          axis: { labelAngle: 0 },
        },
        y: {
          field: 'r',
          type: 'ordinal',
          scale: { domain: [5, 4, 3, 2, 1] },
          title: chartText('recency', opts.locale),
        },
      },
    },
  );
}

function checkScore(fn: string, path: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new PipecastError(
      'invalid-input',
      `${fn}: ${path} must be an integer 1–5, got ${String(value)}`,
    );
  }
  return value;
}
