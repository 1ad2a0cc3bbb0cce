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
