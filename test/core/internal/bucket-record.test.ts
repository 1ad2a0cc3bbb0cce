import { describe, expect, it } from 'vitest';
import { bucketRecord } from '../../../core/internal/bucket-record.js';

describe('bucketRecord', () => {
  it('holds every label at 0, in bucket order, and its copies are independent', () => {
    const labels = ['Current', '1–30', '31–60', '61+'];
    const zero = bucketRecord(labels);
    expect(Object.keys(zero)).toEqual(labels);
    expect(Object.values(zero)).toEqual([0, 0, 0, 0]);
    const line = { ...zero };
    line['31–60'] = 12.5;
    expect(Object.keys(line)).toEqual(labels);
    expect(zero['31–60']).toBe(0);
  });

  it('gives an empty record for no labels', () => {
    expect(bucketRecord([])).toEqual({});
  });
});
