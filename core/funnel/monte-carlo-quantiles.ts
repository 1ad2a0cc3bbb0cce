/** 2^32: mulberry32's draws are the integers 0 … 2^32 − 1, each divided by this. */
export const DRAWS = 4_294_967_296;

/**
 * Deals of one amount and one probability drawn together: the number won is binomial, read off
 * `table` with one draw (see binomialDrawTable).
 */
export interface BinomialGroup {
  amount: number;
  table: Float64Array;
}

/**
 * Seeded Monte Carlo: T sums of Bernoulli wins, sorted; lower empirical quantiles.
 *
 * Trial t decides deal j with draw t × n + j of seededRandom(seed) (mulberry32), the deal won
 * when the draw is below its probability, so the results are the same numbers as drawing
 * seededRandom(seed) one deal at a time (see simulatedTotals for how it is made fast).
 *
 * @param a - amounts.
 * @param q - win probabilities (≤ 0 never wins, ≥ 1 always does).
 * @param trials - number of trials T.
 * @param seed - any integer; only its low 32 bits are used.
 * @param levels - quantile levels in (0, 1].
 * @returns per level the lower empirical quantile: the ceil(level × T)-th smallest trial.
 * @example monteCarloQuantiles([10], [0.5], 1000, 1, [0.1, 0.9]) // [0, 10]
 */
export function monteCarloQuantiles(
  a: readonly number[] | Float64Array,
  q: readonly number[] | Float64Array,
  trials: number,
  seed: number,
  levels: number[],
): number[] {
  return lowerQuantiles(simulatedTotals(a, q, [], trials, seed), levels);
}

/** Per level the ceil(level × T)-th smallest of T sorted totals. */
export function lowerQuantiles(sortedTotals: Float64Array, levels: number[]): number[] {
  const trials = sortedTotals.length;
  return levels.map((level) => sortedTotals[Math.max(0, Math.ceil(level * trials) - 1)] ?? 0);
}

/**
 * The sorted sums of T seeded trials: per trial, first each group's number of wins (one draw
 * each, in order), then each single deal (one draw each, in order), all from one mulberry32
 * stream as seededRandom(seed) gives it.
 *
 * The generator is inlined and the single deals' win test is branch-free: a win/lose branch is
 * mispredicted about as often as p(1 − p), and that dominated the time. Draw r ÷ 2^32 < p
 * holds exactly when r ≤ ceil(p × 2^32) − 1 (p × 2^32 is exact, r an integer).
 */
export function simulatedTotals(
  a: readonly number[] | Float64Array,
  q: readonly number[] | Float64Array,
  groups: readonly BinomialGroup[],
  trials: number,
  seed: number,
): Float64Array {
  const n = a.length;
  const amounts = Float64Array.from(a);
  const lastWinning = new Int32Array(n);
  for (let j = 0; j < n; j += 1) {
    const p = q[j] ?? 0;
    // A deal that cannot win (p ≤ 0 or not a number) adds nothing, draw or not.
    if (!(p > 0)) amounts[j] = 0;
    else lastWinning[j] = Math.min(Math.ceil(p * DRAWS), DRAWS) - 1;
  }
  const totals = new Float64Array(trials);
  let state = seed | 0;
  for (let t = 0; t < trials; t += 1) {
    let sum = 0;
    for (const group of groups) {
      state = (state + 0x6d2b79f5) | 0;
      sum += group.amount * binomialWins(group.table, mulberry32Draw(state) >>> 0);
    }
    for (let j = 0; j < n; j += 1) {
      state = (state + 0x6d2b79f5) | 0;
      const draw = mulberry32Draw(state);
      const last = lastWinning[j] as number;
      // The borrow of the unsigned subtraction last − draw: 1 when draw > last (the deal lost).
      const lost = ((~last & draw) | (~(last ^ draw) & (last - draw))) >>> 31;
      sum += (amounts[j] as number) * (1 - lost);
    }
    totals[t] = sum;
  }
  return totals.sort();
}

/** mulberry32's output for a state, as seededRandom computes it, as int32 bits. */
function mulberry32Draw(state: number): number {
  let x = Math.imul(state ^ (state >>> 15), state | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return x ^ (x >>> 14);
}

/** The smallest j with draw < table[j] (binary search; table ascending, its last entry 2^32). */
function binomialWins(table: Float64Array, draw: number): number {
  let low = 0;
  let high = table.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (draw < (table[mid] as number)) high = mid;
    else low = mid + 1;
  }
  return low;
}
