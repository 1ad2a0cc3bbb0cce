import { compareText } from './compare-text.js';

/**
 * Positions 0 … n − 1 ordered by a comparator, for sorting a summary list before its objects are
 * made: comparing numbers in typed arrays costs less than comparing fields of objects, a comparator
 * that returns −1, 0 or 1 allocates nothing (a fractional difference is a new heap number per
 * comparison), and objects made in output order lie together in memory.
 *
 * @param n - How many positions.
 * @param compare - Negative when position a comes first, positive when b does, 0 for a tie
 *   (ties keep position order: the sort is stable).
 * @returns The positions in order.
 * @example
 * const open = [5, 9, 7];
 * sortedPositions(3, (a, b) => (open[b] > open[a] ? 1 : open[b] < open[a] ? -1 : 0)); // [1, 2, 0]
 */
export function sortedPositions(n: number, compare: (a: number, b: number) => number): number[] {
  const order = new Array<number>(n);
  for (let k = 0; k < n; k++) order[k] = k;
  return order.sort(compare);
}

/**
 * Positions ordered by value, largest first, ties by customer name (compareText): the order of
 * every per-customer list of the aging report (open balance, priority score, unapplied cash).
 *
 * @param values - One value per position.
 * @param customerOf - The customer name of a position.
 * @returns The positions in order.
 * @example largestFirst([5, 9, 5], (k) => ['b', 'c', 'a'][k]) // [1, 2, 0]
 */
export function largestFirst(
  values: ArrayLike<number>,
  customerOf: (position: number) => string,
): number[] {
  return sortedPositions(values.length, (x, y) => {
    const vx = values[x] as number;
    const vy = values[y] as number;
    return vy > vx ? 1 : vy < vx ? -1 : compareText(customerOf(x), customerOf(y));
  });
}
