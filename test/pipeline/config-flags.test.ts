import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import { expandConfigFlag } from '../../pipeline/config-flags.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
let root: string;
let good: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pipecast-config-flags-'));
  good = join(root, 'pipecast.json');
  await writeFile(
    good,
    JSON.stringify({
      sheets: { Invoices: 'invoice' },
      forecast: { template: 'six', quota: 1000000, seed: 7 },
      aging: { buckets: [30, 60], dsoDays: 60 },
      segments: { cutPoints: [0.7, 0.9], by: 'revenue' },
    }),
  );
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  return { code: await main(argv, io), out, err: err };
}

describe('expandConfigFlag', () => {
  it('turns the config keys of each command into its flags; flags on the line win', async () => {
    expect(await expandConfigFlag('forecast', ['f.xlsx', '--config', good, '--seed', '3'])).toEqual(
      ['f.xlsx', '--seed', '3', '--template', 'six', '--quota', '1000000'],
    );
    expect(await expandConfigFlag('aging', [`--config=${good}`, 'f.xlsx'])).toEqual([
      'f.xlsx',
      '--sheet',
      'Invoices',
      '--buckets',
      '30,60',
      '--dso-days',
      '60',
    ]);
    // Shares in the config (0.7), percents on the command line (70); segments.by is the older
    // name of segments.measure.
    expect(await expandConfigFlag('segment', ['f.xlsx', '--config', good])).toEqual([
      'f.xlsx',
      '--measure',
      'revenue',
      '--cut-points',
      '70,90',
    ]);
  });

  it('leaves report alone: it reads the config itself', async () => {
    expect(await expandConfigFlag('report', ['d', '--config', good])).toEqual([
      'd',
      '--config',
      good,
    ]);
  });
});

describe('--config on every command', () => {
  it.each(['inspect', 'forecast', 'segment', 'aging'])(
    '%s refuses a config with an unknown key, naming the file and the key, exit 1',
    async (command) => {
      const bad = join(root, `bad-${command}.json`);
      await writeFile(bad, JSON.stringify({ aging: { bucket: [30] } }));
      const result = await run([command, join(SAMPLES, 'pipeline-en.xlsx'), '--config', bad]);
      expect(result.code).toBe(1);
      expect(result.err).toBe(
        `pipecast ${command}: ${bad}: aging.bucket is not a known key (known: by, buckets, groupBy, provisionRates, netMargin, currency, dsoDays)\n`,
      );
    },
  );

  it('forecast takes the quota from the config into its quota coverage', async () => {
    const result = await run([
      'forecast',
      join(SAMPLES, 'pipeline-en.xlsx'),
      '--as-of',
      '2026-06-30',
      '--config',
      good,
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as {
      quota?: { rows: { owner: string; quota: number; remaining: number }[] };
    };
    // Remaining = quota − won: 1,000,000 − 648,000 won in the sample = 352,000.
    expect(json.quota?.rows[0]).toMatchObject({ owner: 'team', quota: 1000000, remaining: 352000 });
  });
});
