import { describe, expect, it } from 'vitest';
import { dsoCountback } from '../../../core/aging/dso-countback.js';
import { dsoStandard } from '../../../core/aging/dso-standard.js';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';

const d = (iso: string): number => epochDayFromIso(iso) as number;

describe('dsoStandard', () => {
  it('is AR ÷ credit sales × N', () => {
    // DOMAIN.md: 300 ÷ 900 × 90 = 30.
    expect(dsoStandard(300, 900, 90)).toBe(30);
    // Default N = 90: 450 ÷ 900 × 90 = 45.
    expect(dsoStandard(450, 900)).toBe(45);
  });
  it('is null without sales', () => {
    expect(dsoStandard(100, 0)).toBeNull();
  });
  it('throws on bad input', () => {
    expect(() => dsoStandard(Number.NaN, 1)).toThrow(/dsoStandard: ar/);
    expect(() => dsoStandard(1, Infinity)).toThrow(/dsoStandard: creditSales/);
    expect(() => dsoStandard(1, 1, 0)).toThrow(/dsoStandard: days/);
  });
});

describe('dsoCountback', () => {
  it('walks back months, the last pro rata', () => {
    // Hand: March (31 days) 100 used up → 50 left; February 2024 (29 days) 100 → 29 × 50/100 = 14.5.
    // 31 + 14.5 = 45.5.
    const sales = [
      { date: d('2024-03-05'), amount: 100 },
      { date: d('2024-02-10'), amount: 100 },
      { date: d('2024-01-10'), amount: 100 },
    ];
    expect(dsoCountback(150, sales, d('2024-03-31'))).toBeCloseTo(45.5, 10);
  });

  it('counts the as-of month only up to as-of and ignores later sales', () => {
    // As-of 2024-03-15: March period = 15 days with sales 60 (the 03-20 sale is after as-of).
    // AR 90: 15 days, 30 left; Feb sales 120 → 29 × 30/120 = 7.25. Total 22.25.
    const sales = [
      { date: d('2024-03-10'), amount: 60 },
      { date: d('2024-03-20'), amount: 1000 },
      { date: d('2024-02-01'), amount: 120 },
    ];
    expect(dsoCountback(90, sales, d('2024-03-15'))).toBeCloseTo(22.25, 10);
  });

  it('counts a month without sales whole', () => {
    // March 0 sales → 31 days; Feb 200 covers 100 → 29 × 0.5 = 14.5; total 45.5.
    const sales = [{ date: d('2024-02-01'), amount: 200 }];
    expect(dsoCountback(100, sales, d('2024-03-31'))).toBeCloseTo(45.5, 10);
  });

  it('gives 0 for no AR and null when sales never cover it', () => {
    expect(dsoCountback(0, [], d('2024-03-31'))).toBe(0);
    expect(dsoCountback(500, [{ date: d('2024-03-01'), amount: 100 }], d('2024-03-31'))).toBeNull();
  });

  it('throws on bad input', () => {
    expect(() => dsoCountback(Number.NaN, [], 0)).toThrow(/dsoCountback: ar/);
    expect(() => dsoCountback(1, [], 0.5)).toThrow(/dsoCountback: asOf/);
  });
});
