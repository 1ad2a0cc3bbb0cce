import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { readXlsxSheets } from '../../../pipeline/xlsx-stream/read-xlsx-sheets.js';
import { streamXlsxRows } from '../../../pipeline/xlsx-stream/stream-xlsx-rows.js';
import { exceljsGrid } from './exceljs-grid.js';
import type { ExceljsSheet } from './exceljs-grid.js';

const dir = join('..', 'shared', 'data', 'workbooks');
const missing = !existsSync(dir);
if (missing) console.warn(`skipping real-workbook tests: ${dir} is missing (see the team brief)`);

/** The 14 workbooks of ../shared/data/SOURCES.md section D, listed so a lost file fails. */
const WORKBOOKS = [
  'date.xlsx',
  'date_1904.xlsx',
  'merge_cells.xlsx',
  'merged_range.xlsx',
  'errors.xlsx',
  'shared_formula_simple.xlsx',
  'issues.xlsx',
  'issue_553.xlsx',
  'issue_261_fixed_by_excel.xlsx',
  'pivots.xlsx',
  'table-multiple.xlsx',
  'richtext-after-plain.xlsx',
  'rph.xlsx',
  'issue_174.xlsx',
];

const MS_PER_DAY = 86_400_000;

/**
 * Where exceljs is knowingly wrong, the expected grid is exceljs's grid corrected by hand:
 * - date_1904.xlsx says `date1904="true"` (an xsd:boolean); exceljs only honours `"1"` and puts
 *   every date 1462 days early, so its dates are moved by 1462 days.
 * - A cached error in a date-formatted formula cell (pivots.xlsx DataSheet!J5, `1/0` showing
 *   `<v>#DIV/0!</v>`) becomes an Invalid Date in exceljs; the file holds the error.
 */
function correctExceljs(file: string, sheets: ExceljsSheet[]): ExceljsSheet[] {
  return sheets.map(({ sheet, rows }) => ({
    sheet,
    rows: rows.map((row) =>
      row.map((cell): CellValue => {
        if (!(cell instanceof Date)) return cell;
        if (Number.isNaN(cell.getTime())) return { error: '#DIV/0!' };
        return file === 'date_1904.xlsx' ? new Date(cell.getTime() + 1462 * MS_PER_DAY) : cell;
      }),
    ),
  }));
}

describe.skipIf(missing)('readXlsxSheets on the real workbooks of ../shared/data', () => {
  it.each(WORKBOOKS.filter((f) => f !== 'richtext-after-plain.xlsx'))(
    '%s: cell for cell what exceljs reads',
    async (file) => {
      const path = join(dir, file);
      const expected = correctExceljs(file, await exceljsGrid(path));
      const ours = await readXlsxSheets(path);
      expect(ours.map((s) => s.sheet)).toEqual(expected.map((s) => s.sheet));
      for (const [k, sheet] of ours.entries()) {
        expect(sheet.rows, `${file} ${sheet.sheet}`).toEqual(expected[k]?.rows);
      }
    },
  );

  it('pivots.xlsx: the cached #DIV/0! in a date-formatted formula cell is an error, not a date', async () => {
    const [, , , , dataSheet] = await readXlsxSheets(join(dir, 'pivots.xlsx'));
    expect(dataSheet?.sheet).toBe('DataSheet');
    // xl/worksheets/sheet5.xml: <c r="J5" s="3" t="e"><f>1/0</f><v>#DIV/0!</v></c>
    expect(dataSheet?.rows[4]?.[9]).toEqual({ error: '#DIV/0!' });
  });

  it('richtext-after-plain.xlsx (exceljs throws on it): rich-text runs joined', async () => {
    const path = join(dir, 'richtext-after-plain.xlsx');
    await expect(exceljsGrid(path)).rejects.toThrow();
    const sheets = await readXlsxSheets(path);
    expect(sheets.map((s) => s.sheet)).toEqual(['Sheet1', 'Sheet2', 'Sheet3']);
    // xl/sharedStrings.xml items 0–3 are runs spelling "abcd"; item 4 is <t>tval</t> followed by
    // runs rval1, rval2; items 5–7 are runs rval1, rval2 (readxl's test expects the same texts).
    expect(sheets[0]?.rows).toEqual([
      ['abcd', 'abcd', 'abcd', 'abcd'],
      ['tvalrval1rval2', 'rval1rval2', 'rval1rval2', 'rval1rval2'],
    ]);
    expect(sheets[1]?.rows).toEqual([]);
  });

  it('date.xlsx and date_1904.xlsx hold the same calendar dates', async () => {
    const [date] = await readXlsxSheets(join(dir, 'date.xlsx'));
    const [date1904] = await readXlsxSheets(join(dir, 'date_1904.xlsx'));
    expect(date?.date1904).toBe(false);
    expect(date1904?.date1904).toBe(true);
    // SOURCES.md: date.xlsx A1 = 44197 = 2021-01-01; date_1904.xlsx A1 = 42735, the same day.
    expect(date?.rows[0]?.[0]).toEqual(new Date('2021-01-01T00:00:00Z'));
    expect(date1904?.rows.slice(0, 2)).toEqual(date?.rows.slice(0, 2));
    expect(date1904?.rows.map((row) => row[1])).toEqual([15, 16, 17]);
    // A3 is the same serial 10.6320601851852 in both files, a duration of 10 d 15:10:10 in a
    // time-only format: it stays a number (a calendar date would be meaningless).
    expect(date?.rows[2]?.[0]).toBeCloseTo(10.6320601851852, 12);
    expect(date1904?.rows[2]?.[0]).toBeCloseTo(10.6320601851852, 12);
  });

  it('rph.xlsx: phonetic runs are not part of the text', async () => {
    const [sheet] = await readXlsxSheets(join(dir, 'rph.xlsx'));
    // sharedStrings.xml: <r><t>課きく\u3000毛こ</t></r><rPh …><t>カ</t></rPh><rPh …><t>ケ</t></rPh>
    expect(sheet?.rows).toEqual([['課きく　毛こ']]);
  });

  it('issues.xlsx: entities and non-ASCII text decoded, formula results taken', async () => {
    const sheets = await readXlsxSheets(join(dir, 'issues.xlsx'));
    const special = sheets.find((s) => s.sheet === 'spc_chrs');
    // calamine tests/test.rs special_chrs_xlsx expects exactly these strings.
    expect(special?.rows.map((row) => row[0])).toEqual([
      '&',
      '<',
      '>',
      "aaa ' aaa",
      '"',
      '☺',
      '֍',
      'àâéêèçöïî«»',
    ]);
    const datatypes = sheets.find((s) => s.sheet === 'datatypes');
    // A3 is t="str" CONCATENATE("a","b") with cached "ab"; A4 is t="b" A1>A2 with cached 0.
    expect(datatypes?.rows.slice(0, 4)).toEqual([[1], [1.5], ['ab'], [false]]);
  });

  it('errors.xlsx: cached formula errors as {error}', async () => {
    const [feuil1] = await readXlsxSheets(join(dir, 'errors.xlsx'));
    // calamine tests/test.rs error_file lists these seven errors in column A.
    expect(feuil1?.rows.map((row) => row[0])).toEqual(
      ['#DIV/0!', '#NAME?', '#VALUE!', '#NULL!', '#REF!', '#NUM!', '#N/A'].map((error) => ({
        error,
      })),
    );
  });

  it('streamXlsxRows gives the same non-empty rows as readXlsxSheets, sheet by sheet', async () => {
    const path = join(dir, 'issue_261_fixed_by_excel.xlsx');
    const [grid] = await readXlsxSheets(path);
    const streamed: { rowNumber: number; cells: CellValue[] }[] = [];
    for await (const row of streamXlsxRows(path)) {
      expect(row.sheet).toBe('Some Sheet');
      streamed.push({ rowNumber: row.rowNumber, cells: row.cells });
    }
    const fromGrid = (grid?.rows ?? [])
      .map((cells, i) => ({ rowNumber: i + 1, cells }))
      .filter((row) => row.cells.length > 0);
    expect(streamed).toEqual(fromGrid);
    expect(streamed.length).toBeGreaterThan(10);
  });

  it('selects one sheet by name (case-insensitive fallback) or 0-based index', async () => {
    const path = join(dir, 'issues.xlsx');
    const byName = await readXlsxSheets(path, { sheet: 'ISSUE2' });
    const byIndex = await readXlsxSheets(path, { sheet: 2 });
    expect(byName.map((s) => s.sheet)).toEqual(['issue2']);
    expect(byIndex).toEqual(byName);
    // calamine tests/test.rs issue_2.
    expect(byName[0]?.rows).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
  });
});
