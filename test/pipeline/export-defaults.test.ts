import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';

const CRM = fileURLToPath(new URL('../../../shared/data/crm-opportunities', import.meta.url));
const HAVE_CRM = existsSync(join(CRM, 'sales_pipeline.csv'));
if (!HAVE_CRM) console.warn(`skipping export of the CRM folder: ${CRM} is missing`);
const SAMPLE_ZH = fileURLToPath(new URL('../../samples/pipeline-zh.xlsx', import.meta.url));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(['export', ...args], io);
  return { code, out, err };
}

function csvRows(text: string): Record<string, string>[] {
  return parse(text, { columns: true }) as Record<string, string>[];
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-export-defaults-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('pipecast export without --as-of', () => {
  it('takes the as-of date from the data and says so', async () => {
    // samples/make-samples.ts: the pipeline's last recorded event is 2026-06-30.
    const { code, out, err } = await run(SAMPLE_ZH, '--out', join(dir, 'zh'), '--locale', 'en');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out.split('\n')[0]).toBe(
      'As of 2026-07-01 (the day after the last recorded event in the data, 2026-06-30; pass --as-of to fix it)',
    );
  });

  it('reads a folder, and measures all its tables on one day: the last event of any kind', async () => {
    const folder = join(dir, 'ledger');
    await mkdir(folder);
    await writeFile(
      join(folder, 'orders.csv'),
      'Customer,Order,Date,Amount\nC1,O1,2026-01-05,100\nC2,O2,2026-03-10,250\n',
    );
    await writeFile(
      join(folder, 'invoices.csv'),
      'Invoice No,Customer,Invoice Date,Due Date,Amount\nI1,C1,2026-04-20,2026-05-20,300\nI2,C2,2026-02-01,2026-03-01,80\n',
    );
    const out = join(dir, 'ledger-out');
    const said = await run(folder, '--out', out);
    expect({ code: said.code, err: said.err }).toEqual({ code: 0, err: '' });
    // The last event is invoice I1 of 2026-04-20 (a later day than any order line).
    expect(said.out).toContain('As of 2026-04-21');
    const invoices = csvRows(await readFile(join(out, 'invoices.csv'), 'utf8'));
    // I2 due 2026-03-01: 30 days to 03-31, 21 more to 04-21 = 51 days past due.
    expect(invoices.find((row) => row.invoice === 'I2')?.daysPastDue).toBe('51');
    const customers = csvRows(await readFile(join(out, 'customers.csv'), 'utf8'));
    // C2's last order 2026-03-10: 21 days to 03-31, 21 more to 04-21 = 42, on the same as-of.
    expect(customers.find((row) => row.id === 'C2')?.recency).toBe('42');
  });

  it('refuses, naming the file, when no record has a date', async () => {
    const undated = join(dir, 'undated.csv');
    await writeFile(undated, 'Deal,Stage,Amount\nD1,Compare,1000\n');
    const { code, err } = await run(undated, '--out', join(dir, 'undated-out'));
    expect(code).toBe(1);
    expect(err).toBe(
      `pipecast export: ${undated}: no as-of date: no dated record found; pass --as-of YYYY-MM-DD\n`,
    );
  });
});

describe.skipIf(!HAVE_CRM)('pipecast export of the CRM folder (../shared/data)', () => {
  it('reads the folder as forecast does, joining its tables', async () => {
    const out = join(dir, 'crm');
    const { code, err } = await run(CRM, '--out', out);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const deals = csvRows(await readFile(join(out, 'deals.csv'), 'utf8'));
    // sales_pipeline.csv has 8,800 data rows (wc -l: 8,801 with the header).
    expect(deals).toHaveLength(8800);
    // The teams table joined by sales_agent brings the manager column.
    expect(Object.keys(deals[0]!)).toContain('manager');
  });
});
