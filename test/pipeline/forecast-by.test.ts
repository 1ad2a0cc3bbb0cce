import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecast as forecastApi, forecastBreakdown } from '../../core/index.js';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import type { ForecastJson } from '../../pipeline/commands/forecast.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

// Six-stage rates (core/funnel/stage-templates.ts): Design 20%, Compare 30%, Commit 50%.
const CSV = [
  'Deal,Stage,Amount,Close date,行业',
  'D1,Compare,1000,2026-07-15,零售',
  'D2,Commit,2000,2026-08-01,零售 ',
  'D3,Design,500,2026-07-20,',
  'D4,Won,4000,2026-05-01,零售',
  'D5,Design,300,2026-09-01,能源',
].join('\n');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(['forecast', ...args], io);
  return { code, out, err };
}

let dir = '';
let file = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-by-'));
  file = join(dir, 'deals.csv');
  await writeFile(file, CSV);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('pipecast forecast --by', () => {
  it('lists the breakdown in --json, the same as the API gives', async () => {
    const { code, out } = await run(file, '--as-of', '2026-06-30', '--by', '行业', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as ForecastJson;
    // 零售 = D1 + D2: 3000, weighted 1000 × 30% + 2000 × 50% = 1300; blank = D3: 500 × 20% = 100;
    // 能源 = D5: 300 × 20% = 60. D4 is won, outside the funnel.
    expect(json.breakdowns).toEqual([
      {
        by: '行业',
        column: '行业',
        // 行业 is column E.
        columnIndex: 4,
        rows: [
          { key: '零售', count: 2, amount: 3000, weighted: 1300 },
          { key: null, count: 1, amount: 500, weighted: 100 },
          { key: '能源', count: 1, amount: 300, weighted: 60 },
        ],
      },
    ]);
    expect(json.totals).toMatchObject({ count: 4, amount: 3800, weighted: 1460 });
    const sheets = [{ name: 'deals', values: CSV.split('\n').map((line) => line.split(',')) }];
    const apiRun = forecastApi(sheets, { asOf: '2026-06-30', perRow: true });
    expect(forecastBreakdown(apiRun!, '行业')).toEqual(json.breakdowns?.[0]);
  });

  it('prints a table per column, with its total, and takes column letters', async () => {
    const { code, out } = await run(file, '--as-of', '2026-06-30', '--by', 'E', '--by', 'stage');
    expect(code).toBe(0);
    expect(out).toContain('By 行业');
    expect(out).toMatch(/\(blank\)\s+1\s+500\.00\s+100\.00/);
    expect(out).toMatch(/Total\s+4\s+3,800\.00\s+1,460\.00/);
    expect(out).toContain('By Stage');
  });

  it('takes a header in the other language: --by Industry finds 行业', async () => {
    const { code, out } = await run(file, '--as-of', '2026-06-30', '--by', 'Industry', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as ForecastJson;
    // The same rows as --by 行业 above.
    expect(json.breakdowns?.[0]).toMatchObject({ by: 'Industry', column: '行业' });
    expect(json.breakdowns?.[0]?.rows.map((row) => row.key)).toEqual(['零售', null, '能源']);
  });

  it('shows the sample workbooks’ close dates as dates, and finds 区域 by "Region"', async () => {
    const zh = join(SAMPLES, 'pipeline-zh.xlsx');
    const dated = await run(zh, '--as-of', '2026-06-30', '--by', '预计成交日期', '--json');
    expect(dated.code).toBe(0);
    const keys = (JSON.parse(dated.out) as ForecastJson).breakdowns?.[0]?.rows.map((r) => r.key);
    // The sample's close dates are date cells at midnight: each key is the day alone (or null,
    // the row of deals without one).
    expect(keys?.length).toBeGreaterThan(10);
    for (const key of keys ?? []) if (key !== null) expect(key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const english = await run(zh, '--as-of', '2026-06-30', '--by', 'Region', '--json');
    const chinese = await run(zh, '--as-of', '2026-06-30', '--by', '区域', '--json');
    const region = (JSON.parse(english.out) as ForecastJson).breakdowns?.[0];
    expect(region?.column).toBe('区域');
    expect(region?.rows).toEqual((JSON.parse(chinese.out) as ForecastJson).breakdowns?.[0]?.rows);
    const text = await run(
      join(SAMPLES, 'pipeline-en.xlsx'),
      '--as-of',
      '2026-06-30',
      '--by',
      '区域',
    );
    expect(text.out).toContain('By Region');
  });

  it('shows each sheet column once, where first named: Region, 区域 and D are one column', async () => {
    const zh = join(SAMPLES, 'pipeline-zh.xlsx');
    const args = ['--as-of', '2026-06-30', '--by', 'Region', '--by', '区域', '--by', 'D'];
    const text = await run(zh, ...args, '--by', 'E', '--by', '产品');
    expect(text.code).toBe(0);
    // pipeline-zh.xlsx is headed 商机编号, 客户名称, 负责人, 区域 (D), 产品 (E), …: two tables.
    expect(text.out.match(/按「区域」/g)).toHaveLength(1);
    expect(text.out.match(/按「产品」/g)).toHaveLength(1);
    expect(text.out.indexOf('按「区域」')).toBeLessThan(text.out.indexOf('按「产品」'));
    const json = JSON.parse((await run(zh, ...args, '--json')).out) as ForecastJson;
    // The one kept is the first named: "Region", resolved to 区域.
    expect(json.breakdowns?.map((b) => [b.by, b.column])).toEqual([['Region', '区域']]);
  });

  it('shows a column named by header and letter once (E is 行业)', async () => {
    const { code, out } = await run(file, '--as-of', '2026-06-30', '--by', '行业', '--by', 'e');
    expect(code).toBe(0);
    expect(out.match(/By 行业/g)).toHaveLength(1);
  });

  it('heads a breakdown by a column the deals table also has with the header alone', async () => {
    const { code, out } = await run(file, '--as-of', '2026-06-30', '--by', 'Stage');
    expect(code).toBe(0);
    expect(out).toContain('By Stage\n');
    expect(out).not.toContain('Stage (B)');
  });

  it('names the columns when --by matches none', async () => {
    const { code, err } = await run(file, '--as-of', '2026-06-30', '--by', 'Country');
    expect(code).toBe(1);
    expect(err).toMatch(/no column "Country".*Deal, Stage, Amount/);
  });
});
