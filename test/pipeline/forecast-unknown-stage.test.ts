import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import type { ForecastJson } from '../../pipeline/commands/forecast.js';
import { buildWorkbookReport } from '../../pipeline/report/build-workbook-report.js';

/**
 * A Salesforce-style export (issue 17): two deals in 'Discovery Call', a stage Salesforce's model
 * lacks, one with a probability; the others with the file's Probability (%) column.
 */
const EXPORT = [
  'Opportunity Name,Stage,Amount,Probability (%),Close Date',
  'O1,Prospecting,1000,20,2024-09-30',
  'O2,Prospecting,3000,60,2024-09-30',
  'O3,Negotiation/Review,2000,,2024-09-30',
  'O4,Discovery Call,500,,2024-09-30',
  'O5,Discovery Call,300,40,2024-09-30',
  'O6,Closed Won,700,100,2024-06-15',
].join('\n');

// Hand calculation, Salesforce defaults (core/funnel/crm-stage-templates.ts):
// Prospecting 1000 × 20% + 3000 × 60% = 2,000 weighted of 4,000, so 50% from the file;
// Negotiation/Review 2000 × 90% (stage rate) = 1,800; Unknown stage 500 + 300 = 800, weighted
// 300 × 40% = 120 (own probability only). Totals: 5 deals, 6,800, weighted 3,920.
const TOTALS = { count: 5, amount: 6800, weighted: 3920 };

let dir = '';
let csv = '';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(args, io);
  return { code, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-unknown-stage-'));
  csv = join(dir, 'opportunities.csv');
  await writeFile(csv, `${EXPORT}\n`);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('forecast: deals in a stage the model lacks (issue 17)', () => {
  it('text: an Unknown stage row before the total, the file probability column labelled so', async () => {
    const { code, out } = await cli('forecast', csv, '--as-of', '2024-07-01');
    expect(code).toBe(0);
    expect(out).toMatch(/Template: Salesforce/);
    expect(out).toMatch(/Stage\s+Probability \(from file\)\s+Stage rate\s+Count/);
    expect(out).toMatch(/Prospecting\s.*50\.0%\s+10\.0%\s+2\s+4,000\.00\s+2,000\.00/);
    expect(out).toMatch(/^Unknown stage\s+40\.0%\s+—\s+2\s+800\.00\s+120\.00/m);
    expect(out).toMatch(/Total\s+5\s+6,800\.00\s+3,920\.00/);
    expect(out).toMatch(/Discovery Call.*"Unknown stage" row/);
  });

  it('--json: unknownStage row, totals including it, per-stage probabilityFromFile', async () => {
    const { code, out } = await cli('forecast', csv, '--as-of', '2024-07-01', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as ForecastJson;
    expect(json.totals).toEqual(TOTALS);
    expect(json.unknownStage).toMatchObject({ count: 2, amount: 800, weighted: 120 });
    expect(json.stages[0]).toMatchObject({ name: 'Prospecting', probabilityFromFile: 0.5 });
    const warning = json.warnings.find((w) => w.code === 'unknown-stage');
    expect(warning).toMatchObject({ raw: 'Discovery Call', count: 2 });
  });

  it.each(['en', 'zh'] as const)(
    'report (%s): forecast-stages.csv and results.xlsx have the unknown row and add up',
    async (locale) => {
      const out = join(dir, `report-${locale}`);
      await buildWorkbookReport(csv, out, { asOf: '2024-07-01', locale });
      const stagesCsv = await readFile(join(out, 'forecast-stages.csv'), 'utf8');
      const unknownLabel = locale === 'zh' ? '未知阶段' : 'Unknown stage';
      const header = locale === 'zh' ? '赢率(来自文件)' : 'Probability (from file)';
      expect(stagesCsv.split(/\r?\n/)[0]).toContain(header);
      expect(stagesCsv).toMatch(new RegExp(`${unknownLabel},0\\.4,,2,800(\\.00)?,120(\\.00)?`));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(out, 'results.xlsx'));
      const sheet = workbook.getWorksheet('Forecast')!;
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      const unknownRow = rows.find((row) => row[0] === unknownLabel);
      expect(unknownRow?.slice(0, 6)).toEqual([unknownLabel, 0.4, undefined, 2, 800, 120]);
      const totalRow = rows.find((row) => row[0] === (locale === 'zh' ? '合计' : 'Total'));
      expect(totalRow?.slice(3, 6)).toEqual([5, 6800, 3920]);
    },
  );
});
