import type { DataWarning } from '../columns/data-warning.js';
import type { Deal } from '../columns/records.js';
import type { DealWeights } from './deal-weights.js';
import { dealWeights } from './deal-weights.js';
import { fromMinorUnits, toMinorUnits } from '../columns/money.js';
import { monthIndexFromEpochDay, monthLabel, quarterLabel } from './period-keys.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import type { PreparedDeals, RateSource, UnknownStage } from './prepared-deals.js';
import { isPreparedDeals, WON } from './prepared-deals.js';
import type { TemplateChoice } from './resolve-template.js';
import type { ForecastCategory } from './stage-templates.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** Label of the group of deals with a blank owner, region or product. */
export const NONE_LABEL = '(none)';
/** Label of the month/quarter of open deals without a close date. */
export const NO_DATE_LABEL = '(no date)';

export interface WeightedPipelineOptions extends PrepareDealsOptions {
  /** Open deals with an amount below this are small orders, kept out of the funnel. */
  smallOrderThreshold?: number;
}

export interface PipelineTotals {
  count: number;
  amount: number;
  weighted: number;
}

export interface PipelineGroup extends PipelineTotals {
  key: string;
  name: string;
}

export interface PipelineStageRow extends PipelineTotals {
  key: string;
  name: string;
  nameZh: string;
  order: number;
  /** Stage rate 0–1, null when the stage has none. */
  rate: number | null;
  rateSource: RateSource;
  category: ForecastCategory;
  /** Deals whose weighted amount is missing (no amount, or no rate and no own probability). */
  unweighted: number;
}

export interface WeightedPipelineResult {
  template: TemplateChoice;
  stages: PipelineStageRow[];
  byOwner: PipelineGroup[];
  byRegion: PipelineGroup[];
  byProduct: PipelineGroup[];
  byMonth: PipelineGroup[];
  byQuarter: PipelineGroup[];
  /** Open deals in known stages, small orders excluded; equals the sum of `stages`. */
  totals: PipelineTotals;
  /** Won deals (category Closed), amount at 100%. */
  won: { count: number; amount: number };
  lost: { count: number; amount: number };
  unknownStages: UnknownStage[];
  smallOrders: { threshold: number; count: number; amount: number } | null;
  warnings: DataWarning[];
}

/**
 * The weighted pipeline by stage, owner, region, product, close month and close quarter.
 *
 * Formula: weighted = Σ round(amount × p) over open deals in known stages, p = the deal's own
 * probability when valid, else its stage rate (DOMAIN.md "Exact definitions"); sums are taken in
 * integer minor units, so every grouping's total equals the row sum exactly at the money decimals.
 * Blanks: a deal without amount counts in `count` only; without a rate or probability it adds its
 * amount but no weighted amount (`unweighted` counts both); blank owner/region/product group under
 * "(none)", blank close date under "(no date)". Won and lost deals are outside the pipeline.
 *
 * @param deals - deals or the output of prepareDeals (not mutated).
 * @param options - template and rate options (see prepareDeals), small-order threshold.
 * @returns stage rows, groupings and totals as plain JSON.
 * @throws PipecastError for a bad template key or rate (see prepareDeals) or a negative threshold.
 * @example weightedPipeline(referenceDeals, { template: 'six' }).totals // {count: 18, amount: 1424, weighted: 364.8}
 */
export function weightedPipeline(
  deals: readonly Deal[] | PreparedDeals,
  options: WeightedPipelineOptions = {},
): WeightedPipelineResult {
  const threshold = options.smallOrderThreshold;
  if (threshold !== undefined && !(threshold >= 0))
    throw new PipecastError(
      'invalid-option',
      `weightedPipeline: smallOrderThreshold must be ≥ 0, got ${threshold}`,
    );
  const p = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  return weightedPipelineOf(p, dealWeights(p, threshold), threshold);
}

/**
 * Sums per key code, in minor units, interleaved (count, amount, weighted, unweighted per code)
 * so one deal touches one cache line per grouping.
 */
class GroupSums {
  static readonly WIDTH = 4;
  readonly sums: Float64Array;
  constructor(size: number) {
    this.sums = new Float64Array(size * GroupSums.WIDTH);
  }
  count(k: number): number {
    return this.sums[k * GroupSums.WIDTH] ?? 0;
  }
  amount(k: number): number {
    return this.sums[k * GroupSums.WIDTH + 1] ?? 0;
  }
  weighted(k: number): number {
    return this.sums[k * GroupSums.WIDTH + 2] ?? 0;
  }
  unweighted(k: number): number {
    return this.sums[k * GroupSums.WIDTH + 3] ?? 0;
  }
}

/** Longest close-date span (days) given a day → month table; beyond it months are computed per deal. */
const MAX_MONTH_TABLE_DAYS = 1 << 20;

/** The worker behind weightedPipeline, on prepared deals and weights. */
export function weightedPipelineOf(
  p: PreparedDeals,
  w: DealWeights,
  threshold?: number,
): WeightedPipelineResult {
  const { size, stage, owner, region, product, closeDay, amountMinor, status, scale } = p;
  const { inFunnel, weightedMinor, smallOrder } = w;
  // Close months: the day span first, then one month number per day of the span (not per deal).
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < size; i += 1) {
    if (inFunnel[i] !== 1) continue;
    const day = closeDay[i] as number;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  const hasDays = maxDay >= minDay;
  const minMonth = hasDays ? monthIndexFromEpochDay(minDay) : 0;
  const monthCount = hasDays ? monthIndexFromEpochDay(maxDay) - minMonth + 1 : 0;
  const span = hasDays ? maxDay - minDay + 1 : 0;
  const useTable =
    Number.isInteger(minDay) && Number.isInteger(maxDay) && span <= MAX_MONTH_TABLE_DAYS;
  const slotOfDay = new Int32Array(useTable ? span : 0);
  if (useTable)
    for (let d = 0; d < span; d += 1) slotOfDay[d] = monthIndexFromEpochDay(minDay + d) - minMonth;

  const W = GroupSums.WIDTH;
  const byStage = new GroupSums(p.stages.length);
  const byOwner = new GroupSums(p.owners.length);
  const byRegion = new GroupSums(p.regions.length);
  const byProduct = new GroupSums(p.products.length);
  // Last slot: deals without a close date.
  const byMonth = new GroupSums(monthCount + 1);
  const S = byStage.sums;
  const O = byOwner.sums;
  const R = byRegion.sums;
  const P = byProduct.sums;
  const M = byMonth.sums;
  let wonCount = 0;
  let wonAmount = 0;
  let lostCount = 0;
  let lostAmount = 0;
  let smallCount = 0;
  let smallAmount = 0;
  for (let i = 0; i < size; i += 1) {
    const a = amountMinor[i] as number;
    // NaN ≠ NaN: a blank amount adds nothing.
    const amount = a === a ? a : 0;
    if (inFunnel[i] !== 1) {
      const st = status[i];
      if (st === WON) {
        wonCount += 1;
        wonAmount += amount;
      } else if (st !== 0) {
        lostCount += 1;
        lostAmount += amount;
      } else if (smallOrder[i] === 1) {
        smallCount += 1;
        smallAmount += amount;
      }
      continue;
    }
    const wm = a === a ? (weightedMinor[i] as number) : NaN;
    const known = wm === wm;
    const weighted = known ? wm : 0;
    const missing = known ? 0 : 1;
    let k = (stage[i] as number) * W;
    S[k] = (S[k] as number) + 1;
    S[k + 1] = (S[k + 1] as number) + amount;
    S[k + 2] = (S[k + 2] as number) + weighted;
    S[k + 3] = (S[k + 3] as number) + missing;
    k = (owner[i] as number) * W;
    O[k] = (O[k] as number) + 1;
    O[k + 1] = (O[k + 1] as number) + amount;
    O[k + 2] = (O[k + 2] as number) + weighted;
    k = (region[i] as number) * W;
    R[k] = (R[k] as number) + 1;
    R[k + 1] = (R[k + 1] as number) + amount;
    R[k + 2] = (R[k + 2] as number) + weighted;
    k = (product[i] as number) * W;
    P[k] = (P[k] as number) + 1;
    P[k + 1] = (P[k + 1] as number) + amount;
    P[k + 2] = (P[k + 2] as number) + weighted;
    const day = closeDay[i] as number;
    k =
      (day !== day
        ? monthCount
        : useTable
          ? (slotOfDay[day - minDay] as number)
          : monthIndexFromEpochDay(day) - minMonth) * W;
    M[k] = (M[k] as number) + 1;
    M[k + 1] = (M[k + 1] as number) + amount;
    M[k + 2] = (M[k + 2] as number) + weighted;
  }
  const money = (minor: number): number => fromMinorUnits(minor, scale);
  const stages: PipelineStageRow[] = p.stages.map((s, k) => ({
    key: s.key,
    name: s.name,
    nameZh: s.nameZh,
    order: s.order,
    rate: s.rate ?? null,
    rateSource: s.rateSource,
    category: s.category,
    count: byStage.count(k),
    amount: money(byStage.amount(k)),
    weighted: money(byStage.weighted(k)),
    unweighted: byStage.unweighted(k),
  }));
  const groups = (g: GroupSums, labels: readonly string[]): PipelineGroup[] => {
    const rows: PipelineGroup[] = [];
    labels.forEach((label, k) => {
      if (g.count(k) === 0) return;
      rows.push({
        key: label,
        name: label === '' ? NONE_LABEL : label,
        count: g.count(k),
        amount: money(g.amount(k)),
        weighted: money(g.weighted(k)),
      });
    });
    return rows.sort(
      (a, b) => b.weighted - a.weighted || b.amount - a.amount || (a.key < b.key ? -1 : 1),
    );
  };
  const monthLabels = Array.from({ length: monthCount + 1 }, (_, k) =>
    k === monthCount ? NO_DATE_LABEL : monthLabel(minMonth + k),
  );
  const byMonthRows: PipelineGroup[] = [];
  const quarterSums = new Map<string, PipelineTotals>();
  monthLabels.forEach((label, k) => {
    const count = byMonth.count(k);
    if (count === 0) return;
    const amount = byMonth.amount(k);
    const weighted = byMonth.weighted(k);
    byMonthRows.push({
      key: label,
      name: label,
      count,
      amount: money(amount),
      weighted: money(weighted),
    });
    const q = k === monthCount ? NO_DATE_LABEL : quarterLabel(minMonth + k);
    const sum = quarterSums.get(q) ?? { count: 0, amount: 0, weighted: 0 };
    sum.count += count;
    sum.amount += amount;
    sum.weighted += weighted;
    quarterSums.set(q, sum);
  });
  const byQuarter = [...quarterSums].map(([key, s]) => ({
    key,
    name: key,
    count: s.count,
    amount: money(s.amount),
    weighted: money(s.weighted),
  }));
  let count = 0;
  let amount = 0;
  let weighted = 0;
  for (let k = 0; k < p.stages.length; k += 1) {
    count += byStage.count(k);
    amount += byStage.amount(k);
    weighted += byStage.weighted(k);
  }
  return {
    template: p.choice,
    stages,
    byOwner: groups(byOwner, p.owners),
    byRegion: groups(byRegion, p.regions),
    byProduct: groups(byProduct, p.products),
    byMonth: byMonthRows,
    byQuarter,
    totals: { count, amount: money(amount), weighted: money(weighted) },
    won: { count: wonCount, amount: money(wonAmount) },
    lost: { count: lostCount, amount: money(lostAmount) },
    unknownStages: p.unknownStages,
    smallOrders:
      threshold === undefined
        ? null
        : {
            threshold: money(toMinorUnits(threshold, scale)),
            count: smallCount,
            amount: money(smallAmount),
          },
    warnings: p.warnings,
  };
}
