import { describe, expect, it } from 'vitest';
import { portfolioScatterChart } from '../../../core/charts/portfolio-scatter-chart.js';
import { PORTFOLIO_INPUT } from './chart-fixtures.js';
import { compileWarnings, deepFreeze, specRows } from './spec-helpers.js';

type Layer = { mark: { type: string }; data?: { values: Record<string, number>[] } };
const layers = (spec: unknown) => (spec as { layer: Layer[] }).layer;

describe('portfolioScatterChart', () => {
  it('portfolioScatterChart draws median lines: potential 475, share 0.40 (hand-computed)', () => {
    const ls = layers(portfolioScatterChart(PORTFOLIO_INPUT));
    // potentials sorted 120 150 450 500 800 900 → (450 + 500) / 2 = 475
    // shares sorted 0.10 0.15 0.35 0.45 0.70 0.80 → (0.35 + 0.45) / 2 = 0.40
    const rules = ls.filter((l) => l.mark.type === 'rule').map((l) => l.data?.values[0]);
    expect(rules[0]?.share).toBeCloseTo(0.4, 12);
    expect(rules[1]).toEqual({ potentialAxis: 475 }); // below 100,000: no unit, axis = value
  });

  it('portfolioScatterChart uses given split lines instead of medians', () => {
    const ls = layers(
      portfolioScatterChart({ ...PORTFOLIO_INPUT, potentialLine: 300, shareLine: 0.5 }),
    );
    expect(ls.filter((l) => l.mark.type === 'rule').map((l) => l.data?.values[0])).toEqual([
      { share: 0.5 },
      { potentialAxis: 300 },
    ]);
  });

  it('portfolioScatterChart labels points by name up to labelMax customers', () => {
    expect(layers(portfolioScatterChart(PORTFOLIO_INPUT)).some((l) => l.mark.type === 'text')).toBe(
      true,
    );
    expect(
      layers(portfolioScatterChart(PORTFOLIO_INPUT, { labelMax: 5 })).some(
        (l) => l.mark.type === 'text',
      ),
    ).toBe(false);
  });

  it('portfolioScatterChart(zh) names zones 获取 保留 侵扰 维持 放弃', () => {
    const rows = specRows(portfolioScatterChart(PORTFOLIO_INPUT, { locale: 'zh' }));
    expect(rows.map((r) => r.zone)).toEqual(['获取', '保留', '侵扰', '维持', '放弃', '侵扰']);
  });

  it('portfolioScatterChart throws on unknown zones and shares outside 0–1', () => {
    const c = { customer: 'x', potential: 1, share: 0.5, zone: 'retain' as const };
    expect(() =>
      portfolioScatterChart({ customers: [{ ...c, zone: 'attack' as 'retain' }] }),
    ).toThrow(/zone must be one of/);
    expect(() => portfolioScatterChart({ customers: [{ ...c, share: 50 }] })).toThrow(
      /share must be in 0…1, got 50/,
    );
    expect(() => portfolioScatterChart({ customers: [{ ...c, potential: NaN }] })).toThrow(
      /potential must be a finite number/,
    );
  });

  it('portfolioScatterChart(no customers) has no points and no median lines, and compiles cleanly', () => {
    const spec = portfolioScatterChart({ customers: [] });
    expect(layers(spec).map((l) => l.mark.type)).toEqual(['point']);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('portfolioScatterChart does not mutate its input', () => {
    const input = deepFreeze(structuredClone(PORTFOLIO_INPUT));
    portfolioScatterChart(input);
    expect(input).toEqual(PORTFOLIO_INPUT);
  });
});
