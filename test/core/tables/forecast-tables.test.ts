import { describe, expect, it } from 'vitest';
import { forecast, forecastBreakdown, forecastDealsTable } from '../../../core/index.js';
import type { SheetValues } from '../../../core/index.js';

// Six-stage template rates (core/funnel/stage-templates.ts): Design 20%, Compare 30%, Commit 50%.
const SHEET: SheetValues = {
  name: 'Pipeline',
  values: [
    ['Deal', 'Stage', 'Amount', 'Close date', '行业 Industry', 'Region'],
    ['D1', 'Compare', 1000, '2026-07-15', 'Retail', 'North'],
    ['D2', 'Commit', 2000.01, '2026-08-01', 'ＲＥＴＡＩＬ ', 'South'],
    ['D3', 'Design', 500, '2026-07-20', '', 'North'],
    ['D4', 'Won', 4000, '2026-05-01', 'Retail', 'North'],
    ['D5', 'Design', 300.05, '2026-09-01', 'Energy', 'North'],
  ],
};

function run() {
  const result = forecast([SHEET], { asOf: '2026-06-30', perRow: true });
  if (result === null) throw new Error('no deals');
  return result;
}

describe('forecastDealsTable', () => {
  it('gives each deal its stage, rate, weight and category, and the sheet’s other columns', () => {
    const deals = forecastDealsTable(run()).objects() as Record<string, unknown>[];
    expect(deals).toHaveLength(5);
    // D2: 2000.01 × 50% = 1000.005 → 1000.01 (money rounded half away from zero to cents).
    expect(deals[1]).toMatchObject({
      row: 3,
      id: 'D2',
      stage: 'Commit',
      status: 'open',
      rate: 0.5,
      amount: 2000.01,
      weighted: 1000.01,
      category: 'commit',
      inFunnel: true,
      '行业 Industry': 'ＲＥＴＡＩＬ ',
      Region: 'South',
    });
    // The won deal is Closed and outside the funnel: no rate, no weight.
    expect(deals[3]).toMatchObject({ id: 'D4', status: 'won', category: 'closed', rate: null });
    // Result columns keep their names; the sheet's "Stage" header gets its letter.
    expect(Object.keys(deals[0] ?? {})).toContain('Stage (B)');
  });

  it('refuses a run made without perRow', () => {
    const plain = forecast([SHEET], { asOf: '2026-06-30' });
    expect(() => forecastDealsTable(plain!)).toThrow(/perRow: true/);
  });
});

describe('forecastBreakdown', () => {
  it('groups by a header with width, case and spaces folded; blanks form their own row', () => {
    const breakdown = forecastBreakdown(run(), '行业 ｉｎｄｕｓｔｒｙ');
    // Open deals in the funnel: D1, D2, D3, D5 (D4 is won).
    // Retail = D1 + D2: count 2, amount 1000 + 2000.01 = 3000.01, weighted 300 + 1000.01 = 1300.01.
    // Blank = D3: 500, weighted 500 × 20% = 100. Energy = D5: 300.05 × 20% = 60.01.
    expect(breakdown.rows).toEqual([
      { key: 'Retail', count: 2, amount: 3000.01, weighted: 1300.01 },
      { key: null, count: 1, amount: 500, weighted: 100 },
      { key: 'Energy', count: 1, amount: 300.05, weighted: 60.01 },
    ]);
  });

  it('resolves a column letter and adds up exactly to the totals', () => {
    const forecastRun = run();
    const breakdown = forecastBreakdown(forecastRun, 'F');
    expect(breakdown.column).toBe('Region');
    const sum = (field: 'count' | 'amount' | 'weighted'): number =>
      Math.round(breakdown.rows.reduce((total, row) => total + row[field] * 100, 0)) / 100;
    const { totals } = forecastRun.result;
    expect({ count: sum('count'), amount: sum('amount'), weighted: sum('weighted') }).toEqual({
      count: totals.count,
      amount: totals.amount,
      weighted: totals.weighted,
    });
  });

  it('names the sheet’s columns when none matches', () => {
    expect(() => forecastBreakdown(run(), 'Country')).toThrow(/no column "Country".*Region/);
  });
});
