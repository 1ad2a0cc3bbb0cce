import { PipecastError } from '../errors/pipecast-error.js';

/** Which direction of a metric is better. */
export type Better = 'higher' | 'lower';

/**
 * For each value, how many other values are strictly worse, in O(n log n): one native sort of a
 * copy, then a binary search per value.
 *
 * Formula: worse[i] = #{ j : values[j] < values[i] } when higher is better,
 * #{ j : values[j] > values[i] } when lower is better. Equal values get the same count (ties
 * kept together). Blanks: NaN is not allowed (callers filter blanks first).
 *
 * @param values The metric per item; not mutated.
 * @param better Whether higher or lower values are better.
 * @returns Worse counts, index-aligned with `values`.
 * @throws PipecastError when a value is NaN.
 * @example countWorse([10, 30, 10], 'higher') // Int32Array [0, 2, 0]
 */
export function countWorse(values: ArrayLike<number>, better: Better): Int32Array {
  const n = values.length;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      throw new PipecastError('invalid-input', `countWorse: values[${i}] is NaN`);
    }
    sorted[i] = v;
  }
  // The native numeric sort (no comparator callback) is several times faster than sorting an
  // index array with a comparator; each value then finds its tie group by binary search. −0 and
  // 0 sort next to each other and compare equal with <, so they stay one tie group.
  sorted.sort();
  const worse = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    worse[i] = better === 'higher' ? countBelow(sorted, v) : n - countAtOrBelow(sorted, v);
  }
  return worse;
}

/** How many of the ascending `sorted` are < v. */
function countBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the ascending `sorted` are ≤ v. */
function countAtOrBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
