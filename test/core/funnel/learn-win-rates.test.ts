import { describe, expect, it } from 'vitest';
import type { Deal, StageChange } from '../../../core/columns/records.js';
import { learnWinRates } from '../../../core/funnel/learn-win-rates.js';
import { stageKpis } from '../../../core/funnel/stage-kpis.js';

// Generic five stages; closed deals with their last stage in the stage column and a status.
const closed: Deal[] = [
  ...Array.from({ length: 6 }, (_, i) => ({
    row: 2 + i,
    id: `w${i}`,
    stage: 'Contract',
    status: 'won' as const,
    owner: i < 4 ? 'A' : 'B',
  })),
  ...Array.from({ length: 4 }, (_, i) => ({
    row: 8 + i,
    id: `p${i}`,
    stage: '方案制定',
    status: 'lost' as const,
    owner: 'A',
  })),
  ...Array.from({ length: 2 }, (_, i) => ({
    row: 12 + i,
    id: `c${i}`,
    stage: 'initial contact',
    status: 'lost' as const,
    owner: 'B',
  })),
];

describe('learnWinRates', () => {
  it('from each closed deal’s last stage (hand calculation)', () => {
    const r = learnWinRates(closed, { template: 'generic' });
    // Reached initial contact / needs analysis: all 12 (6 won); proposal: 6 won + 4 lost at proposal = 10;
    // negotiation and contract: 6 won only.
    expect(r.stages.map((s) => [s.won, s.closed])).toEqual([
      [6, 12],
      [6, 10],
      [6, 10],
      [6, 6],
      [6, 6],
    ]);
    expect(r.stages.map((s) => s.rate)).toEqual([0.5, 0.6, 0.6, 1, 1]);
    expect(r.basis).toBe('last-stage');
    expect(r.overall).toEqual({ won: 6, closed: 12, rate: 0.5 });
  });

  it('shrinks small groups toward the prior and says so', () => {
    const r = learnWinRates(closed, { template: 'generic', byOwner: true });
    const b = r.byOwner.find((o) => o.owner === 'B');
    // B: 2 won (reached every stage), 2 lost at initial contact → initial contact 2/4, fewer than 5 closed:
    // shrunk = (2 + 5 × team 0.5) / (4 + 5) = 0.5; proposal: 2 won of 2 → (2 + 5 × 0.6) / 7 = 5/7.
    expect(b?.stages[0]).toMatchObject({
      won: 2,
      closed: 4,
      rawRate: 0.5,
      shrunk: true,
      prior: 0.5,
    });
    expect(b?.stages[0]?.rate).toBeCloseTo(0.5, 12);
    expect(b?.stages[2]?.rate).toBeCloseTo(5 / 7, 12);
    expect(r.note).toMatch(/12 closed deals \(6 won\)/);
  });

  it('uses the stage history when given', () => {
    const deals: Deal[] = [
      { row: 2, id: 'x', stage: 'Lost', owner: 'A' },
      { row: 3, id: 'y', stage: 'Won', owner: 'A' },
    ];
    const history: StageChange[] = [
      { row: 2, dealId: 'x', stage: 'Initial contact', date: 100 },
      { row: 3, dealId: 'x', stage: 'Needs analysis', date: 110 },
      { row: 4, dealId: 'y', stage: 'Initial contact', date: 100 },
      { row: 5, dealId: 'zz', stage: 'Initial contact', date: 100 },
    ];
    const r = learnWinRates(deals, { template: 'generic', stageChanges: history, minClosed: 1 });
    // x lost after reaching needs analysis: stages 1–2 have 2 closed, 3–5 only the won y.
    expect(r.stages.map((s) => s.closed)).toEqual([2, 2, 1, 1, 1]);
    expect(r.basis).toBe('stage-history');
    const kpis = stageKpis(deals, { template: 'generic', stageChanges: history });
    // x stayed 10 days in initial contact.
    expect(kpis.stages[0]?.avgDaysInStage).toBe(10);
  });

  it('gives null rates for no closed deals and leaves input alone', () => {
    const r = learnWinRates([], { template: 'six' });
    expect(r.stages[0]).toMatchObject({ rate: 0.05, rawRate: null, closed: 0, shrunk: true });
    const copy = structuredClone(closed);
    learnWinRates(closed, { byOwner: true });
    expect(closed).toEqual(copy);
  });
});

describe('stageKpis', () => {
  it('counts, conversion, dwell and the bottleneck (hand calculation)', () => {
    const deals: Deal[] = [
      ...closed,
      { row: 20, id: 'o1', stage: 'Needs analysis', amount: 10, stageEnteredDate: 90 },
      { row: 21, id: 'o2', stage: 'Needs analysis', amount: 20, stageEnteredDate: 70 },
      { row: 22, id: 'o3', stage: 'Negotiation', amount: 5 },
    ];
    const r = stageKpis(deals, { template: 'generic', asOf: 100 });
    // reached: initial contact 12 + 3 open = 15 (lost at initial contact included), needs analysis 10 + 3 = 13,
    // proposal 10 + 1 = 11, negotiation 6 + 1 = 7, contract 6. Conversion: 13/15, 11/13, 7/11, 6/7, won 6/6.
    expect(r.stages.map((s) => s.reached)).toEqual([15, 13, 11, 7, 6]);
    expect(r.stages.map((s) => s.conversion)).toEqual([13 / 15, 11 / 13, 7 / 11, 6 / 7, 1]);
    expect(r.bottleneck).toMatchObject({ stageKey: 'proposal', by: 'conversion' });
    // Days in needs analysis so far: (100 − 90 + 100 − 70) / 2 = 20.
    expect(r.stages[1]).toMatchObject({
      count: 2,
      amount: 30,
      avgDaysInStage: 20,
      daysBasis: 'open-deals',
    });
  });

  it('is empty and well formed without deals, and throws on a fractional asOf', () => {
    const r = stageKpis([]);
    expect(r.bottleneck).toBeNull();
    expect(r.avgCycleDays).toBeNull();
    expect(() => stageKpis([], { asOf: 1.5 })).toThrow(/stageKpis: asOf/);
  });
});
