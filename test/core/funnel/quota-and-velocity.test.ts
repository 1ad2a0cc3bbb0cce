import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/columns/records.js';
import { quotaCoverage } from '../../../core/funnel/quota-coverage.js';
import { salesVelocity } from '../../../core/funnel/sales-velocity.js';
import { smallOrderRunRate } from '../../../core/funnel/small-order-run-rate.js';
import { referenceDeals } from './reference-case.js';

const history: Deal[] = [
  {
    row: 20,
    id: 'w1',
    stage: 'Won',
    amount: 100,
    owner: 'Li',
    createdDate: 19_800,
    closeDate: 19_830,
  },
  {
    row: 21,
    id: 'w2',
    stage: 'Won',
    amount: 3,
    owner: 'Wang',
    createdDate: 19_700,
    closeDate: 19_790,
  },
  { row: 22, id: 'l1', stage: 'Lost', amount: 0, owner: 'Li' },
  { row: 23, id: 'l2', stage: 'Lost', amount: 0, owner: 'Li' },
];

describe('quotaCoverage', () => {
  it('computes coverage, gap and pipeline needed for a team quota (hand calculation)', () => {
    const r = quotaCoverage([...referenceDeals(), ...history], { quota: 1000 });
    // closed = 100 + 3 = 103; remaining = 897; pipeline 1424 → coverage 1424 / 897;
    // gap = 1000 − 103 − 364.8 = 532.2; win rate 2 / 4 = 0.5 → needed 1794, shortfall 370.
    expect(r.total).toMatchObject({
      quota: 1000,
      closed: 103,
      pipeline: 1424,
      weighted: 364.8,
      remaining: 897,
      gap: 532.2,
      neededPipeline: 1794,
      pipelineShortfall: 370,
    });
    expect(r.total.coverage).toBeCloseTo(1424 / 897, 12);
    expect(r.winRate).toBe(0.5);
  });

  it('per owner: matches names ignoring case and lists owners without a quota', () => {
    const r = quotaCoverage([...referenceDeals(), ...history], {
      quota: { li: 600, WANG: 300 },
      winRate: 0.25,
    });
    // Li: pipeline 556 (see weighted-pipeline.test.ts), closed 100, remaining 500 → coverage 1.112.
    expect(r.rows[0]).toMatchObject({
      owner: 'li',
      closed: 100,
      pipeline: 556,
      remaining: 500,
      neededPipeline: 2000,
    });
    expect(r.rows[0]?.coverage).toBeCloseTo(1.112, 12);
    expect(r.ownersWithoutQuota).toEqual(['Zhang']);
    expect(r.total.quota).toBe(900);
  });

  it('throws on a negative quota or a bad win rate; empty input is well formed', () => {
    expect(() => quotaCoverage([], { quota: -1 })).toThrow(/quotaCoverage: quota/);
    expect(() => quotaCoverage([], { quota: 1, winRate: 0 })).toThrow(/quotaCoverage: winRate/);
    expect(quotaCoverage([], { quota: 10 }).total).toMatchObject({
      coverage: 0,
      gap: 10,
      neededPipeline: null,
    });
  });
});

describe('smallOrderRunRate', () => {
  it('excludes open small orders and adds back the won run-rate', () => {
    const deals: Deal[] = [
      ...referenceDeals(),
      { row: 30, id: 's1', stage: 'Won', amount: 36.5, closeDate: 19_800 },
      { row: 31, id: 's2', stage: 'Won', amount: 36.5, closeDate: 19_700 },
      { row: 32, id: 's3', stage: 'Won', amount: 36.5, closeDate: 19_000 },
      { row: 33, id: 's4', stage: 'Won', amount: 30 },
    ];
    const r = smallOrderRunRate(deals, { threshold: 45, asOf: 19_905 });
    // Open below 45: D01 40 + D17 40. Won in (19905 − 365, 19905]: s1, s2 = 73 → 0.2 per day → 18 over 90 days.
    expect(r.excludedOpen).toEqual({ count: 2, amount: 80 });
    expect(r.history).toMatchObject({ count: 2, amount: 73 });
    expect(r.runRatePerDay).toBeCloseTo(0.2, 12);
    expect(r.addBack).toBe(18);
    expect(r.undated).toBe(1);
  });

  it('throws on bad options', () => {
    expect(() => smallOrderRunRate([], { threshold: -1, asOf: 0 })).toThrow(
      /smallOrderRunRate: threshold/,
    );
    expect(() => smallOrderRunRate([], { threshold: 1, asOf: 0.5 })).toThrow(/asOf/);
    expect(() => smallOrderRunRate([], { threshold: 1, asOf: 0, horizonDays: 0 })).toThrow(
      /horizonDays/,
    );
  });
});

describe('salesVelocity', () => {
  it('= open deals × average size × win rate ÷ cycle (hand calculation)', () => {
    const r = salesVelocity([...referenceDeals(), ...history]);
    // 18 open, average 1424 / 18, win rate 2 / 4, cycle (30 + 90) / 2 = 60 days → 1424 × 0.5 / 60.
    expect(r).toMatchObject({ openDeals: 18, winRate: 0.5, cycleDays: 60 });
    expect(r.perDay).toBeCloseTo((1424 * 0.5) / 60, 10);
    expect(r.per30Days).toBeCloseTo((1424 * 0.5) / 2, 10);
  });

  it('says what is missing instead of returning 0, and throws on bad overrides', () => {
    const r = salesVelocity(referenceDeals());
    expect(r.perDay).toBeNull();
    expect(r.missing).toEqual([
      'no closed deals to learn a win rate from',
      'no won deal has both a created and a close date',
    ]);
    expect(salesVelocity(referenceDeals(), { winRate: 0.5, cycleDays: 60 }).perDay).toBeCloseTo(
      (1424 * 0.5) / 60,
      10,
    );
    expect(() => salesVelocity([], { cycleDays: 0 })).toThrow(/salesVelocity: cycleDays/);
    expect(salesVelocity([]).missing).toContain('no open deals');
  });
});
