import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageReceivables, agingBreakdown, agingBreakdowns } from '../../core/index.js';
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

// Two currencies: A and C in CNY, B in USD; D a CNY credit note of Wang's, 51 days past due
// (in 31–60, where C's 40 is owed).
const LEDGER = [
  'Invoice,Customer,Invoice date,Due date,Amount,Currency,Rep',
  'A,C1,2026-06-15,2026-07-15,100,CNY,Li',
  'B,C2,2026-05-11,2026-06-10,250.5,USD,Li',
  'C,C3,2026-04-01,2026-05-01,40,CNY,Wang',
  'D,C1,2026-04-10,2026-05-10,-30,CNY,Wang',
].join('\n');

let dir = '';
let file = '';
let ledger = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-aging-by-'));
  file = join(dir, 'invoices.csv');
  await writeFile(file, CSV);
  ledger = join(dir, 'ledger.csv');
  await writeFile(ledger, LEDGER);
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

  it('breaks each currency down apart, credits in their own column, totals as the aging', async () => {
    const { code, out } = await run(ledger, '--as-of', '2026-06-30', '--by', 'Rep');
    expect(code).toBe(0);
    // The aging's CNY table: Current 100, 31–60 40, Credits −30, Open 110.
    expect(out).toMatch(/31–60\s+40\.00\s+1\n[^]*Credits\s+-30\.00\s+1\n[^]*Open\s+110\.00\s+3/);
    const cny = out.slice(out.indexOf('By Rep (CNY)'), out.indexOf('By Rep (USD)'));
    // Columns: items, open, Current, 1–30, 31–60, 61–90, 91–180, 181+, credits.
    expect(cny).toMatch(/Wang\s+2\s+10\.00\s+0\.00\s+0\.00\s+40\.00(\s+0\.00){3}\s+-30\.00/);
    expect(cny).toMatch(/Total\s+3\s+110\.00\s+100\.00\s+0\.00\s+40\.00(\s+0\.00){3}\s+-30\.00/);
    expect(out.slice(out.indexOf('By Rep (USD)'))).toMatch(/Total\s+1\s+250\.50\s+0\.00\s+250\.50/);
  });

  it('gives each breakdown its currency in --json, as agingBreakdowns does', async () => {
    const { code, out } = await run(ledger, '--as-of', '2026-06-30', '--by', 'Rep', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as AgingReportWithBreakdowns;
    const sheets = [{ name: 'ledger', values: LEDGER.split('\n').map((line) => line.split(',')) }];
    const api = agingBreakdowns(
      ageReceivables(sheets, { asOf: '2026-06-30', perRow: true }),
      'Rep',
    );
    expect(report.breakdowns?.map((b) => b.currency)).toEqual(['CNY', 'USD']);
    expect(report.breakdowns).toEqual(api);
  });

  it('breaks a column named twice (header and letter) down once, each currency once', async () => {
    // LEDGER's columns: Invoice A … Currency F, Rep G; "Rep", "G" and "rep" are one column.
    const args = [ledger, '--as-of', '2026-06-30', '--by', 'Rep', '--by', 'G', '--by', 'rep'];
    const json = JSON.parse((await run(...args, '--json')).out) as AgingReportWithBreakdowns;
    expect(json.breakdowns?.map((b) => [b.by, b.column, b.currency])).toEqual([
      ['Rep', 'Rep', 'CNY'],
      ['Rep', 'Rep', 'USD'],
    ]);
    const { out } = await run(...args);
    expect(out.match(/By Rep \(CNY\)/g)).toHaveLength(1);
    expect(out.match(/By Rep \(USD\)/g)).toHaveLength(1);
  });

  it('gives one breakdown in the base currency with --base and --rates', async () => {
    const args = [
      ledger,
      '--as-of',
      '2026-06-30',
      '--by',
      'Rep',
      '--base',
      'CNY',
      '--rates',
      'USD=7',
    ];
    const { code, out } = await run(...args);
    expect(code).toBe(0);
    // Li = A 100 + B 250.5 × 7 = 1,853.50; Wang 40 − 30 = 10. One table, titled without currency.
    expect(out).toContain('By Rep\n');
    expect(out).not.toContain('By Rep (');
    expect(out).toMatch(
      /Total\s+4\s+1,863\.50\s+100\.00\s+1,753\.50\s+40\.00(\s+0\.00){3}\s+-30\.00/,
    );
  });
});
