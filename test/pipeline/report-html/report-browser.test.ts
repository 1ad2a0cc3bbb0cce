import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { renderIndexHtml } from '../../../pipeline/report-html/render-index-html.js';
import { renderReportHtml } from '../../../pipeline/report-html/render-report-html.js';
import { MALICIOUS_NAME } from '../../core/charts/chart-fixtures.js';
import { sampleReportModel } from './report-fixture.js';
import {
  CHROMIUM,
  hasChromium,
  launchChromium,
  openWatched,
} from '../../support/launch-chromium.js';

if (!hasChromium) {
  console.warn(`report-browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.skipIf(!hasChromium)('report pages in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'pipecast-report-'));
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = (file: string) => openWatched(browser, file);

  it('report.html opens offline with no console errors, no network requests and no dialogs', async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReportHtml(await sampleReportModel('zh')), 'utf8');
    const { page, consoleErrors, pageErrors, external, dialogs } = await open(file);
    try {
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(external).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(await page.locator('section > h2').count()).toBe(5); // 3 analyses + skipped + warnings
      expect(await page.locator('figure svg').count()).toBe(8);
      await expect.poll(() => page.title()).toBe('销售报告 <b>Q1</b> & "more"');
    } finally {
      await page.close();
    }
  });

  it('a customer named <img src=x onerror=alert(1)> shows as text and creates no img element', async () => {
    const file = join(dir, 'report-xss.html');
    writeFileSync(file, renderReportHtml(await sampleReportModel('en')), 'utf8');
    const { page, dialogs } = await open(file);
    try {
      expect(await page.locator('img').count()).toBe(0);
      expect(dialogs).toEqual([]);
      const cell = page.locator('td', { hasText: MALICIOUS_NAME });
      expect(await cell.count()).toBe(1);
      expect(await cell.first().textContent()).toBe(MALICIOUS_NAME);
      // The same name inside chart SVG text is text too.
      const svgTexts = await page.locator('svg text').allTextContents();
      expect(svgTexts.some((t) => t.includes(MALICIOUS_NAME))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('a full-page screenshot of the report is taken and has the page size', async () => {
    const file = join(dir, 'report-shot.html');
    writeFileSync(file, renderReportHtml(await sampleReportModel('zh')), 'utf8');
    const { page } = await open(file);
    try {
      const png = await page.screenshot({ fullPage: true });
      const { width, height } = pngSize(png);
      expect(width).toBe(1280);
      // Eight charts of 300–500 px each stack far below one 900 px viewport.
      expect(height).toBeGreaterThan(3000);
      // Not a blank page: compressed size of a page full of charts and text is large.
      expect(png.length).toBeGreaterThan(100_000);
    } finally {
      await page.close();
    }
  });

  it('index.html opens cleanly and links to each report', async () => {
    const file = join(dir, 'index.html');
    writeFileSync(
      file,
      renderIndexHtml([
        { name: 'good.xlsx', status: 'ok', href: 'report.html' },
        { name: 'bad.xlsx', status: 'error', message: `not a zip: ${MALICIOUS_NAME}` },
      ]),
      'utf8',
    );
    const { page, consoleErrors, external } = await open(file);
    try {
      expect(consoleErrors).toEqual([]);
      expect(external).toEqual([]);
      expect(await page.locator('a').getAttribute('href')).toBe('report.html');
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('tr.entry-error').textContent()).toContain(MALICIOUS_NAME);
    } finally {
      await page.close();
    }
  });
});
