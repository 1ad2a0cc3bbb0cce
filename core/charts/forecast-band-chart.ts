import type { TopLevelSpec } from 'vega-lite';
import { checkArray, checkFinite, checkText, checkUnique } from './chart-input-checks.js';
import { normalizeChartOptions } from './chart-options.js';
import type { ChartOptions } from './chart-options.js';
import { CHART_COLOURS, layeredChart } from './chart-pieces.js';
import type { ChartLayer, ChartRow } from './chart-pieces.js';
import { chartText } from './chart-text.js';
import { moneyAxis, onAxis } from './money-axis.js';
import type { MoneyAxis } from './money-axis.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** Forecast of one close month. */
export interface ForecastBandMonth {
  /** Close month as `YYYY-MM`. */
  month: string;
  /** Σ amount × probability of the deals expected to close in the month. */
  weighted: number;
  /** 10th percentile of simulated won revenue in the month. */
  p10: number;
  /** 90th percentile of simulated won revenue in the month (≥ p10). */
  p90: number;
  /** Median of simulated won revenue; drawn as a dashed line when given for any month. */
  p50?: number;
}

/** Input of {@link forecastBandChart}: one entry per close month, any order. */
export interface ForecastBandChartInput {
  months: readonly ForecastBandMonth[];
}

/** Options of {@link forecastBandChart}. */
export type ForecastBandChartOptions = ChartOptions;

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Builds the weighted forecast by close month: a line of the weighted amount over a shaded
 * P10–P90 band, months in calendar order.
 *
 * Formula: none; values are drawn as given. Months sort as `YYYY-MM` text, which is calendar order.
 * Blanks: a month with no deals is simply absent (the axis shows only months given); `p50` may be
 * omitted per month and the P50 line then skips it.
 *
 * @param input - Months with weighted amount and P10/P90 (optionally P50).
 * @param options - Title, locale, size, money unit.
 * @returns A Vega-Lite spec (area band + line with points).
 * @throws {PipecastError} When `input.months` is not an array or a month is not a string.
 * @throws {PipecastError} When a month is not `YYYY-MM`, repeats, a value is not finite, or p10 > p90.
 * @example
 * forecastBandChart({ months: [{ month: '2024-03', weighted: 120, p10: 60, p90: 180 }] })
 */
export function forecastBandChart(
  input: ForecastBandChartInput,
  options?: ForecastBandChartOptions,
): TopLevelSpec {
  const fn = 'forecastBandChart';
  const months = checkArray(fn, 'input.months', input?.months);
  const opts = normalizeChartOptions(fn, options, 'forecastTitle');
  const bandLabel = chartText('p10p90Band', opts.locale);
  const lineLabel = chartText('weightedForecast', opts.locale);
  const axis = moneyAxis(
    lineLabel,
    months.flatMap((m) => [m.weighted, m.p10, m.p90]),
    opts.locale,
    opts.unit,
  );
  const rows = bandRows(months, axis);

  const p50Label = chartText('p50', opts.locale);
  const hasP50 = rows.some((row) => row.p50 !== null);
  const domain = hasP50 ? [bandLabel, lineLabel, p50Label] : [bandLabel, lineLabel];
  const range = hasP50
    ? [CHART_COLOURS.band, CHART_COLOURS.primary, CHART_COLOURS.secondary]
    : [CHART_COLOURS.band, CHART_COLOURS.primary];
  const colour = (label: string) =>
    ({
      datum: label,
      type: 'nominal',
      scale: { domain, range },
      legend: { orient: 'bottom', title: null },
    }) as const;

  const layer: ChartLayer[] = [
    {
      mark: { type: 'area', opacity: 0.6 },
      encoding: {
        y: { field: 'p10Axis', type: 'quantitative' },
        y2: { field: 'p90Axis' },
        color: colour(bandLabel),
      },
    },
    {
      mark: { type: 'line', point: true, strokeWidth: 2 },
      encoding: { y: { field: 'weightedAxis', type: 'quantitative' }, color: colour(lineLabel) },
    },
  ];
  if (hasP50) {
    layer.push({
      transform: [{ filter: { field: 'p50Axis', valid: true } }],
      mark: { type: 'line', strokeDash: [4, 3], strokeWidth: 1.5 },
      encoding: { y: { field: 'p50Axis', type: 'quantitative' }, color: colour(p50Label) },
    });
  }

  return layeredChart(opts, rows, layer, {
    encoding: {
      x: {
        field: 'month',
        type: 'ordinal',
        sort: 'ascending',
        title: chartText('closeMonth', opts.locale),
        axis: { labelAngle: 0 },
      },
      y: {
        type: 'quantitative',
        title: axis.title,
        axis: { format: axis.axisFormat },
      },
    },
  });
}

/**
 * One row per month (checked): weighted forecast, P10, P90 and P50 when given.
 *
 * @throws {PipecastError} When a month is not YYYY-MM or repeats, a figure is not finite, or P10
 *   is above P90.
 */
function bandRows(
  months: readonly ForecastBandChartInput['months'][number][],
  axis: MoneyAxis,
): ChartRow[] {
  const fn = 'forecastBandChart';
  const rows: ChartRow[] = months.map((entry, i) => {
    const path = `input.months[${i}]`;
    const month = checkText(fn, `${path}.month`, entry.month);
    if (!MONTH_PATTERN.test(month)) {
      throw new PipecastError(
        'invalid-input',
        `${fn}: ${path}.month must be YYYY-MM, got ${JSON.stringify(month)}`,
      );
    }
    const p10 = checkFinite(fn, `${path}.p10`, entry.p10);
    const p90 = checkFinite(fn, `${path}.p90`, entry.p90);
    if (p10 > p90) {
      throw new PipecastError('invalid-input', `${fn}: ${path} has p10 ${p10} above p90 ${p90}`);
    }
    const weighted = checkFinite(fn, `${path}.weighted`, entry.weighted);
    const p50 = entry.p50 === undefined ? null : checkFinite(fn, `${path}.p50`, entry.p50);
    return {
      month,
      weighted,
      p10,
      p90,
      p50,
      weightedAxis: onAxis(weighted, axis),
      p10Axis: onAxis(p10, axis),
      p90Axis: onAxis(p90, axis),
      p50Axis: p50 === null ? null : onAxis(p50, axis),
    };
  });
  checkUnique(
    fn,
    'input.months[].month',
    months.map((entry) => entry.month),
  );
  return rows;
}
