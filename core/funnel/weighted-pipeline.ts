import type { DataWarning } from '../columns/data-warning.js';
import type { Deal } from '../columns/records.js';
import type { DealWeights } from './deal-weights.js';
import { dealWeights } from './deal-weights.js';
import { fromMinorUnits, toMinorUnits } from '../columns/money.js';
import { CloseMonthSlots } from '../internal/close-month-slots.js';
import { addToGroup, addUnweighted, GroupSums } from '../internal/group-sums.js';
import { monthLabel, quarterLabel } from './period-keys.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import type { PreparedDeals, RateSource, UnknownStage } from './prepared-deals.js';
import { isPreparedDeals, OPEN, WON } from './prepared-deals.js';
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
  /**
   * The file's probability column over this stage's deals that have one: their weighted amount ÷
   * their amount (the plain mean when their amounts sum to 0); null when none has one.
   */
  probabilityFromFile: number | null;
}

/** Key of the stage row of open deals whose stage matches no template stage. */
export const UNKNOWN_STAGE_KEY = '(unknown)';

export interface WeightedPipelineResult {
  template: TemplateChoice;
  stages: PipelineStageRow[];
  byOwner: PipelineGroup[];
  byRegion: PipelineGroup[];
  byProduct: PipelineGroup[];
  byMonth: PipelineGroup[];
  byQuarter: PipelineGroup[];
  /**
   * Open deals whose stage name matches no stage of the template (blank ones too), small orders
   * excluded: count, amount, and weighted by their own probability only (no stage rate; 0 and
   * `unweighted` without one). Null when there are none. Listed by name in `unknownStages`.
   */
  unknownStage: PipelineStageRow | null;
  /**
   * Open deals, small orders excluded: the sum of `stages` and `unknownStage`, so no open deal
   * drops out unseen. The groups by owner, region, product and month add up to it too.
   */
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
  const prepared = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  return weightedPipelineOf(prepared, dealWeights(prepared, threshold), threshold);
}

/** The pipeline's sums in minor units, before they become rows. */
interface PipelineSums {
  byStage: GroupSums;
  byOwner: GroupSums;
  byRegion: GroupSums;
  byProduct: GroupSums;
  /** By close-month slot (see CloseMonthSlots). */
  byMonth: GroupSums;
  outside: OutsideFunnelSums;
}

/**
 * Deals outside the funnel: won (Closed, at 100%), lost, and open small orders; count and amount
 * of each at these positions (a typed array keeps the per-deal additions unboxed).
 */
type OutsideFunnelSums = Float64Array;
const WON_AT = 0;
const LOST_AT = 2;
const SMALL_AT = 4;

/** The worker behind weightedPipeline, on prepared deals and weights. */
export function weightedPipelineOf(
  prepared: PreparedDeals,
  weights: DealWeights,
  threshold?: number,
): WeightedPipelineResult {
  const months = new CloseMonthSlots(prepared.closeDay, inTotals(weights));
  const sums = sumPipeline(prepared, weights, months);
  const money = (minor: number): number => fromMinorUnits(minor, prepared.scale);
  const { outside } = sums;
  const { byMonth, byQuarter } = monthAndQuarterRows(sums.byMonth, months, money);
  const fromFile = probabilityFromFileByStage(prepared, weights);
  const stages = stageRows(prepared, sums.byStage, fromFile, money);
  return {
    template: prepared.choice,
    stages,
    unknownStage: unknownStageRow(prepared.stages.length, sums.byStage, fromFile, money),
    byOwner: groupRows(sums.byOwner, prepared.owners, money),
    byRegion: groupRows(sums.byRegion, prepared.regions, money),
    byProduct: groupRows(sums.byProduct, prepared.products, money),
    byMonth,
    byQuarter,
    totals: pipelineTotals(sums.byStage, prepared.stages.length + 1, money),
    won: { count: outside[WON_AT] ?? 0, amount: money(outside[WON_AT + 1] ?? 0) },
    lost: { count: outside[LOST_AT] ?? 0, amount: money(outside[LOST_AT + 1] ?? 0) },
    unknownStages: prepared.unknownStages,
    smallOrders:
      threshold === undefined
        ? null
        : {
            threshold: money(toMinorUnits(threshold, prepared.scale)),
            count: outside[SMALL_AT] ?? 0,
            amount: money(outside[SMALL_AT + 1] ?? 0),
          },
    warnings: prepared.warnings,
  };
}

/**
 * One pass over the deals: each funnel deal added to its stage, owner, region, product and close
 * month, an open deal in an unknown stage likewise with the stage slot after the template's; the
 * others to won, lost or small orders. A blank amount adds nothing; a deal without a weighted
 * amount adds 0 to the weighted sums and counts as unweighted in its stage.
 */
function sumPipeline(
  prepared: PreparedDeals,
  weights: DealWeights,
  months: CloseMonthSlots,
): PipelineSums {
  const { size, stage, owner, region, product, closeDay, amountMinor, status } = prepared;
  const { inFunnel, weightedMinor, smallOrder, unknownStage } = weights;
  const unknownSlot = prepared.stages.length;
  const sums: PipelineSums = {
    byStage: new GroupSums(prepared.stages.length + 1),
    byOwner: new GroupSums(prepared.owners.length),
    byRegion: new GroupSums(prepared.regions.length),
    byProduct: new GroupSums(prepared.products.length),
    byMonth: new GroupSums(months.monthCount + 1),
    outside: new Float64Array(6),
  };
  const stageSums = sums.byStage.sums;
  const ownerSums = sums.byOwner.sums;
  const regionSums = sums.byRegion.sums;
  const productSums = sums.byProduct.sums;
  const monthSums = sums.byMonth.sums;
  for (let i = 0; i < size; i += 1) {
    const minor = amountMinor[i] as number;
    // NaN ≠ NaN: a blank amount adds nothing.
    const amount = minor === minor ? minor : 0;
    let stageSlot = stage[i] as number;
    if (inFunnel[i] !== 1) {
      if (unknownStage[i] === 1) stageSlot = unknownSlot;
      else {
        addOutsideFunnel(sums.outside, status[i] as number, smallOrder[i] === 1, amount);
        continue;
      }
    }
    const weightedOrNaN = minor === minor ? (weightedMinor[i] as number) : NaN;
    const known = weightedOrNaN === weightedOrNaN;
    const weighted = known ? weightedOrNaN : 0;
    addToGroup(stageSums, stageSlot, amount, weighted);
    addUnweighted(stageSums, stageSlot, known ? 0 : 1);
    addToGroup(ownerSums, owner[i] as number, amount, weighted);
    addToGroup(regionSums, region[i] as number, amount, weighted);
    addToGroup(productSums, product[i] as number, amount, weighted);
    addToGroup(monthSums, months.slotOf(closeDay[i] as number), amount, weighted);
  }
  return sums;
}

/** Adds a deal outside the funnel: won at 100%, lost, or an open small order. */
function addOutsideFunnel(
  outside: OutsideFunnelSums,
  dealStatus: number,
  isSmallOrder: boolean,
  amount: number,
): void {
  const at =
    dealStatus === WON ? WON_AT : dealStatus !== OPEN ? LOST_AT : isSmallOrder ? SMALL_AT : -1;
  if (at < 0) return;
  outside[at] = (outside[at] as number) + 1;
  outside[at + 1] = (outside[at + 1] as number) + amount;
}

/** 1 for each deal the pipeline's totals count: in the funnel or open in an unknown stage. */
export function inTotals(weights: DealWeights): Uint8Array {
  const { inFunnel, unknownStage } = weights;
  if (!unknownStage.includes(1)) return inFunnel;
  return inFunnel.map((flag, i) => flag | (unknownStage[i] as number));
}

/** One row per template stage, with its rate and where the rate came from. */
function stageRows(
  prepared: PreparedDeals,
  byStage: GroupSums,
  fromFile: readonly (number | null)[],
  money: (minor: number) => number,
): PipelineStageRow[] {
  return prepared.stages.map((stage, code) => ({
    key: stage.key,
    name: stage.name,
    nameZh: stage.nameZh,
    order: stage.order,
    rate: stage.rate ?? null,
    rateSource: stage.rateSource,
    category: stage.category,
    ...slotFigures(code, byStage, fromFile, money),
  }));
}

/** The sums of one stage slot of byStage: what a template stage's row and the unknown row share. */
function slotFigures(
  slot: number,
  byStage: GroupSums,
  fromFile: readonly (number | null)[],
  money: (minor: number) => number,
): Pick<PipelineStageRow, 'count' | 'amount' | 'weighted' | 'unweighted' | 'probabilityFromFile'> {
  return {
    count: byStage.count(slot),
    amount: money(byStage.amount(slot)),
    weighted: money(byStage.weighted(slot)),
    unweighted: byStage.unweighted(slot),
    probabilityFromFile: fromFile[slot] ?? null,
  };
}

/**
 * The row of open deals in no template stage (slot `unknownSlot` of byStage), null without any.
 * It has no rate: its deals weigh by their own probability only.
 */
function unknownStageRow(
  unknownSlot: number,
  byStage: GroupSums,
  fromFile: readonly (number | null)[],
  money: (minor: number) => number,
): PipelineStageRow | null {
  if (byStage.count(unknownSlot) === 0) return null;
  return {
    key: UNKNOWN_STAGE_KEY,
    name: 'Unknown stage',
    nameZh: '未知阶段',
    order: unknownSlot,
    rate: null,
    rateSource: 'none',
    category: 'pipeline',
    ...slotFigures(unknownSlot, byStage, fromFile, money),
  };
}

/**
 * Per stage slot (template stages, then the unknown stage), the file's probability over its deals
 * that have one: Σ weighted ÷ Σ amount of those deals (the amount-weighted mean, which is what
 * their weighted amount used), the plain mean when those amounts sum to 0; null when none has one.
 * Empty when no deal in the totals has a probability of its own (no pass over the deals then).
 */
function probabilityFromFileByStage(
  prepared: PreparedDeals,
  weights: DealWeights,
): (number | null)[] {
  const { size, stage, amountMinor, probability: own } = prepared;
  if (!own.some((value) => value === value)) return [];
  const slots = prepared.stages.length + 1;
  // Per slot: Σ weighted, Σ amount, Σ probability, deals.
  const sums = new Float64Array(slots * 4);
  for (let i = 0; i < size; i += 1) {
    const probability = own[i] as number;
    if (probability !== probability) continue;
    const slot =
      weights.inFunnel[i] === 1
        ? (stage[i] as number)
        : weights.unknownStage[i] === 1
          ? slots - 1
          : -1;
    if (slot < 0) continue;
    const amount = amountMinor[i] as number;
    if (amount === amount) {
      sums[slot * 4] = (sums[slot * 4] as number) + (weights.weightedMinor[i] as number);
      sums[slot * 4 + 1] = (sums[slot * 4 + 1] as number) + amount;
    }
    sums[slot * 4 + 2] = (sums[slot * 4 + 2] as number) + probability;
    sums[slot * 4 + 3] = (sums[slot * 4 + 3] as number) + 1;
  }
  return Array.from({ length: slots }, (_, slot) => {
    const [weighted, amount, probabilities, deals] = sums.subarray(slot * 4, slot * 4 + 4);
    if (!deals) return null;
    return amount ? (weighted as number) / amount : (probabilities as number) / deals;
  });
}

/**
 * The groups with deals, blank label shown as "(none)", largest weighted amount first (then
 * amount, then label).
 */
function groupRows(
  sums: GroupSums,
  labels: readonly string[],
  money: (minor: number) => number,
): PipelineGroup[] {
  const rows: PipelineGroup[] = [];
  labels.forEach((label, code) => {
    if (sums.count(code) === 0) return;
    rows.push({
      key: label,
      name: label === '' ? NONE_LABEL : label,
      count: sums.count(code),
      amount: money(sums.amount(code)),
      weighted: money(sums.weighted(code)),
    });
  });
  return rows.sort(
    (a, b) => b.weighted - a.weighted || b.amount - a.amount || (a.key < b.key ? -1 : 1),
  );
}

/**
 * Close months with deals, in calendar order, "(no date)" last; and the quarters they roll up
 * to, summed in minor units before rounding.
 */
function monthAndQuarterRows(
  byMonth: GroupSums,
  months: CloseMonthSlots,
  money: (minor: number) => number,
): { byMonth: PipelineGroup[]; byQuarter: PipelineGroup[] } {
  const monthRows: PipelineGroup[] = [];
  const quarterSums = new Map<string, PipelineTotals>();
  for (let slot = 0; slot <= months.monthCount; slot += 1) {
    const count = byMonth.count(slot);
    if (count === 0) continue;
    const noDate = slot === months.monthCount;
    const label = noDate ? NO_DATE_LABEL : monthLabel(months.minMonth + slot);
    const amount = byMonth.amount(slot);
    const weighted = byMonth.weighted(slot);
    monthRows.push({
      key: label,
      name: label,
      count,
      amount: money(amount),
      weighted: money(weighted),
    });
    const quarter = noDate ? NO_DATE_LABEL : quarterLabel(months.minMonth + slot);
    const sum = quarterSums.get(quarter) ?? { count: 0, amount: 0, weighted: 0 };
    sum.count += count;
    sum.amount += amount;
    sum.weighted += weighted;
    quarterSums.set(quarter, sum);
  }
  const byQuarter = [...quarterSums].map(([key, sum]) => ({
    key,
    name: key,
    count: sum.count,
    amount: money(sum.amount),
    weighted: money(sum.weighted),
  }));
  return { byMonth: monthRows, byQuarter };
}

/** The totals: the sum of the stage rows, in minor units, so they reconcile exactly. */
function pipelineTotals(
  byStage: GroupSums,
  stageCount: number,
  money: (minor: number) => number,
): PipelineTotals {
  let count = 0;
  let amount = 0;
  let weighted = 0;
  for (let code = 0; code < stageCount; code += 1) {
    count += byStage.count(code);
    amount += byStage.amount(code);
    weighted += byStage.weighted(code);
  }
  return { count, amount: money(amount), weighted: money(weighted) };
}
