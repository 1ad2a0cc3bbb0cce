import type { TopLevelSpec } from 'vega-lite';
import { checkArray, checkFinite, checkInRange, checkText } from './chart-input-checks.js';
import { normalizeChartOptions } from './chart-options.js';
import type { ChartOptions, NormalizedChartOptions } from './chart-options.js';
import { shortLabel } from './chart-labels.js';
import { CHART_COLOURS, PERCENT_FORMAT, layeredChart } from './chart-pieces.js';
import type { ChartLayer, ChartRow } from './chart-pieces.js';
import { chartText } from './chart-text.js';
import { moneyAxis, onAxis } from './money-axis.js';
import type { MoneyAxis } from './money-axis.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** Attack/defend zone of a customer (客户细分的攻守模型). */
export type PortfolioZone = 'acquire' | 'retain' | 'disrupt' | 'maintain' | 'abandon';

/** Every zone, in legend order (attack first, abandon last). */
export const PORTFOLIO_ZONES: readonly PortfolioZone[] = [
  'acquire',
  'retain',
  'disrupt',
  'maintain',
  'abandon',
];

const ZONE_COLOURS: Record<PortfolioZone, string> = {
  acquire: CHART_COLOURS.alert,
  retain: CHART_COLOURS.primary,
  disrupt: CHART_COLOURS.secondary,
  maintain: CHART_COLOURS.good,
  abandon: CHART_COLOURS.muted,
};

/** One customer of the portfolio. */
export interface PortfolioScatterCustomer {
  /** Customer name as shown. */
  customer: string;
  /** Purchase potential (the customer's total spend in the category), in money. */
  potential: number;
  /** Our share of that spend, 0–1. */
  share: number;
  /** Zone the portfolio analysis assigned. */
  zone: PortfolioZone;
}

/** Input of {@link portfolioScatterChart}. */
export interface PortfolioScatterChartInput {
  customers: readonly PortfolioScatterCustomer[];
  /** Where to draw the potential split line; default the median potential. */
  potentialLine?: number;
  /** Where to draw the share split line; default the median share. */
  shareLine?: number;
}

/** Options of {@link portfolioScatterChart}. */
export interface PortfolioScatterChartOptions extends ChartOptions {
  /** Name points with their customer when there are at most this many. Default {@link DEFAULT_PORTFOLIO_LABEL_MAX}. */
  labelMax?: number;
}

/** Default largest number of customers whose points are labelled by name. */
export const DEFAULT_PORTFOLIO_LABEL_MAX = 20;

/**
 * Builds the attack/defend portfolio: each customer a point at (our share, potential), coloured
 * by zone, with dashed lines at the median share and median potential.
 *
 * Formula: median of n values sorted ascending = the middle value, or the mean of the two middle
 * values when n is even (used for the lines unless given).
 * Blanks: none; every customer given is a point. No customers: no points and no median lines.
 *
 * @param input - Customers with potential, share and zone; optional split lines.
 * @param options - Title, locale, size, money unit, label limit.
 * @returns A Vega-Lite spec (points + rule lines + optional name labels).
 * @throws {PipecastError} When `input.customers` is not an array or a name is not a string.
 * @throws {PipecastError} When potential is not finite, share is not in 0–1, or a zone is unknown.
 * @example
 * portfolioScatterChart({ customers: [{ customer: 'Acme', potential: 500, share: 0.1, zone: 'acquire' }] })
 */
export function portfolioScatterChart(
  input: PortfolioScatterChartInput,
  options?: PortfolioScatterChartOptions,
): TopLevelSpec {
  const fn = 'portfolioScatterChart';
  const customers = checkArray(fn, 'input.customers', input?.customers);
  const opts = normalizeChartOptions(fn, options, 'portfolioTitle');
  const labelMax = options?.labelMax ?? DEFAULT_PORTFOLIO_LABEL_MAX;
  checkFinite(fn, 'options.labelMax', labelMax);

  const potentialLine =
    input.potentialLine === undefined
      ? median(customers.map((customer) => customer.potential))
      : checkFinite(fn, 'input.potentialLine', input.potentialLine);
  const axis = moneyAxis(
    chartText('potential', opts.locale),
    [...customers.map((customer) => customer.potential), potentialLine ?? 0],
    opts.locale,
    opts.unit,
  );
  const rows = scatterRows(customers, opts.locale, axis);
  const shareLine =
    input.shareLine === undefined
      ? median(rows.map((row) => Number(row.share)))
      : checkInRange(fn, 'input.shareLine', input.shareLine, 0, 1);

  const layer: ChartLayer[] = [scatterPointLayer(opts, axis)];
  if (shareLine !== undefined) {
    layer.push({
      data: { values: [{ share: shareLine }] },
      mark: { type: 'rule', strokeDash: [4, 3], color: CHART_COLOURS.rule },
      encoding: { x: { field: 'share', type: 'quantitative' } },
    });
  }
  if (potentialLine !== undefined) {
    layer.push({
      data: { values: [{ potentialAxis: onAxis(potentialLine, axis) }] },
      mark: { type: 'rule', strokeDash: [4, 3], color: CHART_COLOURS.rule },
      encoding: { y: { field: 'potentialAxis', type: 'quantitative' } },
    });
  }
  if (rows.length > 0 && rows.length <= labelMax) {
    layer.push({
      mark: { type: 'text', align: 'left', dx: 6, fontSize: 10, color: CHART_COLOURS.text },
      encoding: {
        x: { field: 'share', type: 'quantitative' },
        y: { field: 'potentialAxis', type: 'quantitative' },
        text: { field: 'customer', type: 'nominal' },
      },
    });
  }
  return layeredChart(opts, rows, layer);
}

/**
 * One row per customer (checked), its zone named in the locale.
 *
 * @throws {PipecastError} When a zone is unknown, a potential is not finite or a share not 0–1.
 */
function scatterRows(
  customers: readonly PortfolioScatterChartInput['customers'][number][],
  locale: NormalizedChartOptions['locale'],
  axis: MoneyAxis,
): ChartRow[] {
  const fn = 'portfolioScatterChart';
  return customers.map((entry, i) => {
    const path = `input.customers[${i}]`;
    if (!PORTFOLIO_ZONES.includes(entry.zone)) {
      throw new PipecastError(
        'invalid-input',
        `${fn}: ${path}.zone must be one of ${PORTFOLIO_ZONES.join(', ')}, got ${JSON.stringify(entry.zone)}`,
      );
    }
    const customer = checkText(fn, `${path}.customer`, entry.customer);
    const potential = checkFinite(fn, `${path}.potential`, entry.potential);
    return {
      customer: shortLabel(customer),
      potential,
      potentialAxis: onAxis(potential, axis),
      share: checkInRange(fn, `${path}.share`, entry.share, 0, 1),
      zone: chartText(entry.zone, locale),
    };
  });
}

/** The customers as points: our share across, potential up, coloured by zone. */
function scatterPointLayer(opts: NormalizedChartOptions, axis: MoneyAxis): ChartLayer {
  return {
    mark: { type: 'point', filled: true, size: 70, opacity: 0.85 },
    encoding: {
      x: {
        field: 'share',
        type: 'quantitative',
        title: chartText('ourShare', opts.locale),
        scale: { domain: [0, 1] },
        axis: { format: PERCENT_FORMAT },
      },
      y: {
        field: 'potentialAxis',
        type: 'quantitative',
        title: axis.title,
        axis: { format: axis.axisFormat },
      },
      color: {
        field: 'zone',
        type: 'nominal',
        title: chartText('zone', opts.locale),
        scale: {
          domain: PORTFOLIO_ZONES.map((zone) => chartText(zone, opts.locale)),
          range: PORTFOLIO_ZONES.map((zone) => ZONE_COLOURS[zone]),
        },
        legend: { orient: 'bottom' },
      },
    },
  };
}

/** Median of finite numbers; undefined for none. */
function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}
