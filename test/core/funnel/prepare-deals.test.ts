import { describe, expect, it } from 'vitest';
import type { Deal, StageChange } from '../../../core/columns/records.js';
import { prepareDeals } from '../../../core/funnel/prepare-deals.js';

const nanArray = (n: number): number[] => Array.from({ length: n }, () => NaN);

describe('prepareDeals', () => {
  it('gives all-NaN arrays, one slot per deal, for fields no deal has', () => {
    const deals: Deal[] = [
      { row: 2, id: 'A', stage: 'Interest', amount: 100 },
      { row: 3, id: 'B', stage: 'Commit', amount: 50 },
    ];
    const p = prepareDeals(deals, { template: 'six' });
    for (const days of [p.createdDay, p.stageEnteredDay, p.lastActivityDay, p.probability])
      expect(Array.from(days)).toEqual(nanArray(2));
  });

  it('fills a sparse field at its deals only', () => {
    const deals: Deal[] = [
      { row: 2, id: 'A', stage: 'Interest', amount: 100 },
      { row: 3, id: 'B', stage: 'Interest', amount: 100, probability: 0.25 },
      { row: 4, id: 'C', stage: 'Commit', amount: 50, createdDate: 19_000 },
      { row: 5, id: 'D', stage: 'Commit', amount: 50, lastActivityDate: 19_010 },
    ];
    const p = prepareDeals(deals, { template: 'six' });
    expect(Array.from(p.probability)).toEqual([NaN, 0.25, NaN, NaN]);
    expect(Array.from(p.createdDay)).toEqual([NaN, NaN, 19_000, NaN]);
    expect(Array.from(p.lastActivityDay)).toEqual([NaN, NaN, NaN, 19_010]);
    expect(Array.from(p.stageEnteredDay)).toEqual(nanArray(4));
  });

  it('fills stage-entered days from the history without touching the other date fields', () => {
    const deals: Deal[] = [
      { row: 2, id: 'A', stage: 'Brewing', amount: 100 },
      { row: 3, id: 'B', stage: 'Interest', amount: 100 },
    ];
    // A entered Brewing on day 19_005 (its last change into its current stage).
    const history: StageChange[] = [
      { row: 2, dealId: 'A', stage: 'Interest', date: 19_000 },
      { row: 3, dealId: 'A', stage: 'Brewing', date: 19_005 },
    ];
    const before = JSON.stringify({ deals, history });
    const p = prepareDeals(deals, { template: 'six', stageChanges: history });
    expect(Array.from(p.stageEnteredDay)).toEqual([19_005, NaN]);
    expect(Array.from(p.createdDay)).toEqual(nanArray(2));
    expect(Array.from(p.lastActivityDay)).toEqual(nanArray(2));
    expect(Array.from(p.probability)).toEqual(nanArray(2));
    expect(JSON.stringify({ deals, history })).toBe(before);
  });

  it('gives empty arrays for no deals', () => {
    const p = prepareDeals([], { template: 'six' });
    expect(p.size).toBe(0);
    expect(p.createdDay.length).toBe(0);
    expect(p.probability.length).toBe(0);
  });

  it('codes owners in the order deals first name them, past 65,535 distinct ones too', () => {
    // One owner per deal: more distinct owners than a coded column holds, so the table keeps
    // them as they are and codes them when asked; a blank owner is '' like any other.
    const n = 70_000;
    const deals: Deal[] = Array.from({ length: n }, (_, i) => ({
      row: i + 2,
      id: `D${i}`,
      stage: 'Design',
      ...(i === 5 ? {} : { owner: ` Rep ${i} ` }),
    }));
    const p = prepareDeals(deals, { template: 'six' });
    expect(p.owners).toHaveLength(n);
    expect(p.owners[p.owner[0]!]).toBe('Rep 0');
    expect(p.owners[p.owner[5]!]).toBe('');
    expect(p.owner[69_999]).toBe(69_999);
    expect(p.owners[p.owner[69_999]!]).toBe('Rep 69999');
  });
});
