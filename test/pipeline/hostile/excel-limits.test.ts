import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readXlsxSheets } from '../../../pipeline/xlsx-stream/read-xlsx-sheets.js';
import { cellAtRow, HEADER_ROW as HEADER } from '../../support/hostile-files.js';
import { writeSheetWorkbook } from '../../support/hostile-xlsx.js';
import { runCliChild } from '../../support/run-cli-child.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'excel-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A workbook of a header row and the given rows, in the test's folder. */
async function workbook(name: string, rows: string): Promise<string> {
  const path = join(work, name);
  await writeSheetWorkbook(path, HEADER + rows);
  return path;
}

describe('cell references and rows past Excel limits', () => {
  // Column XFD is 16,384 (Excel's last): X=24, F=6, E=5 → 24·26² + 6·26 + 5 = 16,385 for XFE.
  it.each([
    ['ZZZZZZ25', cellAtRow(25, 'ZZZZZZ')],
    ['ABCDEFGHIJKLM2', '<row r="2"><c r="ABCDEFGHIJKLM2"><v>1</v></c></row>'],
    ['XFE2', '<row r="2"><c r="XFE2" s="0"><v>1</v></c></row>'],
    ['xfe2', '<row r="2"><c r="xfe2" t="n"><v>1</v></c></row>'],
  ])(
    'inspect refuses cell %s at once with one line naming file, sheet and cell',
    async (ref, rows) => {
      const path = await workbook(`${ref}.xlsx`, rows);
      const started = performance.now();
      const { code, out, err } = await runCli('inspect', path);
      expect(performance.now() - started).toBeLessThan(5000);
      expect({ code, out }).toEqual({ code: 1, out: '' });
      expect(err).toBe(
        `pipecast inspect: ${path}: sheet 'Deals', cell ${ref} is past column XFD, the last of Excel's 16,384 columns\n`,
      );
    },
  );

  it('refuses a row whose cells without references run past column XFD', async () => {
    const cells = '<c><v>1</v></c>'.repeat(16_385);
    const path = await workbook('wide.xlsx', `<row r="2">${cells}</row>`);
    await expect(readXlsxSheets(path)).rejects.toThrow(
      `${path}: sheet 'Deals', row 2 has a cell past column XFD, the last of Excel's 16,384 columns`,
    );
  });

  it('reads cell XFD1048576, the last cell Excel has', async () => {
    const path = await workbook(
      'last.xlsx',
      '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>',
    );
    const [sheet] = await readXlsxSheets(path);
    expect(sheet!.rows).toHaveLength(1_048_576);
    expect(sheet!.rows[1_048_575]![16_383]).toBe(7);
  });

  it.each([['forecast'], ['aging'], ['segment', '--method', 'abc']])(
    '%s refuses row 2,000,000,000 with one line',
    async (command, ...options) => {
      const path = await workbook(`row-${command}.xlsx`, cellAtRow(2_000_000_000));
      const { code, err } = await runCli(command, path, '--as-of', '2026-06-30', ...options);
      expect(code).toBe(1);
      // segment, which reads many files, then says that none gave order lines.
      expect(err.split('\n')[0]).toBe(
        `pipecast ${command}: ${path}: sheet 'Deals', row 2000000000 is past row 1,048,576, Excel's last`,
      );
    },
  );

  it('refuses rows without numbers counted past row 1,048,576', async () => {
    // Numbered values, so the sheet compresses as real ones do (no ratio refuses it first).
    const rows = Array.from({ length: 1_048_576 }, (_, i) => `<row><c><v>${i}</v></c></row>`).join(
      '',
    );
    const path = await workbook('counted.xlsx', rows);
    await expect(readXlsxSheets(path)).rejects.toThrow(
      `${path}: sheet 'Deals', row 1048577 is past row 1,048,576, Excel's last`,
    );
  });

  it('a 3.6 KB file naming row 50,000,000 is refused in a child process in seconds and under 250 MB', async () => {
    const path = await workbook('row-50m.xlsx', cellAtRow(50_000_000));
    const run = await runCliChild(['inspect', path]);
    expect(run.stderr).toBe(
      `pipecast inspect: ${path}: sheet 'Deals', row 50000000 is past row 1,048,576, Excel's last\n`,
    );
    expect(run.code).toBe(1);
    // Before: 16 s and 2.4 GB. tsx and the CLI's modules alone take about 150 MB here.
    expect(run.peakMb).toBeLessThan(250);
    expect(run.ms).toBeLessThan(15_000);
  });
});
