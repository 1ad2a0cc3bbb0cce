import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { parseFraction } from '../../../core/columns/parse-fraction.js';

describe('parseFraction', () => {
  it.each<[CellValue, number]>([
    ['30%', 0.3], // 30 ÷ 100
    ['５０％', 0.5], // full-width, NFKC
    ['0.5%', 0.005], // 0.5 ÷ 100
    ['100%', 1],
    ['0%', 0],
    [0.3, 0.3], // 0–1 kept as is
    [0, 0],
    [1, 1], // 1 is 100%, not 1% (0–1 kept as is)
    [30, 0.3], // > 1 and ≤ 100: percent points, 30 ÷ 100
    [100, 1],
    [5.5, 0.055], // 5.5 ÷ 100
    [33.3, 0.333], // the decimal 0.333; 33.3 / 100 in floats is 0.33299999999999996
    [1.0000001, 0.010000001],
    ['30', 0.3],
    ['0.25', 0.25],
    [' 12.5 % ', 0.125],
  ])('parseFraction(%j) is %j', (cell, expected) => {
    expect(parseFraction(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue]>([[null], [undefined], [''], ['  ']])(
    'reads the blank cell %j as undefined',
    (cell) => {
      expect(parseFraction(cell)).toEqual({ ok: true, value: undefined });
    },
  );

  it.each<[CellValue, string]>([
    [-0.1, 'out of range'],
    [-5, 'out of range'],
    [100.5, 'out of range'],
    [250, 'out of range'],
    ['150%', 'out of range'], // a percent sign means percent: 1.5 is not scaled again
    ['-10%', 'out of range'],
    ['1万', 'out of range'],
    ['high', 'not a number'],
    ['#N/A', 'Excel error #N/A'],
    [{ error: '#DIV/0!' }, 'Excel error #DIV/0!'],
    [true, 'TRUE/FALSE'],
    [Number.NaN, 'not a number'],
  ])('fails on %j with a reason naming %j', (cell, words) => {
    const result = parseFraction(cell);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(words);
  });

  it('always lands in 0–1, and agrees with the "n%" spelling for percent points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 101, max: 10_000 }), (hundredths) => {
        const points = hundredths / 100; // 1.01 … 100
        const result = parseFraction(points);
        expect(result).toEqual(parseFraction(`${points}%`));
        if (result.ok) expect(result.value).toBeLessThanOrEqual(1);
      }),
    );
  });
});
