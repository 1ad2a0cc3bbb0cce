import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import { readInputPath } from '../../pipeline/read-input-path.js';

const CRM = fileURLToPath(new URL('../../../shared/data/crm-opportunities', import.meta.url));
const RECEIVABLES = fileURLToPath(new URL('../../../shared/data/receivables', import.meta.url));
const HAVE_DATA = existsSync(CRM) && existsSync(RECEIVABLES);
if (!HAVE_DATA) console.warn(`skipping folder runs on shared data: ${CRM} is missing`);

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pipecast-input-path-'));
  await writeFile(join(root, 'b.csv'), 'Stage,Amount\nProposal,100\n');
  await writeFile(join(root, 'a.csv'), 'Customer,Revenue\nAcme,5\n');
  await writeFile(join(root, 'notes.md'), 'not data\n');
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('readInputPath', () => {
  it('reads every data file of a folder in name order, sheets named after their file', async () => {
    const sheets = await readInputPath(root);
    expect(sheets.map((s) => s.sheet)).toEqual(['a', 'b']);
    expect(sheets[1]?.file).toBe(join(root, 'b.csv'));
  });

  it('with a sheet name, keeps only that sheet of each file', async () => {
    expect((await readInputPath(root, { sheet: 'B' })).map((s) => s.sheet)).toEqual(['b']);
  });

  it('refuses a folder with no data file, naming it and the extensions read', async () => {
    const empty = join(root, 'empty');
    await (await import('node:fs/promises')).mkdir(empty);
    await expect(readInputPath(empty)).rejects.toThrow(
      /empty.*holds no file pipecast reads \(\.xlsx, \.xlsm, \.csv, \.tsv\)/,
    );
  });
});

describe.skipIf(!HAVE_DATA)('folders given to forecast, aging and inspect', () => {
  it('inspect lists the sheets of every file of ../shared/data/crm-opportunities', async () => {
    const result = await run(['inspect', CRM]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    for (const name of ['accounts', 'products', 'sales_pipeline', 'sales_teams'])
      expect(result.out).toContain(`Sheet "${name}"`);
    expect(result.out).not.toContain('unsupported file type');
  });

  it('forecast finds the pipeline among the CRM files', async () => {
    const result = await run(['forecast', CRM, '--as-of', '2017-09-30']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('sales_pipeline.csv');
  });

  it('aging reads the receivables folder', async () => {
    const result = await run(['aging', RECEIVABLES, '--as-of', '2014-12-31', '--json']);
    expect(result.err).not.toContain('unsupported file type');
    expect(result.code).toBe(0);
  });
});
