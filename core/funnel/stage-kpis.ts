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
  const p = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  return stageKpisOf(p, dealWeights(p, options.smallOrderThreshold), options.asOf);
}

/** The worker behind stageKpis. */
export function stageKpisOf(p: PreparedDeals, w: DealWeights, asOf?: EpochDay): StageKpisResult {
  const n = p.stages.length;
  const count = new Float64Array(n);
  const amount = new Float64Array(n);
  const reachedAt = new Float64Array(n + 1);
  const dwellSum = new Float64Array(n);
  const dwellN = new Float64Array(n);
  let won = 0;
  let cycleSum = 0;
  let cycleN = 0;
  let lostWithoutStage = 0;
  const { size, status, stage, furthest, amountMinor, stageEnteredDay, createdDay, closeDay } = p;
  const { inFunnel } = w;
  const dwellOfOpen = !p.hasHistory && asOf !== undefined;
  const asOfDay = asOf ?? NaN;
  for (let i = 0; i < size; i += 1) {
    const st = status[i];
    if (st === OPEN) {
      if (inFunnel[i] !== 1) continue;
      const s = stage[i] as number;
      count[s] = (count[s] as number) + 1;
      const a = amountMinor[i] as number;
      // NaN ≠ NaN: a blank amount adds nothing.
      if (a === a) amount[s] = (amount[s] as number) + a;
      const far = furthest[i] as number;
      const f = far > s ? far : s;
      reachedAt[f] = (reachedAt[f] as number) + 1;
      if (dwellOfOpen) {
        const entered = stageEnteredDay[i] as number;
        if (entered === entered) {
          dwellSum[s] = (dwellSum[s] as number) + (asOfDay - entered);
          dwellN[s] = (dwellN[s] as number) + 1;
        }
      }
    } else if (st === WON) {
      won += 1;
      reachedAt[n - 1] = (reachedAt[n - 1] ?? 0) + 1;
      const created = createdDay[i] as number;
      const closed = closeDay[i] as number;
      if (created === created && closed === closed) {
        cycleSum += closed - created;
        cycleN += 1;
      }
    } else if (st === LOST) {
      const f = furthest[i] as number;
      if (f < 0) lostWithoutStage += 1;
      else reachedAt[f] = (reachedAt[f] as number) + 1;
    }
  }
  for (let s = n - 2; s >= 0; s -= 1) reachedAt[s] = (reachedAt[s] ?? 0) + (reachedAt[s + 1] ?? 0);
  const { stage: stayStage, days: stayDays } = p.stays;
  const stayN = new Float64Array(n);
  const staySum = new Float64Array(n);
  for (let k = 0; k < stayStage.length; k += 1) {
    const s = stayStage[k] ?? 0;
    stayN[s] = (stayN[s] ?? 0) + 1;
    staySum[s] = (staySum[s] ?? 0) + (stayDays[k] ?? 0);
  }
  const stages: StageKpiRow[] = p.stages.map((stage, s) => {
    const reached = reachedAt[s] ?? 0;
    const next = s === n - 1 ? won : (reachedAt[s + 1] ?? 0);
    const fromHistory = (stayN[s] ?? 0) > 0;
    const fromOpen = !fromHistory && (dwellN[s] ?? 0) > 0;
    return {
      key: stage.key,
      name: stage.name,
      nameZh: stage.nameZh,
      count: count[s] ?? 0,
      amount: fromMinorUnits(amount[s] ?? 0, p.scale),
      reached,
      conversion: reached > 0 ? next / reached : null,
      avgDaysInStage: fromHistory
        ? (staySum[s] ?? 0) / (stayN[s] ?? 1)
        : fromOpen
          ? (dwellSum[s] ?? 0) / (dwellN[s] ?? 1)
          : null,
      daysBasis: fromHistory ? 'history' : fromOpen ? 'open-deals' : 'none',
    };
  });
  let bottleneck: StageKpisResult['bottleneck'] = null;
  let lowest: StageKpiRow | undefined;
  for (const row of stages)
    if (row.conversion !== null && (!lowest || row.conversion < (lowest.conversion ?? 1)))
      lowest = row;
  if (lowest && lowest.conversion !== null) {
    bottleneck = {
      stageKey: lowest.key,
      name: lowest.name,
      by: 'conversion',
      value: lowest.conversion,
      reason: `lowest conversion to the next stage: ${(lowest.conversion * 100).toFixed(1)}% of ${lowest.reached} deals that reached it`,
    };
  } else {
    let longest: StageKpiRow | undefined;
    for (const row of stages)
      if (
        row.avgDaysInStage !== null &&
        (!longest || row.avgDaysInStage > (longest.avgDaysInStage ?? 0))
      )
        longest = row;
    if (longest && longest.avgDaysInStage !== null) {
      bottleneck = {
        stageKey: longest.key,
        name: longest.name,
        by: 'dwell',
        value: longest.avgDaysInStage,
        reason: `longest average time in stage: ${longest.avgDaysInStage.toFixed(1)} days (no conversion data)`,
      };
    }
  }
  return {
    stages,
    avgCycleDays: cycleN > 0 ? cycleSum / cycleN : null,
    cycleDeals: cycleN,
    bottleneck,
    lostWithoutStage,
  };
}
