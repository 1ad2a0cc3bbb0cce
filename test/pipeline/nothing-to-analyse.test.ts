import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.js';
import type { CliIo } from '../../pipeline/cli-io.js';
import type { ReportBatchSummary } from '../../pipeline/report/batch/report-batch-model.js';

const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const WORKBOOKS = join(DATA, 'workbooks');
const ACCOUNTS = join(DATA, 'crm-opportunities', 'accounts.csv');
const HAVE_WORKBOOKS = existsSync(WORKBOOKS);
const HAVE_ACCOUNTS = existsSync(ACCOUNTS);
if (!HAVE_WORKBOOKS)
  console.warn(`skipping nothing-to-analyse report test: ${WORKBOOKS} is missing`);
if (!HAVE_ACCOUNTS)
  console.warn(`skipping nothing-to-analyse segment test: ${ACCOUNTS} is missing`);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(args, io);
  return { code, out, err };
}

describe.skipIf(!HAVE_WORKBOOKS)('pipecast report on workbooks with nothing to analyse', () => {
  it('exits 1 and says, per file, there was nothing to analyse and what to do', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'nothing-')), 'out');
    // The 14 workbooks of ../shared/data/workbooks are reader test files (dates, merged cells,
    // rich text): none holds deals, order lines, customers or invoices, so every analysis skips.
    const run = await cli(['report', WORKBOOKS, '--out', out, '--as-of', '2024-01-31']);
    expect(run.code).toBe(1);
    // Each file still gets its page, which says why nothing was analysed: the count says so.
    expect(run.out).toContain(
      '14 of 14 reports written, 14 of them with nothing to analyse (each page says why), 0 failed (as of 2024-01-31)',
    );
    expect(existsSync(join(out, 'rph', 'report.html'))).toBe(true);
    expect(run.out).toContain(`${join(WORKBOOKS, 'rph.xlsx')}: nothing to analyse:`);
    expect(run.out).toContain('pipecast inspect');
    const summary = JSON.parse(
      await readFile(join(out, 'summary.json'), 'utf8'),
    ) as ReportBatchSummary;
    expect(summary.counts).toEqual({ files: 14, ok: 14, failed: 0, nothingToAnalyse: 14 });
    expect(new Set(summary.files.map((entry) => entry.state))).toEqual(
      new Set(['nothing-to-analyse']),
    );
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index).not.toContain('Report ready');
    expect(index.match(/Nothing to analyse/g)).toHaveLength(14);
  }, 120_000);
});

describe('pipecast report where every file fails to read', () => {
  it('gives the reason of the file, not a missing as-of date, and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'renamed-'));
    const renamed = join(dir, 'deals.xlsx');
    await writeFile(renamed, 'Deal,Stage,Amount\nA,Won,10\n');
    const run = await cli(['report', renamed, '--out', join(dir, 'out')]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `error ${renamed}: looks like a CSV/text file, not .xlsx: rename it to .csv`,
    );
    expect(run.out.trimEnd().split('\n').at(-1)).toBe('0 of 1 reports written, 1 failed');
    expect(run.out).not.toContain('as-of');
  });
});

describe.skipIf(!HAVE_ACCOUNTS)('pipecast segment with no customer to segment', () => {
  it('exits 1 on a portfolio of accounts.csv, which has no potential or share columns', async () => {
    const run = await cli(['segment', ACCOUNTS, '--method', 'portfolio']);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toContain('nothing to analyse: no customer has both a purchase potential');
    expect(run.err).toContain('Purchase potential');
  });
});
