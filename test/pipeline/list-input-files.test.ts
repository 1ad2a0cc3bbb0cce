import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listInputFiles } from '../../pipeline/list-input-files.js';
import { WorkbookReadError } from '../../core/workbook/workbook-read-error.js';

describe('listInputFiles', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pipecast-list-'));
    for (const name of [
      'b.xlsx',
      'a.csv',
      'C.XLSM',
      'd.tsv',
      '~$b.xlsx',
      '.hidden.csv',
      'notes.txt',
      'old.xls',
    ]) {
      await writeFile(join(dir, name), '');
    }
    await mkdir(join(dir, 'sub.csv'));
    await writeFile(join(dir, 'sub.csv', 'inner.csv'), '');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('expands a folder to its workbooks and CSV files in name order, without lock and hidden files', async () => {
    expect(await listInputFiles([dir])).toEqual(
      ['C.XLSM', 'a.csv', 'b.xlsx', 'd.tsv'].map((name) => join(dir, name)),
    );
  });

  it('keeps files named explicitly, whatever their extension, in the order given, once each', async () => {
    const notes = join(dir, 'notes.txt');
    const b = join(dir, 'b.xlsx');
    expect(await listInputFiles([notes, b, dir])).toEqual([
      notes,
      b,
      join(dir, 'C.XLSM'),
      join(dir, 'a.csv'),
      join(dir, 'd.tsv'),
    ]);
  });

  it('gives an empty list for no paths and for a folder without input files', async () => {
    expect(await listInputFiles([])).toEqual([]);
    const nothing = join(dir, 'nothing');
    await mkdir(nothing);
    await writeFile(join(nothing, 'readme.md'), '');
    expect(await listInputFiles([nothing])).toEqual([]);
  });

  it('expands a folder even when its name ends in .csv, and skips subfolders of a folder', async () => {
    expect(await listInputFiles([join(dir, 'sub.csv')])).toEqual([
      join(dir, 'sub.csv', 'inner.csv'),
    ]);
  });

  it('throws a WorkbookReadError for a path that does not exist', async () => {
    const missing = join(dir, 'missing');
    await expect(listInputFiles([missing])).rejects.toThrow(WorkbookReadError);
    await expect(listInputFiles([missing])).rejects.toThrow(`${missing}: file or folder not found`);
  });
});
