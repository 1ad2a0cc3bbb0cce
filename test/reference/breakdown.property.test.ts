/*
 * breakdownRows (the core's single pass over typed arrays) against arqueroBreakdownRows (arquero
 * groupby/rollup over the folded keys) on random records: keys that fold together (case, width,
 * spaces), blanks of every kind, numbers as keys, records left out, NaN amounts, and a count
 * measure. The rows are compared whole, in order.
 *
 * Checked to fail (each mutation made by hand, run, restored) when: a NaN amount is added
 * (sums become NaN); an excluded record is counted; blank keys are folded into "0"; the count
 * measure is divided by the scale like money.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/columns/cell-value.js';
import { breakdownRows } from '../../core/tables/breakdown-rows.js';
import { arqueroBreakdownRows } from './arquero-breakdown-rows.js';

const KEYS: (CellValue | undefined)[] = [
  'Retail',
  'retail',
  'ＲＥＴＡＩＬ ',
  'Re  tail',
  're tail',
  '零售',
  'Energy',
  '',
  '   ',
  undefined,
  null,
  0,
  12,
  true,
];

const arbRecord = fc.record({
  key: fc.constantFrom(...KEYS),
  included: fc.constantFrom(0, 1, 1, 1),
  amount: fc.oneof(fc.integer({ min: -50_000, max: 5_000_000 }), fc.constant(Number.NaN)),
  weighted: fc.integer({ min: 0, max: 5_000_000 }),
  flag: fc.constantFrom(0, 1),
});

describe('breakdownRows', () => {
  it('gives the rows of arquero groupby/rollup over the folded keys', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 200 }), (records) => {
        const keyOf = (i: number): CellValue | undefined => records[i]?.key;
        const included = records.map((record) => record.included);
        const measures = {
          amount: records.map((record) => record.amount),
          weighted: records.map((record) => record.weighted),
          flagged: records.map((record) => record.flag),
        };
        const counted = new Set(['flagged']);
        expect(breakdownRows(keyOf, included, measures, 100, counted)).toEqual(
          arqueroBreakdownRows(keyOf, included, measures, 100, counted),
        );
      }),
      { numRuns: 300 },
    );
  });
});
