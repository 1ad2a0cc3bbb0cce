/** Which direction of a metric is better. */
export type Better = 'higher' | 'lower';

/**
 * For each value, how many other values are strictly worse, in O(n log n) by sorting.
 *
 * Formula: worse[i] = #{ j : values[j] < values[i] } when higher is better,
 * #{ j : values[j] > values[i] } when lower is better. Equal values get the same count (ties
 * kept together). Blanks: NaN is not allowed (callers filter blanks first).
 *
 * @param values The metric per item; not mutated.
 * @param better Whether higher or lower values are better.
 * @returns Worse counts, index-aligned with `values`.
 * @throws RangeError when a value is NaN.
 * @example countWorse([10, 30, 10], 'higher') // Int32Array [0, 2, 0]
 */
export function countWorse(values: ArrayLike<number>, better: Better): Int32Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) {
      throw new RangeError(`countWorse: values[${i}] is NaN`);
    }
    order[i] = i;
  }
  // Sort worst first, so worse = the index of the first item of each tie group.
  const sign = better === 'higher' ? 1 : -1;
  order.sort((a, b) => sign * (values[a]! - values[b]!));
  const worse = new Int32Array(n);
  let groupStart = 0;
  for (let p = 0; p < n; p++) {
    if (p > 0 && values[order[p]!] !== values[order[p - 1]!]) groupStart = p;
    worse[order[p]!] = groupStart;
  }
  return worse;
}
