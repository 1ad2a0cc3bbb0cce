import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueNamePart } from '../../../pipeline/report/unique-names.js';

describe('uniqueNamePart', () => {
  it('gives the currencies $, €, £ and US/D, US?D, US_D names of their own', () => {
    const names = ['$', '€', '£', 'US/D', 'US?D', 'US_D', 'USD', 'none'].map(uniqueNamePart);
    expect(names).toEqual(['_24_', '_20ac_', '_a3_', 'US_2f_D', 'US_3f_D', 'US__D', 'USD', 'none']);
  });

  it('never gives two texts one name, and only file- and id-safe characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        fc.pre(a !== b);
        expect(uniqueNamePart(a)).not.toBe(uniqueNamePart(b));
        expect(uniqueNamePart(a)).toMatch(/^[A-Za-z0-9_-]*$/);
      }),
      { numRuns: 2000 },
    );
  });
});
