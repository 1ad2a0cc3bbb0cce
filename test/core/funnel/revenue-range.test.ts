import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/columns/records.js';
import {
  monteCarloQuantiles,
  revenueQuantiles,
  revenueRange,
} from '../../../core/funnel/revenue-range.js';
import { seededRandom } from '../../../core/funnel/seeded-random.js';
import { referenceDeals } from './reference-case.js';

/** Empirical CDF of a sorted sample at x and just below x. */
function ecdf(sorted: Float64Array, x: number): { at: number; below: number } {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < x - 1e-6) lo = mid + 1;
    else hi = mid;
  }
  const below = lo;
  let upTo = lo;
  while (upTo < sorted.length && (sorted[upTo] ?? 0) <= x + 1e-6) upTo += 1;
  return { at: upTo / sorted.length, below: below / sorted.length };
}

/** 1,000,000 seeded trials of the same deals, sorted. */
function reference(amounts: number[], probs: number[], seed: number): Float64Array {
  const next = seededRandom(seed);
  const out = new Float64Array(1_000_000);
  for (let t = 0; t < out.length; t += 1) {
    let s = 0;
    for (let j = 0; j < amounts.length; j += 1) if (next() < (probs[j] ?? 0)) s += amounts[j] ?? 0;
    out[t] = s;
  }
  return out.sort();
}

// DKW bound of the 1,000,000-trial reference at α = 1e-6: sqrt(ln(2e6) / 2e6) ≈ 0.0027.
const REFERENCE_ERROR = Math.sqrt(Math.log(2 / 1e-6) / 2e6);

function checkAgainstReference(
  amounts: number[],
  probs: number[],
  method: 'exact' | 'normal-mixture' | 'monte-carlo',
  sample = reference(amounts, probs, 99),
): void {
  const result = revenueQuantiles(Float64Array.from(amounts), Float64Array.from(probs), {
    method,
    seed: 7,
  });
  expect(result.method).toBe(method);
  const slack = result.cdfError + REFERENCE_ERROR;
  for (const [q, x] of [
    [0.1, result.p10],
    [0.5, result.p50],
    [0.9, result.p90],
  ] as const) {
    const { at, below } = ecdf(sample, x);
    // Pq is a q-quantile of the true law up to ε: F(Pq) ≥ q − ε and F(Pq−) ≤ q + ε.
    expect(at).toBeGreaterThanOrEqual(q - slack);
    expect(below).toBeLessThanOrEqual(q + slack);
  }
}

describe('revenueRange', () => {
  it('is exact for two deals (hand enumeration)', () => {
    // Deals 100 @ 0.5 and 50 @ 0.2: outcomes 0 (0.4), 50 (0.1), 100 (0.4), 150 (0.1).
    // CDF: 0 → 0.4, 50 → 0.5, 100 → 0.9, 150 → 1. Lower quantiles: P10 = 0, P50 = 50, P90 = 100.
    const deals: Deal[] = [
      { row: 2, id: 'a', stage: 'Commit', amount: 100 },
      { row: 3, id: 'b', stage: 'Design', amount: 50 },
    ];
    const r = revenueRange(deals, { template: 'six' });
    expect([r.p10, r.p50, r.p90]).toEqual([0, 50, 100]);
    expect(r).toMatchObject({
      method: 'exact',
      cdfError: 0,
      mean: 60,
      max: 150,
      uncertainDeals: 2,
    });
  });

  it('defaults: auto method, stated seed only when simulating', () => {
    const r = revenueRange(referenceDeals());
    // 18 uncertain deals > 16: the normal mixture (10 largest enumerated) when its bound ≤ 0.01, else Monte Carlo.
    expect(['normal-mixture', 'monte-carlo']).toContain(r.method);
    expect(r.mean).toBe(364.8);
    expect(r.p10).toBeLessThanOrEqual(r.p50);
    expect(r.p50).toBeLessThanOrEqual(r.p90);
  });

  it('is reproducible for a seed', () => {
    const a = revenueRange(referenceDeals(), { method: 'monte-carlo', seed: 5, trials: 5000 });
    const b = revenueRange(referenceDeals(), { method: 'monte-carlo', seed: 5, trials: 5000 });
    expect(a).toEqual(b);
    expect(a.confidence).toBe(0.999);
    // DKW: sqrt(ln(2 / 0.001) / (2 × 5000)) = 0.02757, plus 2^−32 per deal drawn (18 deals).
    expect(a.cdfError).toBeCloseTo(0.02757, 4);
  });

  it('agrees with a 1,000,000-trial Monte Carlo: exact (12 deals)', () => {
    const amounts = [5, 12, 40, 7, 300, 18, 2, 90, 33, 61, 8, 150];
    const probs = [0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 0.9, 0.15, 0.45, 0.6, 0.75, 0.25];
    checkAgainstReference(amounts, probs, 'exact');
  });

  it('agrees with a 1,000,000-trial Monte Carlo: normal mixture and Monte Carlo (80 deals)', () => {
    const next = seededRandom(3);
    const amounts = Array.from({ length: 80 }, () => Math.round(10 + 1000 * next() ** 3));
    const probs = Array.from(
      { length: 80 },
      () => [0.05, 0.1, 0.2, 0.3, 0.5, 0.8][Math.floor(next() * 6)] ?? 0.1,
    );
    const sample = reference(amounts, probs, 99);
    checkAgainstReference(amounts, probs, 'normal-mixture', sample);
    checkAgainstReference(amounts, probs, 'monte-carlo', sample);
  });

  it('agrees with a 1,000,000-trial Monte Carlo when equal deals are drawn as binomials', () => {
    // A CRM valued at list prices (its seven prices) with two stage rates: 6 groups of 20 alike
    // and 8 single deals; method 'monte-carlo' draws the groups as binomials.
    const prices = [550, 4821, 55, 3393, 5482, 1096, 26_768];
    const amounts: number[] = [];
    const probs: number[] = [];
    for (let g = 0; g < 6; g += 1)
      for (let i = 0; i < 20; i += 1) {
        amounts.push(prices[g] ?? 0);
        probs.push(g % 2 === 0 ? 0.632 : 0.2);
      }
    for (let i = 0; i < 8; i += 1) {
      amounts.push(prices[i % 7] ?? 0);
      probs.push(0.4);
    }
    const result = revenueQuantiles(Float64Array.from(amounts), Float64Array.from(probs), {
      method: 'monte-carlo',
    });
    expect(result.explanation).toMatch(/120 deals in 6 groups/);
    checkAgainstReference(amounts, probs, 'monte-carlo');
  });

  it('states the Berry–Esseen bound, which shrinks as deals grow in number', () => {
    const many = (n: number) =>
      revenueQuantiles(new Float64Array(n).fill(10), new Float64Array(n).fill(0.3), {
        method: 'normal-mixture',
      });
    expect(many(1000).cdfError).toBeLessThan(many(100).cdfError);
    expect(many(100_000).cdfError).toBeLessThan(0.01);
  });

  it('throws on bad options', () => {
    expect(() => revenueRange([], { maxCdfError: 0 })).toThrow(/revenueRange: maxCdfError/);
    expect(() => revenueRange([], { alpha: 1 })).toThrow(/revenueRange: alpha/);
    expect(() => revenueRange([], { trials: 1.5 })).toThrow(/revenueRange: trials/);
    // 18 uncertain deals drawn one by one: 18 × 2^−32 ≈ 4.2e-9 of sampler error alone.
    expect(() =>
      revenueRange(referenceDeals(), { method: 'monte-carlo', maxCdfError: 1e-9 }),
    ).toThrow(/revenueRange: maxCdfError 1e-9 is below the 4.2e-9/);
  });

  it('skips deals without amount and reports dirty data through prepareDeals', () => {
    const deals: Deal[] = [
      { row: 2, id: 'a', stage: 'Use', amount: undefined },
      { row: 3, id: 'b', stage: 'Use', amount: 10, probability: 1 },
    ];
    expect(revenueRange(deals, { template: 'six' })).toMatchObject({
      p10: 10,
      p50: 10,
      p90: 10,
      deals: 1,
    });
  });

  it('gives zeros for an empty pipeline', () => {
    expect(revenueRange([])).toMatchObject({ p10: 0, p50: 0, p90: 0, deals: 0, method: 'exact' });
  });

  it('does not mutate its input', () => {
    const deals = referenceDeals();
    const copy = structuredClone(deals);
    revenueRange(deals);
    expect(deals).toEqual(copy);
  });

  it('property: P10 ≤ P50 ≤ P90 within [certain, max]; all-probability-1 gives P10 = P90 = amount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100 })), {
          maxLength: 40,
        }),
        (rows) => {
          const r = revenueQuantiles(
            Float64Array.from(rows.map(([a]) => a)),
            Float64Array.from(rows.map(([, p]) => p / 100)),
            { trials: 2000 },
          );
          expect(r.p10).toBeLessThanOrEqual(r.p50);
          expect(r.p50).toBeLessThanOrEqual(r.p90);
          expect(r.p10).toBeGreaterThanOrEqual(r.certain - 1e-6);
          expect(r.p90).toBeLessThanOrEqual(r.max + 1e-6);
          const sure = revenueQuantiles(
            Float64Array.from(rows.map(([a]) => a)),
            new Float64Array(rows.length).fill(1),
          );
          const total = rows.reduce((s, [a]) => s + a, 0);
          expect([sure.p10, sure.p50, sure.p90]).toEqual([total, total, total]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('Monte Carlo quantiles helper picks the lower empirical quantile', () => {
    // One deal 10 @ 0.5: about half the trials are 0, so P10 = 0 and P90 = 10.
    expect(monteCarloQuantiles([10], [0.5], 1000, 1, [0.1, 0.9])).toEqual([0, 10]);
  });
});
