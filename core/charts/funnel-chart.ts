import type { TopLevelSpec } from 'vega-lite';
import { checkArray, checkFinite, checkText, checkUnique } from './chart-input-checks.js';
import { normalizeChartOptions } from './chart-options.js';
import type { ChartOptions } from './chart-options.js';
import {
  AXIS_MONEY_FORMAT,
  CHART_COLOURS,
  LABEL_MONEY_FORMAT,
  layeredChart,
  moneyTitle,
} from './chart-pieces.js';
import type { ChartRow } from './chart-pieces.js';
import { chartText } from './chart-text.js';

/** One stage of the funnel, in funnel order (first stage first). */
export interface FunnelChartStage {
  /** Stage name as the user typed it (English or Chinese). */
  stage: string;
  /** Total amount of open deals in the stage. */
  amount: number;
  /** Σ amount × probability of the stage's open deals. */
  weighted: number;
  /** Number of open deals (shown in the label when given). */
  count?: number;
}

/** Input of {@link funnelChart}: stages in funnel order. */
export interface FunnelChartInput {
  stages: readonly FunnelChartStage[];
}

/** Options of {@link funnelChart}. */
export type FunnelChartOptions = ChartOptions;

/** Pixels per stage when the caller gives no height: two bars and a gap. */
export const FUNNEL_ROW_HEIGHT = 44;

/**
 * Builds the funnel chart: per stage, a bar of the amount and a bar of the weighted amount,
 * stages top to bottom in the order given (never re-sorted by size or name).
 *
 * Formula: none; bars show `amount` and `weighted` as given (weighted = Σ amount × rate).
 * Blanks: a stage with amount 0 draws a zero-length bar; the input has no blanks (numbers only).
 *
 * @param input - Stages in funnel order.
 * @param options - Title, locale, size, money unit.
 * @returns A Vega-Lite spec (horizontal grouped bars with value labels).
 * @throws {PipecastError} When `input.stages` is not an array or a stage name is not a string.
 * @throws {PipecastError} When an amount is not finite, or a stage name repeats.
 * @example
 * funnelChart({ stages: [{ stage: 'Interest', amount: 300, weighted: 15 }] }, { locale: 'en' })
 */
export function funnelChart(input: FunnelChartInput, options?: FunnelChartOptions): TopLevelSpec {
  const fn = 'funnelChart';
  const stages = checkArray(fn, 'input.stages', input?.stages);
  const opts = normalizeChartOptions(
    fn,
    options,
    'funnelTitle',
    Math.max(120, stages.length * FUNNEL_ROW_HEIGHT),
  );
  const amountLabel = chartText('amount', opts.locale);
  const weightedLabel = chartText('weighted', opts.locale);
  const rows: ChartRow[] = [];
  stages.forEach((s, i) => {
    const stage = checkText(fn, `input.stages[${i}].stage`, s.stage);
    const count =
      s.count === undefined ? null : checkFinite(fn, `input.stages[${i}].count`, s.count);
    const amount = checkFinite(fn, `input.stages[${i}].amount`, s.amount);
    const weighted = checkFinite(fn, `input.stages[${i}].weighted`, s.weighted);
    rows.push({ stage, order: i, measure: amountLabel, measureOrder: 0, value: amount, count });
    rows.push({ stage, order: i, measure: weightedLabel, measureOrder: 1, value: weighted, count });
  });
  checkUnique(
    fn,
    'input.stages[].stage',
    stages.map((s) => s.stage),
  );

  return layeredChart(
    opts,
    rows,
    [
      { mark: { type: 'bar', cornerRadiusEnd: 2 } },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: CHART_COLOURS.text },
        encoding: {
          text: { field: 'value', type: 'quantitative', format: LABEL_MONEY_FORMAT },
          color: { value: CHART_COLOURS.text },
        },
      },
    ],
    {
      encoding: {
        y: {
          field: 'stage',
          type: 'nominal',
          sort: { field: 'order', op: 'min', order: 'ascending' },
          title: chartText('stage', opts.locale),
        },
        yOffset: { field: 'measure', type: 'nominal', sort: [amountLabel, weightedLabel] },
        x: {
          field: 'value',
          type: 'quantitative',
          title: moneyTitle(amountLabel, opts.unit),
          axis: { format: AXIS_MONEY_FORMAT },
        },
        color: {
          field: 'measure',
          type: 'nominal',
          title: null,
          scale: {
            domain: [amountLabel, weightedLabel],
            range: [CHART_COLOURS.band, CHART_COLOURS.primary],
          },
          legend: { orient: 'bottom' },
        },
      },
    },
  );
}
