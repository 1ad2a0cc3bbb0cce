/// <reference types="office-js" />
import { describe, expect, it } from 'vitest';
import { createExcelHost } from './create-excel-host.js';
import { typedExcel } from './typed-excel.js';
import { createWorkbookModel } from './workbook-model.js';
import { snapshotWorksheet } from './snapshot-worksheet.js';

function dealsHost() {
  const model = createWorkbookModel([
    {
      name: 'Deals',
      values: [
        ['Deal', 'Amount'],
        ['Acme', 1200],
        ['Globex', 800],
      ],
    },
    { name: 'Notes' },
  ]);
  const host = createExcelHost(model);
  return { model, host, excel: typedExcel(host) };
}

async function rejection(
  promise: Promise<unknown>,
): Promise<{ name: string; code: string; message: string; debugInfo: OfficeExtension.DebugInfo }> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  return error as {
    name: string;
    code: string;
    message: string;
    debugInfo: OfficeExtension.DebugInfo;
  };
}

describe('load and sync', () => {
  it('reading a property that was not loaded throws PropertyNotLoaded at once', async () => {
    const { excel } = dealsHost();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Deals').getRange('A1:B3');
      expect(() => range.values).toThrow(
        expect.objectContaining({ code: 'PropertyNotLoaded', name: 'RichApi.Error' }),
      );
      range.load('address');
      await context.sync();
      expect(range.address).toBe('Deals!A1:B3');
      // Loaded 'address' only: values still throw.
      expect(() => range.values).toThrow(/The property 'values' is not available/);
    });
  });

  it('values arrive only after sync, and are a copy taken at that sync', async () => {
    const { excel } = dealsHost();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem('Deals')
        .getRange('A1:B3')
        .load('values, rowCount, columnCount');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([
        ['Deal', 'Amount'],
        ['Acme', 1200],
        ['Globex', 800],
      ]);
      expect([range.rowCount, range.columnCount]).toEqual([3, 2]);
    });
  });

  it('queued writes change the workbook only at sync', async () => {
    const { model, excel } = dealsHost();
    await excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('Deals').getRange('B2');
      cell.values = [[1500]];
      // The proxy shows what was set, as Office.js proxies do; the workbook does not have it yet.
      expect(cell.values).toEqual([[1500]]);
      expect(model.sheets[0]!.rows[1]!.values[1]).toBe(1200);
      await context.sync();
      expect(model.sheets[0]!.rows[1]!.values[1]).toBe(1500);
    });
  });

  it('Excel.run sends what was queued after the last sync', async () => {
    const { model, excel } = dealsHost();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Notes').getRange('A1').values = [['done']];
    });
    expect(snapshotWorksheet(model, 'Notes').values).toEqual([['done']]);
  });

  it('a null object reports isNullObject after sync, and throws before it', async () => {
    const { excel } = dealsHost();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Forecast');
      const present = context.workbook.worksheets.getItemOrNullObject('deals');
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: 'PropertyNotLoaded' }),
      );
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it('a sheet found by name stays the same sheet after it is renamed, and keeps its id', async () => {
    const { excel } = dealsHost();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Deals').load('id, name');
      await context.sync();
      const id = sheet.id;
      sheet.name = 'Pipeline';
      await context.sync();
      const again = context.workbook.worksheets.getItem(id).load('id, name, position');
      sheet.load('name');
      await context.sync();
      expect([again.id, again.name, again.position, sheet.name]).toEqual([
        id,
        'Pipeline',
        0,
        'Pipeline',
      ]);
    });
  });

  it('collections load their items with the asked properties', async () => {
    const { excel } = dealsHost();
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name, items/position');
      await context.sync();
      expect(sheets.items.map((sheet) => [sheet.name, sheet.position])).toEqual([
        ['Deals', 0],
        ['Notes', 1],
      ]);
      expect(() => sheets.items[0]!.visibility).toThrow(
        expect.objectContaining({ code: 'PropertyNotLoaded' }),
      );
    });
  });
});

describe('errors at sync', () => {
  it('getItem of a missing sheet fails the sync with ItemNotFound', async () => {
    const { excel } = dealsHost();
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Forecast').load('name');
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ name: 'RichApi.Error', code: 'ItemNotFound' });
    expect(error.debugInfo.errorLocation).toBe('WorksheetCollection.getItem');
  });

  it('adding a sheet whose name exists (in any case) fails with ItemAlreadyExists', async () => {
    const { model, excel } = dealsHost();
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.add('DEALS');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemAlreadyExists');
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(['Deals', 'Notes']);
  });

  it('statements before the failing one stay applied, as in Excel', async () => {
    const { model, excel } = dealsHost();
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Notes').getRange('A1').values = [['written']];
        context.workbook.worksheets.getItem('Nope').getRange('A1').values = [['lost']];
        context.workbook.worksheets.getItem('Notes').getRange('A2').values = [['not reached']];
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
    expect(snapshotWorksheet(model, 'Notes').values).toEqual([['written']]);
  });

  it('a 2-D array of the wrong shape fails with InvalidArgument', async () => {
    const { excel } = dealsHost();
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Notes').getRange('A1:B2').values = [[1, 2]];
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidArgument');
    expect(error.message).toMatch(/doesn't match the size or dimensions of the range/);
  });

  it('an invalid address or sheet name fails with InvalidArgument', async () => {
    const { excel } = dealsHost();
    for (const batch of [
      (context: Excel.RequestContext) =>
        context.workbook.worksheets.getItem('Deals').getRange('A1:B2:C3').load('values'),
      (context: Excel.RequestContext) => void context.workbook.worksheets.add('a/b'),
      (context: Excel.RequestContext) => void context.workbook.worksheets.add('x'.repeat(32)),
    ]) {
      const error = await rejection(
        excel.run(async (context) => {
          batch(context);
          await context.sync();
        }),
      );
      expect(error.code).toBe('InvalidArgument');
    }
  });
});
