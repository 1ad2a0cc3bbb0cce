import type { EpochDay } from '../columns/epoch-day.js';
import type { Deal } from '../columns/records.js';
import type { DealWeights } from './deal-weights.js';
import { dealWeights } from './deal-weights.js';
import { fromMinorUnits } from '../columns/money.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import type { PreparedDeals } from './prepared-deals.js';
import { isPreparedDeals, LOST, OPEN, WON } from './prepared-deals.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { formatCount, formatDecimal, formatPercent } from '../text/format-number.js';

export interface StageKpisOptions extends PrepareDealsOptions {
  /** For the time open deals have spent in their stage so far (used when there is no history). */
  asOf?: EpochDay;
  smallOrderThreshold?: number;
}

export interface StageKpiRow {
  key: string;
  name: string;
  nameZh: string;
  /** Open deals in the stage now. */
  count: number;
  amount: number;
  /** Deals known to have reached the stage (open, won, and lost with a known last stage). */
  reached: number;
  /** reached(next) ÷ reached(this); for the last stage won ÷ reached; null when none reached. */
  conversion: number | null;
  avgDaysInStage: number | null;
  /** 'history' (completed stays), 'open-deals' (asOf − stage entered, so far) or 'none'. */
  daysBasis: 'history' | 'open-deals' | 'none';
}

export interface StageKpisResult {
  stages: StageKpiRow[];
  /** Mean days from created to close over won deals with both dates; null when none. */
  avgCycleDays: number | null;
  cycleDeals: number;
  bottleneck: {
    stageKey: string;
    name: string;
    by: 'conversion' | 'dwell';
    value: number;
    reason: string;
  } | null;
  /** Lost deals that do not say where they were lost, left out of `reached`. */
  lostWithoutStage: number;
}

/**
 * Stage KPIs: count, amount, conversion to the next stage, average days in stage, average sales
 * cycle, and the bottleneck (瓶颈).
 *
 * Formula: reached(s) = deals whose furthest known stage is s or later (won deals reached every
 * stage); conversion(s) = reached(s + 1) ÷ reached(s), the last stage converting to Won.
 * Days in stage: mean of completed stays in the stage history; without history, mean of
 * asOf − stage-entered date over open deals in the stage. Cycle: mean close − created over won
 * deals. Bottleneck: the stage with the lowest conversion (ties: the earlier stage); when no
 * conversion can be computed, the longest average dwell. Blank dates leave a deal out of the
 * averages; lost deals with no known stage are left out of `reached` and counted.
 *
 * @param deals - deals or prepared deals (not mutated).
 * @param options - template options, stage history, asOf.
 * @returns one row per stage, the cycle and the bottleneck.
 * @throws PipecastError when asOf is given and not an integer.
 * @example stageKpis(deals, { asOf }).bottleneck?.reason
 */
export function stageKpis(
  deals: readonly Deal[] | PreparedDeals,
  options: StageKpisOptions = {},
): StageKpisResult {
  if (options.asOf !== undefined && !Number.isInteger(options.asOf))
    throw new PipecastError(
      'invalid-option',
      `stageKpis: asOf must be an integer epoch day, got ${options.asOf}`,
    );
  const prepared = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  return stageKpisOf(prepared, dealWeights(prepared, options.smallOrderThreshold), options.asOf);
}

/** The worker behind stageKpis. */
export function stageKpisOf(
  prepared: PreparedDeals,
  weights: DealWeights,
  asOf?: EpochDay,
): StageKpisResult {
  const facts = sumStageFacts(prepared, weights, asOf);
  const stageCount = prepared.stages.length;
  const { reachedAt } = facts;
  // Reaching a stage means reaching every stage before it.
  for (let index = stageCount - 2; index >= 0; index -= 1)
    reachedAt[index] = (reachedAt[index] ?? 0) + (reachedAt[index + 1] ?? 0);
  const stays = stayTotals(prepared.stays, stageCount);
  const stages: StageKpiRow[] = prepared.stages.map((stage, index) => {
    const reached = reachedAt[index] ?? 0;
    const next = index === stageCount - 1 ? facts.won : (reachedAt[index + 1] ?? 0);
    const fromHistory = (stays.count[index] ?? 0) > 0;
    const fromOpen = !fromHistory && (facts.dwellCount[index] ?? 0) > 0;
    return {
      key: stage.key,
      name: stage.name,
      nameZh: stage.nameZh,
      count: facts.count[index] ?? 0,
      amount: fromMinorUnits(facts.amount[index] ?? 0, prepared.scale),
      reached,
      conversion: reached > 0 ? next / reached : null,
      avgDaysInStage: fromHistory
        ? (stays.days[index] ?? 0) / (stays.count[index] ?? 1)
        : fromOpen
          ? (facts.dwellDays[index] ?? 0) / (facts.dwellCount[index] ?? 1)
          : null,
      daysBasis: fromHistory ? 'history' : fromOpen ? 'open-deals' : 'none',
    };
  });
  return {
    stages,
    avgCycleDays: facts.cycleDeals > 0 ? facts.cycleDays / facts.cycleDeals : null,
    cycleDeals: facts.cycleDeals,
    bottleneck: bottleneckOf(stages),
    lostWithoutStage: facts.lostWithoutStage,
  };
}

/** Per stage sums from the deals, and the won deals' sales cycles. */
interface StageFacts {
  count: Float64Array;
  amount: Float64Array;
  /** Deals whose furthest stage is this one (stage count + 1 slots); made cumulative later. */
  reachedAt: Float64Array;
  /** Days open deals have been in their stage up to asOf (when there is no history). */
  dwellDays: Float64Array;
  dwellCount: Float64Array;
  won: number;
  cycleDays: number;
  cycleDeals: number;
  lostWithoutStage: number;
}

/**
 * One pass over the deals: open funnel deals add to their stage's count, amount and dwell and
 * reach their furthest stage; won deals reach the last stage and give a sales cycle (created to
 * close); lost deals reach their furthest stage, when known.
 */
function sumStageFacts(
  prepared: PreparedDeals,
  weights: DealWeights,
  asOf: EpochDay | undefined,
): StageFacts {
  const stageCount = prepared.stages.length;
  const facts: StageFacts = {
    count: new Float64Array(stageCount),
    amount: new Float64Array(stageCount),
    reachedAt: new Float64Array(stageCount + 1),
    dwellDays: new Float64Array(stageCount),
    dwellCount: new Float64Array(stageCount),
    won: 0,
    cycleDays: 0,
    cycleDeals: 0,
    lostWithoutStage: 0,
  };
  const { count, amount, reachedAt, dwellDays, dwellCount } = facts;
  const { size, status, stage, furthest, amountMinor, stageEnteredDay, createdDay, closeDay } =
    prepared;
  const { inFunnel } = weights;
  const dwellOfOpen = !prepared.hasHistory && asOf !== undefined;
  const asOfDay = asOf ?? NaN;
  for (let i = 0; i < size; i += 1) {
    const dealStatus = status[i];
    if (dealStatus === OPEN) {
      if (inFunnel[i] !== 1) continue;
      const index = stage[i] as number;
      count[index] = (count[index] as number) + 1;
      const minor = amountMinor[i] as number;
      // NaN ≠ NaN: a blank amount adds nothing.
      if (minor === minor) amount[index] = (amount[index] as number) + minor;
      const reached = furthestReached(furthest[i] as number, index);
      reachedAt[reached] = (reachedAt[reached] as number) + 1;
      if (dwellOfOpen) {
        const entered = stageEnteredDay[i] as number;
        if (entered === entered) {
          dwellDays[index] = (dwellDays[index] as number) + (asOfDay - entered);
          dwellCount[index] = (dwellCount[index] as number) + 1;
        }
      }
    } else if (dealStatus === WON) {
      facts.won += 1;
      reachedAt[stageCount - 1] = (reachedAt[stageCount - 1] ?? 0) + 1;
      const cycle = (closeDay[i] as number) - (createdDay[i] as number);
      // NaN when either date is blank.
      if (cycle === cycle) {
        facts.cycleDays += cycle;
        facts.cycleDeals += 1;
      }
    } else if (dealStatus === LOST) {
      const reached = furthest[i] as number;
      if (reached < 0) facts.lostWithoutStage += 1;
      else reachedAt[reached] = (reachedAt[reached] as number) + 1;
    }
  }
  return facts;
}

/** The furthest stage an open deal reached: its history's furthest, at least its current stage. */
export function furthestReached(furthest: number, current: number): number {
  return furthest > current ? furthest : current;
}

/** Completed stays from the stage history: count and total days per stage. */
function stayTotals(
  stays: PreparedDeals['stays'],
  stageCount: number,
): { count: Float64Array; days: Float64Array } {
  const count = new Float64Array(stageCount);
  const days = new Float64Array(stageCount);
  for (let k = 0; k < stays.stage.length; k += 1) {
    const index = stays.stage[k] ?? 0;
    count[index] = (count[index] ?? 0) + 1;
    days[index] = (days[index] ?? 0) + (stays.days[k] ?? 0);
  }
  return { count, days };
}

/**
 * The bottleneck (瓶颈): the stage with the lowest conversion to the next (the first of equals);
 * without conversion data, the one with the longest average time in stage.
 */
export function bottleneckOf(stages: readonly StageKpiRow[]): StageKpisResult['bottleneck'] {
  let lowest: StageKpiRow | undefined;
  for (const row of stages)
    if (row.conversion !== null && (!lowest || row.conversion < (lowest.conversion ?? 1)))
      lowest = row;
  if (lowest && lowest.conversion !== null) {
    return {
      stageKey: lowest.key,
      name: lowest.name,
      by: 'conversion',
      value: lowest.conversion,
      reason: `lowest conversion to the next stage: ${formatPercent(lowest.conversion)} of ${formatCount(lowest.reached)} deals that reached it`,
    };
  }
  let longest: StageKpiRow | undefined;
  for (const row of stages)
    if (
      row.avgDaysInStage !== null &&
      (!longest || row.avgDaysInStage > (longest.avgDaysInStage ?? 0))
    )
      longest = row;
  if (!longest || longest.avgDaysInStage === null) return null;
  return {
    stageKey: longest.key,
    name: longest.name,
    by: 'dwell',
    value: longest.avgDaysInStage,
    reason: `longest average time in stage: ${formatDecimal(longest.avgDaysInStage, 1)} days (no conversion data)`,
  };
}
