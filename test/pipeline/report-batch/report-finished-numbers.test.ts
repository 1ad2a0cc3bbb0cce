import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../pipeline/cli.js';

// Issue 17: the report's index in words, several currencies said as such, money at two decimals
// in report.html, and no float noise in the CSV files and summary.json.

const ACCOUNTS = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'data',
  'crm-opportunities',
  'accounts.csv',
);
const HAVE_ACCOUNTS = existsSync(ACCOUNTS);
if (!HAVE_ACCOUNTS) console.warn(`skipping report number tests: ${ACCOUNTS} is missing`);

describe.skipIf(!HAVE_ACCOUNTS)('pipecast report on accounts.csv and a two-currency ledger', () => {
  let root: string;
  let out: string;
  let code: number;
  let stderr = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'report-numbers-'));
    out = join(root, 'reports');
    const ledger = join(root, 'ledger.csv');
    await writeFile(
      ledger,
      [
        'Invoice,Customer,Invoice Date,Due Date,Amount,Currency',
        'F1,Acme,2024-01-10,2024-02-09,600,USD',
        'F2,Beta,2024-01-20,2024-02-19,700,EUR',
        '',
      ].join('\n'),
    );
    code = await main(
      ['report', ACCOUNTS, ledger, '--out', out, '--as-of', '2024-03-01', '--jobs', '1'],
      {
        stdout: () => {},
        stderr: (t) => (stderr += t),
        isTTY: false,
      },
    );
  }, 120_000);
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes both reports', () => {
    expect(code, stderr).toBe(0);
  });

  it('labels the index figures in words and says a per-currency figure is per currency', async () => {
    const index = await readFile(join(out, 'index.html'), 'utf8');
    const text = index.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('ABC customer classes: A share of revenue 80.1%');
    expect(text).toContain('ABC customer classes: Revenue 169,543.80');
    expect(text).toContain('Receivables aging: Open 2 currencies: see each');
    expect(text).toContain('Receivables aging: Overdue share 2 currencies: see each');
    expect(text).toContain('Receivables aging: Currencies 2');
    expect(text).not.toMatch(/aValueShare|overdueShare|dsoStandard/);
  });

  it('writes money in CSV and summary.json as cents, without float noise', async () => {
    // Σ revenue of accounts.csv is 169,543.80 (85 values with two decimals); summed in float64
    // it is 169543.80000000002.
    const classes = await readFile(join(out, 'accounts', 'abc-classes.csv'), 'utf8');
    const customers = await readFile(join(out, 'accounts', 'abc-customers.csv'), 'utf8');
    const summary = await readFile(join(out, 'accounts', 'summary.json'), 'utf8');
    const batch = await readFile(join(out, 'summary.json'), 'utf8');
    for (const text of [classes, customers, summary, batch])
      expect(text).not.toMatch(/\d\.\d*(0000000\d|9999999\d)/);
    const headline = (
      JSON.parse(summary) as { analyses: { name: string; headline: { total?: number } }[] }
    ).analyses.find((analysis) => analysis.name === 'abc')?.headline;
    expect(headline?.total).toBe(169543.8);
  });

  it('shows money in report.html at two decimals, counts grouped, shares as percents', async () => {
    const html = await readFile(join(out, 'accounts', 'report.html'), 'utf8');
    // Class C: 27 customers, 8,394.40 of revenue (abc-classes.csv), 5.0% of it.
    expect(html).toContain('<td class="num">8,394.40</td>');
    expect(html).not.toContain('<td class="num">8,394.4</td>');
    expect(html).toContain('<dd>169,543.80</dd>');
    expect(html).toMatch(/<td class="num">5\.0%<\/td>/);
  });
});
