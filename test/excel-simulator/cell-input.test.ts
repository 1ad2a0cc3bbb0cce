/// <reference types="office-js" />
import { describe, expect, it } from 'vitest';
import { UNCALCULATED } from './cell-input.js';
import { createExcelHost } from './create-excel-host.js';
import { snapshotWorksheet } from './snapshot-worksheet.js';
import { typedExcel } from './typed-excel.js';
import { createWorkbookModel } from './workbook-model.js';

// The hostile customer names, and what Excel makes of each when typed into a General cell.
const HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|'/C calc'!A0", '@SUM(A1)', '-2+3'];

describe('Range.values writes of strings', () => {
  it('without the text format, strings starting with = + - @ become formulas', async () => {
    const model = createWorkbookModel([{ name: 'Out' }]);
    await typedExcel(createExcelHost(model)).run(async (context) => {
      context.workbook.worksheets.getItem('Out').getRange('A1:A4').values = HOSTILE.map((name) => [
        name,
      ]);
      await context.sync();
    });
    const sheet = snapshotWorksheet(model, 'Out');
    expect(sheet.formulas.map((row) => row[0])).toEqual([
      '=HYPERLINK("http://x","y")',
      "=+cmd|'/C calc'!A0",
      '=SUM(A1)',
      '=-2+3',
    ]);
    expect(sheet.values.flat().every((value) => value === UNCALCULATED)).toBe(true);
  });

  it("with the text format '@' set first (in the same batch), they stay text", async () => {
    const model = createWorkbookModel([{ name: 'Out' }]);
    await typedExcel(createExcelHost(model)).run(async (context) => {
      const range = context.workbook.worksheets.getItem('Out').getRange('A1:A4');
      range.numberFormat = [['@'], ['@'], ['@'], ['@']];
      range.values = HOSTILE.map((name) => [name]);
      range.load('values, formulas, valueTypes');
      await context.sync();
      expect(range.values.flat()).toEqual(HOSTILE);
      expect(range.formulas.flat()).toEqual(HOSTILE);
      expect(range.valueTypes.flat()).toEqual(['String', 'String', 'String', 'String']);
    });
    expect(snapshotWorksheet(model, 'Out').formulas.flat()).toEqual([null, null, null, null]);
  });

  it('typed text becomes numbers, booleans and ISO dates; null leaves a cell unchanged', async () => {
    const model = createWorkbookModel([
      { name: 'Out', values: [[null, null, null, null, null, 'keep']] },
    ]);
    await typedExcel(createExcelHost(model)).run(async (context) => {
      const range = context.workbook.worksheets.getItem('Out').getRange('A1:F1');
      range.values = [['00123', '12.5%', 'true', '2026-06-30', 'Acme', null]];
      range.load('values, numberFormat, text');
      await context.sync();
      // 2026-06-30 = serial 46203 (Excel: =DATE(2026,6,30) → 46203).
      expect(range.values).toEqual([[123, 0.125, true, 46203, 'Acme', 'keep']]);
      expect(range.numberFormat).toEqual([
        ['General', '0%', 'General', 'yyyy-mm-dd', 'General', 'General'],
      ]);
      expect(range.text).toEqual([['123', '13%', 'TRUE', '2026-06-30', 'Acme', 'keep']]);
    });
  });

  it('a single value or format fills the whole range', async () => {
    const model = createWorkbookModel([{ name: 'Out' }]);
    await typedExcel(createExcelHost(model)).run(async (context) => {
      const range = context.workbook.worksheets.getItem('Out').getRange('A1:B2');
      range.numberFormat = '#,##0.00' as unknown as string[][];
      range.values = 1234.5 as unknown as number[][];
      range.load('text');
      await context.sync();
      expect(range.text).toEqual([
        ['1,234.50', '1,234.50'],
        ['1,234.50', '1,234.50'],
      ]);
    });
  });
});
