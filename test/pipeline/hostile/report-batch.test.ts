import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportBatchSummary } from '../../../pipeline/report/batch/report-batch-model.js';
import { writeSheetWorkbook } from '../../support/hostile-xlsx.js';
import { runCli } from './run-cli.js';

const samples = resolve(import.meta.dirname, '../../../samples');

describe('pipecast report over hostile files', () => {
  it('gives each hostile file its error entry, reports the good one, writes index and summary, exit 2', async () => {
    const root = await mkdtemp(join(tmpdir(), 'report-hostile-'));
    const input = join(root, 'in');
    const out = join(root, 'out');
    await mkdir(input);
    // Before: this 3.6 KB workbook made V8 abort and took the whole batch with it.
    await writeSheetWorkbook(
      join(input, 'zz.xlsx'),
      '<row r="25"><c r="ZZZZZZ25"><v>1</v></c></row>',
    );
    await writeSheetWorkbook(
      join(input, 'far.xlsx'),
      '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>',
    );
    await writeFile(join(input, 'quote.csv'), 'Deal,Stage,Amount\nA,"Won,1\n');
    await copyFile(join(samples, 'pipeline-en.xlsx'), join(input, 'pipeline-en.xlsx'));
    const { code, err } = await runCli(
      'report',
      input,
      '--out',
      out,
      '--as-of',
      '2026-06-30',
      '--jobs',
      '2',
    );
    expect(code, err).toBe(2);
    const summary = JSON.parse(
      await readFile(join(out, 'summary.json'), 'utf8'),
    ) as ReportBatchSummary;
    expect(summary.counts).toEqual({ files: 4, ok: 1, failed: 3, nothingToAnalyse: 0 });
    const reasons = Object.fromEntries(
      summary.files.filter((f) => !f.ok).map((f) => [f.folder, f.reason]),
    );
    expect(reasons).toEqual({
      far: "sheet 'Deals', row 2000000000 is past row 1,048,576, Excel's last",
      quote: 'malformed CSV: a quoted field opened on line 2 is never closed (column B)',
      zz: "sheet 'Deals', cell ZZZZZZ25 is past column XFD, the last of Excel's 16,384 columns",
    });
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'pipeline-en', 'report.html'))).toBe(true);
  });
});
