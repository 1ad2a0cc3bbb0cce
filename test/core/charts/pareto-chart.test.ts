import { describe, expect, it } from 'vitest';
import { paretoChart } from '../../../core/charts/pareto-chart.js';
import { PARETO_INPUT } from './chart-fixtures.js';
import { compileWarnings, deepFreeze, specRows } from './spec-helpers.js';

describe('paretoChart', () => {
  it('paretoChart computes cumulative shares from the ranked customers (hand-checked)', () => {
    const rows = specRows(paretoChart(PARETO_INPUT));
    // Revenues 500, 250, 100, 80, 40, 20, 10, 0 → total 1000; 8 customers.
    expect(rows[0]).toMatchObject({ customerShare: 0, revenueShare: 0, isPoint: false });
    const points = rows.slice(1);
    expect(points.map((r) => r.customerShare)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => i / 8));
    // 500/1000, 750/1000, 850/1000, 930/1000, 970/1000, 990/1000, 1000/1000, 1000/1000
    expect(points.map((r) => r.revenueShare)).toEqual([0.5, 0.75, 0.85, 0.93, 0.97, 0.99, 1, 1]);
    expect(points.map((r) => r.classLabel)).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C', 'C']);
  });

  it('paretoChart ignores negative revenue in the curve (such customers add nothing)', () => {
    const rows = specRows(
      paretoChart({
        customers: [
          { customer: 'x', revenue: 30, abcClass: 'A' },
          { customer: 'y', revenue: 10, abcClass: 'B' },
          { customer: 'z', revenue: -5, abcClass: 'C' },
        ],
      }),
    );
    // positive total 40: 30/40 = 0.75, 40/40 = 1, then −5 adds 0 → 1
    expect(rows.slice(1).map((r) => r.revenueShare)).toEqual([0.75, 1, 1]);
  });

  it('paretoChart draws 80% and 95% rules by default and custom cut points when given', () => {
    expect(JSON.stringify(paretoChart(PARETO_INPUT))).toContain('"A ≤ 80%"');
    const text = JSON.stringify(paretoChart(PARETO_INPUT, { aCut: 0.7, bCut: 0.9 }));
    expect(text).toContain('"A ≤ 70%"');
    expect(text).toContain('"B ≤ 90%"');
  });

  it('paretoChart(zh) names classes A 类 / B 类 / C 类', () => {
    const rows = specRows(paretoChart(PARETO_INPUT, { locale: 'zh' }));
    expect(new Set(rows.slice(1).map((r) => r.classLabel))).toEqual(
      new Set(['A 类', 'B 类', 'C 类']),
    );
  });

  it('paretoChart with all revenue zero puts every point at share 0 instead of dividing by zero', () => {
    const rows = specRows(
      paretoChart({ customers: [{ customer: 'x', revenue: 0, abcClass: 'C' }] }),
    );
    expect(rows[1]?.revenueShare).toBe(0);
  });

  it('paretoChart throws on bad classes, revenues and cut points', () => {
    const c = { customer: 'x', revenue: 1, abcClass: 'A' as const };
    expect(() => paretoChart({ customers: [{ ...c, abcClass: 'D' as 'A' }] })).toThrow(
      /abcClass must be 'A', 'B' or 'C', got "D"/,
    );
    expect(() => paretoChart({ customers: [{ ...c, revenue: NaN }] })).toThrow(
      /revenue must be a finite number/,
    );
    expect(() => paretoChart({ customers: [] }, { aCut: 0.96 })).toThrow(
      /need 0 < aCut ≤ bCut ≤ 1/,
    );
    expect(() => paretoChart({ customers: [] }, { bCut: 1.5 })).toThrow(
      /options.bCut must be in 0…1/,
    );
  });

  it('paretoChart(no customers) has no points (not even the origin) and compiles cleanly', () => {
    const spec = paretoChart({ customers: [] });
    expect(specRows(spec)).toEqual([]);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('paretoChart does not mutate its input', () => {
    const input = deepFreeze(structuredClone(PARETO_INPUT));
    paretoChart(input);
    expect(input).toEqual(PARETO_INPUT);
  });
});
