import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheetRecords } from '../../pipeline/read-sheet-records.js';
import { readWorkbook } from '../../pipeline/read-workbook.js';
import { streamXlsxRecords } from '../../pipeline/stream-xlsx-records.js';

const SAMPLES = join(import.meta.dirname, '../../samples');

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
});
