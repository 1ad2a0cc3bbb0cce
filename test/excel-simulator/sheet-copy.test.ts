/// <reference types="office-js" />
import { describe, expect, it } from 'vitest';
import { createExcelHost } from './create-excel-host.js';
import { snapshotWorksheet } from './snapshot-worksheet.js';
import { typedExcel } from './typed-excel.js';
import { createWorkbookModel } from './workbook-model.js';

const DEALS = [
  ['Stage', 'Amount'],
  ['Won', 1200],
  ['Open', 500],
];

function setup(apiSets?: Record<string, string>) {
  const model = createWorkbookModel([{ name: 'Deals', values: DEALS }, { name: 'Notes' }]);
  return { model, excel: typedExcel(createExcelHost(model, apiSets ? { apiSets } : {})) };
}

describe('Worksheet.copy (ExcelApi 1.7)', () => {
  it('makes "Deals (2)" with a new id, the same cells and the same custom properties', async () => {
    const { model, excel } = setup();
    const copy = await excel.run(async (context) => {
      const deals = context.workbook.worksheets.getItem('Deals');
      deals.customProperties.add('owner', 'pipecast');
      const copied = deals.copy('After', deals);
      copied.load('id,name,position');
      const property = copied.customProperties.getItem('owner');
      property.load('value');
      await context.sync();
      return { id: copied.id, name: copied.name, position: copied.position, owner: property.value };
    });
    const original = snapshotWorksheet(model, 'Deals');
    expect(copy.name).toBe('Deals (2)');
    expect(copy.position).toBe(1);
    expect(copy.id).not.toBe(original.id);
    // Excel keeps worksheet custom properties in the sheet's part, so a copy carries them.
    expect(copy.owner).toBe('pipecast');
    const copied = snapshotWorksheet(model, copy.id);
    expect(copied.values).toEqual(original.values);
    expect(copied.customProperties).toEqual(original.customProperties);
  });

  it('places the copy first by default and numbers further copies (3), (4)', async () => {
    const { model, excel } = setup();
    await excel.run(async (context) => {
      const deals = context.workbook.worksheets.getItem('Deals');
      deals.copy();
      deals.copy('End');
      await context.sync();
    });
    expect(model.sheets.map((sheet) => sheet.name)).toEqual([
      'Deals (2)',
      'Deals',
      'Notes',
      'Deals (3)',
    ]);
  });

  it('copies a table under a new name onto the copy', async () => {
    const { model, excel } = setup();
    await excel.run(async (context) => {
      const deals = context.workbook.worksheets.getItem('Deals');
      deals.tables.add('A1:B3', true).name = 'DealsTable';
      deals.copy('End');
      await context.sync();
    });
    const copy = model.sheets.at(-1);
    expect(model.tables.filter((table) => table.sheetId === copy?.id).map((t) => t.name)).toEqual([
      'DealsTable2',
    ]);
  });

  it('fails with ApiNotFound on a host below ExcelApi 1.7', async () => {
    const { excel } = setup({ ExcelApi: '1.6' });
    const code = await excel
      .run(async (context) => {
        context.workbook.worksheets.getItem('Deals').copy();
        await context.sync();
      })
      .then(
        () => 'none',
        (error: { code: string }) => error.code,
      );
    expect(code).toBe('ApiNotFound');
  });
});
