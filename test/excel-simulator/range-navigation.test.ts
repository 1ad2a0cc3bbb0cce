/// <reference types="office-js" />
import { describe, expect, it } from 'vitest';
import { createExcelHost } from './create-excel-host.js';
import { sheetWindow } from './sheet-window.js';
import { snapshotWorksheet } from './snapshot-worksheet.js';
import { typedExcel } from './typed-excel.js';
import { createWorkbookModel } from './workbook-model.js';

/** 3 x 3 block at B2:D4 holding 1..9 row by row, the rest blank. */
function grid() {
  const model = createWorkbookModel([
    { name: 'Grid', values: [[], [null, 1, 2, 3], [null, 4, 5, 6], [null, 7, 8, 9]] },
  ]);
  return { model, excel: typedExcel(createExcelHost(model)) };
}

describe('Range navigation (addresses as Excel reports them)', () => {
  it('getCell, getRow, getColumn, getOffsetRange, getResizedRange, getLastRow/Column/Cell', async () => {
    const { excel } = grid();
    const addresses = await excel.run(async (context) => {
      const block = context.workbook.worksheets.getItem('Grid').getRange('B2:D4');
      const ranges = [
        block.getCell(1, 2),
        block.getRow(0),
        block.getColumn(1),
        block.getOffsetRange(1, -1),
        block.getResizedRange(-1, 1),
        block.getAbsoluteResizedRange(1, 1),
        block.getLastRow(),
        block.getLastColumn(),
        block.getLastCell(),
        block.getRowsAbove(1),
        block.getColumnsAfter(2),
        block.getEntireColumn(),
        block.getEntireRow(),
      ].map((range) => range.load('address'));
      await context.sync();
      return ranges.map((range) => range.address);
    });
    expect(addresses).toEqual([
      'Grid!D3',
      'Grid!B2:D2',
      'Grid!C2:C4',
      'Grid!A3:C5',
      'Grid!B2:E3',
      'Grid!B2',
      'Grid!B4:D4',
      'Grid!D2:D4',
      'Grid!D4',
      'Grid!B1:D1',
      'Grid!E2:F4',
      'Grid!B:D',
      'Grid!2:4',
    ]);
  });

  it('getRangeByIndexes, getIntersection, getBoundingRect, getUsedRange of a range', async () => {
    const { excel } = grid();
    const result = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Grid');
      const byIndexes = sheet.getRangeByIndexes(1, 1, 2, 2).load('address, values');
      const intersection = sheet.getRange('A1:C3').getIntersection('C3:E5').load('address');
      const none = sheet.getRange('A1').getIntersectionOrNullObject('D4');
      const bounding = sheet.getRange('B2').getBoundingRect('E7').load('address');
      const used = sheet.getRange('A1:C10').getUsedRange().load('address');
      await context.sync();
      return [
        byIndexes.address,
        byIndexes.values,
        intersection.address,
        none.isNullObject,
        bounding.address,
        used.address,
      ];
    });
    expect(result).toEqual([
      'Grid!B2:C3',
      [
        [1, 2],
        [4, 5],
      ],
      'Grid!C3',
      true,
      'Grid!B2:E7',
      'Grid!B2:C4',
    ]);
  });

  it('an offset off the sheet fails with InvalidArgument', async () => {
    const { excel } = grid();
    const code = await excel
      .run(async (context) => {
        context.workbook.worksheets
          .getItem('Grid')
          .getRange('A1')
          .getOffsetRange(-1, 0)
          .load('address');
        await context.sync();
      })
      .then(
        () => 'none',
        (error: { code: string }) => error.code,
      );
    expect(code).toBe('InvalidArgument');
  });

  it("clear('Contents') keeps number formats; clear() removes both", async () => {
    const { excel, model } = grid();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Grid');
      sheet.getRange('B2:D4').numberFormat = '0.00' as unknown as string[][];
      sheet.getRange('B2:D2').clear('Contents');
      sheet.getRange('B4:D4').clear();
      await context.sync();
    });
    const snapshot = snapshotWorksheet(model, 'Grid');
    expect(snapshot.values.slice(1)).toEqual([
      ['', '', '', ''],
      ['', 4, 5, 6],
    ]);
    expect(snapshot.numberFormats.slice(1).map((row) => row.slice(1))).toEqual([
      ['0.00', '0.00', '0.00'],
      ['0.00', '0.00', '0.00'],
    ]);
    expect(snapshot.usedAddress).toBe('A1:D3');
  });

  it('Range.set and format.set queue several properties at once', async () => {
    const { excel } = grid();
    const result = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Grid').getRange('F1:G1');
      range.set({
        values: [['a', 'b']],
        format: { font: { italic: true }, horizontalAlignment: 'Center' },
      });
      range.load('values, format/horizontalAlignment, format/font/italic');
      await context.sync();
      return [range.values, range.format.horizontalAlignment, range.format.font.italic];
    });
    expect(result).toEqual([[['a', 'b']], 'Center', true]);
  });
});

describe('sheetWindow', () => {
  it('gives the top-left cells with their shown text, clipped to the used range', () => {
    const model = createWorkbookModel([
      {
        name: 'View',
        values: [
          ['Amount', 'Close'],
          [1234.5, 46002],
        ],
        numberFormats: [[], ['#,##0.00', 'yyyy-mm-dd']],
      },
    ]);
    const view = sheetWindow(model, 'View', { rows: 10, columns: 1 });
    expect(view).toEqual({
      usedRows: 2,
      usedColumns: 2,
      cells: [
        [{ value: 'Amount', text: 'Amount', formula: null }],
        [{ value: 1234.5, text: '1,234.50', formula: null }],
      ],
      selection: { top: 0, left: 0, bottom: 0, right: 0 },
    });
  });
});
