/// <reference types="office-js" />
import { ChartSeriesBy, ChartType, ConditionalFormatType } from './excel-enums.js';

const Excel = { ChartSeriesBy, ChartType, ConditionalFormatType } as unknown as Pick<
  typeof globalThis.Excel,
  'ChartSeriesBy' | 'ChartType' | 'ConditionalFormatType'
>;
import { describe, expect, it } from 'vitest';
import { createExcelHost } from './create-excel-host.js';
import { snapshotWorksheet } from './snapshot-worksheet.js';
import { typedExcel } from './typed-excel.js';
import { createWorkbookModel } from './workbook-model.js';

const DEALS = [
  ['Stage', 'Amount', 'Owner'],
  ['Won', 1200, 'Li'],
  ['Lost', 800, 'Ann'],
  ['Open', 500, 'Li'],
];

function setup() {
  const model = createWorkbookModel([{ name: 'Deals', values: DEALS }, { name: 'Notes' }]);
  const host = createExcelHost(model);
  return { model, host, excel: typedExcel(host) };
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'none',
    (error: { code: string }) => error.code,
  );
}

describe('tables', () => {
  it('add over a range with headers; its parts and columns read back', async () => {
    const { excel, model } = setup();
    const result = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Deals');
      const table = sheet.tables.add('A1:C4', true);
      table.name = 'DealsTable';
      const header = table.getHeaderRowRange().load('values');
      const body = table.getDataBodyRange().load('address, values');
      const columns = table.columns.load('items/name');
      await context.sync();
      return {
        header: header.values,
        body: body.address,
        amounts: body.values.map((row) => row[1]),
        columns: columns.items.map((column) => column.name),
      };
    });
    expect(result).toEqual({
      header: [['Stage', 'Amount', 'Owner']],
      body: 'Deals!A2:C4',
      amounts: [1200, 800, 500],
      columns: ['Stage', 'Amount', 'Owner'],
    });
    expect(model.tables.map((table) => table.name)).toEqual(['DealsTable']);
  });

  it('rows.add appends rows and the table grows', async () => {
    const { excel } = setup();
    const address = await excel.run(async (context) => {
      const table = context.workbook.tables.add('Deals!A1:C4', true);
      table.rows.add(undefined, [['Won', 300, 'Bo']]);
      const range = table.getRange().load('address');
      await context.sync();
      return range.address;
    });
    expect(address).toBe('Deals!A1:C5');
  });

  it('a table over another fails with MergedRangeConflict; a taken name with ItemAlreadyExists', async () => {
    const { excel } = setup();
    await excel.run(async (context) => {
      context.workbook.tables.add('Deals!A1:C4', true).name = 'Pipeline';
      await context.sync();
    });
    expect(
      await errorCode(
        excel.run(async (context) => {
          context.workbook.tables.add('Deals!B2:D6', true);
          await context.sync();
        }),
      ),
    ).toBe('MergedRangeConflict');
    expect(
      await errorCode(
        excel.run(async (context) => {
          context.workbook.worksheets.getItem('Notes').tables.add('A1:B2', true).name = 'PIPELINE';
          await context.sync();
        }),
      ),
    ).toBe('ItemAlreadyExists');
  });

  it('without headers, the data moves down one row under Column1, Column2...', async () => {
    const { excel, model } = setup();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Deals').tables.add('A2:C4', false);
      await context.sync();
    });
    expect(snapshotWorksheet(model, 'Deals').values.slice(0, 3)).toEqual([
      ['Stage', 'Amount', 'Owner'],
      ['Column1', 'Column2', 'Column3'],
      ['Won', 1200, 'Li'],
    ]);
  });
});

describe('worksheets', () => {
  it('add, rename, move, hide and delete', async () => {
    const { excel, model } = setup();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Pipecast Forecast');
      sheet.position = 0;
      sheet.name = 'Pipecast 预测';
      context.workbook.worksheets.getItem('Notes').visibility = 'Hidden';
      await context.sync();
    });
    expect(model.sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      ['Pipecast 预测', 'Visible'],
      ['Deals', 'Visible'],
      ['Notes', 'Hidden'],
    ]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Pipecast 预测').delete();
      await context.sync();
    });
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(['Deals', 'Notes']);
    expect(
      await errorCode(
        excel.run(async (context) => {
          context.workbook.worksheets.getItem('Deals').delete();
          await context.sync();
        }),
      ),
    ).toBe('InvalidOperation');
  });

  it('a deleted sheet refuses later statements with ItemNotFound instead of taking them silently', async () => {
    const { excel } = setup();
    const code = await errorCode(
      excel.run(async (context) => {
        const notes = context.workbook.worksheets.getItem('Notes');
        const cell = notes.getRange('A1');
        cell.load('address');
        await context.sync();
        notes.delete();
        await context.sync();
        cell.values = [['lost']];
        await context.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
  });

  it('a custom property follows its sheet through a rename', async () => {
    const { excel } = setup();
    await excel.run(async (context) => {
      context.workbook.worksheets
        .add('Pipecast Forecast')
        .customProperties.add('pipecast', 'forecast');
      await context.sync();
    });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Pipecast Forecast').name = 'My forecast';
      await context.sync();
    });
    const found = await excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const markers = sheets.items.map((sheet) =>
        sheet.customProperties.getItemOrNullObject('PIPECAST').load('value'),
      );
      await context.sync();
      return sheets.items.map((sheet, i) => [
        sheet.name,
        markers[i]!.isNullObject ? null : markers[i]!.value,
      ]);
    });
    expect(found).toEqual([
      ['Deals', null],
      ['Notes', null],
      ['My forecast', 'forecast'],
    ]);
  });

  it('custom properties on a host below ExcelApi 1.12 fail with ApiNotFound', async () => {
    const model = createWorkbookModel([{ name: 'Deals' }]);
    const excel = typedExcel(createExcelHost(model, { apiSets: { ExcelApi: '1.11' } }));
    const code = await errorCode(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Deals').customProperties.add('pipecast', 'forecast');
        await context.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
  });

  it('used range, surrounding region and selection', async () => {
    const { excel, host } = setup();
    host.selectRange('Deals!B3');
    const result = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Deals');
      sheet.getRange('E10').values = [['far']];
      const used = sheet.getUsedRange(true).load('address');
      const region = context.workbook.getSelectedRange().getSurroundingRegion().load('address');
      const blank = context.workbook.worksheets.getItem('Notes').getUsedRangeOrNullObject();
      await context.sync();
      return [used.address, region.address, blank.isNullObject];
    });
    expect(result).toEqual(['Deals!A1:E10', 'Deals!A1:C4', true]);
  });
});

describe('formats, conditional formats and charts', () => {
  it('number formats per block, fonts and widths read back; a mixed range reads null', async () => {
    const { excel } = setup();
    const result = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Deals');
      sheet.getRange('B2:B4').numberFormat = [['#,##0.00'], ['#,##0.00'], ['#,##0.00']];
      sheet.getRange('A1:C1').format.font.bold = true;
      sheet.getRange('A:C').format.autofitColumns();
      const header = sheet.getRange('A1:C1').load('format/font/bold');
      const mixed = sheet.getRange('A1:A2').load('format/font/bold');
      const text = sheet.getRange('B2').load('text');
      const width = sheet.getRange('A1').load('format/columnWidth');
      await context.sync();
      return [
        header.format.font.bold,
        mixed.format.font.bold,
        text.text,
        width.format.columnWidth > 0,
      ];
    });
    expect(result).toEqual([true, null, [['1,200.00']], true]);
  });

  it('conditional formats are recorded with their rule and format', async () => {
    const { excel, model } = setup();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Deals').getRange('B2:B4');
      const format = range.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      format.cellValue.format.font.color = '#9C0006';
      format.cellValue.rule = { formula1: '=1000', operator: 'GreaterThan' };
      await context.sync();
    });
    expect(model.sheets[0]!.conditionalFormats).toEqual([
      expect.objectContaining({
        type: 'CellValue',
        rect: { top: 1, left: 1, bottom: 3, right: 1 },
        properties: {
          'cellValue.format.font.color': '#9C0006',
          'cellValue.rule': { formula1: '=1000', operator: 'GreaterThan' },
        },
      }),
    ]);
  });

  it('charts are recorded with type, source, series, title and axes', async () => {
    const { excel, model } = setup();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Deals');
      const chart = sheet.charts.add(
        Excel.ChartType.columnClustered,
        sheet.getRange('A1:B4'),
        Excel.ChartSeriesBy.auto,
      );
      chart.title.text = 'Amount by stage';
      chart.axes.valueAxis.title.text = 'Amount';
      chart.setPosition('E2', 'L18');
      await context.sync();
    });
    expect(model.sheets[0]!.charts).toEqual([
      expect.objectContaining({
        chartType: 'ColumnClustered',
        sourceAddress: 'Deals!A1:B4',
        seriesBy: 'Columns',
        seriesNames: ['Amount'],
        properties: { 'title.text': 'Amount by stage', 'axes.valueAxis.title.text': 'Amount' },
        anchor: { startCell: 'E2', endCell: 'L18' },
      }),
    ]);
    expect(
      await errorCode(
        excel.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem('Deals');
          sheet.charts.add('Funnelish' as Excel.ChartType, sheet.getRange('A1:B4'));
          await context.sync();
        }),
      ),
    ).toBe('InvalidArgument');
  });
});

describe('chart series', () => {
  it('series added in a batch get their data ranges and formats recorded by index', async () => {
    const { excel, model } = setup();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Deals');
      const chart = sheet.charts.add('ColumnClustered' as Excel.ChartType, sheet.getRange('A1:B4'));
      const share = chart.series.add('Share');
      share.setValues(sheet.getRange('C2:C4'));
      share.chartType = 'Line';
      share.axisGroup = 'Secondary';
      chart.series.getItemAt(0).format.fill.setSolidColor('#2F5597');
      await context.sync();
    });
    const chart = model.sheets[0]!.charts[0]!;
    expect(chart.seriesNames).toEqual(['Amount', 'Share']);
    expect(chart.properties).toEqual({
      'series.1.setValues': ['Deals!C2:C4'],
      'series.1.chartType': 'Line',
      'series.1.axisGroup': 'Secondary',
      'series.0.format.fill.setSolidColor': ['#2F5597'],
    });
  });
});

describe('settings, names and events', () => {
  it('workbook settings persist in the model and are seen by a new host (reopening)', async () => {
    const { excel, model } = setup();
    await excel.run(async (context) => {
      context.workbook.settings.add('pipecast.params', { quota: 100000, stages: ['Won', '赢单'] });
      await context.sync();
    });
    const reopened = createExcelHost(model);
    const value = await typedExcel(reopened).run(async (context) => {
      const setting = context.workbook.settings
        .getItemOrNullObject('pipecast.params')
        .load('value');
      await context.sync();
      return setting.value;
    });
    expect(value).toEqual({ quota: 100000, stages: ['Won', '赢单'] });
    expect(reopened.Office.context.document.settings.get('pipecast.params')).toEqual(value);
  });

  it('Office.context.document.settings keep changes until saveAsync', async () => {
    const { host, model } = setup();
    const settings = host.Office.context.document.settings;
    settings.set('lang', 'zh-CN');
    expect(model.settings.has('lang')).toBe(false);
    await new Promise((resolve) => settings.saveAsync(resolve));
    expect(model.settings.get('lang')).toBe('zh-CN');
  });

  it('named items: add, look up, and a duplicate is ItemAlreadyExists', async () => {
    const { excel } = setup();
    const address = await excel.run(async (context) => {
      context.workbook.names.add(
        'DealAmounts',
        context.workbook.worksheets.getItem('Deals').getRange('B2:B4'),
      );
      const range = context.workbook.names.getItem('dealamounts').getRange().load('address');
      await context.sync();
      return range.address;
    });
    expect(address).toBe('Deals!B2:B4');
    expect(
      await errorCode(
        excel.run(async (context) => {
          context.workbook.names.add('DealAmounts', '=1');
          await context.sync();
        }),
      ),
    ).toBe('ItemAlreadyExists');
  });

  it('selection-changed handlers fire after the sync that selected, and on a user click', async () => {
    const { excel, host } = setup();
    const seen: string[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets
        .getItem('Deals')
        .onSelectionChanged.add(async (args) => void seen.push(args.address));
      context.workbook.worksheets.getItem('Deals').getRange('C3').select();
      await context.sync();
    });
    host.selectRange('Deals!A1:B2');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(['C3', 'A1:B2']);
  });

  it('isSetSupported follows the configured requirement sets', () => {
    const host = createExcelHost(createWorkbookModel(), {
      apiSets: { ExcelApi: '1.8' },
      displayLanguage: 'zh-CN',
    });
    expect(host.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(host.Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(host.Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(
      createExcelHost(createWorkbookModel()).Office.context.requirements.isSetSupported(
        'ExcelApi',
        '1.12',
      ),
    ).toBe(true);
    expect(host.Office.context.displayLanguage).toBe('zh-CN');
  });
});
