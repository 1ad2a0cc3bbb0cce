import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSheetRecords } from '../../core/workbook/read-sheet-records.js';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import { CSV_ENCODING_ENV, looksLikeGbk } from '../../pipeline/csv-encoding.js';
import { readCsv } from '../../pipeline/read-csv.js';

/** Issue 19: "Müller must not silently become M眉ller". Every file here is generated. */
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-csv-encoding-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env[CSV_ENCODING_ENV];
});

async function csvFile(name: string, bytes: Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

const LINES = ['Customer,Date,Amount', 'Müller GmbH,2024-01-05,100', 'Zhang,2024-01-06,50'];

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(args, io);
  return { code, out, err };
}

describe('readCsv: a file not valid in the encoding it is read with gets a warning', () => {
  it('UTF-8 with one stray Latin-1 byte: read as UTF-8, the warning names line 4', async () => {
    // Line 4 holds "Café" with é as the single Latin-1 byte 0xE9; the rest is UTF-8.
    const bytes = Buffer.concat([
      Buffer.from(`${LINES.join('\n')}\n`, 'utf8'),
      Buffer.from('Caf\xe9 Noir,2024-01-07,20\n', 'latin1'),
    ]);
    const path = await csvFile('stray.csv', bytes);
    const grid = await readCsv(path);
    expect(grid.rows[1]?.[0]).toBe('Müller GmbH');
    expect(grid.rows[3]?.[0]).toBe('Caf\uFFFD Noir');
    expect(grid.readWarnings).toEqual([
      expect.objectContaining({ file: path, sheet: 'stray', row: 4, action: 'assumed' }),
    ]);
    expect(grid.readWarnings?.[0]?.message).toMatch(
      /^Line 4 is not valid UTF-8 \(byte 0xE9\).*read as UTF-8.*save the file as UTF-8, or name its encoding with --encoding/,
    );
    // The warning reaches the records read from the file, first.
    const records = readSheetRecords(grid, { kind: 'orderLine' });
    expect(records.warnings[0]?.row).toBe(4);
  });

  it('a Latin-1 file: Müller stays Müller (Windows-1252), with a warning naming line 2', async () => {
    const path = await csvFile('latin1.csv', Buffer.from(`${LINES.join('\n')}\n`, 'latin1'));
    const grid = await readCsv(path);
    expect(grid.rows[1]?.[0]).toBe('Müller GmbH');
    expect(grid.readWarnings?.[0]).toMatchObject({ row: 2, file: path });
    expect(grid.readWarnings?.[0]?.message).toMatch(
      /not UTF-8 \(first at line 2, byte 0xFC\).*Windows-1252.*--encoding gb18030/,
    );
  });

  it('a valid GBK file (Chinese Excel): read as GB18030, no warning', async () => {
    const text = '客户,日期,金额\n张伟贸易有限公司,2024-01-05,100\n北京科技,2024-01-06,50\n';
    const path = await csvFile('gbk.csv', iconv.encode(text, 'gbk'));
    const grid = await readCsv(path);
    expect(grid.rows[1]?.[0]).toBe('张伟贸易有限公司');
    expect(grid.rows[2]?.[0]).toBe('北京科技');
    expect(grid.readWarnings).toBeUndefined();
  });

  it('a UTF-8 file with a BOM and a bad byte: the BOM wins, the warning names the line', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Customer,Amount\nA,1\n', 'utf8'),
      Buffer.from([0x42, 0xff, 0x2c, 0x32, 0x0a]),
    ]);
    const grid = await readCsv(await csvFile('bom.csv', bytes));
    expect(grid.rows[0]).toEqual(['Customer', 'Amount']);
    expect(grid.readWarnings?.[0]).toMatchObject({ row: 3 });
    expect(grid.readWarnings?.[0]?.message).toMatch(/byte-order mark says UTF-8/);
  });

  it('valid UTF-8 gets no warning', async () => {
    const grid = await readCsv(await csvFile('utf8.csv', Buffer.from(LINES.join('\n'), 'utf8')));
    expect(grid.rows[1]?.[0]).toBe('Müller GmbH');
    expect(grid.readWarnings).toBeUndefined();
  });

  it('--encoding names the encoding: Latin-1 read without a guess; bytes it cannot decode warned', async () => {
    const latin1 = await csvFile('named.csv', Buffer.from(`${LINES.join('\n')}\n`, 'latin1'));
    process.env[CSV_ENCODING_ENV] = 'windows-1252';
    const grid = await readCsv(latin1);
    expect(grid.rows[1]?.[0]).toBe('Müller GmbH');
    expect(grid.readWarnings).toBeUndefined();
    // 0xFF is no GB18030 lead byte: line 2.
    const bad = await csvFile('bad-gbk.csv', Buffer.from('A,B\n\xff,1\n', 'latin1'));
    process.env[CSV_ENCODING_ENV] = 'gb18030';
    const badGrid = await readCsv(bad);
    expect(badGrid.readWarnings?.[0]).toMatchObject({ row: 2 });
    expect(badGrid.readWarnings?.[0]?.message).toMatch(/not valid gb18030/);
  });
});

describe('the CLI: encoding warnings and --encoding', () => {
  it('segment --json lists the Latin-1 warning; --encoding windows-1252 silences it', async () => {
    const path = await csvFile('orders.csv', Buffer.from(`${LINES.join('\n')}\n`, 'latin1'));
    const guessed = await cli('segment', path, '--method', 'abc', '--json');
    expect(guessed.code).toBe(0);
    expect(guessed.out).toMatch(/first at line 2, byte 0xFC/);
    expect(guessed.out).toContain('Müller GmbH');
    const named = await cli(
      'segment',
      path,
      '--encoding',
      'windows-1252',
      '--method',
      'abc',
      '--json',
    );
    expect(named.code).toBe(0);
    expect(named.out).not.toMatch(/not UTF-8/);
    expect(named.out).toContain('Müller GmbH');
  });

  it('an unknown --encoding is a one-line usage error', async () => {
    const path = await csvFile('any.csv', Buffer.from('A,B\n1,2\n'));
    const run = await cli('inspect', path, '--encoding', 'klingon-8');
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/unknown encoding 'klingon-8'/);
    expect(run.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('looksLikeGbk', () => {
  it('tells GBK Chinese from Latin-1 names', () => {
    expect(looksLikeGbk(iconv.encode('销售阶段,金额', 'gbk'))).toBe(true);
    // "Müller" in Latin-1: 0xFC 0x6C pairs ü with the ASCII l.
    expect(looksLikeGbk(Buffer.from('Müller,Köln', 'latin1'))).toBe(false);
    // "Café," in Latin-1: 0xE9 0x2C is no GBK pair.
    expect(looksLikeGbk(Buffer.from('Café,1', 'latin1'))).toBe(false);
  });
});
