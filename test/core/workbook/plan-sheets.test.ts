import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import type { SheetGrid } from '../../../core/workbook/sheet-grid.js';
import { planSheets } from '../../../core/workbook/plan-sheets.js';

const grid = (sheet: string, rows: CellValue[][]): SheetGrid => ({
  file: 'book.xlsx',
  sheet,
  rows,
  date1904: false,
});

const HISTORY = grid('History', [
  ['Deal', 'Stage', 'Date'],
  ['D1', 'Design', '2026-03-01'],
]);
const DEALS = grid('Deals', [
  ['Deal', 'Stage', 'Amount', 'Close date', 'Owner'],
  ['D1', 'Design', 100, '2026-07-10', 'Ann'],
]);
const NOTES = grid('Notes', [['free text'], ['more']]);
const ZH = grid('应收', [
  ['发票号', '客户名称', '开票日期', '金额'],
  ['F1', '华远科技', '2026-05-01', 100],
]);

describe('planSheets', () => {
  it('planSheets names each sheet by its headers: history, deals, nothing', () => {
    const plan = planSheets([HISTORY, DEALS, NOTES]);
    expect(plan.sheets).toEqual([
      { sheet: 'History', kind: 'stageChange', source: 'headers', headerRow: 1 },
      { sheet: 'Deals', kind: 'deal', source: 'headers', headerRow: 1 },
      { sheet: 'Notes', kind: null, source: 'headers', headerRow: null },
    ]);
    expect(plan.locale).toBe('en');
  });

  it('planSheets takes the config word for a named sheet, and a mapping completes an unknown one', () => {
    const odd = grid('Odd', [
      ['Ref', 'Phase'],
      ['X1', 'Design'],
    ]);
    const plan = planSheets([DEALS, odd], {
      sheets: { Deals: 'ignore' },
      mappings: { Odd: { id: 'Ref', stage: 'Phase' } },
    });
    expect(plan.sheets[0]).toMatchObject({ kind: 'ignore', source: 'config' });
    expect(plan.sheets[1]).toMatchObject({ kind: 'deal', source: 'headers', headerRow: 1 });
  });

  it('planSheets says zh when most recognised headers are Chinese', () => {
    expect(planSheets([ZH]).locale).toBe('zh');
    expect(planSheets([ZH, DEALS, HISTORY]).locale).toBe('en'); // 4 Chinese vs 8 English headers
  });

  it('planSheets of no sheets is an empty plan in English', () => {
    expect(planSheets([])).toEqual({ sheets: [], locale: 'en' });
  });
});
