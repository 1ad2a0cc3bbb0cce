import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageReceivables, agingBreakdown } from '../../core/index.js';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import type { AgingReportWithBreakdowns } from '../../pipeline/commands/aging-breakdowns.js';

// As of 2026-06-30: A not yet due (Current), B 20 days past due (1–30), C 60 days (31–60).
const CSV = [
  'Invoice,Customer,Invoice date,Due date,Amount,Rep',
  'A,C1,2026-06-15,2026-07-15,100,Li',
  'B,C2,2026-05-11,2026-06-10,250.5,li',
  'C,C3,2026-04-01,2026-05-01,40,Wang',
].join('\n');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(['aging', ...args], io);
  return { code, out, err };
}

let dir = '';
let file = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-aging-by-'));
  file = join(dir, 'invoices.csv');
  await writeFile(file, CSV);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('pipecast aging --by COLUMN', () => {
  it('lists the breakdown in --json as the API gives it, keeping --by due as the basis', async () => {
    const { code, out } = await run(
      file,
      '--as-of',
      '2026-06-30',
      '--by',
      'due',
      '--by',
      'F',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(out) as AgingReportWithBreakdowns;
    expect(report.by).toBe('due');
    // Li = A + B: 350.5 (100 Current, 250.5 in 1–30); Wang = C: 40 in 31–60.
    expect(report.breakdowns?.[0]?.rows.map((row) => [row.key, row.count, row.open])).toEqual([
      ['Li', 2, 350.5],
      ['Wang', 1, 40],
    ]);
    // Invoice lines were needed for the breakdown, not asked for with --invoices.
    expect(report.currencies[0]?.invoices).toEqual([]);
    const sheets = [{ name: 'invoices', values: CSV.split('\n').map((line) => line.split(',')) }];
    const api = agingBreakdown(ageReceivables(sheets, { asOf: '2026-06-30', perRow: true }), 'F');
    expect(report.breakdowns?.[0]).toEqual(api);
  });

  it('prints a table with the buckets and a total row', async () => {
    const { code, out } = await run(file, '--as-of', '2026-06-30', '--by', 'Rep');
    expect(code).toBe(0);
    expect(out).toMatch(/Total\s+3\s+390\.50\s+100\.00\s+250\.50\s+40\.00/);
  });
});
