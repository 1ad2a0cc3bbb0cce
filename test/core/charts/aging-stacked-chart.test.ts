import { describe, expect, it } from 'vitest';
import { agingStackedChart } from '../../../core/charts/aging-stacked-chart.js';
import { AGING_INPUT, MALICIOUS_NAME } from './chart-fixtures.js';
import { compileWarnings, deepFreeze, specRows } from './spec-helpers.js';

describe('agingStackedChart', () => {
  it('agingStackedChart keeps the top N groups by total and merges the rest into Other (k)', () => {
    const rows = specRows(agingStackedChart(AGING_INPUT, { topN: 4 }));
    // Totals: 华东机电 800, Acme 350, <img…> 260, Bolt 90, 北方重工 70, Cobalt 20, Delta 10.
    const groups = [...new Set(rows.map((r) => r.group))];
    expect(groups).toEqual(
      expect.arrayContaining(['华东机电', 'Acme GmbH', MALICIOUS_NAME, 'Bolt & Nut', 'Other (3)']),
    );
    expect(groups).toHaveLength(5);
    const other = rows.filter((r) => r.group === 'Other (3)');
    // 北方重工 70 + Delta 10 in 181+, Cobalt 20 in 1–30
    expect(other.map((r) => [r.bucket, r.amount])).toEqual([
      ['1–30', 20],
      ['181+', 80],
    ]);
  });

  it('agingStackedChart conserves the total open balance (Σ rows = Σ input)', () => {
    const rows = specRows(agingStackedChart(AGING_INPUT, { topN: 2 }));
    const total = AGING_INPUT.amounts.reduce((s, a) => s + a.amount, 0);
    expect(rows.reduce((s, r) => s + Number(r.amount), 0)).toBe(total);
  });

  it('agingStackedChart defaults to the top 8, without an Other segment when all fit', () => {
    const rows = specRows(agingStackedChart(AGING_INPUT));
    expect(rows.some((r) => String(r.group).startsWith('Other'))).toBe(false);
  });

  it('agingStackedChart(zh, owner) titles the legend 负责人 and names Other 其他', () => {
    const spec = agingStackedChart({ ...AGING_INPUT, groupBy: 'owner' }, { locale: 'zh', topN: 1 });
    expect(JSON.stringify(spec)).toContain('"title":"负责人"');
    expect(specRows(spec).some((r) => r.group === '其他 (6)')).toBe(true);
  });

  it('agingStackedChart keeps bucket order on the axis as given', () => {
    const spec = agingStackedChart(AGING_INPUT) as unknown as {
      layer: { encoding: { x: { scale: { domain: string[] } } } }[];
    };
    expect(spec.layer[0]?.encoding.x.scale.domain).toEqual(AGING_INPUT.buckets);
  });

  it('agingStackedChart throws on unknown buckets, bad groupBy, bad topN and non-finite amounts', () => {
    const base = { buckets: ['Current'], groupBy: 'customer' as const, amounts: [] };
    expect(() =>
      agingStackedChart({ ...base, amounts: [{ group: 'x', bucket: '1-30', amount: 1 }] }),
    ).toThrow(/bucket "1-30" is not in input.buckets/);
    expect(() => agingStackedChart({ ...base, groupBy: 'region' as 'owner' })).toThrow(
      /groupBy must be 'customer' or 'owner'/,
    );
    expect(() => agingStackedChart(base, { topN: 0 })).toThrow(
      /topN must be an integer ≥ 1, got 0/,
    );
    expect(() =>
      agingStackedChart({ ...base, amounts: [{ group: 'x', bucket: 'Current', amount: NaN }] }),
    ).toThrow(/finite/);
    expect(() => agingStackedChart({ ...base, buckets: ['a', 'a'] })).toThrow(/"a" appears twice/);
  });

  it('agingStackedChart(no amounts) is empty and compiles cleanly', () => {
    const spec = agingStackedChart({ ...AGING_INPUT, amounts: [] });
    expect(specRows(spec)).toEqual([]);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('agingStackedChart does not mutate its input', () => {
    const input = deepFreeze(structuredClone(AGING_INPUT));
    agingStackedChart(input, { topN: 2 });
    expect(input).toEqual(AGING_INPUT);
  });
});
