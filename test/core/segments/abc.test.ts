import { describe, expect, it } from 'vitest';
import { abc, DEFAULT_ABC_CUT_POINTS } from '../../../core/segments/abc.js';

describe('abc', () => {
  it('classes by the share of customers ranked strictly above (DOMAIN.md exact rule)', () => {
    // Total 100. Above-shares in rank order: a 0, b 0.5, c 0.8, d 0.9, e 0.95, f 0.99.
    const result = abc([
      { id: 'e', revenue: 4 },
      { id: 'a', revenue: 50 },
      { id: 'c', revenue: 10 },
      { id: 'f', revenue: 1 },
      { id: 'b', revenue: 30 },
      { id: 'd', revenue: 5 },
    ]);
    expect(result.customers.map((c) => [c.id, c.class])).toEqual([
      ['a', 'A'], // 0 < 0.8
      ['b', 'A'], // 0.5 < 0.8: b crosses 80% and is still A
      ['c', 'B'], // 0.8 is not < 0.8; 0.8 < 0.95
      ['d', 'B'], // 0.9 < 0.95
      ['e', 'C'], // 0.95 is not < 0.95
      ['f', 'C'],
    ]);
    expect(result.customers.map((c) => c.cumulativeShare)).toEqual([0.5, 0.8, 0.9, 0.95, 0.99, 1]);
    // Class shares: A 2/6 customers, 80/100 revenue; B 2/6, 15/100; C 2/6, 5/100.
    expect(result.classes).toEqual([
      { class: 'A', customers: 2, customerShare: 2 / 6, value: 80, valueShare: 0.8 },
      { class: 'B', customers: 2, customerShare: 2 / 6, value: 15, valueShare: 0.15 },
      { class: 'C', customers: 2, customerShare: 2 / 6, value: 5, valueShare: 0.05 },
    ]);
  });

  it('breaks ties by id ascending and classes equal revenues by their rank', () => {
    // Four customers of 25: above-shares 0, 0.25, 0.5, 0.75 → all A; order by id.
    const result = abc(['d', 'b', 'c', 'a'].map((id) => ({ id, revenue: 25 })));
    expect(result.customers.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(result.customers.every((c) => c.class === 'A')).toBe(true);
    // Five of 20: above-shares 0, .2, .4, .6, .8 → the fifth (e) is B.
    const five = abc(['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, revenue: 20 })));
    expect(five.customers.map((c) => c.class)).toEqual(['A', 'A', 'A', 'A', 'B']);
  });

  it('puts zero and negative revenue in C and keeps the shares summing to 1', () => {
    const result = abc([
      { id: 'x', revenue: 100 },
      { id: 'y', revenue: 0 },
      { id: 'z', revenue: -20 },
    ]);
    expect(result.customers.map((c) => [c.id, c.class])).toEqual([
      ['x', 'A'],
      ['y', 'C'],
      ['z', 'C'],
    ]);
    // Net total 80: A 100/80 = 1.25, C −20/80 = −0.25; positive total 100.
    expect(result.total).toBe(80);
    expect(result.positiveTotal).toBe(100);
    expect(result.classes.map((c) => c.valueShare)).toEqual([1.25, 0, -0.25]);
  });

  it('classes a single customer A', () => {
    const result = abc([{ id: 'solo', revenue: 5 }]);
    expect(result.customers).toEqual([
      { id: 'solo', rank: 1, value: 5, share: 1, cumulativeShare: 1, class: 'A' },
    ]);
    expect(result.curve).toEqual([
      { rank: 0, customerShare: 0, valueShare: 0 },
      { rank: 1, customerShare: 1, valueShare: 1 },
    ]);
  });

  it('ranks on margin when asked, and takes custom cut points', () => {
    const customers = [
      { id: 'p', revenue: 100, margin: 10 },
      { id: 'q', revenue: 10, margin: 60 },
      { id: 'r', revenue: 50, margin: 30 },
    ];
    // Margin total 100: q above 0 → A; r above 0.6 → not < 0.5 → B (< 0.95); p above 0.9 → B.
    const result = abc(customers, { by: 'margin', cutPoints: [0.5, 0.95] });
    expect(result.customers.map((c) => [c.id, c.class])).toEqual([
      ['q', 'A'],
      ['r', 'B'],
      ['p', 'B'],
    ]);
    expect(result.by).toBe('margin');
  });

  it('uses 80/95 by default', () => {
    expect(DEFAULT_ABC_CUT_POINTS).toEqual([0.8, 0.95]);
    expect(abc([]).cutPoints).toEqual([0.8, 0.95]);
  });

  it('gives an empty, well-formed result for an empty table', () => {
    const result = abc([]);
    expect(result.customers).toEqual([]);
    expect(result.curve).toEqual([]);
    expect(result.classes.map((c) => [c.customers, c.customerShare, c.valueShare])).toEqual([
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ]);
  });

  it('reports a blank revenue as class C with a warning, and adds up duplicate ids', () => {
    const result = abc([
      { id: 'a', revenue: 10, row: 2 },
      { id: 'b', revenue: null, row: 3 },
      { id: 'a', revenue: 5, row: 4 },
    ]);
    expect(result.customers).toEqual([
      { id: 'a', rank: 1, value: 15, share: 1, cumulativeShare: 1, class: 'A' },
      { id: 'b', rank: 2, value: null, share: null, cumulativeShare: 1, class: 'C' },
    ]);
    expect(result.warnings.map((w) => [w.code, w.row, w.action])).toEqual([
      ['missing-value', 3, 'assumed'],
      ['duplicate-id', 4, 'row kept'],
    ]);
  });

  it('thins the Pareto curve to maxCurvePoints but keeps the class ends', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      id: String(i).padStart(4, '0'),
      revenue: 1000 - i,
    }));
    const result = abc(many, { maxCurvePoints: 21 });
    expect(result.curve.length).toBeLessThanOrEqual(21);
    expect(result.curve[0]).toEqual({ rank: 0, customerShare: 0, valueShare: 0 });
    expect(result.curve.at(-1)).toMatchObject({ rank: 1000, valueShare: 1 });
    const lastA = result.customers.filter((c) => c.class === 'A').length;
    expect(result.curve.some((p) => p.rank === lastA)).toBe(true);
  });

  it('throws on bad cut points, measure, curve size or a non-finite value', () => {
    expect(() => abc([], { cutPoints: [0.95, 0.8] })).toThrow(
      /abc: cut points must satisfy 0 < A < B ≤ 1, got \[0.95, 0.8\]/,
    );
    expect(() => abc([], { cutPoints: [80, 95] })).toThrow(/abc: cut points/);
    expect(() => abc([], { by: 'profit' as 'margin' })).toThrow(/abc: by must be/);
    expect(() => abc([], { maxCurvePoints: 1 })).toThrow(/abc: maxCurvePoints/);
    expect(() => abc([{ id: 'a', revenue: Number.NaN }])).toThrow(
      /abc: revenue of customer 'a' must be a finite number/,
    );
  });

  it('does not mutate its input', () => {
    const input = [
      { id: 'b', revenue: 1 },
      { id: 'a', revenue: 2 },
    ];
    const copy = structuredClone(input);
    abc(input);
    expect(input).toEqual(copy);
  });
});

describe('abc totals', () => {
  it('adds money in whole cents: 0.10 + 0.20 is 0.30, not 0.30000000000000004', () => {
    // Hand calculation: 10 + 20 cents = 30 cents; in floats 0.1 + 0.2 = 0.30000000000000004.
    const result = abc([
      { id: 'B', revenue: 0.2 },
      { id: 'A', revenue: 0.1 },
    ]);
    expect(result.total).toBe(0.3);
    expect(result.positiveTotal).toBe(0.3);
    expect(result.classes.find((row) => row.class === 'A')?.value).toBe(0.3);
    expect(result.customers.at(-1)?.cumulativeShare).toBe(1);
  });
});
