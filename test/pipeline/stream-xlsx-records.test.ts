import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/columns/cell-value.js';
import type { RecordKind } from '../../core/columns/records.js';
import { readSheetRecords } from '../../core/workbook/read-sheet-records.js';
import { readWorkbook } from '../../pipeline/read-workbook.js';
import { streamXlsxRecords } from '../../pipeline/stream-xlsx-records.js';
import { dimensionRows, rowsBySize } from '../../pipeline/xlsx-stream/stream-xlsx-row-batches.js';
import {
  DEFAULT_XLSX_CHUNK_SIZE,
  openXlsxPackage,
} from '../../pipeline/xlsx-stream/open-xlsx-package.js';

const SAMPLES = join(import.meta.dirname, '../../samples');
const REAL = join(import.meta.dirname, '../../../shared/data/workbooks');
const KINDS: RecordKind[] = ['deal', 'stageChange', 'orderLine', 'customer', 'invoice', 'payment'];
const DAY = 86_400_000;

/** streamXlsxRecords against readSheetRecords over the whole grid, sheet by sheet. */
async function expectSameAsGrid(path: string, kinds: readonly RecordKind[]): Promise<number> {
  const grids = await readWorkbook(path);
  let records = 0;
  for (const [sheet, grid] of grids.entries()) {
    for (const kind of kinds) {
      const streamed = await streamXlsxRecords(path, { sheet, kind });
      expect(streamed, `${grid.sheet} as ${kind}`).toEqual(readSheetRecords(grid, { kind }));
      records += streamed.records.length;
      // Collected in a table (sized from the sheet's dimension): the same records and report.
      const { table, ...rest } = await streamXlsxRecords(path, { sheet, kind, table: true });
      expect(table?.toRecords(), `${grid.sheet} as ${kind} table`).toEqual(streamed.records);
      expect(rest).toEqual({ ...streamed, records: [] });
    }
  }
  return records;
}

describe('streamXlsxRecords', () => {
  it.each([
    ['pipeline-zh.xlsx', 0, 'deal'],
    ['customers-orders.xlsx', 'Orders', 'orderLine'],
    ['invoices-payments.xlsx', 1, 'payment'],
  ] as const)(
    '%s sheet %s as %s records equals reading the whole grid',
    async (file, sheet, kind) => {
      const path = join(SAMPLES, file);
      const streamed = await streamXlsxRecords(path, { sheet, kind });
      const grids = await readWorkbook(path);
      const grid =
        typeof sheet === 'number' ? grids[sheet]! : grids.find((g) => g.sheet === sheet)!;
      expect(streamed).toEqual(readSheetRecords(grid, { kind }));
      expect(streamed.records.length).toBeGreaterThan(0);
    },
  );

  it('every sample workbook, every sheet, every kind: the same records and warnings as the grid', async () => {
    const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThan(0);
    let records = 0;
    for (const file of files) records += await expectSameAsGrid(join(SAMPLES, file), KINDS);
    expect(records).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(REAL))(
    'the real workbooks of ../shared/data: the same results as the grid for every kind',
    async () => {
      // issue_174.xlsx takes seconds to read as a grid and no sheet of it has a header of any kind.
      const files = readdirSync(REAL).filter((f) => f.endsWith('.xlsx') && f !== 'issue_174.xlsx');
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) await expectSameAsGrid(join(REAL, file), KINDS);
    },
  );
});

describe('dimensionRows', () => {
  it('reads the last row of the dimension, with or without a namespace prefix', () => {
    const head = (xml: string) => Buffer.from(`<?xml version="1.0"?><worksheet>${xml}`);
    expect(dimensionRows(head('<dimension ref="A1:J1048576"/><sheetData>'))).toBe(1_048_576);
    expect(dimensionRows(head('<x:dimension ref="B2:C7"/>'))).toBe(7);
    expect(dimensionRows(head('<dimension ref="A1"/>'))).toBe(1);
    expect(dimensionRows(head('<sheetData><row r="1">'))).toBeUndefined();
  });

  it('rowsBySize: rows of the first chunk scaled to the whole part, 5% over', () => {
    const first = Buffer.from(`<sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(10)}`);
    // 10 rows in the chunk; a part 100 times its size holds ~1000 rows: 1000 × 1.05 = 1050.
    expect(rowsBySize(first, first.byteLength * 100)).toBe(1050);
    expect(rowsBySize(Buffer.from('<x:row r="1">'), 13)).toBe(2); // ceil(1 × 1.05)
    expect(rowsBySize(Buffer.from('<sheetData/>'), 100)).toBeUndefined();
    expect(rowsBySize(first, undefined)).toBeUndefined();
  });
});

describe('streamXlsxRecords on a generated workbook of dirty cells', () => {
  const work = mkdtempSync(join(tmpdir(), 'stream-records-'));
  const path = join(work, 'dirty.xlsx');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** The r-th of a list, so each column cycles through its variants at its own pace. */
  const pick = <T>(list: readonly T[], r: number): T => list[r % list.length]!;
  const IDS: CellValue[] = [
    'D-1',
    'D-10',
    '17850.0',
    ' padded ',
    '#N/A',
    null,
    '007',
    '',
    12,
    1.5,
    '-3.00',
    'v1.10',
    'X.0',
  ];
  const TEXTS: CellValue[] = [
    'Acme',
    '  spaced ',
    '',
    '   ',
    '华为',
    '#DIV/0!',
    '#hash tag',
    '\u00a0nbsp',
    'ideo\u3000',
    'line\nbreak',
    12.5,
    true,
    new Date(Date.UTC(2024, 2, 5)),
    new Date(Date.UTC(2024, 2, 5, 10)),
    null,
  ];
  const STAGES: CellValue[] = ['Lead', 'Closed Won', ' Qualified', '赢单', null, '  ', 3];
  const AMOUNTS: CellValue[] = [1052.29, -3, 0, '1,234.50', 'abc', null, 1e21, true, '12%'];
  const FRACTIONS: CellValue[] = [0.3, 30, 150, '30%', -1, 1, 0, null, 'half', 100.5];
  const STATUSES: CellValue[] = ['won', 'Lost', '进行中', 'weird', null, 1];
  const FLAGS: CellValue[] = [true, false, 'yes', '否', 1, 2, null, 'maybe'];

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const deals = workbook.addWorksheet('Deals');
    deals.addRow(['Pipeline export']);
    deals.addRow([]);
    deals.addRow([
      'Deal ID',
      'Customer',
      'Owner',
      'Stage',
      'Amount',
      'Probability',
      'Created',
      'Close Date',
      'Stage Date',
      'Region',
      'Status',
      'Budget',
      'Last Activity',
      'Notes',
    ]);
    // Enough rows that rows straddle the reader's chunks (checked below).
    for (let r = 0; r < 12_000; r++) {
      if (r % 97 === 0) {
        deals.addRow([]);
        continue;
      }
      if (r % 89 === 0) {
        deals.addRow(['  ', null, ' ']);
        continue;
      }
      const row = deals.addRow([
        pick(IDS, r),
        pick(TEXTS, r),
        pick(TEXTS, r * 7 + 3),
        pick(STAGES, r),
        pick(AMOUNTS, r),
        pick(FRACTIONS, r),
        // Dates: Date cells, bare serials, text, errors.
        pick([new Date(Date.UTC(2022, 0, 1) + (r % 900) * DAY), 44197, '2024-03-05', null], r),
        // Date-formatted numbers, including the phantom 1900-02-29, a time of day and negatives.
        pick([44563.75, 60, -5, 0.5, 2_958_466, 44563, null], r),
        // A time-only format keeps its serial.
        pick([0.25, 1.5, null], r),
        pick(TEXTS, r * 3 + 1),
        pick(STATUSES, r),
        pick(FLAGS, r),
        r % 41 === 0
          ? { formula: '1/0', result: { error: '#DIV/0!' } }
          : r % 43 === 0
            ? { error: '#N/A' }
            : new Date(Date.UTC(2023, 5, 1) + (r % 300) * DAY),
        `note ${r}`,
      ]);
      row.getCell(8).numFmt = 'yyyy-mm-dd';
      row.getCell(9).numFmt = '[h]:mm:ss';
    }
    const customers = workbook.addWorksheet('Customers');
    customers.addRow(['Customer ID', 'Name', 'Region', 'Revenue', 'Visits', 'Score']);
    for (let r = 0; r < 500; r++) {
      customers.addRow([
        pick(IDS, r),
        pick(TEXTS, r),
        pick(TEXTS, r + 5),
        pick(AMOUNTS, r),
        r % 7 === 0 ? 'many' : r,
        pick([0.5, null, '3', true], r),
      ]);
    }
    await workbook.xlsx.writeFile(path);
  });

  it('is written large enough that rows straddle chunks', async () => {
    const pkg = await openXlsxPackage(path);
    expect(pkg.partBytes('xl/worksheets/sheet1.xml')).toBeGreaterThan(2 * DEFAULT_XLSX_CHUNK_SIZE);
    pkg.close();
  });

  it('gives the records, warnings and blank counts of readSheetRecords over the grid', async () => {
    const [deals] = await readWorkbook(path);
    const expected = readSheetRecords(deals!, { kind: 'deal' });
    expect(expected.records.length).toBeGreaterThan(1000);
    expect(expected.warnings.length).toBeGreaterThan(0);
    expect(await streamXlsxRecords(path, { sheet: 0, kind: 'deal' })).toEqual(expected);
  });

  it('with a named header row and a mapping, and with a small warning limit', async () => {
    const [deals] = await readWorkbook(path);
    const options = {
      kind: 'deal',
      headerRow: 3,
      mapping: { account: 'Owner', owner: 'Customer', source: 'Notes' },
      maxWarningsPerColumn: 3,
    } as const;
    expect(await streamXlsxRecords(path, { sheet: 'Deals', ...options })).toEqual(
      readSheetRecords(deals!, options),
    );
  });

  it('reads every column of a customer sheet (extra numeric columns) as the grid does', async () => {
    const grids = await readWorkbook(path);
    const expected = readSheetRecords(grids[1]!, { kind: 'customer' });
    expect(expected.records.length).toBeGreaterThan(100);
    expect(await streamXlsxRecords(path, { sheet: 1, kind: 'customer' })).toEqual(expected);
  });

  it('as every other kind: the same results as the grid', async () => {
    await expectSameAsGrid(path, KINDS);
  });
});
