import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ageReceivables,
  forecast,
  forecastBreakdown,
  segment,
  segmentBreakdown,
} from '../../core/index.js';
import { buildAddin, OUT_DIR, REPO } from '../../addin/scripts/build-addin.js';
import { serveHttp } from '../../addin/scripts/static-server.js';
import { CHROMIUM, hasChromium, launchChromium } from '../support/launch-chromium.js';
import type { WorksheetSnapshot } from '../excel-simulator/index.js';
import { writtenTable } from './support/output-table.js';

/** Screenshots of the pane are kept here (out/ is not committed; docs/addin-pane.png is a copy). */
const ARTEFACTS = join(REPO, 'out', 'addin-browser');
const AS_OF = '2026-06-30';

interface DemoPage {
  pipecastDemo: {
    loadSample(name: string, language?: string): Promise<void>;
    snapshot(sheet: string): WorksheetSnapshot;
    host: { workbook: { selection: unknown; activeSheetId: string } };
  };
}

describe.skipIf(!hasChromium)(
  'the built pane in Chromium, the simulator standing in for Excel',
  () => {
    let server: Server;
    let url: string;
    let browser: Browser;
    let page: Page;
    const consoleErrors: string[] = [];
    const external: string[] = [];

    beforeAll(async () => {
      await buildAddin();
      ({ server, url } = await serveHttp(OUT_DIR, 0));
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(String(error)));
      page.on('request', (request) => {
        if (!request.url().startsWith(url) && !request.url().startsWith('data:'))
          external.push(request.url());
      });
      await page.goto(`${url}/demo/demo.html`);
    });

    afterAll(async () => {
      await browser?.close();
      server?.close();
    });

    async function openSample(name: string, language = 'en-US'): Promise<FrameLocator> {
      await page.evaluate(
        ([file, lang]) => (globalThis as unknown as DemoPage).pipecastDemo.loadSample(file, lang),
        [name, language] as const,
      );
      const pane = page.frameLocator('#pane');
      await pane.locator('[data-testid=source]').waitFor();
      return pane;
    }

    interface RunChoices {
      extra?: string;
      /** Typed into the as-of field; null leaves it blank (the data's own day). */
      asOf?: string | null;
      breakdowns?: string[];
    }

    async function runIn(
      pane: FrameLocator,
      analysis: string,
      source: string,
      choices: RunChoices = {},
    ) {
      const { extra, asOf = AS_OF, breakdowns = [] } = choices;
      await pane.locator('[data-testid=analysis]').selectOption(analysis);
      await pane.locator('[data-testid=source]').selectOption(source);
      await pane.locator('[data-testid=mapping]').waitFor();
      if (asOf !== null) {
        await pane.locator('#param-asOf').fill(asOf);
        await pane.locator('#param-asOf').dispatchEvent('change');
      }
      // The extra sheet first: a customer list's columns join the "Break down by" choices.
      if (extra !== undefined) await pane.locator('[data-testid=extra-sheet]').selectOption(extra);
      for (const column of breakdowns)
        await pane.locator('[data-testid=breakdowns]').getByLabel(column, { exact: true }).check();
      await pane.locator('[data-testid=run]').click();
      await pane.locator('[data-testid=results]').waitFor({ timeout: 60_000 });
    }

    const snapshot = (sheet: string): Promise<WorksheetSnapshot> =>
      page.evaluate(
        (name) => (globalThis as unknown as DemoPage).pipecastDemo.snapshot(name),
        sheet,
      );

    it('maps columns and runs the forecast as of the data’s own day, broken down by region', async () => {
      const pane = await openSample('pipeline-en.xlsx');
      await pane.locator('[data-testid=analysis]').selectOption('forecast');
      await pane.locator('[data-testid=source]').selectOption('sheet:Pipeline');
      await expect(pane.locator('[data-testid=as-of-hint]').textContent()).resolves.toContain(
        'Blank: the data’s own day',
      );
      await runIn(pane, 'forecast', 'sheet:Pipeline', { asOf: null, breakdowns: ['Region'] });
      const source = await snapshot('Pipeline');
      // No as-of date given: the core's default, the day after the sample's last event.
      const core = forecast([{ name: 'Pipeline', values: source.values }], { perRow: true });
      const output = await snapshot('Pipecast Forecast');
      const stages = writtenTable(output, 'Stages');
      expect(stages.rows.slice(0, -1).map((row) => row.slice(0, 3))).toEqual(
        core?.result.stages.map((s) => [s.name, s.amount, s.weighted]),
      );
      // The sample's last recorded event is an activity on 2026-06-30.
      await expect(pane.locator('[data-testid=as-of-used]').textContent()).resolves.toBe(
        'As-of date 2026-07-01: the day after the last recorded event in the data (2026-06-30).',
      );
      await expect(pane.locator('[data-testid=as-of-hint]').textContent()).resolves.toContain(
        'As-of date 2026-07-01',
      );
      const byRegion = writtenTable(output, 'By Region');
      expect(byRegion.rows.slice(0, -1).map((row) => row.slice(0, 2))).toEqual(
        core === null ? [] : forecastBreakdown(core, 'Region').rows.map((r) => [r.key, r.weighted]),
      );
      await expect(pane.locator('[data-testid=status]').textContent()).resolves.toContain(
        'Pipecast Forecast',
      );
      await pane.locator('[data-testid=results]').scrollIntoViewIfNeeded();
      mkdirSync(ARTEFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTEFACTS, 'pane-forecast.png') });
    });

    it('runs the segments with the customer list: ABC classes as the core counts them', async () => {
      const pane = await openSample('customers-orders.xlsx');
      await runIn(pane, 'segment', 'sheet:Orders', {
        extra: 'Customers',
        breakdowns: ['Industry'],
      });
      const sheets = [
        { name: 'Orders', values: (await snapshot('Orders')).values },
        { name: 'Customers', values: (await snapshot('Customers')).values },
      ];
      const abc = segment(sheets, { method: 'abc', kinds: { Orders: 'orderLine' }, perRow: true });
      const output = await snapshot('Pipecast Segments');
      const classes = writtenTable(output, 'ABC classes');
      expect(classes.rows.map((row) => row.slice(0, 2))).toEqual(
        abc.result.classes.map((c) => [c.class, c.customers]),
      );
      // Industry is a column of the customer list, offered once it is chosen beside the orders.
      const byIndustry = writtenTable(output, 'By Industry');
      expect(byIndustry.rows.slice(0, -1).map((row) => row.slice(0, 3))).toEqual(
        segmentBreakdown(abc, 'Industry').rows.map((r) => [r.key, r.count, r.revenue]),
      );
    });

    it('runs the aging with payments, and a warning selects its cell in the source sheet', async () => {
      const pane = await openSample('invoices-payments.xlsx');
      await runIn(pane, 'aging', 'sheet:Invoices', { extra: 'Payments' });
      const sheets = [
        { name: 'Invoices', values: (await snapshot('Invoices')).values },
        { name: 'Payments', values: (await snapshot('Payments')).values },
      ];
      const core = ageReceivables(sheets, { asOf: AS_OF, kinds: { Invoices: 'invoice' } });
      const buckets = writtenTable(await snapshot('Pipecast Aging'), 'Aging buckets');
      const first = core.result?.sections[0];
      // The buckets table gives what is owed per bucket (credits on a row of their own).
      expect(buckets.rows[0]?.slice(0, 2)).toEqual([
        first?.buckets[0]?.label,
        first?.buckets[0]?.owed,
      ]);
      // The sample's blank terms cells are reported with the first one's address (Invoices!E4).
      const link = pane.locator('button.cell-link').first();
      await expect(link.getAttribute('data-address')).resolves.toBe('Invoices!E4');
      await link.click();
      await expect
        .poll(() =>
          page.evaluate(() => {
            const demo = (globalThis as unknown as DemoPage).pipecastDemo;
            return (demo.host.workbook.selection as { rect: unknown }).rect;
          }),
        )
        .toEqual({ top: 3, left: 4, bottom: 3, right: 4 });
    });

    it('switches to Chinese, and a Chinese Office opens the pane in Chinese with Chinese sheet names', async () => {
      const pane = await openSample('pipeline-zh.xlsx', 'zh-CN');
      await expect(pane.locator('h2').first().textContent()).resolves.toBe('分析');
      await runIn(pane, 'forecast', 'sheet:商机');
      const stages = writtenTable(await snapshot('Pipecast 预测'), '各阶段');
      expect(stages.header[0]).toBe('阶段');
      await pane.locator('[data-testid=language]').selectOption('en');
      await expect(pane.locator('h2').first().textContent()).resolves.toBe('Analysis');
      mkdirSync(ARTEFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTEFACTS, 'pane-zh.png') });
    });

    it('opened outside Excel and outside the demo, says how to sideload it', async () => {
      const alone = await browser.newPage();
      await alone.goto(`${url}/taskpane.html`);
      const note = alone.locator('[data-testid=outside-excel]');
      await note.waitFor({ timeout: 10_000 });
      await expect(note.textContent()).resolves.toContain('manifest.xml');
      await alone.close();
    });

    it('made no request beyond localhost and logged no console error', () => {
      expect(external).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  },
);

if (!hasChromium) {
  describe('the built pane in Chromium', () => {
    it.skip(`skipped: ${CHROMIUM} is missing (install Debian's chromium)`, () => undefined);
  });
}
