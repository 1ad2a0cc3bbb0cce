import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../pipeline/cli-io.js';
import { forecastCommand, type ForecastJson } from '../../../pipeline/commands/forecast.js';
import {
  buildWorkbookReport,
  type WorkbookReportSummary,
} from '../../../pipeline/report/build-workbook-report.js';

// The forecast section's categories, roll-ups, quota, KPIs, win rates and hygiene lists, checked
// against what `pipecast forecast --json` computes for the same file (no --as-of on either side:
// both take the day after the pipeline's last event, 2026-07-01 for the samples).

const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));
const QUOTA = 2_000_000;
let root: string;
const report: Record<'en' | 'zh' | 'many', WorkbookReportSummary> = {} as never;
const cli: Record<'en' | 'zh', ForecastJson> = {} as never;

async function forecastJson(args: string[]): Promise<ForecastJson> {
  let out = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: () => undefined, isTTY: false };
  expect(await forecastCommand([...args, '--json'], io)).toBe(0);
  return JSON.parse(out) as ForecastJson;
}

/**
 * Sixty open deals, all past their 2026-01-31 close date on 2026-07-01, amounts 1,000 … 60,000,
 * and two won deals and one lost.
 */
function manyPastCloseCsv(): string {
  const lines = ['Opportunity,Owner,Stage,Amount,Close date,Last activity'];
  for (let i = 1; i <= 60; i += 1)
    lines.push(`D-${String(i).padStart(2, '0')},Ann,Interest,${i * 1000},2026-01-31,2026-06-30`);
  // Three closed deals, too few to learn from unshrunk (fewer than 5).
  lines.push('W-1,Ann,Won,5000,2026-01-15,2026-01-15', 'W-2,Ann,Won,5000,2026-02-15,2026-02-15');
  lines.push('L-1,Ann,Lost,5000,2026-03-15,2026-03-15');
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pipecast-forecast-extras-'));
  const many = join(root, 'many.csv');
  await writeFile(many, manyPastCloseCsv());
  [report.en, report.zh, report.many, cli.en, cli.zh] = await Promise.all([
    buildWorkbookReport(join(SAMPLES, 'pipeline-en.xlsx'), join(root, 'en'), {}),
    buildWorkbookReport(join(SAMPLES, 'pipeline-zh.xlsx'), join(root, 'zh'), {
      config: { forecast: { quota: QUOTA } },
    }),
    buildWorkbookReport(many, join(root, 'many'), { asOf: '2026-07-01' }),
    forecastJson([join(SAMPLES, 'pipeline-en.xlsx')]),
    forecastJson([join(SAMPLES, 'pipeline-zh.xlsx'), '--quota', String(QUOTA)]),
  ]);
}, 180_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** A report CSV's rows (header first), cells as text. */
async function csvRows(dir: string, id: string): Promise<string[][]> {
  const text = (await readFile(join(root, dir, `${id}.csv`), 'utf8')).replace(/^\uFEFF/, '');
  return text.trimEnd().split('\r\n').map(csvCells);
}

/** One CSV line's cells: quoted cells unquoted ("" is one quote). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  return [...cells, cell];
}

/** The visible text of report.html's forecast section, one line per element. */
async function forecastSection(dir: string): Promise<string> {
  const html = await readFile(join(root, dir, 'report.html'), 'utf8');
  const start = html.indexOf('<section id="forecast"');
  const section = html.slice(start, html.indexOf('</section>', start));
  return section
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&amp;/g, '&')
    .replace(/\n+/g, '\n');
}

function headline(summary: WorkbookReportSummary): Record<string, unknown> {
  return summary.analyses.find((a) => a.name === 'forecast')!.headline;
}

describe('the report forecast section beside pipecast forecast --json (pipeline-en.xlsx)', () => {
  it('has the commit and best-case forecasts as tiles and headline figures', async () => {
    // CLI text for this file: "Commit forecast 1,297,000.00 · Best case 1,297,000.00".
    const { rollups } = cli.en.categories;
    expect(rollups.commitForecast).toBe(1_297_000);
    expect(headline(report.en)).toMatchObject({
      commitForecast: rollups.commitForecast,
      bestCaseForecast: rollups.bestCaseForecast,
    });
    expect(headline(report.en)).not.toHaveProperty('quota');
    const text = await forecastSection('en');
    expect(text).toContain('\nCommit forecast\n1,297,000.00\n');
    expect(text).toContain('\nBest case forecast\n1,297,000.00\n');
    expect(text).not.toContain('Quota coverage');
  });

  it('lists the five forecast categories with the CLI numbers', async () => {
    const rows = await csvRows('en', 'forecast-categories');
    expect(rows[0]).toEqual(['Category', 'Deals', 'Amount', 'Weighted']);
    expect(rows.slice(1)).toEqual(
      cli.en.categories.categories.map((c) => [
        c.name,
        String(c.count),
        String(c.amount),
        String(c.weighted),
      ]),
    );
    // Closed is the won deals: 10 for 648,000 (CLI "Won 10 (648,000.00)").
    expect(rows[4]).toEqual(['Closed', '10', '648000', '648000']);
  });

  it('says the bottleneck, cycle and velocity, win-rate basis and unqualified deals as the CLI does', async () => {
    const text = await forecastSection('en');
    expect(text).toContain(
      'Bottleneck: Design (dig into needs) — lowest conversion to the next stage: 57.4% of 47 deals that reached it',
    );
    expect(text).toContain('Average cycle: 100.8 days · Velocity: 16,745.28 per day');
    expect(text).toContain(
      'Win rates: learned from 18 closed deals (10 won), each placed by its last stage',
    );
    // CLI: "Unqualified deals: 19 (never in Commit)".
    expect(cli.en.categories.unqualified).toHaveLength(19);
    expect(text).toContain('19 unqualified open deals');
  });

  it('lists the learned win rates per stage with the deals they rest on', async () => {
    // Every stage rests on 11 or more closed deals: none is shrunk, so no "Shrunk" column.
    expect(cli.en.winRates.stages.some((rate) => rate.shrunk)).toBe(false);
    const rows = await csvRows('en', 'forecast-win-rates');
    expect(rows[0]).toEqual(['Stage', 'Template rate', 'Learned rate', 'Won', 'Closed deals (n)']);
    expect(
      rows.slice(1).map((row) => [row[0], Number(row[1]), Number(row[2]), ...row.slice(3)]),
    ).toEqual(
      cli.en.winRates.stages.map((rate, i) => [
        rate.name,
        cli.en.stages[i]!.rate,
        expect.closeTo(rate.rate!, 12),
        String(rate.won),
        String(rate.closed),
      ]),
    );
    // Interest: 10 won of 18 closed (CLI "learned from 18 closed deals (10 won)"), template 5%.
    expect(rows[1]!.slice(0, 2)).toEqual(['Interest (customer analysis)', '0.05']);
    expect(Number(rows[1]![2])).toBeCloseTo(10 / 18, 12);
  });

  it('lists 11 deals past close and 26 without activity, the CLI counts, largest amount first', async () => {
    // CLI text: "Hygiene: 11 past close date, 0 stuck, 26 without activity".
    const pastClose = await csvRows('en', 'forecast-past-close');
    const noActivity = await csvRows('en', 'forecast-no-activity');
    expect(pastClose).toHaveLength(1 + 11);
    expect(noActivity).toHaveLength(1 + 26);
    expect(pastClose[0]).toEqual([
      'Deal',
      'Owner',
      'Stage',
      'Amount',
      'Close date',
      'Days past close',
    ]);
    const ids = (rows: string[][]) =>
      rows
        .slice(1)
        .map((row) => row[0])
        .sort();
    expect(ids(pastClose)).toEqual(cli.en.hygiene.pastClose.map((d) => d.id).sort());
    expect(ids(noActivity)).toEqual(cli.en.hygiene.noActivity.map((d) => d.id).sort());
    const amounts = pastClose.slice(1).map((row) => Number(row[3]));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    // The largest: OPP-1028, 90,000, closing 2026-06-29, 2 days before 2026-07-01.
    const largest = cli.en.hygiene.pastClose.find((d) => d.id === 'OPP-1028')!;
    expect(pastClose[1]).toEqual([
      'OPP-1028',
      largest.owner,
      largest.stage,
      '90000',
      '2026-06-29',
      '2',
    ]);
    const text = await forecastSection('en');
    expect(text).toContain('\nPast close date (11)\n');
    expect(text).toContain('\nNo activity for over 30 days (26)\n');
  });

  it('says "none" for the empty stuck list instead of an empty table, and why', async () => {
    expect(cli.en.hygiene.stuck).toHaveLength(0);
    expect(report.en.files).not.toContain('forecast-stuck.csv');
    const text = await forecastSection('en');
    expect(text).not.toContain('\nStuck in stage (');
    // No deal has a stage-entered date: all 54 open deals go unchecked (CLI --json unchecked).
    expect(cli.en.hygiene.unchecked.stageEntered).toBe(54);
    expect(text).toContain('Stuck in stage: none; 54 not checked (no stage-entered date)');
  });

  it('puts the new tables on the Forecast sheet of results.xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(root, 'en', 'results.xlsx'));
    const titles: unknown[] = [];
    workbook.getWorksheet('Forecast')!.eachRow((row) => titles.push(row.getCell(1).value));
    for (const title of [
      'Forecast categories',
      'Win rates learned from closed deals',
      'Past close date (11)',
      'No activity for over 30 days (26)',
    ])
      expect(titles).toContain(title);
  });
});

describe('the Chinese report forecast section with a quota (pipeline-zh.xlsx)', () => {
  it('shows quota, coverage and gap as pipecast forecast --quota computes them', async () => {
    // CLI text: "销售指标 2,000,000.00：已赢单 577,000.00，尚需 1,423,000.00；覆盖率 2.46×（在途漏斗金额
    // 3,501,000.00 ÷ 尚需完成的指标）；缺口 824,900.00" — 3,501,000 ÷ 1,423,000 = 2.460…;
    // 2,000,000 − 577,000 − 598,100 = 824,900.
    const total = cli.zh.quota!.total;
    expect(total.gap).toBe(824_900);
    expect(headline(report.zh)).toMatchObject({
      quota: QUOTA,
      quotaCoverage: total.coverage,
      quotaGap: total.gap,
      commitForecast: cli.zh.categories.rollups.commitForecast,
      bestCaseForecast: cli.zh.categories.rollups.bestCaseForecast,
    });
    const text = await forecastSection('zh');
    expect(text).toContain('\n销售指标\n2,000,000.00\n');
    expect(text).toContain(
      '\n指标覆盖率\n2.46×\n在途漏斗金额 3,501,000.00 ÷ 尚需完成的指标 1,423,000.00\n',
    );
    expect(text).toContain('\n指标缺口\n824,900.00\n指标 − 已赢单 − 加权预测\n');
    // CLI: "承诺预测 833,000.00 · 最佳情况 1,004,000.00".
    expect(text).toContain('\n承诺预测\n833,000.00\n');
    expect(text).toContain('\n最佳情况预测\n1,004,000.00\n');
  });

  it('labels the categories, win rates and hygiene lists in Chinese', async () => {
    const text = await forecastSection('zh');
    expect(text).toContain('\n预测类别\n');
    expect(text).toContain('\n漏斗中\n');
    expect(text).toContain('\n从已关闭商机学习的赢率\n');
    expect(text).toContain(
      '瓶颈：设计(挖掘需求) — 转入下一阶段的比例最低：到达该阶段的 46 个商机中 45.7%',
    );
    expect(text).toContain('平均销售周期：96.6 天 · 销售速度：每天 18,471.52');
    // CLI: "商机健康检查：6 个已过预计成交日，0 个阶段停滞，24 个近期无跟进".
    expect(text).toContain('\n已过预计成交日 (6)\n');
    expect(text).toContain('\n超过 30 天无跟进 (24)\n');
    expect(text).toContain('阶段停滞：无；54 个在途商机未检查（缺少进入阶段日期）');
    const pastClose = await csvRows('zh', 'forecast-past-close');
    expect(pastClose[0]).toEqual(['商机', '负责人', '阶段', '金额', '预计成交日期', '超期天数']);
    expect(
      pastClose
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(cli.zh.hygiene.pastClose.map((d) => d.id).sort());
    const categories = await csvRows('zh', 'forecast-categories');
    expect(categories.slice(1).map((row) => row.slice(0, 2))).toEqual(
      cli.zh.categories.categories.map((c) => [c.nameZh, String(c.count)]),
    );
  });
});

describe('a hygiene list longer than the page shows', () => {
  it('shows the 50 largest deals and says the other 10 are in the CSV, which has all 60', async () => {
    const rows = await csvRows('many', 'forecast-past-close');
    expect(rows).toHaveLength(1 + 60);
    // Largest first: D-60 at 60,000; the 50th row is D-11 at 11,000.
    expect(rows[1]!.slice(0, 4)).toEqual(['D-60', 'Ann', 'Interest', '60000']);
    const text = await forecastSection('many');
    expect(text).toContain('\nPast close date (60)\n');
    expect(text).toContain('\nD-11\n');
    expect(text).not.toContain('\nD-10\n');
    expect(text).toContain('… 10 more rows in the CSV and results.xlsx');
  });
});

describe('win rates learned from few closed deals', () => {
  it('marks each rate shrunk toward the template rate', async () => {
    const rows = await csvRows('many', 'forecast-win-rates');
    expect(rows[0]).toEqual([
      'Stage',
      'Template rate',
      'Learned rate',
      'Won',
      'Closed deals (n)',
      'Shrunk toward prior',
    ]);
    // Interest: 2 won of 3 closed, shrunk toward its 5% template rate with weight 5 (DOMAIN.md:
    // fewer than ~5 closed): (2 + 5 × 0.05) ÷ (3 + 5) = 0.28125.
    expect(rows[1]).toEqual(['Interest (customer analysis)', '0.05', '0.28125', '2', '3', '✓']);
  });
});
