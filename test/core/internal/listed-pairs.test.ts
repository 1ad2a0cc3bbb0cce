import { describe, expect, it } from 'vitest';
import { listedPairs } from '../../../core/internal/listed-pairs.js';

describe('listedPairs', () => {
  it('keeps the pairs with a value, in pair order, with their values', () => {
    // Hand check: pair 5 is left out; 3 → 1.5 and 8 → 4 (p / 2).
    const { listed, values } = listedPairs([3, 5, 8], (p) => (p === 5 ? null : p / 2));
    expect([...listed]).toEqual([3, 8]);
    expect([...values]).toEqual([1.5, 4]);
  });

  it('lists a value of 0 (only null leaves a pair out), and nothing for no pairs', () => {
    expect([...listedPairs([1, 2], () => 0).listed]).toEqual([1, 2]);
    expect(listedPairs([], () => 1).listed).toHaveLength(0);
  });
});
