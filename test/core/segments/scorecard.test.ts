import { describe, expect, it } from 'vitest';
import { DEFAULT_CUSTOMER_TIERS, scorecard } from '../../../core/segments/scorecard.js';

const ITEMS = [
  { id: 'acme', values: { size: 90, loyalty: 80, revenue: 500, daysToPay: 30 } },
  { id: 'bolt', values: { size: 60, loyalty: 70, revenue: 100, daysToPay: 60 } },
  { id: 'core', values: { size: 40, loyalty: 20, revenue: 300, daysToPay: 45 } },
];

describe('scorecard', () => {
  it('totals weighted 1–100 scores, ranks and tiers (hand calculation)', () => {
    const result = scorecard(ITEMS, {
      criteria: [
        { name: 'size', weight: 50 },
        { name: 'loyalty', weight: 50 },
      ],
    });
    // acme 0.5·90 + 0.5·80 = 85 → strategic (≥ 80); bolt 65 → key (≥ 60); core 30 → ordinary.
    expect(result.items.map((r) => [r.id, r.total, r.rank, r.tier, r.tierZh])).toEqual([
      ['acme', 85, 1, 'strategic', '战略客户'],
      ['bolt', 65, 2, 'key', '重点客户'],
      ['core', 30, 3, 'ordinary', '普通客户'],
    ]);
    expect(result.tiers.map((t) => t.items)).toEqual([1, 1, 1]);
  });

  it('scales raw columns by min-max and by rank, with lower-is-better', () => {
    const result = scorecard(ITEMS, {
      criteria: [
        { name: 'revenue', weight: 60, scale: 'min-max' },
        { name: 'daysToPay', weight: 40, scale: 'rank', higherIsBetter: false },
      ],
    });
    const byId = Object.fromEntries(result.items.map((r) => [r.id, r]));
    // min-max over 100…500: acme 100, bolt 1, core 1 + 99·200/400 = 50.5.
    expect(byId.acme!.scores.revenue).toBe(100);
    expect(byId.bolt!.scores.revenue).toBe(1);
    expect(byId.core!.scores.revenue).toBe(50.5);
    // rank, fewer days better: acme 0 better → 100; core 1 better → 100 − 99/2 = 50.5; bolt 1.
    expect(byId.acme!.scores.daysToPay).toBe(100);
    expect(byId.core!.scores.daysToPay).toBe(50.5);
    expect(byId.bolt!.scores.daysToPay).toBe(1);
    // core 0.6·50.5 + 0.4·50.5 = 50.5; bolt 1.
    expect(byId.core!.total).toBe(50.5);
    expect(byId.bolt!.total).toBe(1);
  });

  it('gives tied totals one rank (1, 1, 3) and all-equal raw values 100', () => {
    const result = scorecard(
      [
        { id: 'b', values: { x: 7 } },
        { id: 'a', values: { x: 7 } },
        { id: 'c', values: { x: 3 } },
      ],
      { criteria: [{ name: 'x', weight: 100, scale: 'rank' }] },
    );
    expect(result.items.map((r) => [r.id, r.rank, r.total])).toEqual([
      ['a', 1, 100],
      ['b', 1, 100],
      ['c', 3, 1],
    ]);
    const flat = scorecard(
      [
        { id: 'a', values: { x: 2 } },
        { id: 'b', values: { x: 2 } },
      ],
      {
        criteria: [{ name: 'x', weight: 100, scale: 'min-max' }],
      },
    );
    expect(flat.items.map((r) => r.total)).toEqual([100, 100]);
  });

  it('ranks channels into A/B/C/D', () => {
    const channels = [95, 70, 45, 10].map((s, i) => ({ id: `ch${i}`, values: { score: s } }));
    const result = scorecard(channels, {
      criteria: [{ name: 'score', weight: 100 }],
      tiers: 'channel',
    });
    // A ≥ 80, B ≥ 60, C ≥ 40, D below.
    expect(result.items.map((r) => r.tier)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('takes its own tiers', () => {
    const result = scorecard(ITEMS, {
      criteria: [{ name: 'size', weight: 100 }],
      tiers: [
        { tier: 'top', min: 50 },
        { tier: 'rest', min: 0 },
      ],
    });
    expect(result.items.map((r) => r.tier)).toEqual(['top', 'top', 'rest']);
  });

  it('scores a blank or out-of-range value 1 with a warning', () => {
    const result = scorecard(
      [
        { id: 'p', values: { a: 50, b: null }, row: 2 },
        { id: 'q', values: { a: 150, b: 40 }, row: 3 },
      ],
      {
        criteria: [
          { name: 'a', weight: 50, scale: 'score' },
          { name: 'b', weight: 50 },
        ],
      },
    );
    // p: 0.5·50 + 0.5·1 = 25.5; q: 0.5·1 + 0.5·40 = 20.5.
    expect(result.items.map((r) => [r.id, r.total, r.missing])).toEqual([
      ['p', 25.5, ['b']],
      ['q', 20.5, ['a']],
    ]);
    expect(result.warnings.map((w) => [w.code, w.row, w.column, w.action])).toEqual([
      ['out-of-range', 3, 'a', 'assumed'],
      ['missing-value', 2, 'b', 'assumed'],
    ]);
  });

  it('gives an empty, well-formed result for no items', () => {
    const result = scorecard([], { criteria: [{ name: 'x', weight: 100 }] });
    expect(result.items).toEqual([]);
    expect(result.tiers.map((t) => [t.tier, t.items, t.share])).toEqual([
      ['strategic', 0, 0],
      ['key', 0, 0],
      ['ordinary', 0, 0],
    ]);
    expect(DEFAULT_CUSTOMER_TIERS.map((t) => t.min)).toEqual([80, 60, -Infinity]);
  });

  it('throws a clear error when the weights do not add up to 100', () => {
    expect(() =>
      scorecard(ITEMS, {
        criteria: [
          { name: 'size', weight: 50 },
          { name: 'loyalty', weight: 40 },
        ],
      }),
    ).toThrow('scorecard: weights must add up to 100%, got 90% (size 50 + loyalty 40)');
  });

  it('throws on other caller mistakes', () => {
    expect(() => scorecard(ITEMS, { criteria: [] })).toThrow(
      /scorecard: give at least one criterion/,
    );
    expect(() =>
      scorecard(ITEMS, {
        criteria: [
          { name: 'x', weight: -10 },
          { name: 'y', weight: 110 },
        ],
      }),
    ).toThrow(/scorecard: weight of 'x' must be a percent ≥ 0, got -10/);
    expect(() =>
      scorecard(ITEMS, {
        criteria: [
          { name: 'x', weight: 50 },
          { name: 'x', weight: 50 },
        ],
      }),
    ).toThrow(/criterion 'x' is given twice/);
    expect(() =>
      scorecard(ITEMS, {
        criteria: [{ name: 'x', weight: 100 }],
        tiers: [
          { tier: 'a', min: 1 },
          { tier: 'b', min: 5 },
        ],
      }),
    ).toThrow(/tier minimums must be descending/);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(ITEMS);
    scorecard(ITEMS, { criteria: [{ name: 'revenue', weight: 100, scale: 'rank' }] });
    expect(ITEMS).toEqual(copy);
  });
});

describe('scorecard scale chosen from the column', () => {
  it('reads a column of 1–100 values as scores and ranks any other column', () => {
    const result = scorecard(
      [
        { id: 'big', values: { score: 90, revenue: 5000 } },
        { id: 'mid', values: { score: 50, revenue: 300 } },
        { id: 'small', values: { score: 10, revenue: 99 } },
      ],
      {
        criteria: [
          { name: 'score', weight: 50 },
          { name: 'revenue', weight: 50 },
        ],
      },
    );
    expect(result.criteria.map((c) => [c.name, c.scale, c.scaleSource])).toEqual([
      ['score', 'score', 'column-is-score'],
      ['revenue', 'rank', 'column-not-score'],
    ]);
    // Revenue by percentile rank over 3: 100, 100 − 99 × 1 ÷ 2 = 50.5, 1.
    // big 0.5·90 + 0.5·100 = 95; mid 0.5·50 + 0.5·50.5 = 50.25; small 0.5·10 + 0.5·1 = 5.5.
    expect(result.items.map((r) => [r.id, r.total])).toEqual([
      ['big', 95],
      ['mid', 50.25],
      ['small', 5.5],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('ranks a 1–100 column when lower is better, so the smallest value scores 100', () => {
    const result = scorecard(
      [
        { id: 'late', values: { daysLate: 60 } },
        { id: 'prompt', values: { daysLate: 5 } },
      ],
      { criteria: [{ name: 'daysLate', weight: 100, higherIsBetter: false }] },
    );
    expect(result.criteria[0]).toMatchObject({ scale: 'rank', scaleSource: 'column-not-score' });
    expect(result.items.map((r) => [r.id, r.total])).toEqual([
      ['prompt', 100],
      ['late', 1],
    ]);
  });
});
