import { PipecastError } from '../errors/pipecast-error.js';

/** What the aging buckets measure: days past the due date (default) or days since the invoice date. */
export type AgingBasis = 'due' | 'invoice';

/** One aging bucket: the days it covers, both bounds inclusive; null means unbounded. */
export interface AgingBucket {
  label: string;
  /** Lowest day count in the bucket, or null for "any number below". */
  from: number | null;
  /** Highest day count in the bucket, or null for "and above". */
  to: number | null;
}

/** Upper bounds of the buckets after Current: 1–30, 31–60, 61–90, 91–180, 181+ (DOMAIN.md §3). */
export const DEFAULT_BUCKET_EDGES: readonly number[] = [30, 60, 90, 180];

/**
 * The aging buckets for a list of upper bounds.
 *
 * By due date: Current (≤ 0 days past due), then 1–e1, (e1+1)–e2, …, and (last+1)+; so the default
 * edges give Current, 1–30, 31–60, 61–90, 91–180, 181+ (DOMAIN.md "Exact definitions").
 * By invoice date: 0–e1 (anything up to e1 days old, including an invoice dated on the as-of day),
 * then the same ranges.
 *
 * @param edges - Strictly increasing whole numbers > 0; the upper bound of each bucket but the last.
 * @param by - 'due' (default) or 'invoice'.
 * @returns The buckets in order, labelled with an en dash ("1–30").
 * @throws {PipecastError} When edges is empty, holds a non-integer or value ≤ 0, or is not increasing.
 * @example
 * agingBuckets([30, 60]).map((b) => b.label); // ['Current', '1–30', '31–60', '61+']
 */
export function agingBuckets(
  edges: readonly number[] = DEFAULT_BUCKET_EDGES,
  by: AgingBasis = 'due',
): AgingBucket[] {
  if (edges.length === 0)
    throw new PipecastError('invalid-option', 'agingBuckets: edges must not be empty');
  edges.forEach((edge, i) => {
    if (!Number.isInteger(edge) || edge <= 0) {
      throw new PipecastError(
        'invalid-option',
        `agingBuckets: each edge must be a whole number > 0, got ${edge}`,
      );
    }
    const prev = edges[i - 1];
    if (prev !== undefined && edge <= prev) {
      throw new PipecastError(
        'invalid-option',
        `agingBuckets: edges must increase, got ${prev} then ${edge}`,
      );
    }
  });
  if (by !== 'due' && by !== 'invoice') {
    throw new PipecastError(
      'invalid-option',
      `agingBuckets: by must be 'due' or 'invoice', got '${String(by)}'`,
    );
  }
  const buckets: AgingBucket[] = [];
  let from = 1;
  if (by === 'due') buckets.push({ label: 'Current', from: null, to: 0 });
  edges.forEach((edge, i) => {
    const lower = by === 'invoice' && i === 0 ? null : from;
    buckets.push({ label: `${lower ?? 0}–${edge}`, from: lower, to: edge });
    from = edge + 1;
  });
  buckets.push({ label: `${from}+`, from, to: null });
  return buckets;
}

/** The index of the bucket a day count falls in (buckets as made by agingBuckets). */
export function bucketIndexOf(buckets: readonly AgingBucket[], days: number): number {
  for (let b = 0; b < buckets.length - 1; b++) {
    const to = (buckets[b] as AgingBucket).to;
    if (to !== null && days <= to) return b;
  }
  return buckets.length - 1;
}
