import { describe, expect, it } from 'vitest';
import { sheetViewModel, VIEW_ROWS } from '../../addin/demo/sheet-view-model.js';
import { createWorkbookModel } from '../excel-simulator/index.js';
import { dealValues } from './support/deal-sheets.js';

describe('sheetViewModel (the demo spreadsheet view)', () => {
  it('draws the first rows of a 300,000-row sheet and says how many there are', () => {
    const model = createWorkbookModel([{ name: 'Deals', values: dealValues(299_999) }]);
    const view = sheetViewModel(model, 'Deals');
    expect(view.rows).toHaveLength(VIEW_ROWS);
    expect(view.columns).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(view.rows[0]?.map((cell) => cell.text)).toEqual([
      'Deal',
      'Stage',
      'Amount',
      'Close date',
      'Owner',
    ]);
    // dealValues: row 2 is D0, Interest, 1000, serial 46203, Rep 0 (General format: as typed).
    expect(view.rows[1]?.map((cell) => cell.text)).toEqual([
      'D0',
      'Interest',
      '1000',
      '46203',
      'Rep 0',
    ]);
    expect(view.caption).toBe(
      'Deals: 300,000 rows × 5 columns, the first 200 rows × 5 columns shown',
    );
  });

  it('shows cells with their number format, dates in the workbook’s date system', () => {
    const model = createWorkbookModel([
      { name: 'Dates', values: [[46203]], numberFormats: [['yyyy-mm-dd']] },
    ]);
    expect(sheetViewModel(model, 'Dates').rows[0]?.[0]?.text).toBe('2026-06-30');
    // 1904 system: serial 46203 counts from 1904-01-01, 1,462 days later.
    model.date1904 = true;
    expect(sheetViewModel(model, 'Dates').rows[0]?.[0]?.text).toBe('2030-07-01');
    expect(sheetViewModel(model, 'Dates').caption).toBe('');
  });
});
