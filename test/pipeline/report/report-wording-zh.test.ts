import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../pipeline/cli-io.js';
import { main } from '../../../pipeline/cli.js';

const SAMPLES = join(import.meta.dirname, '../../../samples');

// A CRM export in the Maven layout, one table per file: deal D4's account is blank, so the
// forecast by the accounts' sector has a blank row (D4 is lost, so the row holds D5, account
// 'Nope', which no account row names).
const CRM = {
  'sales_pipeline.csv':
    'opportunity_id,sales_agent,product,account,deal_stage,close_date,close_value\nD1,Ann,Widget Pro,Acme,Won,2026-05-01,1000\nD2,Ann,WidgetPro,Acme,Engaging,,\nD3,Bob,Widget Basic,Zeta,Prospecting,,50\nD4,Bob,Widget Basic,,Lost,2026-05-20,\nD5,Cy,Widget Basic,Nope,Engaging,,\n',
  'sales_teams.csv':
    'sales_agent,manager,regional_office\nAnn,Mia,East\nBob,Mia,East\nCy,Lou,West\n',
  'products.csv': 'product,series,sales_price\nWidget Pro,W,200\nWidget Basic,W,100\n',
  'accounts.csv': 'account,sector,revenue\nAcme,retail,5000\nZeta,tech,100\n',
};

let root = '';

async function reportZh(input: string, name: string): Promise<string> {
  const out = join(root, name);
  const io: CliIo = { stdout: () => undefined, stderr: () => undefined, isTTY: false };
  const code = await main(
    ['report', input, '--out', out, '--locale', 'zh', '--as-of', '2026-06-01', '--jobs', '1'],
    io,
  );
  expect(code).toBe(0);
  return out;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pipecast-report-wording-'));
  await mkdir(join(root, 'crm'));
  for (const [file, text] of Object.entries(CRM)) await writeFile(join(root, 'crm', file), text);
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a Chinese report words its labels in Chinese', () => {
  it('names the RFM scoring mode and the portfolio zones in Chinese, and potential × share as implied', async () => {
    const out = await reportZh(join(SAMPLES, 'customers-orders.xlsx'), 'orders');
    const html = await readFile(join(out, 'customers-orders', 'report.html'), 'utf8');
    expect(html).toContain('（五分位评分）');
    expect(html).not.toContain('quintile');
    expect(html).toContain('分区汇总');
    expect(html).not.toContain('区域汇总');
    expect(html).toContain('推算收入（潜力 × 份额）');
  });

  it('calls the not-yet-due bucket 未到期 in the tables and the chart', async () => {
    const out = await reportZh(join(SAMPLES, 'invoices-payments.xlsx'), 'invoices');
    const folder = join(out, 'invoices-payments');
    const buckets = await readFile(join(folder, 'aging-buckets.csv'), 'utf8');
    expect(buckets).toMatch(/,未到期,/);
    expect(buckets).not.toContain('Current');
    const chart = await readFile(join(folder, 'charts', 'aging-buckets-USD.vl.json'), 'utf8');
    expect(chart).toContain('"未到期"');
    expect(chart).not.toContain('Current');
  });

  it('heads a joined table’s breakdown 按「sector」 and labels its blank row （空白）, as the CLI does', async () => {
    const out = await reportZh(join(root, 'crm'), 'crm-report');
    const html = await readFile(join(out, 'crm', 'report.html'), 'utf8');
    expect(html).toContain('<h3>按「sector」</h3>');
    // D5's account names no account row: its sector is blank (retail: D2; tech: D3).
    expect(html).toMatch(/<td>（空白）<\/td><td class="num">1<\/td>/);
    expect(html).not.toMatch(/<td><\/td><td class="num">1<\/td>/);
  });
});
