import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../pipeline/cli.js';
import type { ReportBatchSummary } from '../../../pipeline/report/batch/report-batch-model.js';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../../..');
const samples = join(repo, 'samples');
const builderSource = join(repo, 'pipeline/report/build-workbook-report.ts');
const hasBuilder = existsSync(builderSource);
if (!hasBuilder) {
  console.warn(
    `report-end-to-end: skipped, ${builderSource} (the per-workbook builder) does not exist yet`,
  );
}

/** Bytes that are no zip and no CSV: a fixed LCG so the file is the same on every run. */
function corruptBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describe.skipIf(!hasBuilder)('pipecast report end to end (real builder)', () => {
  it('a folder with one corrupt and two good workbooks gives two reports, one error entry, exit 2', async () => {
    const root = await mkdtemp(join(tmpdir(), 'report-e2e-'));
    const input = join(root, 'exports');
    const out = join(root, 'reports');
    await mkdir(input);
    await writeFile(join(input, 'corrupt.xlsx'), corruptBytes(4096));
    await copyFile(join(samples, 'pipeline-en.xlsx'), join(input, 'pipeline-en.xlsx'));
    await copyFile(join(samples, 'invoices-payments.xlsx'), join(input, 'invoices-payments.xlsx'));
    let stdout = '';
    let stderr = '';
    const code = await main(
      ['report', input, '--out', out, '--as-of', '2026-06-30', '--jobs', '2'],
      {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        isTTY: false,
      },
    );
    expect(code, stderr).toBe(2);
    expect(stderr).toMatch(/\] error .*corrupt\.xlsx: /);
    const summary = JSON.parse(
      await readFile(join(out, 'summary.json'), 'utf8'),
    ) as ReportBatchSummary;
    expect(summary.counts).toEqual({ files: 3, ok: 2, failed: 1, nothingToAnalyse: 0 });
    const failed = summary.files.filter((f) => !f.ok);
    expect(failed.map((f) => f.folder)).toEqual(['corrupt']);
    expect(failed[0]!.reason).toBeTruthy();
    for (const f of summary.files.filter((e) => e.ok)) {
      expect(existsSync(join(out, f.report!)), f.report!).toBe(true);
      expect(existsSync(join(out, f.folder, 'summary.json'))).toBe(true);
    }
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index.match(/class="entry-error"/g)).toHaveLength(1);
    expect(index.match(/class="entry-ok"/g)).toHaveLength(2);
    expect(index).toContain('<a href="pipeline-en/report.html">');
    expect(stdout).toContain(join(out, 'pipeline-en', 'report.html'));
    expect(stdout).toContain('2 of 3 reports written, 1 failed (as of 2026-06-30)');
  });

  describe('the built bin', () => {
    beforeAll(async () => {
      // The bin runs dist/, so build it once (about 20 s) from the sources under test.
      await run(
        process.execPath,
        [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
        {
          cwd: repo,
        },
      );
    }, 180_000);

    it('node bin/pipecast.js report samples exits 0 and writes index.html and a report per sample', async () => {
      const out = join(await mkdtemp(join(tmpdir(), 'report-bin-')), 'samples');
      const { stdout, stderr } = await run(
        process.execPath,
        ['bin/pipecast.js', 'report', 'samples', '--out', out, '--as-of', '2026-06-30'],
        { cwd: repo },
      );
      // execFile rejects on a non-zero exit, so reaching here means exit code 0.
      expect(existsSync(join(out, 'index.html'))).toBe(true);
      const lines = stdout.trim().split('\n');
      expect(lines[0]).toBe(join(out, 'index.html'));
      const reports = lines.filter((l) => l.endsWith('report.html'));
      expect(reports).toHaveLength(4);
      for (const r of reports) expect(existsSync(r)).toBe(true);
      expect(lines.at(-1)).toBe('4 of 4 reports written, 0 failed (as of 2026-06-30)');
      // Not a terminal: one plain progress line per sample.
      expect(
        stderr
          .trim()
          .split('\n')
          .filter((l) => / ok samples\//.test(l)),
      ).toHaveLength(4);
    }, 180_000);
  });
});
