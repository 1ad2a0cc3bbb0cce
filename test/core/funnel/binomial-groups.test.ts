import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binomialDrawTable,
  groupEqualDeals,
  MIN_GROUP_DEALS,
} from '../../../core/funnel/binomial-groups.js';
import { referenceBinomialCdf } from '../../reference/reference-monte-carlo.js';

const DRAWS = 2 ** 32;

describe('binomialDrawTable', () => {
  it('gives ceil(P(X ≤ j) × 2^32) (hand values)', () => {
    // Binomial(1, 0.25): P(0) = 0.75. Binomial(2, 0.5): P(≤ 0) = 0.25, P(≤ 1) = 0.75.
    expect([...binomialDrawTable(1, 0.25)]).toEqual([0.75 * DRAWS, DRAWS]);
    expect([...binomialDrawTable(2, 0.5)]).toEqual([0.25 * DRAWS, 0.75 * DRAWS, DRAWS]);
  });

  it('property: within 2^−32 plus its stated rounding bound of the textbook binomial CDF', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.oneof(
          fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
          fc.constantFrom(0.05, 0.1, 0.2, 0.3, 0.5, 0.632, 0.8),
        ),
        (count, p) => {
          const table = binomialDrawTable(count, p);
          const exact = referenceBinomialCdf(count, p);
          // The reference's own rounding: about 4 × count roundings per term, summed.
          const slack = 1 / DRAWS + (9 * count + 2) * 2 ** -53 + 8 * (count + 1) ** 2 * 2 ** -53;
          for (let j = 0; j <= count; j += 1) {
            expect(
              Math.abs((table[j] ?? 0) / DRAWS - Math.min(1, exact[j] ?? 0)),
            ).toBeLessThanOrEqual(slack);
            if (j > 0) expect(table[j] ?? 0).toBeGreaterThanOrEqual(table[j - 1] ?? 0);
          }
          expect(table[count]).toBe(DRAWS);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('groupEqualDeals', () => {
  it(`groups ${MIN_GROUP_DEALS} or more deals of one amount and probability; the rest stay single, in order`, () => {
    const amounts = [...Array<number>(MIN_GROUP_DEALS).fill(100), 7, 100, 9];
    const probabilities = [...Array<number>(MIN_GROUP_DEALS).fill(0.5), 0.5, 0.2, 0.5];
    const grouped = groupEqualDeals(amounts, probabilities);
    expect(grouped.groups.map((g) => [g.amount, g.table.length])).toEqual([
      [100, MIN_GROUP_DEALS + 1],
    ]);
    expect(grouped.singleAmounts).toEqual([7, 100, 9]);
    expect(grouped.singleProbabilities).toEqual([0.5, 0.2, 0.5]);
    // 3 singles at 2^−32 each; the group 2(k + 1)((9k + 2)·2^−53 + 2^−32) with k = 16.
    const k = MIN_GROUP_DEALS;
    expect(grouped.samplerError).toBeCloseTo(
      3 / DRAWS + 2 * (k + 1) * ((9 * k + 2) * 2 ** -53 + 1 / DRAWS),
      20,
    );
  });
});
