import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/columns/records.js';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import { weightedPipeline } from '../../../core/funnel/weighted-pipeline.js';
import { referenceDeals } from './reference-case.js';

const day = (iso: string): number => epochDayFromIso(iso) as number;

describe('weightedPipeline', () => {
  it.each(['en', 'zh'] as const)(
    'reproduces the DOMAIN.md reference case (%s stage names)',
    (lang) => {
      const result = weightedPipeline(referenceDeals(lang));
      // DOMAIN.md "Reference case": 18 deals, total 1424, weighted 364.8.
      expect(result.totals).toEqual({ count: 18, amount: 1424, weighted: 364.8 });
      expect(result.template.key).toBe('six');
      // Per stage, DOMAIN.md table; weighted = total × rate: 300×5% = 15, 240×10% = 24,
      // 176×20% = 35.2, 464×30% = 139.2, 146×50% = 73, 98×80% = 78.4.
      expect(result.stages.map((s) => [s.count, s.amount, s.rate, s.weighted])).toEqual([
        [5, 300, 0.05, 15],
        [4, 240, 0.1, 24],
        [3, 176, 0.2, 35.2],
        [2, 464, 0.3, 139.2],
        [2, 146, 0.5, 73],
        [2, 98, 0.8, 78.4],
      ]);
      expect(result.stages[0]?.nameZh).toBe('兴趣(客户分析)');
    },
  );

  it('groups by owner, close month and quarter, each summing to the totals', () => {
    const result = weightedPipeline(referenceDeals());
    // Hand sum from reference-case.ts: Li has D01 40, D03 60, D06 45, D09 75, D11 56, D13 200, D16 80 = 556.
    expect(result.byOwner.find((g) => g.key === 'Li')?.amount).toBe(556);
    // Li weighted: 2 + 3 + 4.5 + 7.5 + 11.2 + 60 + 40 = 128.2.
    expect(result.byOwner.find((g) => g.key === 'Li')?.weighted).toBe(128.2);
    for (const groups of [result.byOwner, result.byMonth, result.byQuarter, result.byRegion]) {
      expect(groups.reduce((s, g) => s + g.count, 0)).toBe(18);
      expect(Math.round(groups.reduce((s, g) => s + g.weighted, 0) * 100)).toBe(36480);
    }
    // October 2024 holds D05 (80, Interest) and D09 (75, Brewing): weighted 4 + 7.5.
    expect(result.byMonth.find((g) => g.key === '2024-10')).toMatchObject({
      count: 2,
      amount: 155,
      weighted: 11.5,
    });
    expect(result.byQuarter.map((q) => q.key)).toEqual(['2024-Q3', '2024-Q4']);
  });

  it('uses a deal’s own probability before the stage rate, and counts won and lost outside the pipeline', () => {
    const deals: Deal[] = [
      { row: 2, id: 'a', stage: 'Interest', amount: 100, probability: 0.5 },
      { row: 3, id: 'b', stage: 'Won', amount: 70 },
      { row: 4, id: 'c', stage: '丢单', amount: 30 },
      { row: 5, id: 'd', stage: 'Design', amount: 10, status: 'won' },
    ];
    const result = weightedPipeline(deals, { template: 'six' });
    expect(result.totals).toEqual({ count: 1, amount: 100, weighted: 50 });
    expect(result.won).toEqual({ count: 2, amount: 80 });
    expect(result.lost).toEqual({ count: 1, amount: 30 });
  });

  it('defaults: no small-order threshold, template chosen from the data', () => {
    const result = weightedPipeline(referenceDeals());
    expect(result.smallOrders).toBeNull();
    expect(result.template.reason).toMatch(/match 100%/);
  });

  it('keeps small orders out of the funnel when a threshold is given', () => {
    const result = weightedPipeline(referenceDeals(), { smallOrderThreshold: 45 });
    // Only D01 (40) and D17 (40) are below 45.
    expect(result.smallOrders).toEqual({ threshold: 45, count: 2, amount: 80 });
    expect(result.totals.amount).toBe(1424 - 80);
  });

  it('throws on a negative threshold, unknown template and bad user rate', () => {
    expect(() => weightedPipeline([], { smallOrderThreshold: -1 })).toThrow(
      /weightedPipeline: smallOrderThreshold/,
    );
    expect(() => weightedPipeline([], { template: 'nine' as 'six' })).toThrow(
      /unknown template "nine"/,
    );
    expect(() =>
      weightedPipeline(referenceDeals(), { template: 'six', rates: { Interest: 1.5 } }),
    ).toThrow(/rate for "Interest"/);
    expect(() =>
      weightedPipeline(referenceDeals(), { template: 'six', rates: { Nope: 0.5 } }),
    ).toThrow(/names stage "Nope"/);
  });

  it('reports dirty data: unknown stages, blank amounts, probabilities out of range', () => {
    const deals: Deal[] = [
      ...referenceDeals(),
      { row: 20, id: 'x1', stage: 'Maybe later', amount: 99 },
      { row: 21, id: 'x2', stage: 'Maybe later', amount: 1 },
      { row: 22, id: 'x3', stage: '设计', amount: undefined },
      { row: 23, id: 'x4', stage: 'Design', amount: 10, probability: 7 },
    ];
    const result = weightedPipeline(deals);
    expect(result.unknownStages).toEqual([
      { name: 'Maybe later', count: 2, amount: 100, rows: [20, 21] },
    ]);
    const unknown = result.warnings.find((w) => w.code === 'unknown-stage');
    expect(unknown).toMatchObject({ row: 20, count: 2, raw: 'Maybe later', action: 'row kept' });
    const blank = result.warnings.find((w) => w.code === 'missing-value' && w.column === 'amount');
    expect(blank).toMatchObject({ row: 22, count: 1, action: 'row kept' });
    expect(result.warnings.find((w) => w.code === 'out-of-range')).toMatchObject({ row: 23 });
    // The blank-amount deal counts but adds nothing; x4 falls back to the 20% Design rate:
    // 364.8 + 10 × 20% = 366.8. The two 'Maybe later' deals (99 + 1) are in the totals through
    // the unknown-stage row, unweighted (no stage rate, no own probability): 18 + 2 + 2 = 22
    // deals, 1424 + 10 + 100 = 1534.
    expect(result.totals).toEqual({ count: 22, amount: 1534, weighted: 366.8 });
    expect(result.unknownStage).toMatchObject({
      count: 2,
      amount: 100,
      weighted: 0,
      unweighted: 2,
    });
    expect(result.stages[2]?.unweighted).toBe(1);
  });

  it('gives an empty, well-formed result for no deals', () => {
    const result = weightedPipeline([]);
    expect(result.totals).toEqual({ count: 0, amount: 0, weighted: 0 });
    expect(result.stages).toHaveLength(6);
    expect(result.byOwner).toEqual([]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('does not mutate its input', () => {
    const deals = referenceDeals('zh');
    const copy = structuredClone(deals);
    weightedPipeline(deals, { smallOrderThreshold: 50 });
    expect(deals).toEqual(copy);
  });

  it('sums money without float drift: 0.1 × 30 deals at 100% totals exactly 3.00', () => {
    const deals: Deal[] = Array.from({ length: 30 }, (_, i) => ({
      row: i + 2,
      id: `d${i}`,
      stage: 'Use',
      amount: 0.1,
      probability: 1,
    }));
    // A plain float loop gives 3.0000000000000013; cents give 300 / 100.
    expect(deals.reduce((s, d) => s + (d.amount ?? 0), 0)).not.toBe(3);
    expect(weightedPipeline(deals, { template: 'six' }).totals).toEqual({
      count: 30,
      amount: 3,
      weighted: 3,
    });
  });

  const dealArb = fc.record({
    stage: fc.constantFrom('Interest', '酝酿', 'Design', '比较(呈现价值)', 'Commit', 'Use'),
    cents: fc.integer({ min: 0, max: 100_000_000 }),
    owner: fc.constantFrom('A', 'B', '张三'),
    close: fc.integer({ min: 19_000, max: 20_000 }),
    probability: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  });

  it('property: totals equal the row sums at 2 decimals under any permutation; weighted ≤ amount', () => {
    fc.assert(
      fc.property(fc.array(dealArb, { maxLength: 60 }), fc.integer(), (rows, seed) => {
        const deals: Deal[] = rows.map((r, i) => ({
          row: i + 2,
          id: `d${i}`,
          stage: r.stage,
          amount: r.cents / 100,
          owner: r.owner,
          closeDate: r.close,
          probability: r.probability === undefined ? undefined : r.probability / 100,
        }));
        const shuffled = [...deals].sort(
          (a, b) => ((a.row * 7919 + seed) % 101) - ((b.row * 7919 + seed) % 101),
        );
        const a = weightedPipeline(deals, { template: 'six' });
        const b = weightedPipeline(shuffled, { template: 'six' });
        const rowCents = rows.reduce((s, r) => s + r.cents, 0);
        expect(Math.round(a.totals.amount * 100)).toBe(rowCents);
        expect(b.totals).toEqual(a.totals);
        expect(b.stages).toEqual(a.stages);
        expect(a.totals.weighted).toBeLessThanOrEqual(a.totals.amount);
        const stageCents = a.stages.reduce((s, r) => s + Math.round(r.weighted * 100), 0);
        expect(stageCents).toBe(Math.round(a.totals.weighted * 100));
        const ownerCents = a.byOwner.reduce((s, r) => s + Math.round(r.weighted * 100), 0);
        expect(ownerCents).toBe(Math.round(a.totals.weighted * 100));
      }),
    );
  });

  it('reads month and quarter from epoch days across year ends and leap days', () => {
    const deals: Deal[] = [
      '2023-12-31',
      '2024-01-01',
      '2024-02-29',
      '2024-03-31',
      '2024-04-01',
    ].map((iso, i) => ({
      row: i + 2,
      id: iso,
      stage: 'Use',
      amount: 1,
      closeDate: day(iso),
    }));
    const result = weightedPipeline(deals, { template: 'six' });
    expect(result.byMonth.map((m) => [m.key, m.count])).toEqual([
      ['2023-12', 1],
      ['2024-01', 1],
      ['2024-02', 1],
      ['2024-03', 1],
      ['2024-04', 1],
    ]);
    expect(result.byQuarter.map((q) => [q.key, q.count])).toEqual([
      ['2023-Q4', 1],
      ['2024-Q1', 3],
      ['2024-Q2', 1],
    ]);
  });
});
