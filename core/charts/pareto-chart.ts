import type { TopLevelSpec } from 'vega-lite';
import { checkArray, checkFinite, checkInRange, checkText } from './chart-input-checks.js';
import { normalizeChartOptions } from './chart-options.js';
import type { ChartOptions, NormalizedChartOptions } from './chart-options.js';
import { shortLabel } from './chart-labels.js';
import { CHART_COLOURS, PERCENT_FORMAT, layeredChart } from './chart-pieces.js';
import type { ChartLayer, ChartRow } from './chart-pieces.js';
import { chartText } from './chart-text.js';
import { PipecastError } from '../errors/pipecast-error.js';
import type { PlainChartTextKey } from './chart-text.js';

/** ABC class of a customer. */
export type AbcClass = 'A' | 'B' | 'C';

/** One customer of the ABC ranking. */
export interface ParetoChartCustomer {
  /** Customer name or id as shown to the user. */
  customer: string;
  /** Revenue (or margin) the ranking used. */
  revenue: number;
  /** Class the ABC analysis gave the customer. */
  abcClass: AbcClass;
}

/** Input of {@link paretoChart}: customers already ranked by revenue, highest first. */
export interface ParetoChartInput {
  customers: readonly ParetoChartCustomer[];
}

/** Options of {@link paretoChart}. */
export interface ParetoChartOptions extends ChartOptions {
  /** Cumulative revenue share that closes class A, drawn as a rule. Default {@link DEFAULT_PARETO_A_CUT}. */
  aCut?: number;
  /** Cumulative revenue share that closes class B, drawn as a rule. Default {@link DEFAULT_PARETO_B_CUT}. */
  bCut?: number;
}

/** Default A cut point (the 80 of the 80/20 rule). */
export const DEFAULT_PARETO_A_CUT = 0.8;
/** Default B cut point. */
export const DEFAULT_PARETO_B_CUT = 0.95;

const CLASS_KEYS: Record<AbcClass, PlainChartTextKey> = { A: 'classA', B: 'classB', C: 'classC' };
const CLASS_COLOURS: Record<AbcClass, string> = {
  A: CHART_COLOURS.primary,
  B: CHART_COLOURS.secondary,
  C: CHART_COLOURS.muted,
};

/**
 * Builds the ABC Pareto curve: cumulative share of revenue against cumulative share of
 * customers, one point per customer coloured by class, with rules at the A and B cut points.
 *
 * Formula: for the customer ranked i (1-based) of n, customer share = i ÷ n and revenue share =
 * Σ_{j ≤ i} max(revenue_j, 0) ÷ Σ_all max(revenue, 0) (0 when no revenue is positive); the curve
 * starts at (0, 0). Zero or negative revenue adds nothing to the curve (those customers are C).
 * Blanks: none; every customer given is a point, in the order given.
 *
 * @param input - Customers ranked by revenue, highest first (the ABC analysis order).
 * @param options - Title, locale, size and the two cut points.
 * @returns A Vega-Lite spec (line + class-coloured points + cut-point rules).
 * @throws {PipecastError} When `input.customers` is not an array or a name is not a string.
 * @throws {PipecastError} When a revenue is not finite, a class is not A/B/C, or the cut points are
 *   not 0 < aCut ≤ bCut ≤ 1.
 * @example
 * paretoChart({ customers: [{ customer: 'Acme', revenue: 800, abcClass: 'A' }, { customer: 'Bolt', revenue: 200, abcClass: 'B' }] })
 */
export function paretoChart(input: ParetoChartInput, options?: ParetoChartOptions): TopLevelSpec {
  const fn = 'paretoChart';
  const customers = checkArray(fn, 'input.customers', input?.customers);
  let opts = normalizeChartOptions(fn, options, 'paretoTitle');
  const aCut = checkInRange(fn, 'options.aCut', options?.aCut ?? DEFAULT_PARETO_A_CUT, 0, 1);
  const bCut = checkInRange(fn, 'options.bCut', options?.bCut ?? DEFAULT_PARETO_B_CUT, 0, 1);
  if (aCut <= 0 || aCut > bCut) {
    throw new PipecastError(
      'invalid-option',
      `${fn}: need 0 < aCut ≤ bCut ≤ 1, got aCut ${aCut}, bCut ${bCut}`,
    );
  }

  const rows = paretoRows(customers, opts.locale);
  // A flat line at 0 needs its reason: nobody has positive revenue to accumulate.
  const flat = rows.length > 0 && rows.every((row) => row.revenueShare === 0);
  if (flat) opts = { ...opts, notes: [chartText('paretoNoRevenue', opts.locale)] };
  const cutRows = [
    { share: aCut, label: `A ≤ ${formatPercent(aCut)}` },
    { share: bCut, label: `B ≤ ${formatPercent(bCut)}` },
  ];
  return layeredChart(opts, rows, [
    {
      mark: { type: 'line', color: CHART_COLOURS.rule, strokeWidth: 1.5 },
      encoding: {
        x: { field: 'customerShare', type: 'quantitative' },
        y: { field: 'revenueShare', type: 'quantitative' },
        order: { field: 'customerShare' },
      },
    },
    paretoPointLayer(customers.length, opts.locale),
    ...cutPointLayers(cutRows),
  ]);
}

/**
 * The curve's rows: the origin, then per customer its customer share i ÷ n and revenue share
 * Σ_{j ≤ i} max(revenue_j, 0) ÷ Σ max(revenue, 0) (0 when no revenue is positive).
 */
function paretoRows(
  customers: readonly ParetoChartCustomer[],
  locale: NormalizedChartOptions['locale'],
): ChartRow[] {
  const fn = 'paretoChart';
  const revenues = customers.map((customer, i) =>
    checkFinite(fn, `input.customers[${i}].revenue`, customer.revenue),
  );
  const total = revenues.reduce((sum, revenue) => sum + Math.max(revenue, 0), 0);
  const count = customers.length;
  const rows: ChartRow[] = count === 0 ? [] : [origin()];
  let running = 0;
  customers.forEach((entry, i) => {
    const customer = checkText(fn, `input.customers[${i}].customer`, entry.customer);
    if (!Object.hasOwn(CLASS_KEYS, entry.abcClass)) {
      throw new PipecastError(
        'invalid-input',
        `${fn}: input.customers[${i}].abcClass must be 'A', 'B' or 'C', got ${JSON.stringify(entry.abcClass)}`,
      );
    }
    running += Math.max(revenues[i] ?? 0, 0);
    rows.push({
      customer: shortLabel(customer),
      rank: i + 1,
      customerShare: (i + 1) / count,
      revenueShare: total > 0 ? running / total : 0,
      revenue: revenues[i] ?? 0,
      classLabel: chartText(CLASS_KEYS[entry.abcClass], locale),
      isPoint: true,
    });
  });
  return rows;
}

/** One point per customer, coloured by class (smaller points past 200 customers). */
function paretoPointLayer(
  customerCount: number,
  locale: NormalizedChartOptions['locale'],
): ChartLayer {
  const classes = ['A', 'B', 'C'] as const;
  return {
    transform: [{ filter: { field: 'isPoint', equal: true } }],
    mark: { type: 'point', filled: true, size: customerCount > 200 ? 12 : 40, opacity: 0.9 },
    encoding: {
      x: {
        field: 'customerShare',
        type: 'quantitative',
        title: chartText('customerShare', locale),
        scale: { domain: [0, 1] },
        axis: { format: PERCENT_FORMAT },
      },
      y: {
        field: 'revenueShare',
        type: 'quantitative',
        title: chartText('revenueShare', locale),
        scale: { domain: [0, 1] },
        axis: { format: PERCENT_FORMAT },
      },
      color: {
        field: 'classLabel',
        type: 'nominal',
        title: chartText('abcClass', locale),
        scale: {
          domain: classes.map((abcClass) => chartText(CLASS_KEYS[abcClass], locale)),
          range: classes.map((abcClass) => CLASS_COLOURS[abcClass]),
        },
        legend: { orient: 'bottom' },
      },
    },
  };
}

/** Dashed rules at the A and B cut points, labelled at the right edge. */
function cutPointLayers(cutRows: readonly { share: number; label: string }[]): ChartLayer[] {
  return [
    {
      data: { values: [...cutRows] },
      mark: { type: 'rule', strokeDash: [4, 3], color: CHART_COLOURS.rule },
      encoding: { y: { field: 'share', type: 'quantitative' } },
    },
    {
      data: { values: [...cutRows] },
      mark: {
        type: 'text',
        align: 'right',
        baseline: 'bottom',
        dy: -2,
        fontSize: 10,
        color: CHART_COLOURS.rule,
      },
      encoding: {
        y: { field: 'share', type: 'quantitative' },
        x: { datum: 1, type: 'quantitative' },
        text: { field: 'label', type: 'nominal' },
      },
    },
  ];
}

function origin(): ChartRow {
  return {
    customer: null,
    rank: 0,
    customerShare: 0,
    revenueShare: 0,
    revenue: 0,
    classLabel: null,
    isPoint: false,
  };
}

/** Cut point as a percentage with up to one decimal (0.8 → "80%", 0.955 → "95.5%"). */
function formatPercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
