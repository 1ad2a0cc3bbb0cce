import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNumber } from '../../../core/columns/parse-number.js';
import { failureLine } from '../../../pipeline/failure-line.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'overflow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SAMPLES = join(import.meta.dirname, '../../../samples');

/**
 * A copy of a sample whose sheet `sheet` has 1e308 in the first two rows below its header, in
 * the column headed `header`: two such amounts overflow any sum to Infinity. Returns the path and
 * the Excel rows changed.
 */
async function withHugeAmounts(
  sample: string,
  sheet: string,
  header: string,
): Promise<{ path: string; rows: number[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(SAMPLES, sample));
  const worksheet = workbook.getWorksheet(sheet)!;
  for (let r = 1; r <= 10; r++) {
    const values = worksheet.getRow(r).values as unknown[];
    const column = values.indexOf(header);
    if (column > 0) {
      worksheet.getRow(r + 1).getCell(column).value = 1e308;
      worksheet.getRow(r + 2).getCell(column).value = 1e308;
      const path = join(work, `huge-${sample}`);
      await workbook.xlsx.writeFile(path);
      return { path, rows: [r + 1, r + 2] };
    }
  }
  throw new Error(`no header ${header} in ${sample} ${sheet}`);
}

describe('amounts too large to add up', () => {
  it('parseNumber refuses numbers of 10^15 and more, which a million could overflow', () => {
    expect(parseNumber(999_999_999_999_999)).toEqual({ ok: true, value: 999_999_999_999_999 });
    expect(parseNumber(1e308)).toEqual({
      ok: false,
      reason: '1e+308 is too large to add up (numbers must be below 10^15)',
    });
    expect(parseNumber('-1e15').ok).toBe(false);
  });

  it.each([
    ['forecast', 'pipeline-en.xlsx', 'Pipeline', 'Amount'],
    ['aging', 'invoices-payments.xlsx', 'Invoices', 'Amount'],
    ['segment', 'customers-orders.xlsx', 'Orders', 'Unit Price', '--method', 'abc'],
  ])(
    '%s warns about both 1e308 cells by row and prints no ∞ and no stack',
    async (command, sample, sheet, header, ...options) => {
      const { path, rows } = await withHugeAmounts(sample, sheet, header);
      const { code, out, err } = await runCli(
        command,
        path,
        '--as-of',
        '2026-06-30',
        '--json',
        ...options,
      );
      expect({ code, err }).toEqual({ code: 0, err: '' });
      expect(out).not.toMatch(/Infinity|∞|null,\s*"total/);
      const result = JSON.stringify(JSON.parse(out));
      for (const row of rows)
        expect(result).toMatch(new RegExp(`too large to add up[^}]*"row":${row},`));
    },
  );
});

describe('every failure is one line', () => {
  it('failureLine gives an unexpected error as one line without its stack', () => {
    const error = new Error('dsoStandard: ar must be\nfinite');
    expect(failureLine(error)).toBe('stopped: dsoStandard: ar must be finite');
    expect(failureLine('thrown text')).toBe('stopped: thrown text');
  });

  it('--max-inflated-mb needs a positive number, on any command', async () => {
    const { code, err } = await runCli('inspect', 'x.xlsx', '--max-inflated-mb', 'lots');
    expect(code).toBe(1);
    expect(err).toBe(
      "pipecast inspect: --max-inflated-mb needs a number of megabytes above 0, got 'lots'\n",
    );
  });
});
