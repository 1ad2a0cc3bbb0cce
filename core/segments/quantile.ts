import { PipecastError } from '../errors/pipecast-error.js';

/**
 * A quantile of sorted numbers by linear interpolation, as Excel's PERCENTILE.INC and MEDIAN.
 *
 * Formula: h = (n − 1) × p; result = x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]).
 * Blanks: none; callers pass only numbers.
 *
 * @param sorted Numbers in ascending order; not mutated.
 * @param p The probability, 0–1.
 * @returns The quantile.
 * @throws PipecastError when `sorted` is empty or p is outside 0–1.
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5 (Excel: =MEDIAN(1,2,3,4))
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new PipecastError('empty-input', 'quantile: no values');
  if (!(p >= 0 && p <= 1))
    throw new PipecastError('invalid-option', `quantile: p must be 0–1, got ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return below + (h - lo) * (above - below);
}
