import type { TopLevelSpec } from 'vega-lite';
import { checkArray, checkCount, checkFinite, checkText } from './chart-input-checks.js';
import { normalizeChartOptions } from './chart-options.js';
import type { ChartOptions } from './chart-options.js';
import { shortUniqueLabels } from './chart-labels.js';
import { CHART_COLOURS, layeredChart } from './chart-pieces.js';
import type { ChartRow } from './chart-pieces.js';
import { chartText } from './chart-text.js';
import { moneyAxis, onAxis } from './money-axis.js';

/** One customer's overdue balance. */
export interface TopOverdueCustomer {
  /** Customer name as shown. */
  customer: string;
  /** Customer id; appended to the name only when two customers share a name. */
  id?: string;
  /** Open balance past its due date. */
  overdue: number;
  /** Amount-weighted average days past due; kept in the chart data for tooltips. */
  daysLate?: number;
}

/** Input of {@link topOverdueChart}: customers in any order. */
export interface TopOverdueChartInput {
  customers: readonly TopOverdueCustomer[];
}

/** Options of {@link topOverdueChart}. */
export interface TopOverdueChartOptions extends ChartOptions {
  /** Number of customers shown. Default {@link DEFAULT_TOP_OVERDUE_N}. */
  topN?: number;
}

/** Default number of customers shown. */
export const DEFAULT_TOP_OVERDUE_N = 10;

/** Pixels per customer bar when the caller gives no height. */
export const TOP_OVERDUE_ROW_HEIGHT = 24;

/**
 * Builds the top overdue customers chart: horizontal bars of overdue amount, largest on top.
 *
 * Formula: customers with overdue > 0 rank by overdue descending, ties by name ascending; the
 * first `topN` are drawn.
 * Blanks: customers with zero or negative overdue are not overdue and are left out.
 *
 * @param input - Customers with overdue amounts.
 * @param options - Title, locale, size, money unit, topN.
 * @returns A Vega-Lite spec (bars with amount labels).
 * @throws {PipecastError} When `input.customers` is not an array or a name is not a string.
 * @throws {PipecastError} When an amount is not finite or `topN` is not an integer ≥ 1.
 * @example
 * topOverdueChart({ customers: [{ customer: 'Acme', overdue: 1200, daysLate: 45 }] }, { topN: 5 })
 */
export function topOverdueChart(
  input: TopOverdueChartInput,
  options?: TopOverdueChartOptions,
): TopLevelSpec {
  const fn = 'topOverdueChart';
  const customers = checkArray(fn, 'input.customers', input?.customers);
  const topN = checkCount(fn, 'options.topN', options?.topN ?? DEFAULT_TOP_OVERDUE_N, 1);
  const checked = customers.map((c, i) => {
    const path = `input.customers[${i}]`;
    return {
      customer: checkText(fn, `${path}.customer`, c.customer),
      id: c.id === undefined ? undefined : checkText(fn, `${path}.id`, c.id),
      overdue: checkFinite(fn, `${path}.overdue`, c.overdue),
      daysLate: c.daysLate === undefined ? null : checkFinite(fn, `${path}.daysLate`, c.daysLate),
    };
  });
  const top = checked
    .filter((c) => c.overdue > 0)
    .sort(
      (a, b) =>
        b.overdue - a.overdue || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0),
    )
    .slice(0, topN);
  const opts = normalizeChartOptions(
    fn,
    options,
    'topOverdueTitle',
    Math.max(60, top.length * TOP_OVERDUE_ROW_HEIGHT),
  );

  const nameCounts = new Map<string, number>();
  for (const c of top) nameCounts.set(c.customer, (nameCounts.get(c.customer) ?? 0) + 1);
  // Bars are keyed by label, so two customers with one name must not merge into one bar.
  const labels = shortUniqueLabels(
    top.map((c, i) =>
      (nameCounts.get(c.customer) ?? 0) > 1 ? `${c.customer} (${c.id ?? `#${i + 1}`})` : c.customer,
    ),
  );
  const axis = moneyAxis(
    chartText('overdue', opts.locale),
    top.map((c) => c.overdue),
    opts.locale,
    opts.unit,
  );
  const rows: ChartRow[] = top.map((c, i) => ({
    label: labels[i] ?? c.customer,
    rank: i + 1,
    overdue: c.overdue,
    axisValue: onAxis(c.overdue, axis),
    daysLate: c.daysLate,
  }));

  return layeredChart(
    opts,
    rows,
    [
      { mark: { type: 'bar', color: CHART_COLOURS.alert, cornerRadiusEnd: 2 } },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: CHART_COLOURS.text },
        encoding: { text: { field: 'overdue', type: 'quantitative', format: axis.labelFormat } },
      },
    ],
    {
      encoding: {
        y: {
          field: 'label',
          type: 'nominal',
          sort: { field: 'rank', op: 'min', order: 'ascending' },
          title: chartText('customer', opts.locale),
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
