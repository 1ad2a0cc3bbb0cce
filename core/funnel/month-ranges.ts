import type { DealWeights } from './deal-weights.js';
import { monthIndexFromEpochDay, monthLabel } from './period-keys.js';
import type { PreparedDeals } from './prepared-deals.js';
import type { RevenueRangeOptions, RevenueRangeResult } from './revenue-range.js';
import { revenueRangeOf } from './revenue-range.js';

/** P10/P50/P90 of won revenue of the open deals expected to close in one month. */
export interface ForecastMonthRange {
  /** `YYYY-MM`, as in the forecast's byMonth keys. */
  month: string;
  range: RevenueRangeResult;
}

/**
 * The revenue range per close month, from the forecast's own prepared and weighted deals:
 * revenueRange is taken over each month's funnel deals, so each month's `range.mean` is that
 * month's weighted amount. Deals without a close date are in no month.
 *
 * @param prepared - the forecast's prepared deals.
 * @param weights - their weights (inFunnel decides which deals count).
 * @param options - the range options of the forecast (seed, method, …).
 * @returns one entry per month with funnel deals, in calendar order.
 * @example monthRangesOf(prepared, weights)[0] // { month: '2026-07', range: { mean: 120, … } }
 */
export function monthRangesOf(
  prepared: PreparedDeals,
  weights: DealWeights,
  options: RevenueRangeOptions = {},
): ForecastMonthRange[] {
  const dealsByMonth = new Map<number, number[]>();
  for (let i = 0; i < prepared.size; i += 1) {
    const day = prepared.closeDay[i] ?? NaN;
    if (weights.inFunnel[i] !== 1 || Number.isNaN(day)) continue;
    const month = monthIndexFromEpochDay(day);
    const list = dealsByMonth.get(month);
    if (list) list.push(i);
    else dealsByMonth.set(month, [i]);
  }
  const inMonth = new Uint8Array(prepared.size);
  return [...dealsByMonth.keys()]
    .sort((a, b) => a - b)
    .map((month) => {
      inMonth.fill(0);
      for (const i of dealsByMonth.get(month) ?? []) inMonth[i] = 1;
      const range = revenueRangeOf(prepared, { ...weights, inFunnel: inMonth }, options);
      return { month: monthLabel(month), range };
    });
}
