import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinorUnits, moneyScale, toMinorUnits } from '../../../core/columns/money.js';

/**
 * The rule toMinorUnits must keep, written the plain (slow) way: a product within 1e-6 of a half
 * is rounded as its 15-significant-digit text; anything else rounds half away from zero.
 */
function byText(value: number, scale: number): number {
  const scaled = Math.abs(value * scale);
  let whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) < 1e-6) whole = Math.round(Number(scaled.toPrecision(15)));
  else if (fraction > 0.5) whole += 1;
  return value < 0 ? -whole : whole;
}

describe('toMinorUnits', () => {
  it('rounds decimal inputs as typed, half away from zero', () => {
    // 1.005 is stored as 1.00499999999999989…; typed as 1.005 it is 100.5 cents → 101.
    expect(toMinorUnits(1.005, 100)).toBe(101);
    // 12345 cents × 30% = 3703.5 exactly in decimal (3703.4999999999995 in binary) → 3704.
    expect(toMinorUnits(12_345 * 0.3, 1)).toBe(3704);
    // 7 × 0.5 = 3.5 exactly → 4; −2.5 → −3 (away from zero).
    expect(toMinorUnits(7 * 0.5, 1)).toBe(4);
    expect(toMinorUnits(-2.5, 1)).toBe(-3);
    // 0.4999995 is a genuine fraction below a half (not binary error) → rounds down.
    expect(toMinorUnits(10.4999995, 1)).toBe(10);
    expect(toMinorUnits(1234.56, moneyScale(2))).toBe(123_456);
    expect(fromMinorUnits(123_456, 100)).toBe(1234.56);
  });

  it('equals the 15-digit text rule for whole cents times rates (the weighted-amount case)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(10, 100, 1000),
        (cents, k, denominator) => {
          const w = cents * (k / denominator);
          expect(toMinorUnits(w, 1)).toBe(byText(w, 1));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('equals the 15-digit text rule for decimal amounts and for values a few ulps from a half', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999_999 }),
        fc.integer({ min: 0, max: 3 }),
        (n, places) => {
          const value = n / 10 ** places;
          expect(toMinorUnits(value, 100)).toBe(byText(value, 100));
          expect(toMinorUnits(-value, 100)).toBe(byText(-value, 100));
        },
      ),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 46 }),
        fc.integer({ min: -40, max: 40 }),
        (whole, ulps) => {
          let x = whole + 0.5;
          const step = ulps < 0 ? -Infinity : Infinity;
          for (let u = 0; u < Math.abs(ulps); u += 1) x = nextAfter(x, step);
          expect(toMinorUnits(x, 1)).toBe(byText(x, 1));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('equals the 15-digit text rule near the edge where the text rounding turns', () => {
    // With d integer digits the text steps by 10^(d − 15): values at and around ½ − step/2.
    for (let d = 1; d <= 14; d += 1) {
      const whole = 10 ** (d - 1) + 7;
      const step = 10 ** (d - 15);
      for (const offset of [-2, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 2])
        for (const x of [whole + 0.5 - step / 2 + offset * step, whole + 0.5 + offset * 1e-7]) {
          expect(toMinorUnits(x, 1)).toBe(byText(x, 1));
        }
    }
  });
});

/** The next double after x toward `to` (x finite and positive here). */
function nextAfter(x: number, to: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, to > x ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
