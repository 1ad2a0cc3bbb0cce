import { describe, expect, it } from 'vitest';
import { largestFirst, sortedPositions } from '../../../core/aging/sorted-positions.js';

describe('sortedPositions', () => {
  it('orders the positions by the comparator', () => {
    const open = [5, 9, 7];
    const order = sortedPositions(3, (a, b) =>
      (open[b] as number) > (open[a] as number)
        ? 1
        : (open[b] as number) < (open[a] as number)
          ? -1
          : 0,
    );
    expect(order).toEqual([1, 2, 0]);
  });

  it('keeps position order for ties (stable)', () => {
    expect(sortedPositions(4, () => 0)).toEqual([0, 1, 2, 3]);
  });

  it('gives an empty list for n = 0', () => {
    expect(sortedPositions(0, () => 0)).toEqual([]);
  });
});

describe('largestFirst', () => {
  it('orders by value, largest first, then by customer name', () => {
    const names = ['b', 'c', 'a', 'B'];
    // Hand order: 9 (c), then the three 5s by name under compareText: 'B' < 'a' < 'b'.
    expect(largestFirst([5, 9, 5, 5], (k) => names[k]!)).toEqual([1, 3, 2, 0]);
  });
});
