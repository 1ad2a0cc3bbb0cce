import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/columns/records.js';
import {
  forecastCategories,
  toForecastCategory,
} from '../../../core/funnel/forecast-categories.js';
import { referenceDeals } from './reference-case.js';

const byCategory = (r: ReturnType<typeof forecastCategories>) =>
  Object.fromEntries(r.categories.map((c) => [c.category, [c.count, c.amount]]));

describe('forecastCategories', () => {
  it('maps the reference case by stage and rolls up cumulatively', () => {
    const r = forecastCategories([
      ...referenceDeals(),
      { row: 20, id: 'w', stage: '赢单', amount: 100 },
      { row: 21, id: 'l', stage: 'Lost', amount: 9 },
    ]);
    // Six-stage defaults: Interest/Brewing/Design → Pipeline (300+240+176 = 716), Compare → Best case (464),
    // Commit/Use → Commit (146+98 = 244); the won deal → Closed (100); the lost one → Omitted.
    expect(byCategory(r)).toEqual({
      pipeline: [12, 716],
      'best-case': [2, 464],
      commit: [4, 244],
      closed: [1, 100],
      omitted: [1, 9],
    });
    // commit = commit + closed = 344; best case = 464 + 344 = 808; pipeline = 716 + 808 = 1524.
    expect(r.rollups).toEqual({
      commitForecast: 344,
      bestCaseForecast: 808,
      pipelineForecast: 1524,
    });
  });

  it('applies per-deal overrides in English or Chinese and reports unreadable ones', () => {
    const deals: Deal[] = [
      { row: 2, id: 'a', stage: 'Interest', amount: 10, forecastCategory: '承诺' },
      { row: 3, id: 'b', stage: 'Use', amount: 20, forecastCategory: 'omitted' },
      { row: 4, id: 'c', stage: 'Use', amount: 30, forecastCategory: 'sure thing' },
    ];
    const r = forecastCategories(deals, { template: 'six' });
    expect(byCategory(r).commit).toEqual([2, 40]);
    expect(byCategory(r).omitted).toEqual([1, 20]);
    expect(r.overrides).toEqual({ applied: 2, unrecognised: 1 });
    expect(r.warnings[0]).toMatchObject({
      code: 'unreadable-value',
      row: 4,
      raw: 'sure thing',
      action: 'value ignored',
    });
  });

  it('keeps unqualified deals out of Commit (blank flags count as not met)', () => {
    const deals: Deal[] = [
      {
        row: 2,
        id: 'q',
        stage: 'Commit',
        amount: 10,
        need: true,
        authority: true,
        budget: true,
        timeline: true,
      },
      {
        row: 3,
        id: 'u',
        stage: 'Commit',
        amount: 20,
        need: true,
        authority: false,
        budget: true,
        timeline: true,
      },
      {
        row: 4,
        id: 'v',
        stage: 'Use',
        amount: 30,
        need: true,
        authority: true,
        budget: true,
        forecastCategory: 'Commit',
      },
    ];
    const r = forecastCategories(deals, { template: 'six' });
    expect(byCategory(r).commit).toEqual([1, 10]);
    expect(byCategory(r)['best-case']).toEqual([2, 50]);
    expect(r.unqualified).toEqual([
      { id: 'u', row: 3, missing: ['authority'], demoted: true },
      { id: 'v', row: 4, missing: ['timeline'], demoted: true },
    ]);
    expect(r.qualificationFlags).toEqual(['need', 'authority', 'budget', 'timeline']);
  });

  it('defaults: no qualification columns means no flags; toForecastCategory reads both languages', () => {
    expect(forecastCategories(referenceDeals()).qualificationFlags).toEqual([]);
    expect(toForecastCategory('Best Case')).toBe('best-case');
    expect(toForecastCategory('最佳情况')).toBe('best-case');
    expect(toForecastCategory('??')).toBeUndefined();
  });

  it('filters by period and throws on a reversed one', () => {
    const r = forecastCategories(referenceDeals(), { period: { start: 19_905, end: 19_935 } });
    // 2024-07-01 = 19905 … 2024-07-31 = 19935: D10, D13, D15, D17, D18, D01, D06 close in July 2024.
    expect(r.categories.reduce((s, c) => s + c.count, 0)).toBe(7);
    expect(() => forecastCategories([], { period: { start: 2, end: 1 } })).toThrow(
      /forecastCategories: period/,
    );
  });

  it('gives five empty rows for no deals and does not mutate input', () => {
    const r = forecastCategories([]);
    expect(r.categories.map((c) => c.count)).toEqual([0, 0, 0, 0, 0]);
    const deals = referenceDeals();
    const copy = structuredClone(deals);
    forecastCategories(deals);
    expect(deals).toEqual(copy);
  });
});
