import type { TopLevelSpec } from 'vega-lite';
import { checkArray, checkFinite, checkText, checkUnique } from './chart-input-checks.js';
import { normalizeChartOptions } from './chart-options.js';
import type { ChartOptions } from './chart-options.js';
import type { NormalizedChartOptions } from './chart-options.js';
import { shortUniqueLabels } from './chart-labels.js';
import { CHART_COLOURS, layeredChart } from './chart-pieces.js';
import type { ChartLayer, ChartRow } from './chart-pieces.js';
import { chartText } from './chart-text.js';
import { moneyAxis, onAxis } from './money-axis.js';

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
 * What the funnel can draw from its input: amounts when some stage has one, else deal counts
 * when some stage has deals (an export whose open deals carry no amount yet), else nothing.
 */
export type FunnelChartMeasure = 'amount' | 'count' | 'none';

/**
 * Builds the funnel chart: per stage, a bar of the amount and a bar of the weighted amount,
 * stages top to bottom in the order given (never re-sorted by size or name).
 *
 * Formula: none; bars show `amount` and `weighted` as given (weighted = Σ amount × rate).
 * Blanks and zeros: when every amount and weighted amount is 0 but deals are open, the bars show
 * the deal count per stage instead, and the subtitle says why; with no open deal at all the chart
 * says "No open deals to show" over an empty stage axis. Negative amounts draw to the left of 0.
 * The money axis reads in plain numbers with its unit in the title (see moneyAxis).
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
  const stages = checkFunnelStages(input);
  const baseOptions = normalizeChartOptions(
    fn,
    options,
    'funnelTitle',
    Math.max(120, stages.length * FUNNEL_ROW_HEIGHT),
  );
  const measure = funnelChartMeasure(stages);
  const notes =
    measure === 'count'
      ? [chartText('funnelByCount', baseOptions.locale)]
      : measure === 'none'
        ? [chartText('funnelNoDeals', baseOptions.locale)]
        : [];
  const opts = { ...baseOptions, notes };
  const labels = shortUniqueLabels(stages.map((stage) => stage.stage));
  return measure === 'amount'
    ? amountFunnel(stages, labels, opts)
    : countFunnel(stages, labels, opts, measure === 'none');
}

/**
 * Which measure the funnel draws: 'amount' when any amount or weighted amount is not 0, else
 * 'count' when any stage has open deals, else 'none'.
 *
 * @param stages - Checked stages.
 * @returns The measure.
 * @example funnelChartMeasure([{ stage: 'A', amount: 0, weighted: 0, count: 3 }]) // 'count'
 */
export function funnelChartMeasure(stages: readonly FunnelChartStage[]): FunnelChartMeasure {
  if (stages.some((stage) => stage.amount !== 0 || stage.weighted !== 0)) return 'amount';
  if (stages.some((stage) => (stage.count ?? 0) > 0)) return 'count';
  return 'none';
}

/** The stages, every field checked, names unique. */
function checkFunnelStages(input: FunnelChartInput): FunnelChartStage[] {
  const fn = 'funnelChart';
  const stages = checkArray(fn, 'input.stages', input?.stages).map((s, i) => {
    const path = `input.stages[${i}]`;
    const stage: FunnelChartStage = {
      stage: checkText(fn, `${path}.stage`, s.stage),
      amount: checkFinite(fn, `${path}.amount`, s.amount),
      weighted: checkFinite(fn, `${path}.weighted`, s.weighted),
    };
    if (s.count !== undefined) stage.count = checkFinite(fn, `${path}.count`, s.count);
    return stage;
  });
  checkUnique(
    fn,
    'input.stages[].stage',
    stages.map((s) => s.stage),
  );
  return stages;
}

/** The stage axis, in the given order, labels whole (cut names are cut in the data). */
function stageAxis(opts: NormalizedChartOptions) {
  return {
    field: 'stage',
    type: 'nominal',
    sort: { field: 'order', op: 'min', order: 'ascending' },
    title: chartText('stage', opts.locale),
  } as const;
}

/** Amount and weighted bars per stage, with their values written beside them. */
function amountFunnel(
  stages: readonly FunnelChartStage[],
  labels: readonly string[],
  opts: NormalizedChartOptions,
): TopLevelSpec {
  const amountLabel = chartText('amount', opts.locale);
  const weightedLabel = chartText('weighted', opts.locale);
  const axis = moneyAxis(
    amountLabel,
    stages.flatMap((s) => [s.amount, s.weighted]),
    opts.locale,
    opts.unit,
  );
  const rows: ChartRow[] = stages.flatMap((s, i) => {
    const common = { stage: labels[i] ?? s.stage, order: i, count: s.count ?? null };
    return [
      {
        ...common,
        measure: amountLabel,
        measureOrder: 0,
        value: s.amount,
        axisValue: onAxis(s.amount, axis),
      },
      {
        ...common,
        measure: weightedLabel,
        measureOrder: 1,
        value: s.weighted,
        axisValue: onAxis(s.weighted, axis),
      },
    ];
  });
  return layeredChart(
    opts,
    rows,
    [{ mark: { type: 'bar', cornerRadiusEnd: 2 } }, valueLabels(axis.labelFormat)],
    {
      encoding: {
        y: stageAxis(opts),
        yOffset: { field: 'measure', type: 'nominal', sort: [amountLabel, weightedLabel] },
        x: {
          field: 'axisValue',
          type: 'quantitative',
          title: axis.title,
          axis: { format: axis.axisFormat },
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

/**
 * One bar of open deals per stage; with no deals at all, the empty axis (0 to 1, so no tick
 * reads NaN) and the reason written across the plot.
 */
function countFunnel(
  stages: readonly FunnelChartStage[],
  labels: readonly string[],
  opts: NormalizedChartOptions,
  empty: boolean,
): TopLevelSpec {
  const rows: ChartRow[] = stages.map((s, i) => ({
    stage: labels[i] ?? s.stage,
    order: i,
    value: s.count ?? 0,
    axisValue: s.count ?? 0,
  }));
  const layer: ChartLayer[] = [
    { mark: { type: 'bar', cornerRadiusEnd: 2, color: CHART_COLOURS.primary } },
    valueLabels(',.0f'),
  ];
  if (empty) layer.push(emptyNote(opts));
  return layeredChart(opts, rows, layer, {
    encoding: {
      y: stageAxis(opts),
      x: {
        field: 'axisValue',
        type: 'quantitative',
        title: chartText('openDeals', opts.locale),
        axis: { format: ',~f', tickMinStep: 1 },
        ...(empty ? { scale: { domain: [0, 1] } } : {}),
      },
    },
  });
}

/** The value beside each bar, in the given d3-format. */
function valueLabels(format: string): ChartLayer {
  return {
    mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: CHART_COLOURS.text },
    encoding: {
      text: { field: 'value', type: 'quantitative', format },
      color: { value: CHART_COLOURS.text },
    },
  };
}

/** The chart's note written in the middle of an empty plot. */
function emptyNote(opts: NormalizedChartOptions): ChartLayer {
  return {
    data: { values: [{ note: opts.notes[0] ?? '' }] },
    mark: { type: 'text', fontSize: 13, color: CHART_COLOURS.rule },
    encoding: {
      text: { field: 'note', type: 'nominal' },
      x: { value: opts.width / 2 },
      y: { value: opts.height / 2 },
    },
  };
}
