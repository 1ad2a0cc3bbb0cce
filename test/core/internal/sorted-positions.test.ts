import { describe, expect, it } from 'vitest';
import { compareIds } from '../../../core/columns/compare-ids.js';
import { largestFirst } from '../../../core/internal/sorted-positions.js';

describe('largestFirst', () => {
  it('orders by value, largest first, then by customer name', () => {
    const names = ['b', 'c', 'a', 'B'];
    // Hand order: 9 (c), then the three 5s by name under compareIds: 'B' < 'a' < 'b'.
    expect([...largestFirst([5, 9, 5, 5], (k) => names[k]!)]).toEqual([1, 3, 2, 0]);
  });

  it('keeps position order when value and name tie (stable)', () => {
    expect([...largestFirst([1, 1, 1, 1], () => 'same')]).toEqual([0, 1, 2, 3]);
  });

  it('gives an empty order for no values, and [0] for one', () => {
    expect(largestFirst([], () => '')).toHaveLength(0);
    expect([...largestFirst([7], () => 'x')]).toEqual([0]);
  });

  it('gives the order of a stable Array.prototype.sort with the same comparator, ties included', () => {
    // Reference: the engine's stable sort (ES2019) of the positions with the comparator this
    // function replaced; few distinct values and names, so ties of both are common.
    let seed = 7;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let round = 0; round < 200; round++) {
      const n = Math.floor(random() * 70);
      const values = Array.from({ length: n }, () => Math.floor(random() * 6) / 4 - 0.5);
      const names = Array.from({ length: n }, () => `C${Math.floor(random() * 5)}`);
      const expected = Array.from({ length: n }, (_, k) => k).sort((x, y) => {
        const vx = values[x]!;
        const vy = values[y]!;
        return vy > vx ? 1 : vy < vx ? -1 : compareIds(names[x]!, names[y]!);
      });
      expect([...largestFirst(values, (k) => names[k]!)]).toEqual(expected);
    }
  });
});
