import type { TopLevelSpec } from 'vega-lite';
import { textFor } from '../text/catalogue.js';
import { formatMoneyCents, moneyCents } from '../text/format-number.js';
import { checkArray, checkCount, checkFinite, checkText } from './chart-input-checks.js';
import type { ChartOptions } from './chart-options.js';
import { normalizeChartOptions } from './chart-options.js';
import { shortUniqueLabels } from './chart-labels.js';
import type { ChartRow } from './chart-pieces.js';
import { CHART_COLOURS, layeredChart } from './chart-pieces.js';
import type { ChartLocale } from './chart-text.js';
import { moneyAxis, onAxis } from './money-axis.js';

/** One value of the column broken down by, with the amount its bar draws. */
export interface BreakdownBarValue {
  /** The value as the table shows it (a blank cell as "(blank)"). */
  key: string;
  amount: number;
}

/** Input of {@link breakdownBarChart}: the values of one column, in any order. */
export interface BreakdownBarChartInput {
  /** The column broken down by, as the sheet names it: the axis title and the note name it. */
  column: string;
  /** The measure the bars draw, e.g. `'Weighted'`: the amount axis' title. */
  measure: string;
  values: readonly BreakdownBarValue[];
}

/** Options of {@link breakdownBarChart}. */
export interface BreakdownBarChartOptions extends ChartOptions {
  /** Values drawn as bars, the largest. Default {@link DEFAULT_BREAKDOWN_BARS}. */
  topN?: number;
}

/** Default number of bars: the table beside the chart lists every value. */
export const DEFAULT_BREAKDOWN_BARS = 20;

/** Pixels per bar when the caller gives no height. */
export const BREAKDOWN_BAR_HEIGHT = 22;

/**
 * Builds a breakdown's bar chart: one horizontal bar per value of a column (a sector, a sales
 * agent), largest amount on top, with its amount beside it. When there are more values than
 * `topN`, the chart says so under its title, with what the values left out add up to
 * ("Top 20 of 27 sales_agent values; the other 7: 1,234,567.00"), so the bars and that line
 * together give the total. The rest are not one "Other" bar: for a column of many values it
 * would dwarf every bar shown.
 *
 * Formula: values rank by amount descending (ties keep their input order); the first `topN`
 * are drawn; the others' amount = Σ their amounts, summed in whole cents.
 * Blanks: a blank cell is a value like any other (the caller names it, e.g. "(blank)").
 *
 * @param input - The column, the measure and its amount per value.
 * @param options - Title, locale, size, money unit, topN.
 * @returns A Vega-Lite spec (bars with amount labels).
 * @throws {PipecastError} When `input.values` is not an array, `column`, `measure` or a key is
 *   not a string, an amount is not finite, or `topN` is not an integer ≥ 1.
 * @example
 * breakdownBarChart({ column: 'Region', measure: 'Weighted', values: [{ key: 'North', amount: 120 }] })
 */
export function breakdownBarChart(
  input: BreakdownBarChartInput,
  options?: BreakdownBarChartOptions,
): TopLevelSpec {
  const fn = 'breakdownBarChart';
  const column = checkText(fn, 'input.column', input?.column);
  const measure = checkText(fn, 'input.measure', input?.measure);
  const values = checkArray(fn, 'input.values', input?.values).map((value, i) => ({
    key: checkText(fn, `input.values[${i}].key`, value.key),
    amount: checkFinite(fn, `input.values[${i}].amount`, value.amount),
  }));
  const topN = checkCount(fn, 'options.topN', options?.topN ?? DEFAULT_BREAKDOWN_BARS, 1);
  // Array sort is stable: equal amounts keep the caller's order (the table's).
  const ranked = [...values].sort((a, b) => b.amount - a.amount);
  const shown = ranked.slice(0, topN);
  const base = normalizeChartOptions(
    fn,
    options,
    'breakdownTitle',
    Math.max(60, shown.length * BREAKDOWN_BAR_HEIGHT),
  );
  const left = ranked.slice(topN);
  const opts =
    left.length === 0
      ? base
      : { ...base, notes: [leftOutNote(column, ranked.length, left, base.locale)] };
  const labels = shortUniqueLabels(shown.map((value) => value.key));
  const axis = moneyAxis(
    measure,
    shown.map((value) => value.amount),
    opts.locale,
    opts.unit,
  );
  const rows: ChartRow[] = shown.map((value, i) => ({
    label: labels[i] ?? value.key,
    rank: i + 1,
    amount: value.amount,
    axisValue: onAxis(value.amount, axis),
  }));
  return layeredChart(
    opts,
    rows,
    [
      { mark: { type: 'bar', color: CHART_COLOURS.primary, cornerRadiusEnd: 2 } },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: CHART_COLOURS.text },
        encoding: { text: { field: 'amount', type: 'quantitative', format: axis.labelFormat } },
      },
    ],
    {
      encoding: {
        y: {
          field: 'label',
          type: 'nominal',
          sort: { field: 'rank', op: 'min', order: 'ascending' },
          title: column,
        },
        x: {
          field: 'axisValue',
          type: 'quantitative',
          title: axis.title,
          axis: { format: axis.axisFormat },
        },
      },
    },
  );
}

/** The line under the title: how many values are drawn, of how many, and what the rest add up to. */
function leftOutNote(
  column: string,
  count: number,
  left: readonly { amount: number }[],
  locale: ChartLocale,
): string {
  let cents = 0;
  for (const value of left) cents += moneyCents(value.amount);
  return textFor(locale, 'chart.breakdownTopN', {
    shown: count - left.length,
    count,
    column,
    rest: left.length,
    amount: formatMoneyCents(cents),
  });
}
