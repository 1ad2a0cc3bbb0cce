import type { AbcResult } from '../../segments/abc.js';
import type { PortfolioResult } from '../../segments/portfolio.js';
import type { RfmResult } from '../../segments/rfm.js';
import { RFM_SEGMENTS } from '../../segments/rfm-segment.js';
import type { ParetoChartInput } from '../pareto-chart.js';
import type { PortfolioScatterChartInput } from '../portfolio-scatter-chart.js';
import type { RfmSegmentMapChartInput } from '../rfm-segment-map-chart.js';

/**
 * The ABC Pareto chart input: customers in the ABC ranking order with their class.
 *
 * Formula: none; the chart accumulates the values in this order, as the ABC analysis did.
 * Blanks: customers whose value is blank (null) are left out of the curve; they are class C
 * with no amount, and the analysis reports them as warnings.
 *
 * @param result - the abc result.
 * @returns the paretoChart input.
 * @throws never.
 * @example paretoChartInput(abc(customers)).customers[0] // {customer: 'C101', revenue: 500, abcClass: 'A'}
 */
export function paretoChartInput(result: Pick<AbcResult, 'customers'>): ParetoChartInput {
  const customers = [];
  for (const c of result.customers)
    if (c.value !== null) customers.push({ customer: c.id, revenue: c.value, abcClass: c.class });
  return { customers };
}

const SEGMENT_NAMES = new Map(RFM_SEGMENTS.map((s) => [s.key, s.name]));

/**
 * The RFM segment map input: the 5 × 5 grid of R against FM with each cell's segment and
 * customer count.
 *
 * Formula: none; counts are copied from `result.grid`.
 * Blanks: cells absent from the grid are drawn empty by the chart.
 *
 * @param result - the rfm result.
 * @returns the rfmSegmentMapChart input (segment names in English; the chart translates them).
 * @throws never.
 * @example rfmSegmentMapChartInput(rfm(lines, { asOf })).cells[0] // {r: 5, fm: 5, segment: 'Champions', count: 12}
 */
export function rfmSegmentMapChartInput(result: Pick<RfmResult, 'grid'>): RfmSegmentMapChartInput {
  return {
    cells: result.grid.map((c) => ({
      r: c.r,
      fm: c.fm,
      segment: SEGMENT_NAMES.get(c.segment) ?? c.segment,
      count: c.customers,
    })),
  };
}

/**
 * The portfolio scatter input: each classified customer at (share, potential) with its zone, and
 * the split lines at the thresholds the analysis used.
 *
 * Formula: none; values are copied from the portfolio result.
 * Blanks: unclassified customers (no potential or share) are not drawn; a threshold the analysis
 * could not set leaves the chart's own median line.
 *
 * @param result - the portfolio result.
 * @returns the portfolioScatterChart input.
 * @throws never.
 * @example portfolioScatterChartInput(portfolio(customers)).shareLine // 0.35
 */
export function portfolioScatterChartInput(
  result: Pick<PortfolioResult, 'customers' | 'thresholds'>,
): PortfolioScatterChartInput {
  const { potential, share } = result.thresholds;
  return {
    customers: result.customers.map((c) => ({
      customer: c.id,
      potential: c.potential,
      share: c.share,
      zone: c.zone,
    })),
    ...(potential === null ? {} : { potentialLine: potential }),
    ...(share === null ? {} : { shareLine: share }),
  };
}
