import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../pipeline/cli.js';
import type { CliIo } from '../../../pipeline/cli-io.js';
import { runReport, type RunReportOptions } from '../../../pipeline/commands/report.js';
import type { ReportBatchSummary } from '../../../pipeline/report/batch/report-batch-model.js';
import { FAKE_DATA_AS_OF } from './fake-builder.js';
import { FAKE_BUILDER, tempFiles } from './fixtures.js';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function report(
  args: string[],
  options: RunReportOptions & { isTTY?: boolean } = {},
): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    isTTY: options.isTTY ?? false,
  };
  const code = await runReport(args, io, { builder: FAKE_BUILDER, ...options });
  return { code, out, err };
}

/** `pipecast report` through the real dispatcher (usage errors become exit 1 + one line). */
async function cli(args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(['report', ...args], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    isTTY: false,
  });
  return { code, out, err };
}

async function outDir(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'report-out-')), 'reports');
}

describe('pipecast report (batch, with a fake builder)', () => {
  it('writes a report folder per file, index.html and summary.json; prints their paths; exit 0', async () => {
    const dir = await tempFiles('report-in-', ['pipeline.xlsx', 'orders.csv']);
    const out = await outDir();
    const run = await report([dir, '--out', out, '--as-of', '2024-03-31', '--jobs', '2']);
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      [
        join(out, 'index.html'),
        join(out, 'orders', 'report.html'),
        join(out, 'pipeline', 'report.html'),
        '2 of 2 reports written, 0 failed (as of 2024-03-31)',
        '',
      ].join('\n'),
    );
    // Folder listing is in name order; progress lines on stderr in completion order.
    const lines = run.err.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    for (const name of ['orders.csv', 'pipeline.xlsx']) {
      const line = new RegExp(`^\\[[12]/2\\] ok ${join(dir, name)} \\(\\d+\\.\\d s\\)$`);
      expect(lines.filter((l) => line.test(l))).toHaveLength(1);
    }
    const summary = JSON.parse(
      await readFile(join(out, 'summary.json'), 'utf8'),
    ) as ReportBatchSummary;
    expect(summary).toMatchObject({
      asOf: '2024-03-31',
      asOfSource: 'option',
      outDir: out,
      index: 'index.html',
      counts: { files: 2, ok: 2, failed: 0, nothingToAnalyse: 0 },
    });
    expect(summary.files[1]).toEqual({
      file: join(dir, 'pipeline.xlsx'),
      inputs: [join(dir, 'pipeline.xlsx')],
      folder: 'pipeline',
      ok: true,
      asOf: '2024-03-31',
      state: 'reported',
      reason: null,
      report: 'pipeline/report.html',
      // The fake builder's headline: the input's size ('pipeline.xlsx' is 13 bytes) and as-of.
      headline: { forecast: { bytes: 13, asOf: '2024-03-31' } },
      analyses: [
        { name: 'forecast', ok: true },
        { name: 'aging', ok: false },
      ],
      skipped: [{ analysis: 'aging', reason: 'no invoices sheet' }],
      warnings: 1,
      charts: 2,
    });
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="pipeline/report.html">');
    expect(index).toContain('<a href="orders/report.html">');
    expect(index).toContain('<div>Not run: aging</div>');
    expect(index).toContain('2 reports ready, failed: 0');
  });

  it('gives a failed file its error entry, completes the others and exits 2', async () => {
    const dir = await tempFiles('report-in-', ['a.csv', 'throw.csv', 'die.csv', 'b.csv']);
    const out = await outDir();
    const run = await report([dir, '--out', out, '--as-of', '2024-03-31', '--jobs', '2']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      new RegExp(`\\] error ${join(dir, 'throw.csv')}: broken on purpose\\n`),
    );
    expect(run.err).toMatch(
      /\] error .*die\.csv: the worker stopped while building this report \(exit code 7\)/,
    );
    expect(run.out).toContain('2 of 4 reports written, 2 failed');
    expect(run.out).not.toContain('throw');
    const summary = JSON.parse(
      await readFile(join(out, 'summary.json'), 'utf8'),
    ) as ReportBatchSummary;
    expect(summary.files.map((f) => [f.folder, f.ok, f.reason])).toEqual([
      ['a', true, null],
      ['b', true, null],
      ['die', false, 'the worker stopped while building this report (exit code 7)'],
      ['throw', false, 'broken on purpose'],
    ]);
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index.match(/class="entry-error"/g)).toHaveLength(2);
    expect(index).toContain('broken on purpose');
    // The failed files' empty folders are not left behind.
    expect(existsSync(join(out, 'throw'))).toBe(false);
    expect(existsSync(join(out, 'a', 'report.html'))).toBe(true);
  });

  it('exits 1 when every file fails, still writing the index with the reasons', async () => {
    const dir = await tempFiles('report-in-', ['throw-1.csv', 'throw-2.csv']);
    const out = await outDir();
    const run = await report([dir, '--out', out, '--as-of', '2024-03-31']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('0 of 2 reports written, 2 failed');
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('0 reports ready, failed: 2');
  });

  it('runs a single file in this thread with the same error handling', async () => {
    const dir = await tempFiles('report-in-', ['throw.csv', 'one.csv']);
    const bad = await report([
      join(dir, 'throw.csv'),
      '--out',
      await outDir(),
      '--as-of',
      '2024-03-31',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(`[1/1] error ${join(dir, 'throw.csv')}: broken on purpose\n`);
    const out = await outDir();
    const good = await report([
      join(dir, 'one.csv'),
      '--out',
      out,
      '--as-of',
      '2024-03-31',
      '--json',
    ]);
    expect(good.code).toBe(0);
    const summary = JSON.parse(good.out) as ReportBatchSummary;
    expect(summary.counts).toEqual({ files: 1, ok: 1, failed: 0, nothingToAnalyse: 0 });
    expect(summary.files[0]!.report).toBe('one/report.html');
  });

  it('--json prints the batch summary object instead of the paths', async () => {
    const dir = await tempFiles('report-in-', ['x.csv', 'throw.csv']);
    const out = await outDir();
    const run = await report([dir, '--out', out, '--as-of', '2024-03-31', '--json']);
    expect(run.code).toBe(2);
    const printed = JSON.parse(run.out) as ReportBatchSummary;
    expect(printed).toEqual(JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')));
    expect(run.out.trim().split('\n')).toHaveLength(1);
  });

  it('names report folders uniquely for same-named files from two folders', async () => {
    const east = await tempFiles('report-east-', ['sales.csv']);
    const west = await tempFiles('report-west-', ['sales.csv', 'Sales.xlsx']);
    const out = await outDir();
    const run = await report([east, west, '--out', out, '--as-of', '2024-03-31', '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.out) as ReportBatchSummary;
    // listInputFiles lists a folder in code-point order: 'Sales.xlsx' before 'sales.csv'.
    expect(summary.files.map((f) => [f.file, f.folder])).toEqual([
      [join(east, 'sales.csv'), 'sales'],
      [join(west, 'Sales.xlsx'), 'Sales-2'],
      [join(west, 'sales.csv'), 'sales-3'],
    ]);
    for (const f of summary.files) expect(existsSync(join(out, f.report!))).toBe(true);
  });

  it('passes --locale and the config to the builder; the config locale applies when no flag', async () => {
    const dir = await tempFiles('report-in-', ['one.csv']);
    const config = join(dir, 'pipecast.json');
    await writeFile(config, '{"locale": "zh", "aging": {"buckets": [30, 60]}}');
    const run = await report([
      join(dir, 'one.csv'),
      '--out',
      await outDir(),
      '--config',
      config,
      '--as-of',
      '2024-03-31',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.out) as ReportBatchSummary;
    expect(summary).toMatchObject({ locale: 'zh', config });
    const out = await outDir();
    const en = await report([
      join(dir, 'one.csv'),
      '--out',
      out,
      '--config',
      config,
      '--locale',
      'en',
      '--as-of',
      '2024-03-31',
    ]);
    expect(en.code).toBe(0);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('<html lang="en">');
  });

  it('takes the as-of day from the data when --as-of is absent and says so', async () => {
    const dir = await tempFiles('report-in-', ['one.csv']);
    const run = await report([join(dir, 'one.csv'), '--out', await outDir()]);
    // The fake builder reports FAKE_DATA_AS_OF as its data's day.
    expect(run.out).toContain(
      `(as of ${FAKE_DATA_AS_OF}, the day after the last recorded event in the data; pass --as-of YYYY-MM-DD to fix it)`,
    );
    const json = await report([join(dir, 'one.csv'), '--out', await outDir(), '--json']);
    const summary = JSON.parse(json.out) as ReportBatchSummary;
    expect(summary).toMatchObject({ asOf: null, asOfSource: 'data' });
    expect(summary.files[0]!.asOf).toBe(FAKE_DATA_AS_OF);
  });

  it('draws a progress bar on a terminal and clears it at the end', async () => {
    const dir = await tempFiles('report-in-', ['a.csv', 'throw.csv']);
    const run = await report([dir, '--out', await outDir(), '--as-of', '2024-03-31'], {
      isTTY: true,
      columns: 80,
    });
    expect(run.code).toBe(2);
    expect(run.err.startsWith('\r[--------------------] 0/2')).toBe(true);
    expect(run.err).toContain('] 2/2');
    expect(run.err).toMatch(
      new RegExp(`\\r\\x1b\\[K\\[[12]/2\\] error ${join(dir, 'throw.csv')}: broken on purpose\\n`),
    );
    expect(run.err.endsWith('\r\x1b[K')).toBe(true);
    expect(run.err).not.toMatch(/ok .*a\.csv/);
  });
});

describe('pipecast report refusals (exit 1, one line)', () => {
  it('refuses --out inside an input folder before writing anything', async () => {
    const dir = await tempFiles('report-in-', ['a.csv']);
    const run = await cli([dir, '--out', join(dir, 'reports'), '--as-of', '2024-03-31']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /^pipecast report: --out .* is inside the input folder .*; choose a folder outside it, e\.g\. --out out[/\\]report-in-\w+\n$/,
    );
    expect(existsSync(join(dir, 'reports'))).toBe(false);
  });

  it('refuses --out naming an input file', async () => {
    const dir = await tempFiles('report-in-', ['a.csv']);
    const file = join(dir, 'a.csv');
    const run = await cli([file, '--out', file]);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `pipecast report: --out ${file} is a file, not a folder; name a folder for the reports, e.g. --out reports\n`,
    );
    expect(await readFile(file, 'utf8')).toBe('a.csv');
  });

  it('refuses a config file that is not JSON, naming file, line and column', async () => {
    const dir = await tempFiles('report-in-', ['a.csv']);
    const config = join(dir, 'pipecast.json');
    await writeFile(config, '{\n  "locale": "zh"\n  "aging": {}\n}');
    const run = await cli([join(dir, 'a.csv'), '--out', await outDir(), '--config', config]);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `pipecast report: ${config}: not JSON at line 3, column 3: Expected ',' or '}' after property value\n`,
    );
  });

  it('rejects bad flags and missing arguments with one line each', async () => {
    const dir = await tempFiles('report-in-', ['a.csv']);
    const cases: [string[], RegExp][] = [
      [[dir], /--out DIR is required/],
      [['--out', 'x'], /name at least one file or folder/],
      [
        [dir, '--out', 'x', '--as-of', '31/03/2024'],
        /--as-of must be a date YYYY-MM-DD, got '31\/03\/2024'/,
      ],
      [[dir, '--out', 'x', '--as-of', '2024-02-30'], /--as-of must be a date/],
      [[dir, '--out', 'x', '--locale', 'fr'], /--locale must be en or zh, got 'fr'/],
      [[dir, '--out', 'x', '--jobs', '0'], /--jobs must be a whole number of at least 1, got '0'/],
      [[dir, '--out', 'x', '--jobs', '1.5'], /--jobs must be a whole number/],
      [[dir, '--out', 'x', '--bogus'], /unknown option '--bogus'.*\(see pipecast report --help\)/i],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.err, args.join(' ')).toMatch(message);
      expect(run.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('exits 1 when the inputs hold no workbook or do not exist', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'report-empty-'));
    const none = await cli([empty, '--out', await outDir()]);
    expect(none).toMatchObject({ code: 1, out: '' });
    expect(none.err).toBe(`pipecast report: no .xlsx, .csv or .tsv files in ${empty}\n`);
    const missing = await cli([join(empty, 'nope.xlsx'), '--out', await outDir()]);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(
      `pipecast report: ${join(empty, 'nope.xlsx')}: file or folder not found\n`,
    );
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Usage: pipecast report <file|folder...> --out DIR');
  });
});
