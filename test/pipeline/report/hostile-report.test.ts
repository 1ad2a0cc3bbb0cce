import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookReportSummary } from '../../../pipeline/report/build-workbook-report.js';
import { buildWorkbookReport } from '../../../pipeline/report/build-workbook-report.js';
import {
  CHROMIUM,
  hasChromium,
  launchChromium,
  openWatched,
} from '../../support/launch-chromium.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://evil.example","x")';
if (!hasChromium)
  console.warn(
    `hostile report browser test skipped: ${CHROMIUM} is missing (apt-get install chromium)`,
  );

let dir: string;
let out: string;
let summary: WorkbookReportSummary;

/** A workbook whose customer ids are markup and a formula, with a return (negative amount). */
async function writeHostileWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const orders = wb.addWorksheet('Orders');
  orders.addRow(['Invoice No', 'Invoice Date', 'Customer ID', 'Amount']);
  const day = (d: number) => new Date(Date.UTC(2026, 4, d));
  orders.addRow(['A1', day(2), HOSTILE, 900]);
  orders.addRow(['A2', day(9), HOSTILE, 400]);
  orders.addRow(['A3', day(3), FORMULA, 300]);
  orders.addRow(['A4', day(5), 'Plain Co', 200]);
  orders.addRow(['A5', day(6), 'Plain Co', -50]);
  const invoices = wb.addWorksheet('Invoices');
  invoices.addRow(['Invoice No', 'Customer', 'Invoice Date', 'Due Date', 'Amount']);
  invoices.addRow(['INV-1', HOSTILE, day(1), day(15), 1000]);
  invoices.addRow(['INV-2', 'Plain Co', day(1), new Date(Date.UTC(2026, 6, 30)), 500]);
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-hostile-'));
  const input = join(dir, 'hostile.xlsx');
  await writeHostileWorkbook(input);
  out = join(dir, 'report');
  summary = await buildWorkbookReport(input, out, { asOf: '2026-06-30' });
}, 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('buildWorkbookReport with hostile customer names', () => {
  it('runs ABC, RFM and aging on the generated workbook', () => {
    expect(summary.analyses.filter((a) => a.ok).map((a) => a.name)).toEqual([
      'abc',
      'rfm',
      'aging',
    ]);
  });

  it('report.html escapes the markup name everywhere and carries no <img> element', async () => {
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('the CSVs escape the formula name but keep the markup name and negative numbers as they are', async () => {
    const text = await readFile(join(out, 'abc-customers.csv'), 'utf8');
    const rows = parse(text.slice(1), { relax_column_count: false }) as string[][];
    const ids = rows.map((r) => r[1]);
    expect(ids).toContain(HOSTILE);
    expect(ids).toContain(`'${FORMULA}`);
    expect(ids).not.toContain(FORMULA);
    const rfm = parse(
      (await readFile(join(out, 'rfm-customers.csv'), 'utf8')).slice(1),
    ) as string[][];
    expect(rfm.find((r) => r[0] === 'Plain Co')?.[3]).toBe('150'); // 200 − 50, a number not text
  });

  it('results.xlsx holds the names as plain text cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'results.xlsx'));
    const values: unknown[] = [];
    wb.getWorksheet('ABC')!.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain(HOSTILE);
    expect(values).toContain(FORMULA); // a string cell, never a formula object
  });
});

describe.skipIf(!hasChromium)('the hostile report in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens with no console errors, no network requests, no dialog; the name shows as text', async () => {
    const { page, consoleErrors, pageErrors, external, dialogs } = await openWatched(
      browser,
      join(out, 'report.html'),
    );
    try {
      expect([...consoleErrors, ...pageErrors]).toEqual([]);
      expect(external).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('figure svg').count()).toBe(summary.charts);
      const cells = await page.locator('td').allTextContents();
      expect(cells).toContain(HOSTILE);
      const png = await page.screenshot({ fullPage: true });
      expect(png.readUInt32BE(16)).toBe(1280); // IHDR width
      expect(png.readUInt32BE(20)).toBeGreaterThan(2000); // several charts and tables stacked
      expect(png.length).toBeGreaterThan(50_000);
    } finally {
      await page.close();
    }
  });
});
