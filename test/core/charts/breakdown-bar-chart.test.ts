import { describe, expect, it } from 'vitest';
import {
  breakdownBarChart,
  DEFAULT_BREAKDOWN_BARS,
} from '../../../core/charts/breakdown-bar-chart.js';
import { BREAKDOWN_INPUT, MALICIOUS_NAME } from './chart-fixtures.js';
import { compileWarnings, deepFreeze, specRows } from './spec-helpers.js';

/** The spec's subtitle lines (the builder's notes), [] when it has none. */
function subtitle(spec: ReturnType<typeof breakdownBarChart>): string[] {
  const title = spec.title as { subtitle?: string | string[] };
  return title.subtitle === undefined ? [] : [title.subtitle].flat();
}

/** n values v1 … vn, value i with amount i. */
function values(n: number): { key: string; amount: number }[] {
  return Array.from({ length: n }, (_, i) => ({ key: `v${i + 1}`, amount: i + 1 }));
}

describe('breakdownBarChart', () => {
  it('breakdownBarChart ranks the values by amount, largest first, and draws the first topN', () => {
    const spec = breakdownBarChart(BREAKDOWN_INPUT, { topN: 3 });
    expect(specRows(spec).map((r) => [r.label, r.amount, r.rank])).toEqual([
      ['North', 187050, 1],
      ['华东', 173050, 2],
      [MALICIOUS_NAME, 84100, 3],
    ]);
  });

  it('breakdownBarChart says how many values it leaves out and what they add up to (en, zh)', () => {
    // Left out: (blank) 78,700 + West 120.10 + South 0.35 = 78,820.45.
    expect(subtitle(breakdownBarChart(BREAKDOWN_INPUT, { topN: 3 }))).toEqual([
      'Top 3 of 6 Region values; the other 3: 78,820.45',
    ]);
    expect(subtitle(breakdownBarChart(BREAKDOWN_INPUT, { topN: 3, locale: 'zh' }))).toEqual([
      '显示前 3 个（「Region」共 6 个值）；其余 3 个合计 78,820.45',
    ]);
  });

  it('breakdownBarChart adds the values left out in whole cents: 0.1 + 0.2 is 0.30', () => {
    const spec = breakdownBarChart(
      {
        column: 'Owner',
        measure: 'Open',
        values: [
          { key: 'a', amount: 5 },
          { key: 'b', amount: 0.1 },
          { key: 'c', amount: 0.2 },
        ],
      },
      { topN: 1 },
    );
    expect(subtitle(spec)).toEqual(['Top 1 of 3 Owner values; the other 2: 0.30']);
  });

  it('breakdownBarChart draws 20 values by default and no note when it draws them all', () => {
    expect(DEFAULT_BREAKDOWN_BARS).toBe(20);
    const all = breakdownBarChart({ column: 'Agent', measure: 'Weighted', values: values(20) });
    expect(specRows(all)).toHaveLength(20);
    expect(subtitle(all)).toEqual([]);
    // 21 values: v1 (amount 1) is the smallest and the one left out.
    const more = breakdownBarChart({ column: 'Agent', measure: 'Weighted', values: values(21) });
    expect(specRows(more)).toHaveLength(20);
    expect(specRows(more).at(-1)?.label).toBe('v2');
    expect(subtitle(more)).toEqual(['Top 20 of 21 Agent values; the other 1: 1.00']);
  });

  it('breakdownBarChart keeps the input order of equal amounts and names the axes', () => {
    const spec = breakdownBarChart({
      column: 'Region',
      measure: 'Weighted',
      values: [
        { key: 'x', amount: 5 },
        { key: 'a', amount: 5 },
      ],
    });
    expect(specRows(spec).map((r) => r.label)).toEqual(['x', 'a']);
    const encoding = (spec as { encoding: { x: { title: string }; y: { title: string } } })
      .encoding;
    expect([encoding.y.title, encoding.x.title]).toEqual(['Region', 'Weighted']);
    expect(spec.title).toEqual({ text: 'Breakdown' });
  });

  it('breakdownBarChart throws on a non-finite amount, a key that is not text and a bad topN', () => {
    const input = { column: 'Region', measure: 'Weighted' };
    expect(() => breakdownBarChart({ ...input, values: [{ key: 'x', amount: NaN }] })).toThrow(
      /input\.values\[0\]\.amount must be a finite number/,
    );
    expect(() =>
      breakdownBarChart({ ...input, values: [{ key: 7 as unknown as string, amount: 1 }] }),
    ).toThrow(/input\.values\[0\]\.key must be a string/);
    expect(() => breakdownBarChart({ ...input, values: [] }, { topN: 0 })).toThrow(
      /topN must be an integer ≥ 1/,
    );
  });

  it('breakdownBarChart(no values) is empty, without a note, and compiles cleanly', () => {
    const spec = breakdownBarChart({ column: 'Region', measure: 'Weighted', values: [] });
    expect(specRows(spec)).toEqual([]);
    expect(subtitle(spec)).toEqual([]);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('breakdownBarChart does not mutate its input', () => {
    const input = deepFreeze(structuredClone(BREAKDOWN_INPUT));
    breakdownBarChart(input, { topN: 2 });
    expect(input).toEqual(BREAKDOWN_INPUT);
  });
});
