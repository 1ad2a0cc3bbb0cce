import type { Deal } from '../columns/records.js';
import type { DealWeights } from './deal-weights.js';
import { dealWeights } from './deal-weights.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import type { PreparedDeals } from './prepared-deals.js';
import { isPreparedDeals, OPEN, WON } from './prepared-deals.js';
import { PipecastError } from '../errors/pipecast-error.js';

export interface SalesVelocityOptions extends PrepareDealsOptions {
  /** Default: won ÷ closed in the data. */
  winRate?: number;
  /** Default: mean close − created days over won deals. */
  cycleDays?: number;
  smallOrderThreshold?: number;
}

export interface SalesVelocityResult {
  openDeals: number;
  /** Mean amount of open funnel deals that have an amount. */
  avgDealSize: number | null;
  winRate: number | null;
  cycleDays: number | null;
  /** openDeals × avgDealSize × winRate ÷ cycleDays: revenue per day; null when an input is missing. */
  perDay: number | null;
  /** perDay × 30. */
  per30Days: number | null;
  /** Why perDay is null, when it is. */
  missing: string[];
}

/**
 * Sales velocity = open deals × average deal size × win rate ÷ average cycle days (DOMAIN.md).
 *
 * Open deals are the funnel's open deals (unknown stages and small orders excluded); deals
 * without an amount count in `openDeals` but not in the average size. Win rate and cycle come from
 * closed history unless given.
 *
 * @param deals - deals or prepared deals (not mutated).
 * @param options - optional winRate and cycleDays overrides.
 * @returns the inputs and the velocity per day and per 30 days.
 * @throws PipecastError when winRate is outside 0–1 or cycleDays ≤ 0.
 * @example salesVelocity(deals).perDay
 */
export function salesVelocity(
  deals: readonly Deal[] | PreparedDeals,
  options: SalesVelocityOptions = {},
): SalesVelocityResult {
  if (options.winRate !== undefined && !(options.winRate >= 0 && options.winRate <= 1))
    throw new PipecastError(
      'invalid-option',
      `salesVelocity: winRate must be 0–1, got ${options.winRate}`,
    );
  if (options.cycleDays !== undefined && !(options.cycleDays > 0))
    throw new PipecastError(
      'invalid-option',
      `salesVelocity: cycleDays must be > 0, got ${options.cycleDays}`,
    );
  const p = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  return salesVelocityOf(p, dealWeights(p, options.smallOrderThreshold), options);
}

/** The worker behind salesVelocity. */
export function salesVelocityOf(
  p: PreparedDeals,
  w: DealWeights,
  options: SalesVelocityOptions = {},
): SalesVelocityResult {
  let open = 0;
  let sized = 0;
  let sum = 0;
  let cycleSum = 0;
  let cycleN = 0;
  for (let i = 0; i < p.size; i += 1) {
    if (p.status[i] === OPEN && w.inFunnel[i] === 1) {
      open += 1;
      const a = p.amountMinor[i] ?? NaN;
      if (!Number.isNaN(a)) {
        sized += 1;
        sum += a;
      }
    } else if (p.status[i] === WON) {
      const c = p.createdDay[i] ?? NaN;
      const d = p.closeDay[i] ?? NaN;
      if (!Number.isNaN(c) && !Number.isNaN(d)) {
        cycleSum += d - c;
        cycleN += 1;
      }
    }
  }
  const avgDealSize = sized > 0 ? sum / sized / p.scale : null;
  const winRate = options.winRate ?? p.overallWinRate;
  const cycleDays = options.cycleDays ?? (cycleN > 0 ? cycleSum / cycleN : null);
  const missing: string[] = [];
  if (open === 0) missing.push('no open deals');
  if (avgDealSize === null) missing.push('no open deal has an amount');
  if (winRate === null) missing.push('no closed deals to learn a win rate from');
  if (cycleDays === null) missing.push('no won deal has both a created and a close date');
  else if (cycleDays <= 0) missing.push('the average cycle is not positive');
  const perDay =
    open > 0 && avgDealSize !== null && winRate !== null && cycleDays !== null && cycleDays > 0
      ? (open * avgDealSize * winRate) / cycleDays
      : null;
  return {
    openDeals: open,
    avgDealSize,
    winRate,
    cycleDays,
    perDay,
    per30Days: perDay === null ? null : perDay * 30,
    missing,
  };
}
