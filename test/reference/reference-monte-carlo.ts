import { seededRandom } from '../../core/funnel/seeded-random.js';

/*
 * A plain reference for the core's Monte Carlo revenue quantiles: one seededRandom() call per
 * deal per trial, the deal won when the draw is below its probability, the trial sums sorted and
 * the lower empirical quantile (the ceil(level × T)-th smallest) read off.
 */

/**
 * The trial sums, sorted: trials × one Bernoulli draw per deal, in deal order.
 *
 * @example referenceTrialSums([10], [0.5], 4, 1) // four sums, each 0 or 10, ascending
 */
export function referenceTrialSums(
  amounts: readonly number[],
  probabilities: readonly number[],
  trials: number,
  seed: number,
): Float64Array {
  const next = seededRandom(seed);
  const sums = new Float64Array(trials);
  for (let t = 0; t < trials; t += 1) {
    let sum = 0;
    for (let j = 0; j < amounts.length; j += 1)
      if (next() < (probabilities[j] ?? 0)) sum += amounts[j] ?? 0;
    sums[t] = sum;
  }
  return sums.sort();
}

/** Lower empirical quantiles of referenceTrialSums. */
export function referenceMonteCarloQuantiles(
  amounts: readonly number[],
  probabilities: readonly number[],
  trials: number,
  seed: number,
  levels: readonly number[],
): number[] {
  const sums = referenceTrialSums(amounts, probabilities, trials, seed);
  return levels.map((level) => sums[Math.max(0, Math.ceil(level * trials) - 1)] ?? 0);
}

/** P(X ≤ j) for X ~ Binomial(count, p), j = 0 … count, by the textbook sum of C(count, i) pⁱ(1 − p)^(count − i). */
export function referenceBinomialCdf(count: number, p: number): number[] {
  const cdf: number[] = [];
  let cumulative = 0;
  for (let j = 0; j <= count; j += 1) {
    let choose = 1;
    for (let i = 1; i <= j; i += 1) choose = (choose * (count - j + i)) / i;
    cumulative += choose * p ** j * (1 - p) ** (count - j);
    cdf.push(cumulative);
  }
  return cdf;
}
