/*
 * splitCsvSheet (cells shared and coded while the text is split) against the plain way: the rows
 * of parseCsvText without the blank lines at the end, and each column's codes read back through
 * sheetColumnCodes must give every row's cell as the rows hold it (codeCells' contract), whether
 * the split coded the column or sheetColumnCodes codes it on demand.
 *
 * Checked to fail (each mutation made by hand, run, restored) when: a dropped trailing blank keeps
 * its code (CsvColumnCoder.clear not called); a blank cell is coded as its text instead of null;
 * the trailing blank lines are kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../core/columns/parse-csv-text.js';
import { splitCsvSheet } from '../../../core/columns/split-csv-sheet.js';
import { CsvColumnCoder } from '../../../core/internal/csv-column-coder.js';
import { sheetColumnCodes } from '../../../core/internal/sheet-column-codes.js';

/** Fields as they come in exports: repeats, case and width variants, blanks, quoted text. */
const FIELDS = [
  'East',
  'east',
  ' East',
  'Ｅａｓｔ',
  '零售',
  '12',
  '',
  '  ',
  '\u3000',
  '"East"',
  '"a,b"',
  '"x""y"',
  '"two\nlines"',
  '"  "',
  '""',
  '"A"b',
];

const arbLine = fc.array(fc.constantFrom(...FIELDS), { maxLength: 5 });
const arbCsv = fc
  .record({
    lines: fc.array(arbLine, { maxLength: 30 }),
    breakAt: fc.constantFrom('\n', '\r\n', '\r'),
    trailing: fc.constantFrom('', '\n', '\n\n', ','),
  })
  .map(
    ({ lines, breakAt, trailing }) => lines.map((line) => line.join(',')).join(breakAt) + trailing,
  );

/** parseCsvText's rows without the blank lines at the end: what a sheet of the file holds. */
function plainRows(text: string): (string | null)[][] {
  const rows = parseCsvText(text, ',');
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

function expectCodesGiveCells(rows: (string | null)[][]): void {
  const width = Math.max(0, ...rows.map((row) => row.length));
  for (let j = 0; j < width; j += 1) {
    const { codes, dictionary } = sheetColumnCodes(rows, j);
    expect(codes.length).toBe(rows.length);
    expect(new Set(dictionary).size).toBe(dictionary.length);
    const cells = Array.from(codes, (code) => dictionary[code]);
    expect(cells).toEqual(rows.map((row) => row[j]));
  }
}

describe('splitCsvSheet', () => {
  it('gives parseCsvText’s rows, and codes that give each row’s cell, on random CSV text', () => {
    fc.assert(
      fc.property(arbCsv, (text) => {
        const rows = splitCsvSheet(text, ',');
        expect(rows).toEqual(plainRows(text));
        expectCodesGiveCells(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('codes a repeating column and leaves a column of distinct ids to be coded on demand', () => {
    // 10,000 rows: past CsvColumnCoder's 4,096-cell window, so the id column stops being coded.
    const lines = ['id,region'];
    for (let i = 0; i < 10_000; i += 1) lines.push(`D${i},${i % 3 === 0 ? '' : `R${i % 7}`}`);
    const text = lines.join('\n');
    const rows = splitCsvSheet(text, ',');
    expect(rows).toEqual(plainRows(text));
    expectCodesGiveCells(rows);
    // Row r holds deal i = r − 1: deal 0's region is blank and trailing (no cell), deal 1's R1.
    const region = sheetColumnCodes(rows, 1);
    expect(region.codes[1]).toBe(0);
    expect(region.dictionary[region.codes[2]!]).toBe('R1');
  });
});

describe('CsvColumnCoder', () => {
  it('codes blank texts as one null, each distinct text once, and a cleared row as no cell', () => {
    const coder = new CsvColumnCoder();
    const text = 'East, ,East,,West';
    expect(coder.cell(0, text, 0, 4)).toBe('East');
    expect(coder.cell(1, text, 5, 6)).toBeNull();
    expect(coder.cell(2, text, 7, 11)).toBe('East');
    expect(coder.cell(3, text, 12, 12)).toBeNull();
    expect(coder.cellOfValue(4, 'West')).toBe('West');
    coder.clear(3);
    // Codes: 0 no cell, 1 blank (null), then texts in order of first appearance from 2.
    expect(coder.finish(6)).toEqual({
      codes: Int32Array.from([2, 1, 2, 0, 3, 0]),
      dictionary: [undefined, null, 'East', 'West'],
    });
  });

  it('stops coding a column whose texts hardly repeat, and still gives its cells', () => {
    const coder = new CsvColumnCoder();
    for (let row = 0; row < 5000; row += 1) {
      const text = `D${row}`;
      expect(coder.cell(row, text, 0, text.length)).toBe(text);
    }
    expect(coder.finish(5000)).toBeUndefined();
  });
});
