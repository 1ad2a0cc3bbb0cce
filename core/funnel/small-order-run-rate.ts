import type { EpochDay } from '../columns/epoch-day.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { Deal } from '../columns/records.js';
import { fromMinorUnits, toMinorUnits } from '../columns/money.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import type { PreparedDeals } from './prepared-deals.js';
import { isPreparedDeals, OPEN, WON } from './prepared-deals.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** Days of won history the small-order run-rate is taken from. */
export const DEFAULT_RUN_RATE_LOOKBACK_DAYS = 365;
/** Days ahead the run-rate is added back for (a quarter). */
export const DEFAULT_RUN_RATE_HORIZON_DAYS = 90;

export interface SmallOrderRunRateOptions extends PrepareDealsOptions {
  /** Orders with an amount below this are small orders (漏斗外销售额). */
  threshold: number;
  asOf: EpochDay;
  lookbackDays?: number;
  horizonDays?: number;
}

export interface SmallOrderRunRateResult {
  threshold: number;
  /** Open deals below the threshold, kept out of the funnel. */
  excludedOpen: { count: number; amount: number };
  /** Won small orders closed in (asOf − lookback, asOf]. */
  history: { from: string; to: string; count: number; amount: number };
  runRatePerDay: number;
  horizonDays: number;
  /** runRatePerDay × horizonDays: the forecast line added for small orders. */
  addBack: number;
  /** Won small orders without a close date (not in the run-rate). */
  undated: number;
}

/**
 * Out-of-funnel small orders: kept out of the funnel and added back as a run-rate from history.
 *
 * Formula: run-rate per day = Σ amount of won deals below the threshold with close date in
 * (asOf − lookbackDays, asOf] ÷ lookbackDays; add-back = run-rate × horizonDays. Blank amounts are
 * never small orders; won small orders without a close date are counted in `undated` only.
 *
 * @param deals - deals or prepared deals (not mutated).
 * @param options - threshold and asOf (required), lookbackDays (365), horizonDays (90).
 * @returns excluded open orders, the history used, the run-rate and the add-back.
 * @throws PipecastError when threshold < 0, asOf is not an integer epoch day, or a day count is not a positive integer.
 * @example smallOrderRunRate(deals, { threshold: 5, asOf: epochDayFromIso('2024-07-01')! }).addBack
 */
export function smallOrderRunRate(
  deals: readonly Deal[] | PreparedDeals,
  options: SmallOrderRunRateOptions,
): SmallOrderRunRateResult {
  const lookback = options.lookbackDays ?? DEFAULT_RUN_RATE_LOOKBACK_DAYS;
  const horizon = options.horizonDays ?? DEFAULT_RUN_RATE_HORIZON_DAYS;
  if (!(options.threshold >= 0))
    throw new PipecastError(
      'invalid-option',
      `smallOrderRunRate: threshold must be ≥ 0, got ${options.threshold}`,
    );
  if (!Number.isInteger(options.asOf))
    throw new PipecastError(
      'invalid-option',
      `smallOrderRunRate: asOf must be an integer epoch day, got ${options.asOf}`,
    );
  for (const [name, v] of [
    ['lookbackDays', lookback],
    ['horizonDays', horizon],
  ] as const) {
    if (!Number.isInteger(v) || v <= 0)
      throw new PipecastError(
        'invalid-option',
        `smallOrderRunRate: ${name} must be a positive integer, got ${v}`,
      );
  }
  const p = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  const threshold = toMinorUnits(options.threshold, p.scale);
  const from = options.asOf - lookback;
  let openCount = 0;
  let openAmount = 0;
  let wonCount = 0;
  let wonAmount = 0;
  let undated = 0;
  for (let i = 0; i < p.size; i += 1) {
    const a = p.amountMinor[i] ?? NaN;
    if (!(a < threshold)) continue;
    if (p.status[i] === OPEN) {
      openCount += 1;
      openAmount += a;
    } else if (p.status[i] === WON) {
      const day = p.closeDay[i] ?? NaN;
      if (Number.isNaN(day)) undated += 1;
      else if (day > from && day <= options.asOf) {
        wonCount += 1;
        wonAmount += a;
      }
    }
  }
  const perDayMinor = wonAmount / lookback;
  const money = (m: number): number => fromMinorUnits(m, p.scale);
  return {
    threshold: money(threshold),
    excludedOpen: { count: openCount, amount: money(openAmount) },
    history: {
      from: isoFromEpochDay(from + 1),
      to: isoFromEpochDay(options.asOf),
      count: wonCount,
      amount: money(wonAmount),
    },
    runRatePerDay: perDayMinor / p.scale,
    horizonDays: horizon,
    addBack: money(toMinorUnits(perDayMinor * horizon, 1)),
    undated,
  };
}
