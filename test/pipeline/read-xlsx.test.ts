import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/columns/cell-value.js';
import {
  epochDayFromYmd,
  epochDayFromUtcDate,
  isoFromEpochDay,
} from '../../core/columns/epoch-day.js';
import { parseDate } from '../../core/columns/parse-date.js';
import { readWorkbook } from '../../pipeline/read-workbook.js';
import { readXlsx } from '../../pipeline/read-xlsx.js';
import { WorkbookReadError } from '../../core/workbook/workbook-read-error.js';

const WORKBOOKS = fileURLToPath(new URL('../../../shared/data/workbooks', import.meta.url));
const HAVE_WORKBOOKS = existsSync(WORKBOOKS);
if (!HAVE_WORKBOOKS) console.warn(`skipping real-workbook tests: ${WORKBOOKS} is missing`);

function nonBlankCount(rows: CellValue[][]): number {
  return rows.flat().filter((cell) => cell !== null && cell !== undefined).length;
}

/** Every Date cell of a grid as `A1 → YYYY-MM-DD`, through core's own conversions. */
function calendarDates(rows: CellValue[][], date1904: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!(cell instanceof Date)) return;
      const viaUtc = epochDayFromUtcDate(cell);
      const parsed = parseDate(cell, { date1904 });
      expect(parsed).toEqual({ ok: true, value: viaUtc });
      out[`${String.fromCharCode(65 + c)}${r + 1}`] = isoFromEpochDay(viaUtc!);
    }),
  );
  return out;
}

async function readError(path: string): Promise<WorkbookReadError> {
  const error: unknown = await readWorkbook(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookReadError);
  return error as WorkbookReadError;
}

describe.skipIf(!HAVE_WORKBOOKS)(
  'readWorkbook on the 14 real workbooks (../shared/data/workbooks)',
  () => {
    // Non-blank cells per sheet = the <v> and <is> elements in each xl/worksheets/sheetN.xml
    // (`unzip -p FILE xl/worksheets/sheetN.xml | grep -o '<v>\|<is>' | wc -l`): every stored value
    // comes through once; merged ranges repeat nothing; formula results of 0 / FALSE are not lost.
    const expected: Record<string, Record<string, number> | 'error'> = {
      'date.xlsx': { Sheet1: 6 },
      'date_1904.xlsx': { Sheet1: 6 },
      'errors.xlsx': { Feuil1: 7, Feuil2: 0, Feuil3: 0 },
      'issue_174.xlsx': { Sheet1: 22 },
      'issue_261_fixed_by_excel.xlsx': { 'Some Sheet': 250 },
      'issue_553.xlsx': { Sheet1: 19 },
      'issues.xlsx': { datatypes: 6, Sheet1: 1, issue2: 6, issue5: 1, issue6: 4, spc_chrs: 8 },
      'merge_cells.xlsx': { Sheet1: 4 },
      'merged_range.xlsx': { Sheet1: 21, Sheet2: 10 },
      'pivots.xlsx': {
        PivotSheet1: 18,
        PivotSheet2: 33,
        PivotSheet3: 13,
        PivotSheet4: 16,
        DataSheet: 99,
        DataSheet2: 99,
      },
      // exceljs 4.4 throws on a shared string whose plain run is followed by rich-text runs; the
      // streaming reader reads it (8 <v> cells in xl/worksheets/sheet1.xml, counted with unzip).
      'richtext-after-plain.xlsx': { Sheet1: 8, Sheet2: 0, Sheet3: 0 },
      'rph.xlsx': { Sheet1: 1 },
      'shared_formula_simple.xlsx': { Sheet1: 6 },
      'table-multiple.xlsx': { Sheet1: 15, Sheet2: 10, Sheet3: 20 },
    };

    for (const [name, outcome] of Object.entries(expected)) {
      it(`${name}: ${outcome === 'error' ? 'a clear WorkbookReadError' : 'every stored value, once'}`, async () => {
        const path = join(WORKBOOKS, name);
        if (outcome === 'error') {
          const error = await readError(path);
          expect(error.file).toBe(path);
          expect(error.message).toBe(`${path}: ${error.reason}`);
          expect(error.message).not.toContain('\n');
          expect(error.reason).toMatch(/^exceljs could not read this workbook: .*richText/);
          return;
        }
        const sheets = await readWorkbook(path);
        const counts = Object.fromEntries(sheets.map((s) => [s.sheet, nonBlankCount(s.rows)]));
        expect(counts).toEqual(outcome);
        for (const sheet of sheets) {
          expect(sheet.file).toBe(path);
          // No trailing blank row, and no holes: every slot is a value or an explicit null.
          if (sheet.rows.length > 0) expect(sheet.rows.at(-1)!.length).toBeGreaterThan(0);
          for (const row of sheet.rows) expect(row.every((_, i) => i in row)).toBe(true);
        }
      });
    }

    it('date.xlsx (1900 system) and date_1904.xlsx (1904 system) give the same calendar dates', async () => {
      const [d1900] = await readWorkbook(join(WORKBOOKS, 'date.xlsx'));
      const [d1904] = await readWorkbook(join(WORKBOOKS, 'date_1904.xlsx'));
      expect(d1900!.date1904).toBe(false);
      // workbook.xml: <workbookPr ... date1904="true"/>, which exceljs itself ignores.
      expect(d1904!.date1904).toBe(true);
      const dates1900 = calendarDates(d1900!.rows, false);
      // SOURCES.md D: A1 = 44197 in the 1900 system = 2021-01-01; A2 is the day after.
      expect(dates1900).toEqual({ A1: '2021-01-01', A2: '2021-01-02' });
      expect(calendarDates(d1904!.rows, true)).toEqual(dates1900);
    });

    it('keeps a time-only cell ([hh]:mm:ss) as its serial number, the same in both date systems', async () => {
      const [d1900] = await readWorkbook(join(WORKBOOKS, 'date.xlsx'));
      const [d1904] = await readWorkbook(join(WORKBOOKS, 'date_1904.xlsx'));
      // sheet1.xml A3: <v>10.6320601851852</v> with style [hh]:mm:ss, a duration, not a date.
      expect(d1900!.rows[2]![0]).toBeCloseTo(10.6320601851852, 8);
      expect(d1904!.rows[2]![0]).toBeCloseTo(10.6320601851852, 8);
    });

    it('errors.xlsx: cached formula errors come through as {error} values', async () => {
      const [feuil1] = await readWorkbook(join(WORKBOOKS, 'errors.xlsx'), { sheet: 'Feuil1' });
      // sheet1.xml: A1..A7 are t="e" formula cells with these cached values.
      expect(feuil1!.rows).toEqual([
        [{ error: '#DIV/0!' }],
        [{ error: '#NAME?' }],
        [{ error: '#VALUE!' }],
        [{ error: '#NULL!' }],
        [{ error: '#REF!' }],
        [{ error: '#NUM!' }],
        [{ error: '#N/A' }],
      ]);
    });

    it('merge_cells.xlsx: a merged range holds its value in the top-left cell only', async () => {
      const [sheet] = await readWorkbook(join(WORKBOOKS, 'merge_cells.xlsx'));
      // Merges A1:B1 ("Row Merge"), A2:A4 ("Column Merge"), B2:D4 ("Chunk Merged"); C1 not merged.
      expect(sheet!.rows).toEqual([
        ['Row Merge', null, 'Not Merged'],
        ['Column Merge', 'Chunk Merged'],
      ]);
    });

    it('shared_formula_simple.xlsx: shared formulas give their cached results', async () => {
      const [sheet] = await readWorkbook(join(WORKBOOKS, 'shared_formula_simple.xlsx'));
      // B1 = A1*2 shared over B1:B3; cached <v> 2, 4, 6.
      expect(sheet!.rows).toEqual([
        [1, 2],
        [2, 4],
        [3, 6],
      ]);
    });

    it('issues.xlsx: formula results of FALSE and 0 are kept (exceljs cell.value drops them)', async () => {
      const [datatypes, sheet1] = await readWorkbook(join(WORKBOOKS, 'issues.xlsx'));
      // datatypes: A3 CONCATENATE → "ab" (t="str"), A4 A1>A2 → <v>0</v> t="b", A6 42663 as mm-dd-yy.
      expect(datatypes!.rows.map((r) => r[0])).toEqual([
        1,
        1.5,
        'ab',
        false,
        'test',
        new Date(Date.UTC(2016, 9, 20)),
      ]);
      // Sheet1: A2 = B1+OneRange with cached <v>0</v>; row 1 is empty and stays as a gap.
      expect(sheet1!.rows).toEqual([[], [0]]);
    });

    it('pivots.xlsx: a cached error in a date-formatted formula cell is an error, not a blank', async () => {
      const [data] = await readWorkbook(join(WORKBOOKS, 'pivots.xlsx'), { sheet: 'DataSheet' });
      // sheet5.xml J5: <c r="J5" s="3" t="e"><f>1/0</f><v>#DIV/0!</v>; exceljs makes it an Invalid Date.
      expect(data!.rows[4]![9]).toEqual({ error: '#DIV/0!' });
      // G8: shared formula with cached #DIV/0! in an unformatted cell keeps its code.
      expect(data!.rows[7]![6]).toEqual({ error: '#DIV/0!' });
    });

    it('rph.xlsx: phonetic runs are not part of the text', async () => {
      const [sheet] = await readWorkbook(join(WORKBOOKS, 'rph.xlsx'));
      // sharedStrings.xml: <r><t>課きく, an ideographic space (U+3000), 毛こ</t></r> plus <rPh> runs カ and ケ.
      expect(sheet!.rows).toEqual([['課きく\u3000毛こ']]);
    });

    it('issue_174.xlsx: 16 384 styled empty cells in rows 1048574–1048576 do not make rows', async () => {
      const [sheet] = await readWorkbook(join(WORKBOOKS, 'issue_174.xlsx'));
      expect(sheet!.rows).toHaveLength(2);
      expect(sheet!.rows[0]![0]).toBe('Your Ref #');
      expect(sheet!.rows[1]![0]).toBe(123);
    });

    it('options.sheet picks one sheet, case-insensitively as a fallback, and names the others when missing', async () => {
      const path = join(WORKBOOKS, 'errors.xlsx');
      expect((await readWorkbook(path, { sheet: 'feuil2' })).map((s) => s.sheet)).toEqual([
        'Feuil2',
      ]);
      const error: unknown = await readWorkbook(path, { sheet: 'Deals' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookReadError);
      expect((error as Error).message).toBe(
        `${path}: no sheet named 'Deals' (sheets: 'Feuil1', 'Feuil2', 'Feuil3')`,
      );
    });
  },
);

describe('readXlsx on generated workbooks', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pipecast-read-xlsx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function write(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    build(workbook);
    const path = join(dir, name);
    await workbook.xlsx.writeFile(path);
    return path;
  }

  it('turns rich text, hyperlinks, booleans and formulas into plain values and keeps gaps', async () => {
    const path = await write('kinds.xlsx', (wb) => {
      const ws = wb.addWorksheet('Deals');
      ws.getCell('A1').value = {
        richText: [{ text: '商机' }, { text: ' name', font: { bold: true } }],
      };
      ws.getCell('B1').value = { text: 'Site', hyperlink: 'https://example.com' };
      ws.getCell('C1').value = {
        text: { richText: [{ text: 'Rich' }, { text: 'Link' }] },
        hyperlink: 'https://example.com/x',
      } as unknown as ExcelJS.CellValue;
      ws.getCell('A3').value = true;
      ws.getCell('B3').value = { formula: 'A3', result: false };
      ws.getCell('C3').value = { formula: '1-1', result: 0 };
      ws.getCell('D3').value = { formula: 'NA()', result: { error: '#N/A' } };
      ws.getCell('E3').value = { formula: 'X1' };
      ws.getCell('F3').value = '';
      ws.getCell('G3').value = '  ';
    });
    const [sheet] = await readXlsx(path);
    expect(sheet).toEqual({
      file: path,
      sheet: 'Deals',
      date1904: false,
      rows: [
        ['商机 name', 'Site', 'RichLink'],
        [],
        [true, false, 0, { error: '#N/A' }, null, null, '  '],
      ],
    });
  });

  it('reads dates of a workbook exceljs itself writes in the 1904 system without shifting them twice', async () => {
    const path = await write('d1904.xlsx', (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('Dates');
      ws.getCell('A1').value = new Date(Date.UTC(2024, 1, 29));
      ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    });
    const [sheet] = await readXlsx(path);
    expect(sheet!.date1904).toBe(true);
    expect(epochDayFromUtcDate(sheet!.rows[0]![0] as Date)).toBe(epochDayFromYmd(2024, 2, 29));
  });

  it('gives 1900-system serials before March 1900 their real dates and leaves the phantom 29 Feb a number', async () => {
    const path = await write('early.xlsx', (wb) => {
      const ws = wb.addWorksheet('Early');
      [1, 59, 60, 61].forEach((serial, i) => {
        const cell = ws.getCell(i + 1, 1);
        cell.value = serial;
        cell.numFmt = 'yyyy-mm-dd';
      });
      ws.getCell('B1').value = 45000.75;
      ws.getCell('B1').numFmt = 'h:mm AM/PM';
      ws.getCell('C1').value = 45000;
      ws.getCell('C1').numFmt = 'mmm';
    });
    const [sheet] = await readXlsx(path);
    const column = sheet!.rows.map((r) => r[0]);
    // Excel: serial 1 = 1900-01-01, 59 = 1900-02-28, 60 = the phantom 1900-02-29, 61 = 1900-03-01.
    expect(column[0]).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(column[1]).toEqual(new Date(Date.UTC(1900, 1, 28)));
    expect(column[2]).toBe(60);
    expect(column[3]).toEqual(new Date(Date.UTC(1900, 2, 1)));
    // A time-of-day format carries no date: the serial comes through.
    expect(sheet!.rows[0]![1]).toBeCloseTo(45000.75, 9);
    // "mmm" with no hour is a month, so a date: 45000 = 2023-03-15.
    expect(sheet!.rows[0]![2]).toEqual(new Date(Date.UTC(2023, 2, 15)));
  });

  it('keeps hidden sheets and empty sheets', async () => {
    const path = await write('hidden.xlsx', (wb) => {
      wb.addWorksheet('Visible').getCell('A1').value = 'x';
      wb.addWorksheet('Hidden', { state: 'hidden' }).getCell('B2').value = 2;
      wb.addWorksheet('Empty');
    });
    const sheets = await readXlsx(path);
    expect(sheets.map((s) => [s.sheet, s.rows])).toEqual([
      ['Visible', [['x']]],
      ['Hidden', [[], [null, 2]]],
      ['Empty', []],
    ]);
  });

  it('turns random bytes and an empty file into WorkbookReadError, not a crash', async () => {
    const random = join(dir, 'random.xlsx');
    await writeFile(
      random,
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    );
    const empty = join(dir, 'empty.xlsx');
    await writeFile(empty, '');
    for (const path of [random, empty]) {
      const error = await readError(path);
      expect(error.file).toBe(path);
      expect(error.reason).toMatch(
        /^not a valid \.xlsx file: it is not a zip archive or is damaged/,
      );
      expect(error.message).not.toMatch(/\n|https?:/);
    }
  });

  it('tells the user an .xls / password-protected file needs saving as .xlsx', async () => {
    const path = join(dir, 'old.xlsx');
    await writeFile(
      path,
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    );
    expect((await readError(path)).reason).toMatch(/old \.xls or a password-protected workbook/);
  });

  it('names a missing file and an unsupported extension', async () => {
    const missing = join(dir, 'nope.xlsx');
    expect((await readError(missing)).message).toBe(`${missing}: file not found`);
    const ods = join(dir, 'sheet.ods');
    await writeFile(ods, 'x');
    expect((await readError(ods)).reason).toMatch(/^unsupported file type '\.ods'/);
  });
});
