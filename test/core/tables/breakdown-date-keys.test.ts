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
