import type { TopLevelSpec } from 'vega-lite';
import { checkArray, checkFinite, checkText, checkUnique } from './chart-input-checks.js';
import { normalizeChartOptions } from './chart-options.js';
import type { ChartOptions } from './chart-options.js';
import { shortUniqueLabels } from './chart-labels.js';
import { CHART_COLOURS, PERCENT_FORMAT, layeredChart } from './chart-pieces.js';
import type { ChartRow } from './chart-pieces.js';
import { chartText } from './chart-text.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** Conversion out of one stage, in funnel order. */
export interface StageConversionStage {
  /** Stage name as typed. */
  stage: string;
  /**
   * Share of deals that reached this stage and went on to the next one (0–1, e.g. 0.42).
   * `null` when there is nothing to convert to (the last stage) or no deal reached the stage;
   * such stages get no bar.
   */
  conversion: number | null;
  /** True for the bottleneck stage (lowest conversion or longest dwell): drawn in red. */
  bottleneck?: boolean;
}

/** Input of {@link stageConversionChart}. */
export interface StageConversionChartInput {
  stages: readonly StageConversionStage[];
}

/** Options of {@link stageConversionChart}. */
export type StageConversionChartOptions = ChartOptions;

/** Pixels per stage when the caller gives no height. */
export const CONVERSION_ROW_HEIGHT = 30;

/**
 * Builds the stage conversion chart: one horizontal bar per stage with its conversion to the
 * next stage as a percentage, the bottleneck highlighted, stages in the order given.
 *
 * Formula: none; bars show `conversion` as given (a 0–1 share, labelled as a percentage).
 * Blanks: stages whose conversion is `null` are left out (no bar, no axis entry).
 *
 * @param input - Stages in funnel order with their conversion share.
 * @param options - Title, locale, size.
 * @returns A Vega-Lite spec (bars with percentage labels).
 * @throws {PipecastError} When `input.stages` is not an array or a stage name is not a string.
 * @throws {PipecastError} When a conversion is negative or not finite, or a stage name repeats.
 * @example
 * stageConversionChart({ stages: [{ stage: 'Interest', conversion: 0.8 }, { stage: 'Use', conversion: null }] })
 */
export function stageConversionChart(
  input: StageConversionChartInput,
  options?: StageConversionChartOptions,
): TopLevelSpec {
  const fn = 'stageConversionChart';
  const stages = checkArray(fn, 'input.stages', input?.stages);
  const drawn = stages.filter((s) => s?.conversion !== null);
  const opts = normalizeChartOptions(
    fn,
    options,
    'conversionTitle',
    Math.max(90, drawn.length * CONVERSION_ROW_HEIGHT),
  );
  const normalLabel = chartText('conversion', opts.locale);
  const bottleneckLabel = chartText('bottleneck', opts.locale);
  const rows = conversionRows(stages, normalLabel, bottleneckLabel);
  const maxShare = Math.max(1, ...rows.map((row) => Number(row.conversion)));

  return layeredChart(
    opts,
    rows,
    [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          color: {
            field: 'role',
            type: 'nominal',
            scale: {
              domain: [normalLabel, bottleneckLabel],
              range: [CHART_COLOURS.primary, CHART_COLOURS.alert],
            },
            legend: { orient: 'bottom', title: null },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: CHART_COLOURS.text },
        encoding: { text: { field: 'conversion', type: 'quantitative', format: PERCENT_FORMAT } },
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
        x: {
          field: 'conversion',
          type: 'quantitative',
          title: chartText('conversion', opts.locale),
          scale: { domain: [0, maxShare] },
          axis: { format: PERCENT_FORMAT },
        },
      },
    },
  );
}

/**
 * One row per stage with a conversion (checked), its name cut to a chart label.
 *
 * @throws {PipecastError} When a name is not text or repeats, or a conversion is negative or not
 *   finite.
 */
function conversionRows(
  stages: readonly StageConversionChartInput['stages'][number][],
  normalLabel: string,
  bottleneckLabel: string,
): ChartRow[] {
  const fn = 'stageConversionChart';
  stages.forEach((s, i) => checkText(fn, `input.stages[${i}].stage`, s.stage));
  checkUnique(
    fn,
    'input.stages[].stage',
    stages.map((s) => s.stage),
  );
  const labels = shortUniqueLabels(stages.map((s) => s.stage));
  const rows: ChartRow[] = [];
  stages.forEach((s, i) => {
    if (s.conversion === null) return;
    const conversion = checkFinite(fn, `input.stages[${i}].conversion`, s.conversion);
    if (conversion < 0) {
      throw new PipecastError(
        'invalid-input',
        `${fn}: input.stages[${i}].conversion must be ≥ 0, got ${conversion}`,
      );
    }
    rows.push({
      stage: labels[i] ?? s.stage,
      order: i,
      conversion,
      role: s.bottleneck === true ? bottleneckLabel : normalLabel,
    });
  });
  return rows;
}
