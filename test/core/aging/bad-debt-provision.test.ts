import { describe, expect, it } from 'vitest';
import { badDebtProvision } from '../../../core/aging/bad-debt-provision.js';
import { salesToCoverBadDebt } from '../../../core/aging/sales-to-cover-bad-debt.js';

describe('badDebtProvision', () => {
  it('sums bucket amount × rate', () => {
    // Hand: 1000 × 1% = 10; 200 × 10% = 20; 50 × 100% = 50 → 80.
    const r = badDebtProvision(
      [
        { label: 'Current', amount: 1000 },
        { label: '1–30', amount: 200 },
        { label: '181+', amount: 50 },
      ],
      [0.01, 0.1, 1],
    );
    expect(r.lines.map((l) => l.provision)).toEqual([10, 20, 50]);
    expect(r.total).toBe(80);
  });
  it('provides nothing on a credit balance', () => {
    const r = badDebtProvision([{ label: 'Current', amount: -100 }], [0.5]);
    expect(r.total).toBe(0);
  });
  it('gives zero for no buckets', () => {
    expect(badDebtProvision([], [])).toEqual({ lines: [], total: 0 });
  });
  it('throws on a wrong rate count or a rate outside 0–1', () => {
    expect(() => badDebtProvision([{ label: 'a', amount: 1 }], [])).toThrow(
      /badDebtProvision.*1.*0/,
    );
    expect(() => badDebtProvision([{ label: 'a', amount: 1 }], [1.5])).toThrow(
      /badDebtProvision.*1.5/,
    );
  });
  it('does not mutate its input', () => {
    const buckets = [{ label: 'a', amount: 10 }];
    const rates = [0.5];
    badDebtProvision(buckets, rates);
    expect(buckets).toEqual([{ label: 'a', amount: 10 }]);
    expect(rates).toEqual([0.5]);
  });
});

describe('salesToCoverBadDebt', () => {
  it('is bad debt ÷ net margin', () => {
    // DOMAIN.md §3: 10,000 written off at 5% net margin → 200,000 of sales.
    expect(salesToCoverBadDebt(10_000, 0.05)).toBeCloseTo(200_000, 6);
    expect(salesToCoverBadDebt(0, 0.2)).toBe(0);
  });
  it('throws on a negative debt or a margin outside (0, 1]', () => {
    expect(() => salesToCoverBadDebt(-1, 0.1)).toThrow(/salesToCoverBadDebt: badDebt.*-1/);
    expect(() => salesToCoverBadDebt(1, 0)).toThrow(/salesToCoverBadDebt: netMargin.*0/);
    expect(() => salesToCoverBadDebt(1, 1.2)).toThrow(/netMargin.*1.2/);
  });
});
