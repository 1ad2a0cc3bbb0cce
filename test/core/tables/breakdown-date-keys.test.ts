import { describe, expect, it } from 'vitest';
import {
  ageReceivables,
  agingBreakdown,
  forecast,
  forecastBreakdown,
} from '../../../core/index.js';
import type { SheetValues } from '../../../core/index.js';

// Excel 1900 serials: 46203 is 2026-06-30 (excelSerialFromEpochDay(20634)), so 46231 is
// 2026-07-28 and 46262 is 2026-08-28; Range.values gives date cells as these numbers.
const JULY_28 = 46231;
const AUGUST_28 = 46262;

function run(sheet: SheetValues) {
  const result = forecast([sheet], { asOf: '2026-06-30', perRow: true });
  if (result === null) throw new Error('no deals');
  return result;
}

describe('forecastBreakdown by a date column', () => {
  // Six-stage template rates: Design 20%, Compare 30%, Commit 50%.
  it('shows a close date given as Excel serials (as the add-in reads it) as dates', () => {
    const deals = run({
      name: 'Pipeline',
      values: [
        ['Deal', 'Stage', 'Amount', 'Close date', 'Score'],
        ['D1', 'Compare', 1000, JULY_28, JULY_28],
        ['D2', 'Commit', 2000, JULY_28, JULY_28],
        ['D3', 'Design', 500, AUGUST_28, 7],
      ],
    });
    // 2026-07-28: D1 1000 × 30% = 300 + D2 2000 × 50% = 1000; 2026-08-28: D3 500 × 20% = 100.
    expect(forecastBreakdown(deals, 'Close date').rows).toEqual([
      { key: '2026-07-28', count: 2, amount: 3000, weighted: 1300 },
      { key: '2026-08-28', count: 1, amount: 500, weighted: 100 },
    ]);
    // "Score" is no field the core reads: its numbers stay numbers.
    expect(forecastBreakdown(deals, 'Score').rows.map((row) => row.key)).toEqual(['46231', '7']);
  });

  it('shows Date cells (as workbook readers give them) as dates, one group with the same day typed', () => {
    const deals = run({
      name: '商机',
      values: [
        ['商机编号', '销售阶段', '预计金额', '预计成交日期', '签约时间'],
        [
          'D1',
          'Compare',
          1000,
          new Date(Date.UTC(2026, 6, 28)),
          new Date(Date.UTC(2026, 6, 1, 9, 30)),
        ],
        ['D2', 'Commit', 2000, '2026-07-28', new Date(Date.UTC(2026, 6, 1, 9, 30))],
        ['D3', 'Design', 500, JULY_28, new Date(Date.UTC(2026, 6, 2))],
      ],
    });
    // One day typed three ways: 300 + 1000 + 100 = 1400 weighted, 3500 in amount.
    expect(forecastBreakdown(deals, '预计成交日期').rows).toEqual([
      { key: '2026-07-28', count: 3, amount: 3500, weighted: 1400 },
    ]);
    // An unmapped column of Date cells: the date, and the time where it is not midnight.
    expect(forecastBreakdown(deals, '签约时间').rows.map((row) => row.key)).toEqual([
      '2026-07-01 09:30',
      '2026-07-02',
    ]);
  });
});

describe('agingBreakdown by a date column', () => {
  it('shows due dates given as Excel serials as dates', () => {
    const ledger: SheetValues = {
      name: 'Invoices',
      values: [
        ['Invoice', 'Customer', 'Invoice date', 'Due date', 'Amount'],
        ['A', 'C1', JULY_28 - 30, JULY_28, 250.5],
        ['B', 'C2', JULY_28 - 30, JULY_28, 100],
        ['C', 'C3', JULY_28 - 40, AUGUST_28, 80],
      ],
    };
    const aging = ageReceivables([ledger], { asOf: '2026-06-30', perRow: true });
    // Invoiced 2026-06-28 and 2026-06-18, before the as-of day. Due 2026-07-28: A 250.5 +
    // B 100 = 350.5 in 2 items; due 2026-08-28: C 80.
    expect(
      agingBreakdown(aging, 'Due date').rows.map((row) => [row.key, row.count, row.open]),
    ).toEqual([
      ['2026-07-28', 2, 350.5],
      ['2026-08-28', 1, 80],
    ]);
  });
});

describe('breakdowns by a date or number column typed as text (as a CSV holds it)', () => {
  // Commit is 50% in the six-stage template. D1–D5 close on July 11, 2026, typed five ways;
  // D6's close date is no date. Amounts as text: 1000 (D1), 10 (D2, D3, D5), 1000 (D4), 500 (D6).
  const deals = run({
    name: 'deals',
    values: [
      ['Deal', 'Stage', 'Amount', 'Close date', 'Ref'],
      ['D1', 'Commit', '1000', '2026-07-11', '10'],
      ['D2', 'Commit', '10.0', '07/11/2026', '10.0'],
      ['D3', 'Commit', '1e1', '7/11/2026', '1e1'],
      ['D4', 'Commit', '1,000', '2026/7/11', '10'],
      ['D5', 'Commit', '10', '2026年7月11日', '10'],
      ['D6', 'Commit', '500', 'next week', '10'],
    ],
  });

  it('groups a close date by the day the forecast reads, keeping text that is no date', () => {
    // 2026-07-11: 1000 + 10 + 10 + 1000 + 10 = 2030, weighted 1015; "next week": 500, 250.
    expect(forecastBreakdown(deals, 'Close date').rows).toEqual([
      { key: '2026-07-11', count: 5, amount: 2030, weighted: 1015 },
      { key: 'next week', count: 1, amount: 500, weighted: 250 },
    ]);
    // The forecast itself counts the five in July 2026.
    const july = deals.result.byMonth.find((month) => month.key === '2026-07');
    expect(july?.amount).toBe(2030);
  });

  it('groups an amount by the number the core reads, and an unmapped column by its text', () => {
    // 1000: D1 + D4 = 2000, weighted 1000; 500: D6; 10: D2 + D3 + D5 = 30, weighted 15.
    expect(forecastBreakdown(deals, 'Amount').rows).toEqual([
      { key: '1000', count: 2, amount: 2000, weighted: 1000 },
      { key: '500', count: 1, amount: 500, weighted: 250 },
      { key: '10', count: 3, amount: 30, weighted: 15 },
    ]);
    // Ref is no field: '10', '10.0' and '1e1' are three texts. 10: D1, D4, D5, D6.
    expect(forecastBreakdown(deals, 'Ref').rows.map((row) => [row.key, row.count])).toEqual([
      ['10', 4],
      ['10.0', 1],
      ['1e1', 1],
    ]);
  });

  it('groups due dates typed month first (the IBM receivables export) with ISO ones', () => {
    const ledger: SheetValues = {
      name: 'Invoices',
      values: [
        ['Invoice', 'Customer', 'Invoice date', 'Due date', 'Amount'],
        ['A', 'C1', '6/11/2026', '7/11/2026', '250.5'],
        ['B', 'C2', '2026-06-11', '2026-07-11', '100'],
        ['C', 'C3', '6/1/2026', '7/1/2026', '80'],
      ],
    };
    const aging = ageReceivables([ledger], { asOf: '2026-06-30', perRow: true });
    // Due 2026-07-11: A 250.5 + B 100 = 350.5; due 2026-07-01: C 80.
    expect(
      agingBreakdown(aging, 'Due date').rows.map((row) => [row.key, row.count, row.open]),
    ).toEqual([
      ['2026-07-11', 2, 350.5],
      ['2026-07-01', 1, 80],
    ]);
  });
});
