import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readXlsxSheets } from '../../../pipeline/xlsx-stream/read-xlsx-sheets.js';
import { MAX_INFLATED_ENV } from '../../../pipeline/xlsx-stream/xlsx-read-limits.js';
import {
  A_SHEET,
  longRowWorkbook,
  noisyElements,
  SHEET_PART as SHEET,
  sharedStringsRatioBomb,
  sharedStringsRecordedAs,
  understatedRowsBomb,
} from '../../support/hostile-files.js';
import {
  sheetXml,
  SST_HEAD,
  SST_TAIL,
  textPart,
  workbookParts,
  zipParts,
  type ZipPart,
} from '../../support/hostile-xlsx.js';
import { runCliChild } from '../../support/run-cli-child.js';

const work = mkdtempSync(join(tmpdir(), 'xlsx-bombs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  delete process.env[MAX_INFLATED_ENV];
});

async function write(name: string, parts: ZipPart[]): Promise<string> {
  const path = join(work, name);
  await writeFile(path, zipParts(parts));
  return path;
}

describe('decompression bombs and parts past the ceilings', () => {
  it('refuses at once a shared-string part the zip records as 3.7 GB, in a child under 250 MB', async () => {
    // The record says 4,000,000,000 bytes; the stored bytes are a few: nothing is inflated.
    const path = await write('sst-4gb.xlsx', sharedStringsRecordedAs(4e9));
    const run = await runCliChild(['inspect', path]);
    // 4e9 / 2^20 = 3,814.7 → 3,815 MB.
    expect(run.stderr).toBe(
      `pipecast inspect: ${path}: part xl/sharedStrings.xml inflates to 3,815 MB, past the limit of 1,024 MB per part (raise it with --max-inflated-mb)\n`,
    );
    expect(run.code).toBe(1);
    expect(run.peakMb).toBeLessThan(250);
    expect(run.ms).toBeLessThan(15_000);
  });

  it('refuses at once a part compressed 412 to 1', async () => {
    // 2,000,000 items of 24 bytes + 98 bytes of root = 48,000,098 bytes, deflated to 116,472.
    const parts = await sharedStringsRatioBomb();
    const sst = parts.find((part) => part.name === 'xl/sharedStrings.xml')!;
    const path = await write('sst-ratio.xlsx', parts);
    const started = performance.now();
    await expect(readXlsxSheets(path)).rejects.toThrow(
      `${path}: part xl/sharedStrings.xml is compressed ${Math.round(sst.size / sst.stored.length)} to 1, past the limit of 200 to 1 (a decompression bomb?)`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('stops a part that inflates past the size its zip records, in a child under 250 MB', async () => {
    // 200 MB of rows that the zip records as 1 MB: reading stops after that megabyte.
    const path = await write('understated.xlsx', await understatedRowsBomb());
    const run = await runCliChild(['inspect', path]);
    expect(run.stderr).toBe(
      `pipecast inspect: ${path}: damaged file: part ${SHEET} inflates to more than the 1,048,576 bytes the zip records\n`,
    );
    expect(run.code).toBe(1);
    expect(run.peakMb).toBeLessThan(250);
  });

  it('the ceiling can be lowered and raised (PIPECAST_MAX_INFLATED_MB, as --max-inflated-mb sets it)', async () => {
    // A sheet of 2 MB of noise (it deflates about 1.4 to 1).
    const rows = `<row r="1"><c r="A1"><v>1</v></c>${noisyElements(2 * 2 ** 20)}</row>`;
    const path = await write('two-mb.xlsx', [...workbookParts(), textPart(SHEET, sheetXml(rows))]);
    process.env[MAX_INFLATED_ENV] = '1';
    await expect(readXlsxSheets(path)).rejects.toThrow(
      `${path}: part ${SHEET} inflates to 3 MB, past the limit of 1 MB per part (raise it with --max-inflated-mb)`,
    );
    process.env[MAX_INFLATED_ENV] = '3';
    const [sheet] = await readXlsxSheets(path);
    expect(sheet!.rows).toEqual([[1]]);
  });

  it('refuses a row of more than 64 MB of XML within seconds, in a child under 400 MB', async () => {
    // Noise deflates about 1.4 to 1, so no ratio stops it: the row's length must.
    const path = await write('long-row.xlsx', longRowWorkbook(70));
    const run = await runCliChild(['inspect', path]);
    expect(run.stderr).toBe(
      `pipecast inspect: ${path}: sheet 'Deals', row 1 is more than 64 MB of XML; no row Excel writes is that long\n`,
    );
    expect(run.code).toBe(1);
    expect(run.peakMb).toBeLessThan(400);
    expect(run.ms).toBeLessThan(20_000);
  });

  it('reads a long row that ends within the ceiling, its cells after the noise included', async () => {
    const rows = `<row r="1"><c r="A1"><v>1</v></c>${noisyElements(5 * 2 ** 20)}<c r="B1"><v>2</v></c></row><row r="2"><c r="C2"><v>3</v></c></row>`;
    const path = await write('long-ok.xlsx', [...workbookParts(), textPart(SHEET, sheetXml(rows))]);
    const [sheet] = await readXlsxSheets(path);
    expect(sheet!.rows).toEqual([
      [1, 2],
      [null, null, 3],
    ]);
  });

  it('refuses a cell past row or column limits found in a long unfinished row', async () => {
    const rows = `<row r="1">${noisyElements(3 * 2 ** 20)}<c r="XFE1"><v>1</v></c>${noisyElements(3 * 2 ** 20)}</row>`;
    const path = await write('long-bad.xlsx', [
      ...workbookParts(),
      textPart(SHEET, sheetXml(rows)),
    ]);
    await expect(readXlsxSheets(path)).rejects.toThrow(
      `${path}: sheet 'Deals', cell XFE1 is past column XFD, the last of Excel's 16,384 columns`,
    );
  });

  it('refuses an inline string and a shared string of more than 32,767 characters', async () => {
    const long = 'x'.repeat(40_000);
    const inline = textPart(
      SHEET,
      sheetXml(`<row r="2"><c r="B2" t="inlineStr"><is><t>${long}</t></is></c></row>`),
    );
    const inlinePath = await write('long-inline.xlsx', [...workbookParts(), inline]);
    await expect(readXlsxSheets(inlinePath)).rejects.toThrow(
      `${inlinePath}: sheet 'Deals', cell B2 holds 40,000 characters, past Excel's limit of 32,767 per cell`,
    );
    const sst = textPart(
      'xl/sharedStrings.xml',
      `${SST_HEAD}<si><t>ok</t></si><si><t>${long}</t></si>${SST_TAIL}`,
    );
    const sstPath = await write('long-sst.xlsx', [...workbookParts('Deals', true), sst, A_SHEET]);
    await expect(readXlsxSheets(sstPath)).rejects.toThrow(
      `${sstPath}: shared string 1 holds 40,000 characters, past Excel's limit of 32,767 per cell`,
    );
  });

  it('reads a cell of exactly 32,767 characters', async () => {
    const text = 'é'.repeat(32_767);
    const sheet = textPart(
      SHEET,
      sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`),
    );
    const path = await write('limit-inline.xlsx', [...workbookParts(), sheet]);
    const [read] = await readXlsxSheets(path);
    expect(read!.rows[0]![0]).toBe(text);
  });
});

describe('damaged zips', () => {
  const rows = Array.from(
    { length: 3000 },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
  ).join('');

  it('a part whose CRC does not match is a damaged file', async () => {
    const sheet = textPart(SHEET, sheetXml(rows));
    const path = await write('crc.xlsx', [...workbookParts(), { ...sheet, crc: sheet.crc ^ 1 }]);
    await expect(readXlsxSheets(path)).rejects.toThrow(
      `${path}: damaged file: part ${SHEET} fails its CRC check`,
    );
  });

  it('a damaged deflate stream is a damaged file, not a sheet ending in the middle of a row', async () => {
    const sheet = textPart(SHEET, sheetXml(rows));
    const path = await write('deflate.xlsx', [...workbookParts(), sheet]);
    const bytes = readFileSync(path);
    const at = bytes.indexOf(sheet.stored);
    // Every byte of the middle of the deflated data overwritten.
    bytes.fill(0xa5, at + 200, at + 400);
    writeFileSync(path, bytes);
    await expect(readXlsxSheets(path)).rejects.toThrow(
      new RegExp(`^${path}: damaged file: part xl/worksheets/sheet1\\.xml `),
    );
  });

  it('a stored part that is cut short names the part', async () => {
    const data = Buffer.from(sheetXml(rows));
    const sheet: ZipPart = {
      ...textPart(SHEET, ''),
      stored: deflateRawSync(data).subarray(0, 500),
      size: data.length,
    };
    const path = await write('short.xlsx', [...workbookParts(), sheet]);
    await expect(readXlsxSheets(path)).rejects.toThrow(`${path}: damaged file: part ${SHEET} `);
  });
});
