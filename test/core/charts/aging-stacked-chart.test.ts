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

  it('agingStackedChart adds credits given apart into the Credits bar, never into a bucket', () => {
    // Acme owes 1,000 in 1–30 and has a −1,500 credit note given apart; Beta −400 apart.
    // Credits bar = −1,500 − 400 = −1,900; the 1–30 stack stays at the 1,000 owed.
    const rows = specRows(
      agingStackedChart({
        buckets: ['Current', '1–30'],
        groupBy: 'customer',
        amounts: [{ group: 'Acme', bucket: '1–30', amount: 1000 }],
        credits: [
          { group: 'Acme', amount: -1500 },
          { group: 'Beta', amount: -400 },
        ],
      }),
    );
    expect(rows.map((r) => [r.bucket, r.amount])).toEqual([
      ['1–30', 1000],
      ['Credits', -1900],
    ]);
    // Only credits: the chart still draws the Credits bar.
    const onlyCredits = specRows(
      agingStackedChart({
        buckets: ['Current'],
        groupBy: 'owner',
        amounts: [],
        credits: [{ group: 'Ann', amount: -30 }],
      }),
    );
    expect(onlyCredits.map((r) => [r.bucket, r.amount])).toEqual([['Credits', -30]]);
    const bad = (amount: number) => () =>
      agingStackedChart({
        buckets: ['Current'],
        groupBy: 'customer',
        amounts: [],
        credits: [{ group: 'Acme', amount }],
      });
    expect(bad(5)).toThrow(/input\.credits\[0\]\.amount must be ≤ 0/);
    expect(bad(Number.NaN)).toThrow(/input\.credits\[0\]\.amount/);
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
