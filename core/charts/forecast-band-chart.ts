import type { TopLevelSpec } from 'vega-lite';
import { checkArray, checkFinite, checkText, checkUnique } from './chart-input-checks.js';
import { normalizeChartOptions } from './chart-options.js';
import type { ChartOptions } from './chart-options.js';
import { CHART_COLOURS, layeredChart } from './chart-pieces.js';
import type { ChartLayer, ChartRow } from './chart-pieces.js';
import { chartText } from './chart-text.js';
import {
  bandNotes,
  calendarMonths,
  isZeroMonth,
  MAX_FILLED_MONTHS,
  monthSpan,
} from './forecast-band-months.js';
import type { BandMonthFigures } from './forecast-band-months.js';
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
 * Blanks and zeros: every calendar month between the first and the last given is on the axis, a
 * month not given (no deal closes then) breaks the line and band, and the subtitle names those
 * months; when the months given span more than {@link MAX_FILLED_MONTHS}, only they are on the
 * axis and the subtitle says so. Months that forecast 0 are drawn at 0 and named in the
 * subtitle; when every month is 0 the line lies on the bottom of an axis that reads 0 and the
 * subtitle says why, never a bare flat line mid-chart. `p50` may be omitted per month and the
 * P50 line then skips it.
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
  const baseOptions = normalizeChartOptions(fn, options, 'forecastTitle');
  const locale = baseOptions.locale;
  const bandLabel = chartText('p10p90Band', locale);
  const lineLabel = chartText('weightedForecast', locale);
  const axis = moneyAxis(
    lineLabel,
    months.flatMap((m) => [m.weighted, m.p10, m.p90]),
    locale,
    baseOptions.unit,
  );
  const given = bandRows(months, axis).sort((a, b) => (String(a.month) < String(b.month) ? -1 : 1));
  const figures = given as unknown as BandMonthFigures[];
  const first = String(given[0]?.month ?? '');
  const last = String(given.at(-1)?.month ?? '');
  const span = given.length === 0 ? 0 : monthSpan(first, last);
  const missing = span > 0 && span <= MAX_FILLED_MONTHS ? missingMonths(given, first, last) : [];
  const rows = markIsolated(
    [...given, ...missing.map(noDealRow)].sort((a, b) =>
      String(a.month) < String(b.month) ? -1 : 1,
    ),
  );
  const opts = { ...baseOptions, notes: bandNotes(figures, missing, span, locale) };
  const allZero = given.length > 0 && figures.every(isZeroMonth);

  const layer = bandLayers(rows, {
    band: bandLabel,
    line: lineLabel,
    p50: chartText('p50', opts.locale),
  });

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
        // All 0: the line on the floor of a 0–1 scale whose one tick reads 0, not mid-air.
        ...(allZero ? { scale: { domain: [0, 1] } } : {}),
        axis: { format: axis.axisFormat, ...(allZero ? { values: [0] } : {}) },
      },
    },
  });
}

/**
 * The chart's layers: the P10–P90 band as an area, the weighted forecast as a line with points,
 * the P50 as a dashed line when any month has one, and marks of their own for a month with no
 * neighbour to join.
 */
function bandLayers(
  rows: readonly ChartRow[],
  labels: { band: string; line: string; p50: string },
): ChartLayer[] {
  const { band: bandLabel, line: lineLabel, p50: p50Label } = labels;
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

  // Months without deals hold nulls: the band and lines break there instead of bridging them.
  const invalid = 'break-paths-show-domains' as const;
  const layer: ChartLayer[] = [
    {
      mark: { type: 'area', opacity: 0.6, invalid },
      encoding: {
        y: { field: 'p10Axis', type: 'quantitative' },
        y2: { field: 'p90Axis' },
        color: colour(bandLabel),
      },
    },
    {
      mark: { type: 'line', point: true, strokeWidth: 2, invalid },
      encoding: { y: { field: 'weightedAxis', type: 'quantitative' }, color: colour(lineLabel) },
    },
  ];
  // A month with no neighbour to join draws no area or line: its band is a bar (under the
  // line's point) and its P50 a tick.
  if (rows.some((row) => row.isolated === true)) {
    layer.splice(1, 0, {
      transform: [{ filter: 'datum.isolated === true' }],
      mark: { type: 'rule', strokeWidth: 12, opacity: 0.6 },
      encoding: {
        y: { field: 'p10Axis', type: 'quantitative' },
        y2: { field: 'p90Axis' },
        color: colour(bandLabel),
      },
    });
  }
  if (hasP50) {
    layer.push({
      // A month with deals but no P50 is skipped; a month without deals breaks the line.
      transform: [{ filter: 'isValid(datum.p50Axis) || datum.noDeals === true' }],
      mark: { type: 'line', strokeDash: [4, 3], strokeWidth: 1.5, invalid },
      encoding: { y: { field: 'p50Axis', type: 'quantitative' }, color: colour(p50Label) },
    });
    if (rows.some((row) => row.isolated === true && row.p50 !== null))
      layer.push({
        transform: [{ filter: 'datum.isolated === true && isValid(datum.p50Axis)' }],
        mark: { type: 'tick', thickness: 2, size: 16 },
        encoding: { y: { field: 'p50Axis', type: 'quantitative' }, color: colour(p50Label) },
      });
  }
  return layer;
}

/**
 * Flags (isolated: true) each month with figures whose neighbours on the axis have none, so its
 * band and P50 get marks of their own; returns the rows.
 */
function markIsolated(rows: ChartRow[]): ChartRow[] {
  const hasFigures = (row: ChartRow | undefined) => row !== undefined && row.noDeals !== true;
  rows.forEach((row, i) => {
    if (hasFigures(row) && !hasFigures(rows[i - 1]) && !hasFigures(rows[i + 1]))
      row.isolated = true;
  });
  return rows;
}

/** The calendar months from `first` to `last` that no row holds. */
function missingMonths(rows: readonly ChartRow[], first: string, last: string): string[] {
  const given = new Set(rows.map((row) => String(row.month)));
  return calendarMonths(first, last).filter((month) => !given.has(month));
}

/** The row of a month in which no deal closes: no figures, so the line breaks there. */
function noDealRow(month: string): ChartRow {
  return {
    month,
    weighted: null,
    p10: null,
    p90: null,
    p50: null,
    weightedAxis: null,
    p10Axis: null,
    p90Axis: null,
    p50Axis: null,
    noDeals: true,
  };
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
