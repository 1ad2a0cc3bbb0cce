import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageReceivables, agingBreakdown, parseReportConfig } from '../../../core/index.js';
import { readWorkbook } from '../../../pipeline/read-workbook.js';
import type { WorkbookReportSummary } from '../../../pipeline/report/build-workbook-report.js';
import { buildWorkbookReport } from '../../../pipeline/report/build-workbook-report.js';

const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));
const AS_OF = '2026-06-30';
// pipeline-en's column D is Region: named three times, as 'region', '区域' and 'D', it is one
// breakdown.
const CONFIG = parseReportConfig(
  {
    breakdowns: {
      forecast: ['region', '区域', 'Nope', 'D'],
      aging: ['Owner'],
      segments: ['Stock Code'],
    },
  },
  'pipecast.json',
);

// A CRM export in the Maven layout, one table per file: the teams give each deal a manager and
// an office, the accounts a sector, and the forecast is broken down by them unasked (roll-ups).
// Open deals: D2 (Ann, WidgetPro at its list price 200), D3 (Bob, 50), D5 (Cy, Widget Basic at
// 100, account Nope, so a blank sector): 3 deals, 350.
const CRM = {
  'sales_pipeline.csv':
    'opportunity_id,sales_agent,product,account,deal_stage,close_date,close_value\nD1,Ann,Widget Pro,Acme,Won,2026-05-01,1000\nD2,Ann,WidgetPro,Acme,Engaging,,\nD3,Bob,Widget Basic,Zeta,Prospecting,,50\nD4,Bob,Widget Basic,,Lost,2026-05-20,\nD5,Cy,Widget Basic,Nope,Engaging,,\n',
  'sales_teams.csv':
    'sales_agent,manager,regional_office\nAnn,Mia,East\nBob,Mia,East\nCy,Lou,West\n',
  'products.csv': 'product,series,sales_price\nWidget Pro,W,200\nWidget Basic,W,100\n',
  'accounts.csv': 'account,sector,revenue\nAcme,retail,5000\nZeta,tech,100\n',
};

/**
 * 55 deals in Commit (50% in the six-stage template), deal i of agent Ai with amount 100 × i:
 * 55 deals, Σ 100 × i = 100 × 1,540 = 154,000, weighted 77,000.
 */
const MANY_AGENTS = [
  'Deal,Stage,Amount,Close date,Agent',
  ...Array.from(
    { length: 55 },
    (_, k) => `D${k + 1},Commit,${100 * (k + 1)},2026-07-15,A${String(k + 1).padStart(2, '0')}`,
  ),
].join('\n');

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pipecast-report-breakdowns-'));
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** A CSV the report wrote, as rows of cells (no quoted commas in these samples). */
async function csvRows(path: string): Promise<string[][]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').trimEnd();
  return text.split('\r\n').map((line) => line.split(','));
}

/** The report's `<h3>` headings. */
function headings(html: string): string[] {
  return [...html.matchAll(/<h3>([^<]*)<\/h3>/g)].map((match) => match[1]!);
}

/** The subtitle of a chart the report wrote (the line under its title), '' when none. */
async function chartSubtitle(folder: string, id: string): Promise<string> {
  const spec = JSON.parse(await readFile(join(folder, 'charts', `${id}.vl.json`), 'utf8')) as {
    title: { subtitle?: string };
  };
  return spec.title.subtitle ?? '';
}

function headline(summary: WorkbookReportSummary, name: string): Record<string, unknown> {
  return summary.analyses.find((analysis) => analysis.name === name)?.headline ?? {};
}

describe('breakdowns in the report', () => {
  it('adds a table, a chart, a results.xlsx range and a CSV per column, adding up to the totals', async () => {
    const out = join(root, 'pipeline-en');
    const summary = await buildWorkbookReport(join(SAMPLES, 'pipeline-en.xlsx'), out, {
      asOf: AS_OF,
      config: CONFIG,
    });
    expect(summary.files).toEqual(
      expect.arrayContaining([
        'forecast-by-Region.csv',
        'charts/forecast-by-Region.svg',
        'charts/forecast-by-Region.png',
      ]),
    );
    // 区域 names the same column in Chinese: it is broken down once, under its header.
    expect(summary.files.filter((name) => name.startsWith('forecast-by-'))).toEqual([
      'forecast-by-Region.csv',
    ]);
    const [header, ...rows] = await csvRows(join(out, 'forecast-by-Region.csv'));
    // The CLI's columns, in its order; the last row is the Total.
    expect(header).toEqual(['Region', 'Deals', 'Amount', 'Weighted']);
    const total = rows.pop();
    const sum = (column: number): number =>
      rows.reduce((added, row) => added + Number(row[column]), 0);
    // The regions add up to the forecast's own headline figures, and so does the Total row.
    const { openDeals, pipelineAmount, weightedForecast } = headline(summary, 'forecast');
    expect(total).toEqual([
      'Total',
      String(openDeals),
      String(pipelineAmount),
      String(weightedForecast),
    ]);
    expect(sum(1)).toBe(openDeals);
    expect(sum(2)).toBeCloseTo(pipelineAmount as number, 6);
    expect(sum(3)).toBeCloseTo(weightedForecast as number, 6);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(headings(html).filter((text) => text === 'By Region')).toHaveLength(1);
    expect(html).toContain('No breakdown by Nope');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'results.xlsx'));
    const texts: string[] = [];
    workbook.getWorksheet('Forecast')!.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts.filter((text) => text === 'By Region')).toHaveLength(1);
  });

  it('breaks the ABC classes down by a column of the order lines', async () => {
    const out = join(root, 'customers-orders');
    const summary = await buildWorkbookReport(join(SAMPLES, 'customers-orders.xlsx'), out, {
      asOf: AS_OF,
      config: CONFIG,
    });
    const [header, ...rows] = await csvRows(join(out, 'abc-by-Stock Code.csv'));
    expect(header?.slice(0, 3)).toEqual(['Stock Code', 'Customers', 'Revenue']);
    const total = rows.pop();
    const customers = rows.reduce((added, row) => added + Number(row[1]), 0);
    const revenue = rows.reduce((added, row) => added + Number(row[2]), 0);
    const abc = headline(summary, 'abc');
    expect(customers).toBe(abc.customers);
    expect(revenue).toBeCloseTo(abc.total as number, 6);
    expect(total?.slice(0, 3)).toEqual(['Total', String(abc.customers), String(abc.total)]);
    // Customers buy several products: each counts under its most recent line's, and the
    // report says how many customers' lines name more than one.
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/Stock Code: [\d,]+ customers’ lines hold different values/);
  });

  it('says under the ABC breakdown how many customers the customer list lacks', async () => {
    // Orders: K001 600, K003 100, K004 50. The list: K001 Retail, "k003" (not K003: ids keep
    // case). K003 and K004 are blank in Industry because the list lacks them: 2 customers.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Customers').addRows([
      ['Customer ID', 'Name', 'Industry'],
      ['K001', 'Alpha', 'Retail'],
      ['k003', 'Gamma', 'Retail'],
    ]);
    workbook.addWorksheet('Orders').addRows([
      ['Invoice No', 'Invoice Date', 'Customer ID', 'Amount'],
      ['O1', '2026-05-01', 'K001', 600],
      ['O2', '2026-05-03', 'K003', 100],
      ['O3', '2026-05-04', 'K004', 50],
    ]);
    const file = join(root, 'listed.xlsx');
    await workbook.xlsx.writeFile(file);
    const config = parseReportConfig({ breakdowns: { segments: ['Industry'] } }, 'pipecast.json');
    const en = join(root, 'listed-en');
    await buildWorkbookReport(file, en, { asOf: AS_OF, config });
    expect(await readFile(join(en, 'report.html'), 'utf8')).toContain(
      'Industry: 2 customers are not on the customer list, so their Industry is blank',
    );
    const zh = join(root, 'listed-zh');
    await buildWorkbookReport(file, zh, { asOf: AS_OF, config, locale: 'zh' });
    expect(await readFile(join(zh, 'report.html'), 'utf8')).toContain(
      'Industry：2 个客户不在客户清单中，其Industry为空',
    );
  });

  it('words the breakdowns in Chinese, and the aging one as the API gives it', async () => {
    const ledger = join(root, 'ledger.csv');
    // One currency, so the aging can be broken down (the invoices sample holds two).
    await writeFile(
      ledger,
      'Invoice,Customer,Invoice date,Due date,Amount,销售\nA,C1,2026-05-11,2026-06-10,250.5,李\nB,C2,2026-06-15,2026-07-15,100,王\nC,C3,2026-03-01,2026-03-31,80,李\n',
    );
    const out = join(root, 'ledger');
    const config = parseReportConfig({ breakdowns: { aging: ['销售'] } }, 'pipecast.json');
    await buildWorkbookReport(ledger, out, { asOf: AS_OF, config, locale: 'zh' });
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('按「销售」');
    const [header, ...rows] = await csvRows(join(out, 'aging-by-销售.csv'));
    expect(header?.slice(0, 3)).toEqual(['销售', '笔数', '未收余额']);
    // 李: A 250.5 (20 days past due) + C 80 (91 days) = 330.5 in 2 items; 王: B 100, current;
    // in all 3 items, 430.5.
    const total = rows.pop();
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['李', '2', '330.5'],
      ['王', '1', '100'],
    ]);
    expect(total?.slice(0, 3)).toEqual(['合计', '3', '430.5']);
    const run = ageReceivables(await readWorkbook(ledger), { asOf: AS_OF, perRow: true });
    expect(agingBreakdown(run, '销售').rows.map((row) => [row.key, row.count, row.open])).toEqual(
      rows.map((row) => [row[0], Number(row[1]), Number(row[2])]),
    );
  });

  it('shows two columns headed alike, each once, by the header as typed', async () => {
    const ledger = join(root, 'two-regions.csv');
    // Columns F and G are both headed Region; Owner (E) is a name the aging's own table has.
    await writeFile(
      ledger,
      'Invoice,Customer,Invoice date,Due date,Owner,Region,Region,Amount\nA,C1,2026-05-11,2026-06-10,Li,North,East,250.5\nB,C2,2026-06-15,2026-07-15,Wang,South,East,100\nC,C3,2026-03-01,2026-03-31,Li,North,West,80\n',
    );
    const out = join(root, 'two-regions');
    // 'F' is the first Region again: shown once.
    const config = parseReportConfig(
      { breakdowns: { aging: ['Owner', 'Region', 'G', 'F'] } },
      'pipecast.json',
    );
    await buildWorkbookReport(ledger, out, { asOf: AS_OF, config, locale: 'zh' });
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('按「Owner」');
    expect(html).not.toContain('Owner (E)');
    expect(html).not.toContain('Region (G)');
    const keys = async (file: string): Promise<string[]> =>
      (await csvRows(join(out, file))).map((row) => row[0] ?? '');
    // Largest open first. Owner: Li = A + C (330.5), Wang = B (100); F: North = A + C,
    // South = B; G: East = A + B (350.5), West = C (80).
    expect(await keys('aging-by-Owner.csv')).toEqual(['Owner', 'Li', 'Wang', '合计']);
    expect(await keys('aging-by-Region.csv')).toEqual(['Region', 'North', 'South', '合计']);
    expect(await keys('aging-by-Region-2.csv')).toEqual(['Region', 'East', 'West', '合计']);
    await expect(readFile(join(out, 'aging-by-Region-3.csv'))).rejects.toThrow();
  });

  it("breaks the aging of each currency down apart, adding up to the report's buckets table", async () => {
    const out = join(root, 'invoices-payments');
    await buildWorkbookReport(join(SAMPLES, 'invoices-payments.xlsx'), out, {
      asOf: AS_OF,
      config: CONFIG,
    });
    // The aging's own table: per currency, what is owed per bucket, Credits, and Total (open).
    const [, ...buckets] = await csvRows(join(out, 'aging-buckets.csv'));
    for (const currency of ['CNY', 'USD']) {
      // Named as the sheet heads it, though the aging's own table calls it "Owner (C)".
      const [header, ...rows] = await csvRows(join(out, `aging-by-Owner-${currency}.csv`));
      const total = rows.pop();
      expect(header).toEqual([
        'Owner',
        'Items',
        'Open',
        'Current',
        '1–30',
        '31–60',
        '61–90',
        '91–180',
        '181+',
        'Credits',
      ]);
      const sum = (column: number): number =>
        rows.reduce((total, row) => total + Math.round(Number(row[column]) * 100), 0) / 100;
      const owed = (label: string): number =>
        Number(buckets.find((row) => row[0] === currency && row[1] === label)?.[2] ?? 0);
      expect(header?.slice(3).map((_, m) => sum(m + 3))).toEqual(
        ['Current', '1–30', '31–60', '61–90', '91–180', '181+', 'Credits'].map(owed),
      );
      expect([sum(1), sum(2)]).toEqual([
        Number(buckets.find((row) => row[0] === currency && row[1] === 'Total')?.[3]),
        owed('Total'),
      ]);
      // The Total row is those sums.
      expect(total?.[0]).toBe('Total');
      expect(total?.slice(1).map(Number)).toEqual(header!.slice(1).map((_, m) => sum(m + 1)));
    }
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('By Owner (USD)');
    expect(html).not.toContain('Owner (C)');
    expect(html).not.toContain('No breakdown by Owner');
  });

  it('shows a roll-up the config also names once, where the config puts it, with one column order', async () => {
    const crm = join(root, 'crm');
    await mkdir(crm, { recursive: true });
    for (const [file, text] of Object.entries(CRM)) await writeFile(join(crm, file), text);
    const out = join(root, 'crm-report');
    const config = parseReportConfig(
      { breakdowns: { forecast: ['Sector', 'manager', 'sales_agent'] } },
      'pipecast.json',
    );
    const files = Object.keys(CRM).map((file) => join(crm, file));
    const summary = await buildWorkbookReport(crm, out, { asOf: AS_OF, config, files });
    const html = await readFile(join(out, 'report.html'), 'utf8');
    // The config's three first, in its order, but sales_agent, the column read as the owner, in
    // the owners table's place; then the roll-up it did not name, once each.
    expect(headings(html).filter((text) => text.startsWith('By '))).toEqual([
      'By close month',
      'By sales_agent',
      'By sector',
      'By manager',
      'By regional_office',
    ]);
    // A chart for each the config names; the roll-up has its table only.
    expect(summary.files.filter((file) => /^charts\/.*\.svg$/.test(file))).toEqual(
      expect.arrayContaining([
        'charts/forecast-by-sector.svg',
        'charts/forecast-by-manager.svg',
        'charts/forecast-by-sales_agent.svg',
      ]),
    );
    expect(summary.files).not.toContain('charts/forecast-by-regional_office.svg');
    const { openDeals, pipelineAmount, weightedForecast } = headline(summary, 'forecast');
    expect([openDeals, pipelineAmount]).toEqual([3, 350]);
    for (const column of ['sector', 'manager', 'regional_office']) {
      const [header, ...rows] = await csvRows(join(out, `forecast-by-${column}.csv`));
      expect(header?.slice(1)).toEqual(['Deals', 'Amount', 'Weighted']);
      expect(rows.at(-1)).toEqual(['Total', '3', '350', String(weightedForecast)]);
    }
    // retail: D2 200; tech: D3 50; blank: D5 100.
    const [, ...sectors] = await csvRows(join(out, 'forecast-by-sector.csv'));
    expect(
      sectors
        .slice(0, -1)
        .map((row) => row.slice(0, 3))
        .sort(),
    ).toEqual([
      ['(blank)', '1', '100'],
      ['retail', '1', '200'],
      ['tech', '1', '50'],
    ]);
  });

  it('shows a breakdown by the owner column once, in the owners table’s place (CRM, sales_agent)', async () => {
    const crm = join(root, 'crm-owner');
    await mkdir(crm, { recursive: true });
    for (const [file, text] of Object.entries(CRM)) await writeFile(join(crm, file), text);
    const out = join(root, 'crm-owner-report');
    const config = parseReportConfig(
      { breakdowns: { forecast: ['sales_agent'] } },
      'pipecast.json',
    );
    const files = Object.keys(CRM).map((file) => join(crm, file));
    const summary = await buildWorkbookReport(crm, out, { asOf: AS_OF, config, files });
    // sales_agent is the column the core read as the deals' owner: one table, no "By owner".
    expect(summary.files).toContain('forecast-by-sales_agent.csv');
    expect(summary.files).toContain('charts/forecast-by-sales_agent.svg');
    expect(summary.files).not.toContain('forecast-owners.csv');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    const shown = headings(html);
    expect(shown).not.toContain('By owner');
    // Where the owners table was: right after the months table.
    expect(shown.indexOf('By sales_agent')).toBe(shown.indexOf('By close month') + 1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'results.xlsx'));
    const texts: string[] = [];
    workbook.getWorksheet('Forecast')!.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts).not.toContain('By owner');
    expect(texts.filter((text) => text === 'By sales_agent')).toHaveLength(1);
    // Open deals: Ann D2 (200, at list price), Bob D3 50, Cy D5 100; 3 deals, 350 in all.
    const [, ...rows] = await csvRows(join(out, 'forecast-by-sales_agent.csv'));
    expect(rows.pop()?.slice(0, 3)).toEqual(['Total', '3', '350']);
    expect(rows.map((row) => row.slice(0, 3)).sort()).toEqual([
      ['Ann', '1', '200'],
      ['Bob', '1', '50'],
      ['Cy', '1', '100'],
    ]);
  });

  it('keeps the owners table when no breakdown is by the owner column; 负责人 named "Owner" replaces it', async () => {
    const zh = join(SAMPLES, 'pipeline-zh.xlsx');
    const byRegion = join(root, 'zh-region');
    const region = parseReportConfig({ breakdowns: { forecast: ['Region'] } }, 'pipecast.json');
    const kept = await buildWorkbookReport(zh, byRegion, { asOf: AS_OF, config: region });
    expect(kept.files).toContain('forecast-owners.csv');
    expect(headings(await readFile(join(byRegion, 'report.html'), 'utf8'))).toContain('按负责人');
    const byOwner = join(root, 'zh-owner');
    const owner = parseReportConfig({ breakdowns: { forecast: ['Owner'] } }, 'pipecast.json');
    const replaced = await buildWorkbookReport(zh, byOwner, { asOf: AS_OF, config: owner });
    expect(replaced.files).not.toContain('forecast-owners.csv');
    expect(replaced.files).toContain('forecast-by-负责人.csv');
    const shown = headings(await readFile(join(byOwner, 'report.html'), 'utf8'));
    expect(shown).not.toContain('按负责人');
    expect(shown.indexOf('按「负责人」')).toBe(shown.indexOf('按预计成交月份') + 1);
  });

  it('says which values a chart leaves out and ends a long table on the page with its Total', async () => {
    const deals = join(root, 'agents.csv');
    await writeFile(deals, MANY_AGENTS);
    const config = parseReportConfig({ breakdowns: { forecast: ['Agent'] } }, 'pipecast.json');
    const en = join(root, 'agents-en');
    await buildWorkbookReport(deals, en, { asOf: AS_OF, config, locale: 'en' });
    // The 20 largest are A55 … A36; the other 35, A01 … A35, weigh 50 × (1 + … + 35) = 31,500.
    expect(await chartSubtitle(en, 'forecast-by-Agent')).toBe(
      'Top 20 of 55 Agent values; the other 35: 31,500.00',
    );
    const html = await readFile(join(en, 'report.html'), 'utf8');
    const table = html.slice(html.indexOf('<h3>By Agent</h3>'));
    const rows = [...table.slice(0, table.indexOf('</table>')).matchAll(/<tr>(.*?)<\/tr>/g)];
    // The header, 50 agents, the "5 more rows" line, then the Total: 55 deals, 154,000, 77,000.
    expect(rows).toHaveLength(53);
    expect(rows[51]?.[1]).toContain('5 more rows');
    expect(rows[52]?.[1]).toBe(
      '<td>Total</td><td class="num">55</td><td class="num">154,000.00</td><td class="num">77,000.00</td>',
    );
    const zh = join(root, 'agents-zh');
    await buildWorkbookReport(deals, zh, { asOf: AS_OF, config, locale: 'zh' });
    expect(await chartSubtitle(zh, 'forecast-by-Agent')).toBe(
      '显示前 20 个（「Agent」共 55 个值）；其余 35 个合计 31,500.00',
    );
  });
});
