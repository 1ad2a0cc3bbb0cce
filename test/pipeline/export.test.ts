import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { fromArrow } from 'arquero';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';

// Six-stage rates (core/funnel/stage-templates.ts): Compare 30%, Commit 50%, Design 20%.
const CSV = [
  'Deal,Stage,Amount,Close date,Industry',
  'D1,Compare,1000,2026-07-15,Retail',
  'D2,Commit,2000,2026-08-01,Retail',
  'D3,Design,500,2026-07-20,',
  'D4,Won,4000,2026-05-01,Energy',
].join('\n');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(['export', ...args], io);
  return { code, out, err };
}

let dir = '';
let file = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-export-'));
  file = join(dir, 'deals.csv');
  await writeFile(file, CSV);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('pipecast export', () => {
  it('writes Arrow that arquero reads back with the same values and types', async () => {
    const out = join(dir, 'arrow');
    expect((await run(file, '--as-of', '2026-06-30', '--out', out, '--format', 'arrow')).code).toBe(
      0,
    );
    const deals = fromArrow(await readFile(join(out, 'deals.arrow')));
    expect(deals.numRows()).toBe(4);
    // D1: 1000 × 30% = 300; D2: 2000 × 50% = 1000; D4 won: no weight.
    expect(deals.array('weighted')).toEqual([300, 1000, 100, null]);
    expect(deals.array('category')).toEqual(['best-case', 'commit', 'pipeline', 'closed']);
    expect(deals.array('inFunnel')).toEqual([true, true, true, false]);
    expect(deals.array('Industry')).toEqual(['Retail', 'Retail', null, 'Energy']);
    expect(typeof deals.get('amount', 0)).toBe('number');
  });

  it('writes CSV that DuckDB groups to the forecast’s totals', async () => {
    const out = join(dir, 'csv');
    expect((await run(file, '--as-of', '2026-06-30', '--out', out, '--format', 'csv')).code).toBe(
      0,
    );
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const reader = await connection.runAndReadAll(
      `SELECT Industry, count(*) AS n, sum(weighted) AS weighted FROM read_csv('${join(out, 'deals.csv')}')
       WHERE inFunnel GROUP BY Industry ORDER BY Industry NULLS LAST`,
    );
    // Retail: D1 + D2 = 300 + 1000; blank: D3 = 500 × 20% = 100.
    expect(
      reader.getRowObjects().map((row) => [row.Industry, Number(row.n), Number(row.weighted)]),
    ).toEqual([
      ['Retail', 2, 1300],
      [null, 1, 100],
    ]);
    connection.closeSync();
  });

  it('writes the open invoices of a ledger, read back with their types', async () => {
    const ledger = join(dir, 'ledger.csv');
    // As of 2026-06-30, A is 20 days past due (1–30); B, due 2026-07-15, is Current.
    await writeFile(
      ledger,
      'Invoice,Customer,Invoice date,Due date,Amount,Rep\nA,C1,2026-05-11,2026-06-10,250.5,Li\nB,C2,2026-06-15,2026-07-15,100,Wang\n',
    );
    const out = join(dir, 'ledger-arrow');
    const { code, out: said } = await run(
      ledger,
      '--as-of',
      '2026-06-30',
      '--out',
      out,
      '--format',
      'arrow',
    );
    expect(code).toBe(0);
    expect(said).not.toContain('deals');
    const invoices = fromArrow(await readFile(join(out, 'invoices.arrow')));
    expect(invoices.array('invoice')).toEqual(['A', 'B']);
    expect(Array.from(invoices.array('open') as ArrayLike<number>)).toEqual([250.5, 100]);
    expect(Array.from(invoices.array('daysPastDue') as ArrayLike<number>)).toEqual([20, -15]);
    expect(invoices.array('bucket')).toEqual(['1–30', 'Current']);
    expect(invoices.array('Rep')).toEqual(['Li', 'Wang']);
  });

  it('refuses to write into the input’s folder', async () => {
    const { code, err } = await run(file, '--as-of', '2026-06-30', '--out', dir);
    expect(code).toBe(1);
    expect(err).toMatch(/--out .* contains the input/);
  });
});
