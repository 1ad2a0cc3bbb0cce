/// <reference types="office-js" />
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createExcelHost } from './create-excel-host.js';
import { loadXlsxFile } from './load-xlsx-file.js';
import { typedExcel } from './typed-excel.js';
import type { WorkbookModel } from './workbook-model.js';

const SAMPLES = fileURLToPath(new URL('../../samples', import.meta.url));
const WORKBOOKS = fileURLToPath(new URL('../../../shared/data/workbooks', import.meta.url));
const HAVE_WORKBOOKS = existsSync(WORKBOOKS);
if (!HAVE_WORKBOOKS)
  console.warn(`skipping the simulator's real-workbook tests: ${WORKBOOKS} is missing`);

/** Reads a range through the simulator, as the add-in would. */
async function readValues(
  model: WorkbookModel,
  sheet: string,
  address: string,
): Promise<unknown[][]> {
  return typedExcel(createExcelHost(model)).run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load('values');
    await context.sync();
    return range.values;
  });
}

describe('loadXlsxFile on samples/*.xlsx', () => {
  const files = readdirSync(SAMPLES).filter((file) => file.endsWith('.xlsx'));

  it('finds the four sample workbooks', () => {
    expect(files.sort()).toEqual([
      'customers-orders.xlsx',
      'invoices-payments.xlsx',
      'pipeline-en.xlsx',
      'pipeline-zh.xlsx',
    ]);
  });

  for (const file of files) {
    it(`${file}: every sheet loads with a non-empty used range`, async () => {
      const model = await loadXlsxFile(join(SAMPLES, file));
      expect(model.sheets.length).toBeGreaterThan(0);
      const used = await typedExcel(createExcelHost(model)).run(async (context) => {
        const ranges = model.sheets.map((sheet) =>
          context.workbook.worksheets
            .getItem(sheet.name)
            .getUsedRange(true)
            .load('address, rowCount'),
        );
        await context.sync();
        return ranges.map((range) => range.rowCount);
      });
      expect(used.every((rows) => rows > 1)).toBe(true);
    });
  }
});

describe('invoices-payments.xlsx through the simulator', () => {
  it('header and first invoice as Range.values and Range.text give them', async () => {
    const model = await loadXlsxFile(join(SAMPLES, 'invoices-payments.xlsx'));
    const [values, text] = await typedExcel(createExcelHost(model)).run(async (context) => {
      const range = context.workbook.worksheets
        .getItem('Invoices')
        .getRange('A3:I4')
        .load('values, text');
      await context.sync();
      return [range.values, range.text];
    });
    // samples/make-samples.ts writes a title, a blank row, the headers, then the seeded rows; the
    // first invoice (as LibreOffice shows it): INV-7001, Granite Mining, Alice Chen, 2025-12-11,
    // no terms, due 2026-02-06, 34,000.50 CNY, not disputed. Serials: 2025-01-01 is 45658
    // (=DATE(2025,1,1)), + 344 days = 46002; 2026-01-01 is 46023, + 36 days = 46059.
    expect(values).toEqual([
      [
        'Invoice No',
        'Customer',
        'Owner',
        'Invoice Date',
        'Payment Terms',
        'Due Date',
        'Amount',
        'Currency',
        'Disputed',
      ],
      ['INV-7001', 'Granite Mining', 'Alice Chen', 46002, '', 46059, 34000.5, 'CNY', 'No'],
    ]);
    expect(text[1]).toEqual([
      'INV-7001',
      'Granite Mining',
      'Alice Chen',
      '2025-12-11',
      '',
      '2026-02-06',
      '34,000.50',
      'CNY',
      'No',
    ]);
  });
});

describe.skipIf(!HAVE_WORKBOOKS)('loadXlsxFile on ../shared/data/workbooks', () => {
  it('date.xlsx and date_1904.xlsx: dates are the serial numbers each file stores', async () => {
    const d1900 = await loadXlsxFile(join(WORKBOOKS, 'date.xlsx'));
    const d1904 = await loadXlsxFile(join(WORKBOOKS, 'date_1904.xlsx'));
    expect([d1900.date1904, d1904.date1904]).toEqual([false, true]);
    // SOURCES.md: A1 = 44197 in the 1900 system = 2021-01-01; in the 1904 system the same day is
    // 44197 - 1462 = 42735 (Excel shows both as 2021-01-01). A3 is a [hh]:mm:ss duration.
    const [a1900, a1904] = [
      await readValues(d1900, 'Sheet1', 'A1:A3'),
      await readValues(d1904, 'Sheet1', 'A1:A3'),
    ];
    expect(a1900.slice(0, 2)).toEqual([[44197], [44198]]);
    expect(a1904.slice(0, 2)).toEqual([[42735], [42736]]);
    expect(a1900[2]![0]).toBeCloseTo(10.6320601851852, 8);
    const text = await typedExcel(createExcelHost(d1904)).run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('text');
      await context.sync();
      return range.text;
    });
    expect(text).toEqual([['2021-01-01']]);
  });

  it("Workbook.use1904DateSystem (ExcelApi 1.16) is the file's date1904 flag", async () => {
    const use1904 = async (file: string, apiSets: Record<string, string>) => {
      const host = createExcelHost(await loadXlsxFile(join(WORKBOOKS, file)), { apiSets });
      // Typed by hand: the @types/office-js release in use does not declare the property yet.
      return typedExcel(host).run(async (context) => {
        const workbook = context.workbook as Excel.Workbook & { use1904DateSystem: boolean };
        workbook.load('use1904DateSystem');
        await context.sync();
        return workbook.use1904DateSystem;
      });
    };
    expect(await use1904('date_1904.xlsx', { ExcelApi: '1.16' })).toBe(true);
    expect(await use1904('date.xlsx', { ExcelApi: '1.16' })).toBe(false);
    const older = await use1904('date_1904.xlsx', { ExcelApi: '1.15' }).catch(
      (error: { code: string }) => error.code,
    );
    expect(older).toBe('ApiNotFound');
  });

  it('errors.xlsx: cached formula errors are their text, with the formulas kept', async () => {
    const model = await loadXlsxFile(join(WORKBOOKS, 'errors.xlsx'));
    // xl/worksheets/sheet1.xml: A1..A7 are t="e" formula cells with these cached values.
    expect(await readValues(model, 'Feuil1', 'A1:A7')).toEqual([
      ['#DIV/0!'],
      ['#NAME?'],
      ['#VALUE!'],
      ['#NULL!'],
      ['#REF!'],
      ['#NUM!'],
      ['#N/A'],
    ]);
    const formulas = await typedExcel(createExcelHost(model)).run(async (context) => {
      const range = context.workbook.worksheets
        .getItem('Feuil1')
        .getRange('A1:A2')
        .load('formulas, valueTypes');
      await context.sync();
      return [range.formulas, range.valueTypes];
    });
    expect(formulas).toEqual([
      [['=5/0'], ['=A0']],
      [['Error'], ['Error']],
    ]);
  });

  it('merge_cells.xlsx: a merged range holds its value in the top-left cell only', async () => {
    const model = await loadXlsxFile(join(WORKBOOKS, 'merge_cells.xlsx'));
    // As LibreOffice shows the sheet: A1:B1 merged "Row Merge", C1 "Not Merged", A2:A3 merged "Column Merge".
    expect(await readValues(model, 'Sheet1', 'A1:C3')).toEqual([
      ['Row Merge', '', 'Not Merged'],
      ['Column Merge', expect.anything(), expect.anything()],
      ['', expect.anything(), expect.anything()],
    ]);
  });

  it('shared_formula_simple.xlsx: shared formulas come through translated, with cached results', async () => {
    const model = await loadXlsxFile(join(WORKBOOKS, 'shared_formula_simple.xlsx'));
    const [values, formulas] = await typedExcel(createExcelHost(model)).run(async (context) => {
      const range = context.workbook.worksheets
        .getItem('Sheet1')
        .getRange('A1:B3')
        .load('values, formulas');
      await context.sync();
      return [range.values, range.formulas];
    });
    // sheet1.xml: A1..A3 = 1, 2, 3; B1 = A1*2 shared over B1:B3 with cached 2, 4, 6.
    expect(values).toEqual([
      [1, 2],
      [2, 4],
      [3, 6],
    ]);
    expect(formulas).toEqual([
      [1, '=A1*2'],
      [2, '=A2*2'],
      [3, '=A3*2'],
    ]);
  });

  it('table-multiple.xlsx: tables keep their names, sheets and ranges', async () => {
    const model = await loadXlsxFile(join(WORKBOOKS, 'table-multiple.xlsx'));
    const tables = await typedExcel(createExcelHost(model)).run(async (context) => {
      const collection = context.workbook.tables.load('items/name');
      await context.sync();
      const ranges = collection.items.map(
        (table) =>
          [
            table,
            table.getRange().load('address'),
            table.getHeaderRowRange().load('values'),
          ] as const,
      );
      await context.sync();
      return ranges.map(([table, range, header]) => [table.name, range.address, header.values[0]]);
    });
    // xl/tables/table*.xml ref attributes and their header cells.
    expect(tables).toEqual([
      ['Inventory', 'Sheet1!A1:C5', ['Item', 'Type', 'Quantity']],
      ['Pricing', 'Sheet2!A1:B5', ['Item', 'Price']],
      ['Sales_Alice', 'Sheet3!A1:B5', ['Item', 'Units']],
      ['Sales_Bob', expect.stringMatching(/^Sheet3!/), expect.any(Array)],
    ]);
  });

  it('richtext-after-plain.xlsx, which exceljs refuses, is read by the SheetJS fallback', async () => {
    const model = await loadXlsxFile(join(WORKBOOKS, 'richtext-after-plain.xlsx'));
    // xl/sharedStrings.xml: "abcd" in A1:D1; A2 is the plain run "tval" followed by rich-text runs.
    const values = await readValues(model, 'Sheet1', 'A1:D1');
    expect(values).toEqual([['abcd', 'abcd', 'abcd', 'abcd']]);
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1', 'Sheet2', 'Sheet3']);
  });

  it('a file that is not a workbook fails with one line naming it', async () => {
    const path = join(WORKBOOKS, '..', 'SOURCES.md');
    const error = await loadXlsxFile(path).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/SOURCES\.md: exceljs could not read this workbook: /);
    expect(error?.message).not.toContain('\n');
  });

  const files = HAVE_WORKBOOKS
    ? readdirSync(WORKBOOKS).filter((file) => file.endsWith('.xlsx'))
    : [];
  it('there are 14 workbooks', () => expect(files).toHaveLength(14));
  for (const file of files) {
    it(`${file}: loads, every sheet reads through the simulator`, async () => {
      const model = await loadXlsxFile(join(WORKBOOKS, file));
      expect(model.sheets.length).toBeGreaterThan(0);
      const addresses = await typedExcel(createExcelHost(model)).run(async (context) => {
        const ranges = model.sheets.map((sheet) =>
          context.workbook.worksheets
            .getItem(sheet.id)
            .getUsedRangeOrNullObject(true)
            .load('values'),
        );
        await context.sync();
        return ranges.map((range) => (range.isNullObject ? 0 : range.values.flat().length));
      });
      expect(addresses.some((cells) => cells > 0)).toBe(true);
    });
  }
});
