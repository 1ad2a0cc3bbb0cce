import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxSheets } from '../../../pipeline/xlsx-stream/read-xlsx-sheets.js';
import { exceljsGrid } from './exceljs-grid.js';

const ROWS = 20_000;
const DAY = 86_400_000;
const NAMES = [
  'Acme & Co',
  '<img src=x onerror=alert(1)>',
  '华为技术',
  '  padded  ',
  'line\nbreak',
  '😀 emoji',
  'tab\there',
];
const work = mkdtempSync(join(tmpdir(), 'xlsx-stream-gen-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A 20,000 × 10 workbook written by exceljs with every cell kind the reader types: shared or
 * inline strings (with markup, CJK, emoji, white space), integers and decimals, dates with and
 * without a time in two formats, booleans, blanks, formulas with cached results, cached errors
 * and rich text. Values are a deterministic function of the row number.
 */
async function writeWorkbook(path: string, options: { sharedStrings: boolean; date1904: boolean }) {
  // exceljs's streaming writer cannot write the 1904 flag, so that variant uses the plain writer.
  const streaming = options.date1904
    ? undefined
    : new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: path,
        useSharedStrings: options.sharedStrings,
        useStyles: true,
      });
  const plain = new ExcelJS.Workbook();
  if (options.date1904) plain.properties.date1904 = true;
  const sheet = (streaming ?? plain).addWorksheet('Generated 数据');
  const commit = (row: ExcelJS.Row): void => {
    if (streaming) row.commit();
  };
  sheet.addRow([
    'id',
    'name',
    'amount',
    'created',
    'closed at',
    'won',
    'blank',
    'formula',
    'error',
    'rich',
  ]);
  for (let r = 1; r < ROWS; r++) {
    const row = sheet.addRow([
      r,
      r % 11 === 0 ? null : `${NAMES[r % NAMES.length]} ${r % 97}`,
      r % 5 === 0 ? -r / 8 : ((r * 7919) % 100_000) / 100,
      new Date(Date.UTC(2020, 0, 1) + (r % 2000) * DAY),
      new Date(Date.UTC(2019, 5, 1) + (r % 3000) * DAY + (r % 24) * 3_600_000 + (r % 60) * 60_000),
      r % 3 === 0,
      null,
      r % 4 === 0
        ? { formula: `A${r + 1}*2`, result: r * 2 }
        : r % 4 === 1
          ? { formula: `B${r + 1}&"!"`, result: `${r}!` }
          : null,
      r % 13 === 0
        ? { error: '#N/A' }
        : r % 17 === 0
          ? { formula: '1/0', result: { error: '#DIV/0!' } }
          : null,
      r % 29 === 0
        ? { richText: [{ text: 'bold ', font: { bold: true } }, { text: `${r}` }] }
        : null,
    ]);
    row.getCell(4).numFmt = 'yyyy-mm-dd';
    row.getCell(5).numFmt = 'dd/mm/yyyy hh:mm';
    row.getCell(7).numFmt = '0.00';
    commit(row);
  }
  if (streaming) {
    sheet.commit();
    await streaming.commit();
  } else {
    await plain.xlsx.writeFile(path, { useSharedStrings: options.sharedStrings });
  }
}

describe('readXlsxSheets on generated 20,000-row workbooks', () => {
  const variants = [
    { name: 'shared strings, 1900 dates', sharedStrings: true, date1904: false },
    { name: 'inline strings, 1904 dates', sharedStrings: false, date1904: true },
  ];
  const paths = new Map<string, string>();

  beforeAll(async () => {
    for (const variant of variants) {
      const path = join(
        work,
        `${variant.sharedStrings ? 'sst' : 'inline'}-${variant.date1904 ? 1904 : 1900}.xlsx`,
      );
      await writeWorkbook(path, variant);
      paths.set(variant.name, path);
    }
  });

  it.each(variants)('$name: cell for cell what exceljs reads', async (variant) => {
    const path = paths.get(variant.name) ?? '';
    const [expected] = await exceljsGrid(path);
    const [ours] = await readXlsxSheets(path);
    expect(ours?.sheet).toBe('Generated 数据');
    expect(ours?.date1904).toBe(variant.date1904);
    expect(ours?.rows).toHaveLength(ROWS);
    expect(ours?.rows).toEqual(expected?.rows);
  });

  it('types the written values back (dates, decimals, markup, errors, rich text)', async () => {
    const [ours] = await readXlsxSheets(paths.get(variants[1]?.name ?? '') ?? '');
    // Row 30 is r = 29: written above as these values.
    expect(ours?.rows[29]).toEqual([
      29,
      `${NAMES[29 % NAMES.length]} 29`,
      ((29 * 7919) % 100_000) / 100,
      new Date(Date.UTC(2020, 0, 1) + 29 * DAY),
      new Date(Date.UTC(2019, 5, 1) + 29 * DAY + 5 * 3_600_000 + 29 * 60_000),
      false,
      null,
      '29!',
      null,
      'bold 29',
    ]);
    // r = 52: formula A53*2 cached 104, cached error #N/A; r = 17: cached #DIV/0! from 1/0.
    expect(ours?.rows[52]?.slice(7, 9)).toEqual([104, { error: '#N/A' }]);
    expect(ours?.rows[17]?.[8]).toEqual({ error: '#DIV/0!' });
    expect(ours?.rows[22]?.[1]).toBeNull(); // r = 22 has no name
  });
});
