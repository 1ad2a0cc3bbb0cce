/*
 * monteCarloQuantiles (inlined generator, branch-free win test) against the plain reference (one
 * seededRandom() call per deal): the same seed must give the same numbers, bit for bit, on
 * random deals: amounts of either sign and with cents, probabilities anywhere in [−0.1, 1.1]
 * including 0, 1, the smallest and largest a 32-bit draw can tell apart, and NaN.
 *
 * Checked to fail (each mutation made by hand, restored) when: the threshold is
 * ceil(p × 2^32) instead of ceil(p × 2^32) − 1; the borrow's sign bit is read with >> instead of
 * >>>; a probability ≤ 0 is not zeroed; a probability above 1 is not clamped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monteCarloQuantiles } from '../../core/funnel/monte-carlo-quantiles.js';
import { referenceMonteCarloQuantiles } from './reference-monte-carlo.js';

const LEVELS = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 1];

/** Probabilities at the edges of what a 32-bit draw resolves, and outside [0, 1]. */
const EDGE_PROBABILITIES = [
  0,
  1,
  2 ** -32,
  2 ** -33,
  1 - 2 ** -32,
  1 - 2 ** -53,
  0.5,
  -0.1,
  1.1,
  NaN,
];

const arbProbability = fc.oneof(
  fc.constantFrom(...EDGE_PROBABILITIES),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 0, max: 100 }).map((percent) => percent / 100),
);
const arbAmount = fc.oneof(
  fc.integer({ min: -100_000, max: 1_000_000 }),
  fc.integer({ min: 1, max: 10_000_000 }).map((cents) => cents / 100),
);

describe('monteCarloQuantiles against the plain reference Monte Carlo', () => {
  it('gives the reference numbers for the same seed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbAmount, arbProbability), { maxLength: 60 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 32 }),
        (deals, trials, seed) => {
          const amounts = deals.map(([amount]) => amount);
          const probabilities = deals.map(([, p]) => p);
          expect(monteCarloQuantiles(amounts, probabilities, trials, seed, LEVELS)).toEqual(
            referenceMonteCarloQuantiles(amounts, probabilities, trials, seed, LEVELS),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the reference numbers on a pipeline of 2,000 deals', () => {
    // The size where revenueRange turns to Monte Carlo in practice (CRM data: 2,089 open deals).
    const amounts = Array.from({ length: 2000 }, (_, i) => 55 + ((i * 7919) % 26_713));
    const probabilities = Array.from(
      { length: 2000 },
      (_, i) => [0.05, 0.2, 0.632, 0.8][i % 4] ?? 0,
    );
    expect(monteCarloQuantiles(amounts, probabilities, 500, 20_240_601, LEVELS)).toEqual(
      referenceMonteCarloQuantiles(amounts, probabilities, 500, 20_240_601, LEVELS),
    );
  });
});
