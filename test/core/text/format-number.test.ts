import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDecimal,
  formatMoney,
  formatMoneyCents,
  formatPercent,
  moneyCents,
  roundMoney,
  withoutFloatNoise,
} from '../../../core/index.js';

describe('formatMoney', () => {
  it('shows two decimals and thousands separators, never 3,245,285.5 beside 37,910', () => {
    expect(formatMoney(3245285.5)).toBe('3,245,285.50');
    expect(formatMoney(37910)).toBe('37,910.00');
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(-1000)).toBe('-1,000.00');
    expect(formatMoney(0.3)).toBe('0.30');
  });

  it('keeps the exact cents of large amounts', () => {
    // The amount of issue 19: 14 integer digits and its cents, typed as text in a CSV.
    expect(formatMoney(12345678901234.56)).toBe('12,345,678,901,234.56');
    expect(formatMoney(-12345678901234.56)).toBe('-12,345,678,901,234.56');
    // 2^53 − 1 cents, the largest whole number of cents float64 holds exactly.
    expect(formatMoneyCents(9007199254740991)).toBe('90,071,992,547,409.91');
  });

  it('rounds as the money rule sums: half away from zero as the decimal text reads', () => {
    // 1.005 is stored as 1.00499999999999989…; Intl.NumberFormat prints 1.00, the money rule
    // (core/columns/money.ts) counts it as 101 cents.
    expect(formatMoney(1.005)).toBe('1.01');
    expect(formatMoney(-2.675)).toBe('-2.68');
    expect(formatMoney(0.1 + 0.2)).toBe('0.30');
  });

  it('says what a missing or infinite amount is', () => {
    expect(formatMoney(null)).toBe('–');
    expect(formatMoney(undefined)).toBe('–');
    expect(formatMoney(Number.NaN)).toBe('–');
    expect(formatMoney(Number.POSITIVE_INFINITY)).toBe('∞');
  });

  it('shows amounts past whole cents of float64 without invented cents', () => {
    expect(formatMoney(1e20)).toBe('100,000,000,000,000,000,000');
  });
});

describe('formatMoneyCents', () => {
  it('pads small amounts', () => {
    expect(formatMoneyCents(5)).toBe('0.05');
    expect(formatMoneyCents(-5)).toBe('-0.05');
    expect(formatMoneyCents(123456)).toBe('1,234.56');
  });
  it('refuses a fraction of a cent', () => {
    expect(() => formatMoneyCents(1.5)).toThrow(/formatMoneyCents: cents must be a whole number/);
  });
});

describe('formatCount', () => {
  it('groups thousands (Won 4238 → 4,238; n=6711 → 6,711)', () => {
    expect(formatCount(4238)).toBe('4,238');
    expect(formatCount(6711)).toBe('6,711');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1048576)).toBe('1,048,576');
    expect(formatCount(-1234)).toBe('-1,234');
    expect(formatCount(null)).toBe('–');
  });
});

describe('formatPercent and formatDecimal', () => {
  it('shows a share as a percent at one decimal', () => {
    // 0.80110148527991 is the A share of revenue of accounts.csv (summary.json): 80.1%.
    expect(formatPercent(0.80110148527991)).toBe('80.1%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(0.5, 0)).toBe('50%');
  });
  it('shows fixed decimals with separators', () => {
    expect(formatDecimal(51.83, 1)).toBe('51.8');
    expect(formatDecimal(12345.678, 2)).toBe('12,345.68');
    // A value that rounds to zero shows no sign.
    expect(formatDecimal(-0.04, 1)).toBe('0.0');
    expect(formatDecimal(2.5, 0)).toBe('3');
  });
});

describe('roundMoney and withoutFloatNoise', () => {
  it('rounds money to cents (the totals of report CSVs)', () => {
    expect(roundMoney(256929.19999999998)).toBe(256929.2);
    expect(roundMoney(169543.80000000002)).toBe(169543.8);
    expect(roundMoney(12345678901234.56)).toBe(12345678901234.56);
    expect(roundMoney(1.005)).toBe(1.01);
  });
  it('removes float noise only: shares keep their digits', () => {
    expect(withoutFloatNoise(0.1 + 0.2)).toBe(0.3);
    expect(withoutFloatNoise(256929.19999999998)).toBe(256929.2);
    expect(withoutFloatNoise(0.80110148527991)).toBe(0.80110148527991);
    expect(withoutFloatNoise(0.06899709691536936)).toBe(0.06899709691536936);
    expect(withoutFloatNoise(12345678901234.56)).toBe(12345678901234.56);
    expect(withoutFloatNoise(7)).toBe(7);
  });
});

describe('moneyCents', () => {
  it('gives whole cents by the money rule', () => {
    // 1.005 → 101 cents (core/columns/money.ts rounds half away from zero as the text reads).
    expect(moneyCents(1.005)).toBe(101);
    expect(moneyCents(-0.125)).toBe(-13);
    expect(moneyCents(12345678901234.56)).toBe(1234567890123456);
  });
});
