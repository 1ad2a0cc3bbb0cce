import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../core/columns/read-records.js';
import { readSheetRecords } from '../../core/workbook/read-sheet-records.js';
import { readWorkbook } from '../../pipeline/read-workbook.js';
import { WorkbookReadError } from '../../core/workbook/workbook-read-error.js';

const SAMPLES = join(import.meta.dirname, '../../samples');

describe('readSheetRecords', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pipecast-sheet-records-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a CSV from its text with the same result as readRecords over its rows', async () => {
    const path = join(dir, 'deals.csv');
    await writeFile(path, 'Deal;Stage;Amount\nA;Design;"1,200"\nB;Commit;x\n');
    const [grid] = await readWorkbook(path);
    expect(grid?.csv?.delimiter).toBe(';');
    const fast = readSheetRecords(grid!, { kind: 'deal' });
    expect(fast).toEqual(
      readRecords(grid!.rows, { kind: 'deal', sheet: grid!.sheet, file: path, date1904: false }),
    );
    expect(fast.records.map((r) => r.amount)).toEqual([1200, undefined]);
  });

  it('reads a workbook sheet through readRecords, with its date system', async () => {
    const [grid] = await readWorkbook(join(SAMPLES, 'pipeline-en.xlsx'));
    const result = readSheetRecords(grid!, { kind: 'deal' });
    expect(result).toEqual(
      readRecords(grid!.rows, {
        kind: 'deal',
        sheet: 'Pipeline',
        file: grid!.file,
        date1904: false,
      }),
    );
    expect(result.records).toHaveLength(72); // samples/make-samples.ts writes 72 deals
  });

  it('collects the same records in a table sized from the file, for CSV and workbooks', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `D${i},Design,${i % 97}.5,2024-07-01`);
    const path = join(dir, 'many.csv');
    await writeFile(path, `Deal,Stage,Amount,Close date\n${lines.join('\n')}\n`);
    const [csv] = await readWorkbook(path);
    // All lines are about as long as the first ones: the estimate (5% over) is close.
    expect(csv!.csv!.lines).toBeGreaterThanOrEqual(3001);
    expect(csv!.csv!.lines).toBeLessThan(3001 * 1.1);
    const [xlsx] = await readWorkbook(join(SAMPLES, 'pipeline-en.xlsx'));
    for (const grid of [csv!, xlsx!]) {
      const { records, ...rest } = readSheetRecords(grid, { kind: 'deal' });
      const { table, ...restOfTable } = readSheetRecords(grid, { kind: 'deal', table: true });
      expect(table?.toRecords()).toEqual(records);
      expect(restOfTable).toEqual({ ...rest, records: [] });
    }
  });

  it('turns a quote that never closes into a WorkbookReadError naming the file', async () => {
    const path = join(dir, 'broken.csv');
    await writeFile(path, 'Deal,Stage\nA,"Design\n');
    const [grid] = await readWorkbook(path);
    expect(() => readSheetRecords(grid!, { kind: 'deal' })).toThrow(WorkbookReadError);
    expect(() => readSheetRecords(grid!, { kind: 'deal' })).toThrow(
      /broken\.csv: malformed CSV: a quoted field opened on line 2/,
    );
  });
});
