import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSamples } from '../../samples/make-samples.js';

const SAMPLES = join(import.meta.dirname, '../../samples');

async function cellValues(path: string): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheets: Record<string, unknown[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) =>
      rows.push(Array.isArray(row.values) ? row.values.slice(1) : []),
    );
    sheets[sheet.name] = rows;
  });
  return sheets;
}

describe('makeSamples', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('rebuilds the committed sample workbooks cell for cell from the seed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pipecast-samples-'));
    const paths = await makeSamples(dir);
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual([
      'pipeline-en.xlsx',
      'pipeline-zh.xlsx',
      'customers-orders.xlsx',
      'invoices-payments.xlsx',
    ]);
    for (const path of paths) {
      const name = path.slice(dir.length + 1);
      expect(await cellValues(path), name).toEqual(await cellValues(join(SAMPLES, name)));
    }
  });
});
