import type { RecordTable } from '../columns/record-table.js';
import type { Deal } from '../columns/records.js';
import { dealWeights } from '../funnel/deal-weights.js';
import { monthIndexFromEpochDay, monthLabel } from '../funnel/period-keys.js';
import type { PrepareDealsOptions } from '../funnel/prepare-deals.js';
import { prepareDeals } from '../funnel/prepare-deals.js';
import type { RevenueRangeResult } from '../funnel/revenue-range.js';
import { revenueRangeOf } from '../funnel/revenue-range.js';

export interface ForecastMonthRangesOptions extends PrepareDealsOptions {
  smallOrderThreshold?: number;
  seed?: number;
}

/** P10/P50/P90 of won revenue of the open deals expected to close in one month. */
export interface ForecastMonthRange {
  /** `YYYY-MM`, as in the forecast's byMonth keys. */
  month: string;
  range: RevenueRangeResult;
}

/**
 * The revenue range per close month: deals are prepared and weighted once, exactly as the
 * forecast does, and revenueRange is taken over each month's funnel deals, so each month's
 * `range.mean` is that month's weighted amount. Deals without a close date are in no month.
 *
 * @param deals - the pipeline (not mutated).
 * @param options - the forecast's prepare options (template, history), threshold and seed.
 * @returns one entry per month with funnel deals, in calendar order.
 */
export function forecastMonthRanges(
  deals: readonly Deal[] | RecordTable<Deal>,
  options: ForecastMonthRangesOptions = {},
): ForecastMonthRange[] {
  const p = prepareDeals(deals, options);
  const w = dealWeights(p, options.smallOrderThreshold);
  const byMonth = new Map<number, number[]>();
  for (let i = 0; i < p.size; i += 1) {
    const day = p.closeDay[i] ?? NaN;
    if (w.inFunnel[i] !== 1 || Number.isNaN(day)) continue;
    const m = monthIndexFromEpochDay(day);
    const list = byMonth.get(m);
    if (list) list.push(i);
    else byMonth.set(m, [i]);
  }
  const inFunnel = new Uint8Array(p.size);
  return [...byMonth.keys()]
    .sort((a, b) => a - b)
    .map((m) => {
      inFunnel.fill(0);
      for (const i of byMonth.get(m) ?? []) inFunnel[i] = 1;
      const range = revenueRangeOf(
        p,
        { ...w, inFunnel },
        options.seed === undefined ? {} : { seed: options.seed },
      );
      return { month: monthLabel(m), range };
    });
}
