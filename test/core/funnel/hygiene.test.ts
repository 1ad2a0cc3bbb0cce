import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/columns/records.js';
import { backtest } from '../../../core/funnel/backtest.js';
import { hygiene } from '../../../core/funnel/hygiene.js';
import { slippage } from '../../../core/funnel/slippage.js';

const asOf = 20_000;
const deals: Deal[] = [
  {
    row: 2,
    id: 'a',
    stage: 'Design',
    amount: 10,
    owner: 'Li',
    closeDate: asOf - 5,
    stageEnteredDate: asOf - 61,
    lastActivityDate: asOf - 31,
  },
  {
    row: 3,
    id: 'b',
    stage: 'Design',
    amount: 20,
    owner: 'Li',
    closeDate: asOf + 5,
    stageEnteredDate: asOf - 60,
    lastActivityDate: asOf - 30,
  },
  { row: 4, id: 'c', stage: 'Won', amount: 30, closeDate: asOf - 100 },
  { row: 5, id: 'd', stage: '兴趣', amount: 40 },
];

describe('hygiene', () => {
  it('lists past close, stuck and idle open deals with defaults (60 days in stage, 30 idle)', () => {
    const r = hygiene(deals, { asOf });
    expect(r.pastClose.map((d) => [d.id, d.days])).toEqual([['a', 5]]);
    expect(r.stuck.map((d) => [d.id, d.days, d.normDays])).toEqual([['a', 61, 60]]);
    expect(r.noActivity.map((d) => [d.id, d.days])).toEqual([['a', 31]]);
    expect(r.unchecked).toEqual({ closeDate: 1, stageEntered: 1, lastActivity: 1 });
    expect(r.stageNorms[0]).toMatchObject({ days: 60, source: 'default' });
  });

  it('takes norms per stage in either language, and throws on bad ones', () => {
    expect(hygiene(deals, { asOf, stageNormDays: { 设计: 10 } }).stuck.map((d) => d.id)).toEqual([
      'a',
      'b',
    ]);
    expect(() => hygiene(deals, { asOf, stageNormDays: { Nope: 1 } })).toThrow(
      /hygiene: stageNormDays names stage/,
    );
    expect(() => hygiene(deals, { asOf: 1.5 })).toThrow(/hygiene: asOf/);
    expect(hygiene([], { asOf }).pastClose).toEqual([]);
  });
});

describe('slippage', () => {
  it('finds close dates pushed out, amounts cut and stages moved back between snapshots', () => {
    const later: Deal[] = [
      { ...deals[0]!, closeDate: asOf + 25, stage: '酝酿' },
      { ...deals[1]!, amount: 15 },
      { row: 9, id: 'new', stage: 'Use', amount: 1 },
    ];
    const r = slippage(deals, later);
    expect(r.pushedOut).toEqual([
      { id: 'a', row: 2, owner: 'Li', from: '2024-09-29', to: '2024-10-29', change: 30 },
    ]);
    expect(r.amountCut.map((d) => [d.id, d.change])).toEqual([['b', 5]]);
    // Design (order 2) → 酝酿 Brewing (order 1): one stage back.
    expect(r.stageBack.map((d) => [d.id, d.change])).toEqual([['a', 1]]);
    expect(r.added).toBe(1);
    expect(r.removed).toEqual(['c', 'd']);
  });

  it('warns on duplicate ids and handles empty snapshots', () => {
    const r = slippage([...deals, deals[0]!], deals);
    expect(r.warnings[0]).toMatchObject({ code: 'duplicate-id', raw: 'a' });
    expect(slippage([], []).matched).toBe(0);
  });
});

describe('backtest', () => {
  it('MAPE, accuracy and Brier against outcomes (hand calculation)', () => {
    const snapshot: Deal[] = [
      { row: 2, id: 'a', stage: 'Commit', amount: 100, owner: 'Li' },
      { row: 3, id: 'b', stage: 'Use', amount: 50, owner: 'Wang' },
      { row: 4, id: 'c', stage: 'Design', amount: 200, owner: 'Li' },
    ];
    const outcomes: Deal[] = [
      { row: 2, id: 'a', stage: 'Won', amount: 120 },
      { row: 3, id: 'b', stage: 'Lost' },
    ];
    const r = backtest(snapshot, outcomes);
    // F = 50 + 40 + 40 = 130; A = 120; accuracy = 1 − 10/120; Li: F 90, A 120 → APE 0.25; Wang: A 0 (left out).
    expect(r).toMatchObject({ forecast: 130, actual: 120, resolved: 2, won: 1, unresolved: 1 });
    expect(r.accuracy).toBeCloseTo(1 - 10 / 120, 12);
    expect(r.mape).toBeCloseTo(0.25, 12);
    // Brier over a (0.5 → won) and b (0.8 → lost): ((0.5 − 1)² + 0.8²) / 2 = 0.445.
    expect(r.brier).toBeCloseTo(0.445, 12);
  });

  it('gives nulls without outcomes and throws on a bad groupBy', () => {
    const r = backtest([], []);
    expect(r).toMatchObject({ accuracy: null, mape: null, brier: null });
    expect(() => backtest([], [], { groupBy: 'x' as 'owner' })).toThrow(/backtest: groupBy/);
  });
});
