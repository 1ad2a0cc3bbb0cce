import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.js';
import type { CliIo } from '../../pipeline/cli-io.js';

const CRM = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'crm-opportunities');
const ACCOUNTS = join(CRM, 'accounts.csv');
const HAVE_ACCOUNTS = existsSync(ACCOUNTS);
if (!HAVE_ACCOUNTS) console.warn(`skipping segment tests on real exports: ${ACCOUNTS} is missing`);

async function segmentCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(['segment', ...args], io);
  return { code, out, err };
}

interface ScoredRow {
  id: string;
  total: number;
  rank: number;
  tier: string;
}

describe.skipIf(!HAVE_ACCOUNTS)('pipecast segment --method scorecard on the CRM accounts', () => {
  it('scales a raw revenue column instead of scoring every revenue above 100 as 1', async () => {
    const { code, out } = await segmentCli(
      ACCOUNTS,
      '--method',
      'scorecard',
      '--criteria',
      'revenue:100',
      '--json',
    );
    expect(code).toBe(0);
    const output = JSON.parse(out) as {
      customers: ScoredRow[];
      summary: { criteria: { scale: string; scaleSource: string }[] };
      warnings: unknown[];
    };
    // accounts.csv: 85 accounts; the largest revenue is Kan-code 11,698.03, the next Hottechi
    // 8,170.38, the smallest Condax 4.54. Percentile rank: 100 − 99 × better ÷ (85 − 1).
    expect(output.summary.criteria[0]).toMatchObject({
      scale: 'rank',
      scaleSource: 'column-not-score',
    });
    const byId = new Map(output.customers.map((row) => [row.id, row]));
    expect(byId.get('Kan-code')).toMatchObject({ rank: 1, total: 100, tier: 'strategic' });
    expect(byId.get('Hottechi')!.total).toBeCloseTo(100 - 99 / 84, 6);
    expect(byId.get('Condax')).toMatchObject({ rank: 85, total: 1, tier: 'ordinary' });
    expect(output.warnings).toEqual([]);
  });

  it('accepts name:weight:low and scores the oldest account best on year established', async () => {
    const { code, out } = await segmentCli(
      ACCOUNTS,
      '--method',
      'scorecard',
      '--criteria',
      'year_established:100:low',
      '--json',
    );
    expect(code).toBe(0);
    const output = JSON.parse(out) as { customers: ScoredRow[] };
    // The oldest account is Zotware (1979), then Konex (1980).
    expect(output.customers.slice(0, 2).map((row) => row.id)).toEqual(['Zotware', 'Konex']);
    expect(output.customers[0]!.total).toBe(100);
    expect(output.customers[1]!.total).toBeCloseTo(100 - 99 / 84, 6);
  });

  it('says in the text output how each criterion was scaled', async () => {
    const { out } = await segmentCli(
      ACCOUNTS,
      '--method',
      'scorecard',
      '--criteria',
      'revenue:60,year_established:40:low',
    );
    expect(out).toContain(
      'revenue 60%: scaled by percentile rank to 1–100 (the column is not a 1–100 score), higher is better',
    );
    expect(out).toContain('year_established 40%: scaled by percentile rank');
    expect(out).toContain('lower is better');
  });
});
