import { copyFile, link, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileNoLink } from '../../../pipeline/report/write-file-no-link.js';
import { runCli } from './run-cli.js';

const samples = resolve(import.meta.dirname, '../../../samples');

describe('writeFileNoLink', () => {
  it('refuses a link as the file, a link among the folders, and a hard link to an input', async () => {
    const root = await mkdtemp(join(tmpdir(), 'no-link-'));
    const input = join(root, 'input.csv');
    await writeFile(input, 'precious');
    const out = join(root, 'out');
    await mkdir(join(out, 'real'), { recursive: true });
    await symlink(input, join(out, 'real', 'file-link.csv'));
    await symlink(root, join(out, 'folder-link'));
    await link(input, join(out, 'real', 'hard.csv'));
    await expect(writeFileNoLink(out, join(out, 'real', 'file-link.csv'), 'x')).rejects.toThrow(
      `refusing to write ${join(out, 'real', 'file-link.csv')}: it is a symbolic link`,
    );
    await expect(writeFileNoLink(out, join(out, 'folder-link', 'input.csv'), 'x')).rejects.toThrow(
      `refusing to write ${join(out, 'folder-link', 'input.csv')}: ${join(out, 'folder-link')} is a symbolic link`,
    );
    await expect(writeFileNoLink(out, join(out, 'real', 'hard.csv'), 'x', [input])).rejects.toThrow(
      `refusing to write ${join(out, 'real', 'hard.csv')}: it is the input ${input}`,
    );
    expect(await readFile(input, 'utf8')).toBe('precious');
    await writeFileNoLink(out, join(out, 'real', 'new.csv'), 'fine');
    expect(await readFile(join(out, 'real', 'new.csv'), 'utf8')).toBe('fine');
  });
});

describe('pipecast report with links planted inside --out', () => {
  it('fails the file whose report folder is a link to the inputs, and overwrites nothing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'no-link-report-'));
    const input = join(root, 'in');
    const out = join(root, 'out');
    await mkdir(input);
    await mkdir(out);
    await copyFile(join(samples, 'pipeline-en.xlsx'), join(input, 'pipeline-en.xlsx'));
    await copyFile(join(samples, 'invoices-payments.xlsx'), join(input, 'invoices-payments.xlsx'));
    const before = await readFile(join(input, 'pipeline-en.xlsx'));
    // The report folder of pipeline-en.xlsx is a link to the folder the inputs are in.
    await symlink(input, join(out, 'pipeline-en'));
    const { code, err } = await runCli('report', input, '--out', out, '--as-of', '2026-06-30');
    expect(code).toBe(2);
    expect(err).toContain(`${join(out, 'pipeline-en')} is a symbolic link`);
    expect(await readFile(join(input, 'pipeline-en.xlsx'))).toEqual(before);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as {
      counts: unknown;
    };
    expect(summary.counts).toEqual({ files: 2, ok: 1, failed: 1, nothingToAnalyse: 0 });
  });
});
