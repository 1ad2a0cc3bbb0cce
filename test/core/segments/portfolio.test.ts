import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTFOLIO_RESOURCE_SPLIT, portfolio } from '../../../core/segments/portfolio.js';

// Nine customers on a 3 × 3 grid of potential (10, 50, 90) and share (0.1, 0.5, 0.9).
const GRID = [10, 50, 90].flatMap((potential, i) =>
  [0.1, 0.5, 0.9].map((share, j) => ({ id: `p${i}s${j}`, potential, share })),
);

describe('portfolio', () => {
  it('places customers in the five zones with median thresholds and tertile bands', () => {
    const result = portfolio(GRID);
    // Medians: potential 50, share 0.5. Tertiles (PERCENTILE.INC, h = 8/3 and 16/3 of sorted
    // 10,10,10,50,50,50,90,90,90): potential 10 + (2/3)·40 = 36.67 and 50 + (1/3)·40 = 63.33;
    // share 0.1 + (2/3)·0.4 = 0.367 and 0.633. Only p1s1 (50, 0.5) is inside both bands.
    expect(result.thresholds.potential).toBe(50);
    expect(result.thresholds.share).toBe(0.5);
    expect(result.thresholds.middlePotential![0]).toBeCloseTo(36.667, 3);
    const zone = Object.fromEntries(result.customers.map((c) => [c.id, c.zone]));
    expect(zone).toEqual({
      p0s0: 'abandon', // low potential, low share
      p0s1: 'maintain', // 0.5 ≥ median share → high
      p0s2: 'maintain',
      p1s0: 'acquire', // 50 ≥ median potential → high, low share
      p1s1: 'disrupt', // middle potential, contested share
      p1s2: 'retain',
      p2s0: 'acquire',
      p2s1: 'retain',
      p2s2: 'retain',
    });
    const byZone = Object.fromEntries(result.zones.map((z) => [z.zone, z]));
    expect(byZone.retain).toMatchObject({
      customers: 3,
      strategy: 'defend',
      strategyZh: '防御',
      nameZh: '保留',
    });
    expect(byZone.disrupt).toMatchObject({
      customers: 1,
      strategy: 'attack',
      ourRevenue: 25,
      headroom: 25,
    });
    expect(byZone.acquire!.strategy).toBe('attack');
    expect(byZone.abandon!.strategy).toBe('maintain');
  });

  it('splits a budget by zone percent and shares it within the zone', () => {
    const result = portfolio(GRID, { budget: { money: 1000, people: 10 } });
    const retain = result.zones.find((z) => z.zone === 'retain')!;
    // Default retain 30% of 1000 = 300, over 3 customers = 100 each; people 3 → 1 each.
    expect(retain.resourcePercent).toBe(30);
    expect(retain.budget.money).toEqual({ zone: 300, perCustomer: 100 });
    expect(retain.budget.people).toEqual({ zone: 3, perCustomer: 1 });
    expect(DEFAULT_PORTFOLIO_RESOURCE_SPLIT).toEqual({
      acquire: 30,
      retain: 30,
      disrupt: 20,
      maintain: 15,
      abandon: 5,
    });
  });

  it('takes explicit thresholds and bands', () => {
    const result = portfolio(GRID, {
      potentialThreshold: 60,
      shareThreshold: 0.95,
      middlePotential: [0, 0],
      contestedShare: [0, 0],
    });
    // Nobody in the empty band; potential ≥ 60 only for 90; share ≥ 0.95 for nobody.
    const zones = new Set(result.customers.map((c) => `${c.potential}:${c.zone}`));
    expect(zones).toEqual(new Set(['10:abandon', '50:abandon', '90:acquire']));
  });

  it('places a single customer in disrupt: it sits inside both collapsed bands', () => {
    const result = portfolio([{ id: 'one', potential: 5, share: 0.2 }]);
    // The bands collapse to [5, 5] and [0.2, 0.2], which hold the customer: disrupt wins first.
    expect(result.customers[0]!.zone).toBe('disrupt');
  });

  it('warns about and leaves out customers without usable potential or share', () => {
    const result = portfolio([
      { id: 'ok', potential: 10, share: 0.5 },
      { id: 'np', share: 0.5, row: 3 },
      { id: 'neg', potential: -1, share: 0.5, row: 4 },
      { id: 'big', potential: 10, share: 1.5, row: 5 },
    ]);
    expect(result.customers.map((c) => c.id)).toEqual(['ok']);
    expect(result.unclassified).toEqual(['big', 'neg', 'np']);
    expect(result.warnings.map((w) => [w.code, w.row, w.column])).toEqual([
      ['missing-value', 3, 'potential'],
      ['out-of-range', 4, 'potential'],
      ['out-of-range', 5, 'share'],
    ]);
  });

  it('gives an empty, well-formed result for no customers', () => {
    const result = portfolio([]);
    expect(result.customers).toEqual([]);
    expect(result.thresholds).toEqual({
      potential: null,
      share: null,
      middlePotential: null,
      contestedShare: null,
    });
    expect(result.zones.map((z) => z.customers)).toEqual([0, 0, 0, 0, 0]);
  });

  it('throws on a resource split that does not add to 100, and on bad bands', () => {
    expect(() =>
      portfolio(GRID, {
        resourceSplit: { acquire: 30, retain: 30, disrupt: 20, maintain: 10, abandon: 5 },
      }),
    ).toThrow(/portfolio: resourceSplit must add up to 100%, got 95%/);
    expect(() => portfolio(GRID, { middlePotential: [5, 1] })).toThrow(
      /portfolio: middlePotential must be \[low, high\]/,
    );
    expect(() => portfolio(GRID, { potentialThreshold: Number.NaN })).toThrow(
      /portfolio: potentialThreshold/,
    );
    expect(() => portfolio(GRID, { budget: { money: -1 } })).toThrow(/portfolio: budget.money/);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(GRID);
    portfolio(GRID);
    expect(GRID).toEqual(copy);
  });
});
