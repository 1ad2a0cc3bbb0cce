import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.js';
import type { CliIo } from '../../pipeline/cli-io.js';
import type { ReportBatchSummary } from '../../pipeline/report/batch/report-batch-model.js';

const DAY = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'data',
  'online-retail',
  'by-day',
  '2010-12-01.csv',
);
const HAVE_DAY = existsSync(DAY);
if (!HAVE_DAY) console.warn(`skipping as-of-from-data report test: ${DAY} is missing`);

describe.skipIf(!HAVE_DAY)('pipecast report without --as-of on 2010 retail orders', () => {
  it('measures RFM at the day after the last order line, not at the machine date', async () => {
    let out = '';
    const io: CliIo = { stdout: (t) => (out += t), stderr: () => undefined, isTTY: false };
    const dir = join(await mkdtemp(join(tmpdir(), 'as-of-')), 'out');
    const code = await main(['report', DAY, '--out', dir, '--json'], io);
    expect(code).toBe(0);
    const summary = JSON.parse(out) as ReportBatchSummary;
    // Every line of 2010-12-01.csv is dated 2010-12-01: as of the next day.
    expect(summary).toMatchObject({ asOf: null, asOfSource: 'data' });
    expect(summary.files[0]).toMatchObject({ asOf: '2010-12-02', state: 'reported' });
    expect(summary.files[0]!.headline.rfm).toMatchObject({ asOf: '2010-12-02' });
  }, 60_000);
});
