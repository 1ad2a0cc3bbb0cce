import { describe, expect, it } from 'vitest';
import {
  agingBuckets,
  bucketIndexOf,
  DEFAULT_BUCKET_EDGES,
} from '../../../core/aging/aging-buckets.js';

describe('agingBuckets', () => {
  it('defaults to the DOMAIN.md buckets by days past due', () => {
    // DOMAIN.md "Exact definitions": Current ≤ 0; 1–30, 31–60, 61–90, 91–180, 181+.
    expect(agingBuckets().map((b) => b.label)).toEqual([
      'Current',
      '1–30',
      '31–60',
      '61–90',
      '91–180',
      '181+',
    ]);
    expect(DEFAULT_BUCKET_EDGES).toEqual([30, 60, 90, 180]);
  });

  it('puts upper bounds in their own bucket (inclusive)', () => {
    const b = agingBuckets();
    expect(
      [-5, 0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 5000].map((d) => bucketIndexOf(b, d)),
    ).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('by invoice age starts at 0–e1 with no Current bucket', () => {
    const b = agingBuckets([30, 60], 'invoice');
    expect(b.map((x) => x.label)).toEqual(['0–30', '31–60', '61+']);
    expect(bucketIndexOf(b, 0)).toBe(0);
    expect(bucketIndexOf(b, 30)).toBe(0);
    expect(bucketIndexOf(b, 31)).toBe(1);
  });

  it.each([[[]], [[0, 30]], [[30, 30]], [[60, 30]], [[1.5]]])('throws on edges %j', (edges) => {
    expect(() => agingBuckets(edges)).toThrow(/agingBuckets/);
  });

  it('throws on an unknown basis', () => {
    expect(() => agingBuckets([30], 'paid' as never)).toThrow(/agingBuckets.*paid/);
  });
});
