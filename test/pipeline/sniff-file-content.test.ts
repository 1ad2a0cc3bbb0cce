import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbookReadError } from '../../core/readers/index.js';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import { readWorkbook } from '../../pipeline/read-workbook.js';
import { sniffFileContent } from '../../pipeline/sniff-file-content.js';

const SAMPLE = fileURLToPath(new URL('../../samples/pipeline-en.xlsx', import.meta.url));
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-sniff-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function reason(path: string): Promise<string> {
  const error: unknown = await readWorkbook(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookReadError);
  return (error as WorkbookReadError).reason;
}

describe('sniffFileContent', () => {
  it('tells a workbook, an old .xls, text with and without a BOM, nothing and binary apart', async () => {
    const files: [string, string | Buffer][] = [
      ['text.csv', 'Deal,Stage\r\nA,Won\r\n'],
      ['bom.csv', Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x0a])],
      ['utf16.csv', Buffer.from([0xff, 0xfe, 0x41, 0x00])],
      ['gb18030.csv', Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0x0a])], // 客户
      ['ole.xls', OLE],
      ['empty.csv', ''],
      ['binary.bin', Buffer.from([1, 2, 3, 0, 4])],
    ];
    for (const [name, bytes] of files) await writeFile(join(dir, name), bytes);
    const kinds = await Promise.all(files.map(([name]) => sniffFileContent(join(dir, name))));
    expect(kinds).toEqual(['text', 'text', 'text', 'text', 'ole', 'empty', 'other']);
    expect(await sniffFileContent(SAMPLE)).toBe('zip');
  });
});

describe('readWorkbook of a file whose content does not match its extension', () => {
  it('a CSV named .xlsx: says it looks like a CSV and to rename it', async () => {
    const path = join(dir, 'export.xlsx');
    await writeFile(path, 'Deal,Stage\nA,Won\n');
    expect(await reason(path)).toBe('looks like a CSV/text file, not .xlsx: rename it to .csv');
  });

  it('says the same in Chinese with --locale zh', async () => {
    const path = join(dir, 'export-zh.xlsx');
    await writeFile(path, 'Deal,Stage\nA,Won\n');
    let err = '';
    const io: CliIo = { stdout: () => {}, stderr: (t) => (err += t), isTTY: false };
    expect(await main(['inspect', path, '--locale', 'zh'], io)).toBe(1);
    expect(err).toBe(
      `pipecast inspect: ${path}：这看起来是 CSV/文本文件，不是 .xlsx：请改名为 .csv\n`,
    );
  });

  it('an .xlsx named .csv: says it is a workbook and to rename it', async () => {
    const path = join(dir, 'deals.csv');
    await copyFile(SAMPLE, path);
    expect(await reason(path)).toBe(
      'this is an Excel workbook (.xlsx) named .csv: rename it to .xlsx',
    );
  });

  it('an old .xls named .csv or .xlsx: says to save it as .xlsx', async () => {
    for (const name of ['old.csv', 'old.xlsx']) {
      await writeFile(join(dir, name), OLE);
      expect(await reason(join(dir, name))).toMatch(
        /^this is an old \.xls or a password-protected workbook.*save it as an unprotected \.xlsx$/,
      );
    }
  });

  it('pipecast inspect of an .xlsx named .csv fails with that line, exit 1', async () => {
    const path = join(dir, 'inspect-me.csv');
    await copyFile(SAMPLE, path);
    let out = '';
    let err = '';
    const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
    const code = await main(['inspect', path], io);
    expect({ code, out, err }).toEqual({
      code: 1,
      out: '',
      err: `pipecast inspect: ${path}: this is an Excel workbook (.xlsx) named .csv: rename it to .xlsx\n`,
    });
  });
});
