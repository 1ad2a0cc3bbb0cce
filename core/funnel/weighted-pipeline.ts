import type { DataWarning } from '../columns/data-warning.js';
import type { Deal } from '../columns/records.js';
import type { DealWeights } from './deal-weights.js';
import { dealWeights } from './deal-weights.js';
import { fromMinorUnits, toMinorUnits } from './money.js';
import { monthIndexFromEpochDay, monthLabel, quarterLabel } from './period-keys.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import type { PreparedDeals, RateSource, UnknownStage } from './prepared-deals.js';
import { isPreparedDeals, WON } from './prepared-deals.js';
import type { TemplateChoice } from './resolve-template.js';
import type { ForecastCategory } from './stage-templates.js';

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
 * @throws Error for a bad template key or rate (see prepareDeals) or a negative threshold.
 * @example weightedPipeline(referenceDeals, { template: 'six' }).totals // {count: 18, amount: 1424, weighted: 364.8}
 */
export function weightedPipeline(
  deals: readonly Deal[] | PreparedDeals,
  options: WeightedPipelineOptions = {},
): WeightedPipelineResult {
  const threshold = options.smallOrderThreshold;
  if (threshold !== undefined && !(threshold >= 0))
    throw new Error(`weightedPipeline: smallOrderThreshold must be ≥ 0, got ${threshold}`);
  const p = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  return weightedPipelineOf(p, dealWeights(p, threshold), threshold);
}

/** Sums per key code, in minor units. */
class GroupSums {
  readonly count: Float64Array;
  readonly amount: Float64Array;
  readonly weighted: Float64Array;
  readonly unweighted: Float64Array;
  constructor(size: number) {
    this.count = new Float64Array(size);
    this.amount = new Float64Array(size);
    this.weighted = new Float64Array(size);
    this.unweighted = new Float64Array(size);
  }
}

/** The worker behind weightedPipeline, on prepared deals and weights. */
export function weightedPipelineOf(
  p: PreparedDeals,
  w: DealWeights,
  threshold?: number,
): WeightedPipelineResult {
  const { size, stage, owner, region, product, closeDay, amountMinor, status, scale } = p;
  const { inFunnel, weightedMinor, smallOrder } = w;
  let minMonth = Infinity;
  let maxMonth = -Infinity;
  const month = new Int32Array(size).fill(-1);
  for (let i = 0; i < size; i += 1) {
    if (inFunnel[i] !== 1) continue;
    const day = closeDay[i] ?? NaN;
    if (Number.isNaN(day)) continue;
    const m = monthIndexFromEpochDay(day);
    month[i] = m;
    if (m < minMonth) minMonth = m;
    if (m > maxMonth) maxMonth = m;
  }
  const monthCount = maxMonth >= minMonth ? maxMonth - minMonth + 1 : 0;
  const byStage = new GroupSums(p.stages.length);
  const byOwner = new GroupSums(p.owners.length);
  const byRegion = new GroupSums(p.regions.length);
  const byProduct = new GroupSums(p.products.length);
  // Last slot: deals without a close date.
  const byMonth = new GroupSums(monthCount + 1);
  const add = (g: GroupSums, k: number, amount: number, weighted: number): void => {
    g.count[k] = (g.count[k] ?? 0) + 1;
    g.amount[k] = (g.amount[k] ?? 0) + amount;
    if (Number.isNaN(weighted)) g.unweighted[k] = (g.unweighted[k] ?? 0) + 1;
    else g.weighted[k] = (g.weighted[k] ?? 0) + weighted;
  };
  let wonCount = 0;
  let wonAmount = 0;
  let lostCount = 0;
  let lostAmount = 0;
  let smallCount = 0;
  let smallAmount = 0;
  for (let i = 0; i < size; i += 1) {
    const a = amountMinor[i] ?? NaN;
    const amount = Number.isNaN(a) ? 0 : a;
    if (inFunnel[i] !== 1) {
      if (status[i] === WON) {
        wonCount += 1;
        wonAmount += amount;
      } else if (status[i] !== 0) {
        lostCount += 1;
        lostAmount += amount;
      } else if (smallOrder[i] === 1) {
        smallCount += 1;
        smallAmount += amount;
      }
      continue;
    }
    const weighted = Number.isNaN(a) ? NaN : (weightedMinor[i] ?? NaN);
    add(byStage, stage[i] ?? 0, amount, weighted);
    add(byOwner, owner[i] ?? 0, amount, weighted);
    add(byRegion, region[i] ?? 0, amount, weighted);
    add(byProduct, product[i] ?? 0, amount, weighted);
    const m = month[i] ?? -1;
    add(byMonth, m < 0 ? monthCount : m - minMonth, amount, weighted);
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
    count: byStage.count[k] ?? 0,
    amount: money(byStage.amount[k] ?? 0),
    weighted: money(byStage.weighted[k] ?? 0),
    unweighted: byStage.unweighted[k] ?? 0,
  }));
  const groups = (g: GroupSums, labels: readonly string[]): PipelineGroup[] => {
    const rows: PipelineGroup[] = [];
    labels.forEach((label, k) => {
      if ((g.count[k] ?? 0) === 0) return;
      rows.push({
        key: label,
        name: label === '' ? NONE_LABEL : label,
        count: g.count[k] ?? 0,
        amount: money(g.amount[k] ?? 0),
        weighted: money(g.weighted[k] ?? 0),
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
    const count = byMonth.count[k] ?? 0;
    if (count === 0) return;
    const amount = byMonth.amount[k] ?? 0;
    const weighted = byMonth.weighted[k] ?? 0;
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
    count += byStage.count[k] ?? 0;
    amount += byStage.amount[k] ?? 0;
    weighted += byStage.weighted[k] ?? 0;
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
