import type { Deal } from '../columns/records.js';
import type { DealWeights } from './deal-weights.js';
import { dealWeights } from './deal-weights.js';
import { fromMinorUnits, toMinorUnits } from '../columns/money.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import type { PreparedDeals } from './prepared-deals.js';
import { isPreparedDeals } from './prepared-deals.js';
import { groupEqualDeals } from './binomial-groups.js';
import { lowerQuantiles, monteCarloQuantiles, simulatedTotals } from './monte-carlo-quantiles.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** Up to this many uncertain deals the distribution is enumerated exactly (2^n outcomes). */
export const DEFAULT_EXACT_DEALS = 16;
/** Largest deals enumerated exactly inside the normal mixture. */
export const DEFAULT_ENUMERATED_DEALS = 10;
/** Largest CDF error accepted from the normal mixture before falling back to Monte Carlo. */
export const DEFAULT_MAX_CDF_ERROR = 0.01;
/** Monte Carlo: the error bound holds with probability 1 − alpha. */
export const DEFAULT_ALPHA = 0.001;
export const DEFAULT_SEED = 20_240_601;
/** Shevtsova (2010): Berry–Esseen constant for sums of independent, non-identical variables. */
const BERRY_ESSEEN_C = 0.56;
/** Error of the erfc approximation used for Φ (Numerical Recipes erfcc: < 1.2e-7). */
const PHI_ERROR = 1.2e-7;

export { monteCarloQuantiles };

export type RevenueRangeMethod = 'exact' | 'normal-mixture' | 'monte-carlo';

export interface RevenueRangeOptions extends PrepareDealsOptions {
  /** 'auto' (default) picks exact, then normal mixture when its bound ≤ maxCdfError, else Monte Carlo. */
  method?: 'auto' | RevenueRangeMethod;
  maxCdfError?: number;
  /** Monte Carlo trials; default ln(2/alpha) ÷ (2 × (maxCdfError − the draws' own error)²). */
  trials?: number;
  alpha?: number;
  seed?: number;
  smallOrderThreshold?: number;
}

export interface RevenueRangeResult {
  p10: number;
  p50: number;
  p90: number;
  /** Expected won revenue = Σ amount × p (the weighted pipeline of these deals). */
  mean: number;
  /** Revenue of deals with probability 1. */
  certain: number;
  /** Revenue if every deal with p > 0 wins. */
  max: number;
  deals: number;
  /** Deals with 0 < p < 1. */
  uncertainDeals: number;
  method: RevenueRangeMethod;
  /**
   * Bound ε on the CDF error: the true CDF at each reported Pq lies in [q − ε, q + ε] (for a
   * discrete law: F(Pq) ≥ q − ε and F just below Pq ≤ q + ε).
   */
  cdfError: number;
  /** Probability the bound holds: 1 for exact and normal mixture, 1 − alpha for Monte Carlo. */
  confidence: number;
  trials: number | null;
  seed: number | null;
  explanation: string;
}

/**
 * P10 / P50 / P90 of won revenue when each open deal wins independently with its probability
 * (own probability, else stage rate), seeded and reproducible.
 *
 * Pq is the lower q-quantile (smallest x with P(revenue ≤ x) ≥ q). Methods and error bounds:
 * exact enumeration of all 2^n outcomes for n ≤ 16 uncertain deals (ε = 0); otherwise the
 * largest 10 deals enumerated exactly and the rest replaced by a normal with the same mean and
 * variance, ε = 0.56 × Σ E|Xᵢ − μᵢ|³ ÷ σ³ (Berry–Esseen, Shevtsova's constant, applied to the
 * rest) + 1.2e-7; when that exceeds maxCdfError, seeded Monte Carlo (mulberry32) with ε from the
 * DKW inequality, sqrt(ln(2/α) ÷ 2T), plus the 32-bit draws' distance from the exact law (about
 * 2^−32 per deal), holding with probability 1 − α; 16 or more deals of one amount and probability
 * are drawn as one binomial. Deals with p = 1 add a certain amount; p = 0 and blank amounts add
 * nothing.
 *
 * @param deals - deals or prepared deals (not mutated).
 * @param options - method, maxCdfError (0.01), trials, alpha (0.001), seed.
 * @returns the three quantiles, mean, method and its stated error bound.
 * @throws PipecastError for maxCdfError or alpha outside (0, 1), or trials not a positive integer.
 * @example revenueRange(deals, { seed: 1 }) // {p10, p50, p90, method: 'exact', cdfError: 0, …}
 */
export function revenueRange(
  deals: readonly Deal[] | PreparedDeals,
  options: RevenueRangeOptions = {},
): RevenueRangeResult {
  const prepared = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  return revenueRangeOf(prepared, dealWeights(prepared, options.smallOrderThreshold), options);
}

/** The worker behind revenueRange, on prepared deals. */
export function revenueRangeOf(
  prepared: PreparedDeals,
  weights: DealWeights,
  options: RevenueRangeOptions = {},
): RevenueRangeResult {
  const amounts: number[] = [];
  const probabilities: number[] = [];
  const probability = weights.probability;
  for (let i = 0; i < prepared.size; i += 1) {
    if (weights.inFunnel[i] !== 1) continue;
    const amount = prepared.amountMinor[i] ?? NaN;
    const chance = probability[i] ?? NaN;
    if (Number.isNaN(amount) || Number.isNaN(chance)) continue;
    amounts.push(amount);
    probabilities.push(chance);
  }
  const range = revenueQuantiles(
    Float64Array.from(amounts),
    Float64Array.from(probabilities),
    options,
  );
  const money = (minor: number): number => fromMinorUnits(toMinorUnits(minor, 1), prepared.scale);
  return {
    ...range,
    p10: money(range.p10),
    p50: money(range.p50),
    p90: money(range.p90),
    mean: money(range.mean),
    certain: money(range.certain),
    max: money(range.max),
  };
}

/**
 * The quantiles for plain arrays (amounts in any unit, probabilities 0–1), same methods and
 * bounds as revenueRange; results in the amounts' unit, unrounded.
 */
export function revenueQuantiles(
  amounts: Float64Array,
  probabilities: Float64Array,
  options: RevenueRangeOptions = {},
): RevenueRangeResult {
  const settings = normalizeRevenueRangeOptions(options);
  if (amounts.length !== probabilities.length)
    throw new PipecastError(
      'invalid-input',
      `revenueRange: ${amounts.length} amounts but ${probabilities.length} probabilities`,
    );
  const { certain, base, uncertainAmounts, uncertainProbabilities } = splitCertainDeals(
    amounts,
    probabilities,
  );
  const uncertainCount = uncertainAmounts.length;
  const fixed = { confidence: 1, trials: null, seed: null };
  if (uncertainCount === 0) {
    return {
      ...base,
      ...{ p10: certain, p50: certain, p90: certain, method: 'exact', cdfError: 0 },
      ...fixed,
      explanation: 'every deal has probability 0 or 1, so won revenue is certain',
    };
  }
  const { method } = settings;
  if (method === 'exact' || (method === 'auto' && uncertainCount <= DEFAULT_EXACT_DEALS)) {
    if (uncertainCount > 24)
      throw new PipecastError(
        'too-large',
        `revenueRange: exact enumeration needs ≤ 24 uncertain deals, got ${uncertainCount}`,
      );
    const [p10, p50, p90] = exactQuantiles(
      uncertainAmounts,
      uncertainProbabilities,
      [0.1, 0.5, 0.9],
    );
    return {
      ...base,
      ...{ p10: certain + (p10 ?? 0), p50: certain + (p50 ?? 0), p90: certain + (p90 ?? 0) },
      ...{ method: 'exact', cdfError: 0 },
      ...fixed,
      explanation: `exact: all 2^${uncertainCount} win/lose outcomes of the ${uncertainCount} uncertain deals enumerated`,
    };
  }
  if (method !== 'monte-carlo') {
    const mixture = normalMixture(
      uncertainAmounts,
      uncertainProbabilities,
      DEFAULT_ENUMERATED_DEALS,
    );
    if (method === 'normal-mixture' || mixture.cdfError <= settings.maxCdfError) {
      const [p10, p50, p90] = [0.1, 0.5, 0.9].map((level) => certain + mixture.quantile(level));
      return {
        ...base,
        ...{ p10: p10 ?? certain, p50: p50 ?? certain, p90: p90 ?? certain },
        ...{ method: 'normal-mixture', cdfError: mixture.cdfError },
        ...fixed,
        explanation: `the ${mixture.enumerated} largest deals enumerated exactly, the other ${uncertainCount - mixture.enumerated} approximated by a normal; Berry–Esseen bounds the CDF error by ${mixture.cdfError.toPrecision(3)}`,
      };
    }
  }
  return monteCarloRange(uncertainAmounts, uncertainProbabilities, certain, base, settings);
}

/** revenueQuantiles' options with defaults applied and checked. */
function normalizeRevenueRangeOptions(options: RevenueRangeOptions) {
  const maxCdfError = options.maxCdfError ?? DEFAULT_MAX_CDF_ERROR;
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  if (!(maxCdfError > 0 && maxCdfError < 1))
    throw new PipecastError(
      'invalid-option',
      `revenueRange: maxCdfError must be in (0, 1), got ${maxCdfError}`,
    );
  if (!(alpha > 0 && alpha < 1))
    throw new PipecastError(
      'invalid-option',
      `revenueRange: alpha must be in (0, 1), got ${alpha}`,
    );
  if (options.trials !== undefined && !(Number.isInteger(options.trials) && options.trials > 0))
    throw new PipecastError(
      'invalid-option',
      `revenueRange: trials must be a positive integer, got ${options.trials}`,
    );
  return {
    maxCdfError,
    alpha,
    seed: options.seed ?? DEFAULT_SEED,
    method: options.method ?? 'auto',
    trials: options.trials,
  };
}

/** What every method's result shares: expected, certain and largest revenue, deal counts. */
type RangeBase = Pick<RevenueRangeResult, 'mean' | 'certain' | 'max' | 'deals' | 'uncertainDeals'>;

/**
 * Deals that can win (probability > 0, amount ≠ 0): those certain to (probability ≥ 1) add to
 * `certain`; the others are the uncertain ones the quantiles are taken over. mean = Σ amount ×
 * min(probability, 1); max = Σ amount.
 */
function splitCertainDeals(amounts: Float64Array, probabilities: Float64Array) {
  let certain = 0;
  let mean = 0;
  let max = 0;
  let deals = 0;
  const uncertainAmounts: number[] = [];
  const uncertainProbabilities: number[] = [];
  for (let i = 0; i < amounts.length; i += 1) {
    const amount = amounts[i] ?? 0;
    const probability = probabilities[i] ?? 0;
    if (!(probability > 0) || amount === 0) continue;
    deals += 1;
    max += amount;
    mean += amount * Math.min(probability, 1);
    if (probability >= 1) certain += amount;
    else {
      uncertainAmounts.push(amount);
      uncertainProbabilities.push(probability);
    }
  }
  const base: RangeBase = { mean, certain, max, deals, uncertainDeals: uncertainAmounts.length };
  return { certain, base, uncertainAmounts, uncertainProbabilities };
}

/**
 * Monte Carlo quantiles: enough seeded trials that the CDF error is at most maxCdfError with
 * probability 1 − alpha (or the trials the caller set, and the bound they give): the DKW
 * inequality's sqrt(ln(2/α) ÷ 2T) for the trials, plus the sampler's own distance from the
 * exact law (32-bit draws; see groupEqualDeals). Deals alike in amount and probability are
 * drawn as one binomial.
 */
function monteCarloRange(
  amounts: number[],
  probabilities: number[],
  certain: number,
  base: RangeBase,
  settings: ReturnType<typeof normalizeRevenueRangeOptions>,
): RevenueRangeResult {
  const { alpha, seed, maxCdfError } = settings;
  const grouped = groupEqualDeals(amounts, probabilities);
  const sampling = grouped.samplerError;
  if (settings.trials === undefined && !(maxCdfError > sampling))
    throw new PipecastError(
      'invalid-option',
      `revenueRange: maxCdfError ${maxCdfError} is below the ${sampling.toPrecision(2)} that 32-bit draws of ${amounts.length} deals allow`,
    );
  const trials =
    settings.trials ?? Math.ceil(Math.log(2 / alpha) / (2 * (maxCdfError - sampling) ** 2));
  const dkw = Math.sqrt(Math.log(2 / alpha) / (2 * trials));
  const cdfError = dkw + sampling;
  const totals = simulatedTotals(
    grouped.singleAmounts,
    grouped.singleProbabilities,
    grouped.groups,
    trials,
    seed,
  );
  const [p10, p50, p90] = lowerQuantiles(totals, [0.1, 0.5, 0.9]);
  const drawn =
    grouped.groups.length === 0
      ? ''
      : `, ${amounts.length - grouped.singleAmounts.length} deals in ${grouped.groups.length} groups of equal amount and probability drawn as binomials`;
  return {
    ...base,
    p10: certain + (p10 ?? 0),
    p50: certain + (p50 ?? 0),
    p90: certain + (p90 ?? 0),
    method: 'monte-carlo',
    cdfError,
    confidence: 1 - alpha,
    trials,
    seed,
    explanation: `Monte Carlo, ${trials} seeded trials${drawn}; the CDF error is ≤ ${cdfError.toPrecision(3)} with probability ${1 - alpha} (DKW inequality ${dkw.toPrecision(3)}, 32-bit draws ${sampling.toPrecision(2)})`,
  };
}

/** All 2^n outcomes: sums and their probabilities, then the lower quantiles. */
function exactQuantiles(a: number[], q: number[], levels: number[]): number[] {
  const size = 2 ** a.length;
  const sums = new Float64Array(size);
  const probs = new Float64Array(size);
  probs[0] = 1;
  let filled = 1;
  for (let j = 0; j < a.length; j += 1) {
    const aj = a[j] ?? 0;
    const pj = q[j] ?? 0;
    for (let k = 0; k < filled; k += 1) {
      sums[k + filled] = (sums[k] ?? 0) + aj;
      probs[k + filled] = (probs[k] ?? 0) * pj;
      probs[k] = (probs[k] ?? 0) * (1 - pj);
    }
    filled *= 2;
  }
  const order = Array.from({ length: size }, (_, k) => k).sort(
    (x, y) => (sums[x] ?? 0) - (sums[y] ?? 0),
  );
  return levels.map((level) => {
    let cumulative = 0;
    for (const k of order) {
      cumulative += probs[k] ?? 0;
      // A tiny slack so a CDF that reaches the level only up to rounding still counts.
      if (cumulative >= level - 1e-12) return sums[k] ?? 0;
    }
    return sums[order[order.length - 1] ?? 0] ?? 0;
  });
}

/**
 * The K largest deals (by |amount|) enumerated, the rest a normal: F(x) = Σⱼ πⱼ Φ((x − sⱼ − μ) ÷ σ).
 * The mixture's CDF error is at most the rest's Berry–Esseen bound (a convex combination).
 */
function normalMixture(
  a: number[],
  q: number[],
  enumerate: number,
): { cdfError: number; enumerated: number; quantile: (level: number) => number } {
  const order = a.map((_, i) => i).sort((x, y) => Math.abs(a[y] ?? 0) - Math.abs(a[x] ?? 0));
  const top = order.slice(0, enumerate);
  const rest = order.slice(enumerate);
  let mu = 0;
  let variance = 0;
  let third = 0;
  let lo = 0;
  let hi = 0;
  for (const i of rest) {
    const ai = a[i] ?? 0;
    const pi = q[i] ?? 0;
    mu += ai * pi;
    variance += ai * ai * pi * (1 - pi);
    third += Math.abs(ai) ** 3 * pi * (1 - pi) * (pi * pi + (1 - pi) * (1 - pi));
    if (ai < 0) lo += ai;
    else hi += ai;
  }
  const sigma = Math.sqrt(variance);
  const cdfError = sigma > 0 ? Math.min(1, (BERRY_ESSEEN_C * third) / sigma ** 3 + PHI_ERROR) : 0;
  const size = 2 ** top.length;
  const sums = new Float64Array(size);
  const weights = new Float64Array(size);
  weights[0] = 1;
  let filled = 1;
  for (const i of top) {
    const ai = a[i] ?? 0;
    const pi = q[i] ?? 0;
    if (ai < 0) lo += ai;
    else hi += ai;
    for (let k = 0; k < filled; k += 1) {
      sums[k + filled] = (sums[k] ?? 0) + ai;
      weights[k + filled] = (weights[k] ?? 0) * pi;
      weights[k] = (weights[k] ?? 0) * (1 - pi);
    }
    filled *= 2;
  }
  const cdf = (x: number): number => {
    let total = 0;
    for (let k = 0; k < size; k += 1) {
      const z = x - (sums[k] ?? 0) - mu;
      total += (weights[k] ?? 0) * (sigma > 0 ? normalCdf(z / sigma) : z >= 0 ? 1 : 0);
    }
    return total;
  };
  const quantile = (level: number): number => {
    let low = lo;
    let high = hi;
    for (let it = 0; it < 200 && high - low > 1e-6 * Math.max(1, Math.abs(high)); it += 1) {
      const mid = (low + high) / 2;
      if (cdf(mid) >= level) high = mid;
      else low = mid;
    }
    return high;
  };
  return { cdfError, enumerated: top.length, quantile };
}

/** Standard normal CDF via erfc (Numerical Recipes erfcc, fractional error < 1.2e-7). */
function normalCdf(z: number): number {
  const x = -z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  const erfc = x >= 0 ? y : 2 - y;
  return erfc / 2;
}
