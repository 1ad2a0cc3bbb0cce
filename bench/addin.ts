/**
 * The Excel add-in in Chromium, the Excel host simulator standing in for Excel (the demo page):
 *
 * - 100,000 deals: read, forecast and write, from the Run click to "Done". Goal < 3 s and at
 *   most 6 sync round trips.
 * - 1,048,576 deals: completes, chunked; the longest tasks on the page's main thread (the pane's
 *   UI thread, which the simulator shares here) are measured with a long-task observer. Goal:
 *   none over 100 ms. The simulator's own work runs on that thread too (in Excel it runs in
 *   Excel), so the figure is an upper bound for the pane.
 * - The pane's JavaScript gzipped (taskpane.js and analysis-worker.js). Goal < 400 KB.
 * - First paint of the pane from localhost. Goal < 1 s.
 *
 * Run: node --import tsx bench/addin.ts [--skip-million]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FrameLocator, Page } from 'playwright-core';
import { buildAddin, OUT_DIR } from '../addin/scripts/build-addin.js';
import { serveHttp } from '../addin/scripts/static-server.js';
import { hasChromium, launchChromium, CHROMIUM } from '../test/support/launch-chromium.js';
import { recordMeasures } from './record-measures.js';

interface BenchDemo {
  pipecastDemo: {
    loadSheets(sheets: { name: string; values: unknown[][] }[], language?: string): void;
    host: { stats: { syncs: number; reset(): void; payloadBytes: number[] } };
  };
  longTasks?: { duration: number; where: string }[];
}

const skipMillion = process.argv.includes('--skip-million');

/** Builds a deal sheet of `rows` rows inside the page (sending it over CDP would be the bottleneck). */
async function loadDeals(page: Page, rows: number): Promise<FrameLocator> {
  await page.evaluate((count) => {
    const stages = ['Interest', 'Brewing', 'Design', 'Compare', 'Commit', 'Use', 'Won', 'Lost'];
    const values: (string | number)[][] = [['Deal', 'Stage', 'Amount', 'Close date', 'Owner']];
    for (let i = 0; i < count; i += 1)
      values.push([
        `D${i}`,
        stages[i % 8] ?? 'Interest',
        1000 + (i % 97) * 10,
        46203 + (i % 120),
        `Rep ${i % 7}`,
      ]);
    (globalThis as unknown as BenchDemo).pipecastDemo.loadSheets([{ name: 'Deals', values }]);
  }, rows);
  const pane = page.frameLocator('#pane');
  await pane
    .locator('[data-testid=source] option[value="sheet:Deals"]')
    .waitFor({ state: 'attached', timeout: 300_000 });
  return pane;
}

/** Selects the sheet, waits for the mapping, then times Run → "Done" and counts its syncs. */
interface RunTimes {
  ms: number;
  syncs: number;
  maxPayload: number;
  /** Longest main-thread task in the pane's frame and in the page (the simulator), ms. */
  longestPane: number;
  longestHost: number;
}

async function timeRun(page: Page, pane: FrameLocator): Promise<RunTimes> {
  await pane.locator('[data-testid=source]').selectOption('sheet:Deals');
  await pane.locator('[data-testid=mapping]').waitFor({ timeout: 120_000 });
  await pane.locator('#param-asOf').fill('2026-06-30');
  await pane.locator('#param-asOf').dispatchEvent('change');
  await page.evaluate(() => {
    const demo = globalThis as unknown as BenchDemo;
    demo.pipecastDemo.host.stats.reset();
    demo.longTasks?.splice(0);
  });
  const start = Date.now();
  await pane.locator('[data-testid=run]').click();
  await pane.locator('[data-testid=results]').waitFor({ timeout: 600_000 });
  const ms = Date.now() - start;
  const stats = await page.evaluate(() => {
    const demo = globalThis as unknown as BenchDemo;
    const s = demo.pipecastDemo.host.stats;
    // No named helper functions in here: tsx would wrap them in a __name() the page lacks.
    const tasks = demo.longTasks ?? [];
    const inPane = tasks.filter((t) => t.where !== 'self').map((t) => t.duration);
    const inHost = tasks.filter((t) => t.where === 'self').map((t) => t.duration);
    return {
      syncs: s.syncs,
      maxPayload: Math.max(...s.payloadBytes),
      longestPane: Math.max(0, ...inPane),
      longestHost: Math.max(0, ...inHost),
    };
  });
  return { ms, ...stats };
}

async function main(): Promise<void> {
  if (!hasChromium) {
    console.log(`bench/addin: ${CHROMIUM} is missing; install Debian's chromium.`);
    return;
  }
  await buildAddin();
  const gz = (file: string) => gzipSync(readFileSync(join(OUT_DIR, file))).length;
  const paneKb = (gz('taskpane.js') + gz('analysis-worker.js')) / 1024;
  const { server, url } = await serveHttp(OUT_DIR, 0);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.addInitScript(() => {
      // Observe from the top page only: it sees the pane frame's tasks as well.
      const scope = globalThis as unknown as { parent: unknown };
      if (scope.parent !== globalThis) return;
      const tasks: { duration: number; where: string }[] = [];
      (globalThis as unknown as BenchDemo).longTasks = tasks;
      new PerformanceObserver((list) => {
        // 'self': the demo page and the simulator; 'same-origin-descendant': the pane's frame.
        for (const entry of list.getEntries())
          tasks.push({ duration: entry.duration, where: entry.name });
      }).observe({ type: 'longtask' as never, buffered: true });
    });
    await page.goto(`${url}/demo/demo.html`);
    const paint = await firstPaint(page);
    console.log('| what | measured | goal |');
    console.log('|---|---|---|');
    console.log(
      `| pane JS gzipped (taskpane.js + analysis-worker.js) | ${paneKb.toFixed(1)} KB | < 400 KB |`,
    );
    console.log(`| first contentful paint of the pane | ${paint.toFixed(0)} ms | < 1000 ms |`);
    recordMeasures('addin', [
      {
        what: `first contentful paint of the pane (pane JS ${paneKb.toFixed(0)} KB gzipped)`,
        ours: { name: 'pipecast add-in', ms: [paint] },
        goal: '< 1 s; < 400 KB',
      },
    ]);
    const hundred = await timeRun(page, await loadDeals(page, 100_000));
    recordRun(hundred, 100_000, '< 3 s, ≤ 6 syncs');
    console.log(
      `| 100,000 deals: Run → Done | ${hundred.ms} ms, ${hundred.syncs} syncs, largest payload ${(hundred.maxPayload / 1e6).toFixed(2)} MB; longest task: pane ${hundred.longestPane.toFixed(0)} ms, simulator page ${hundred.longestHost.toFixed(0)} ms | < 3000 ms, ≤ 6 syncs |`,
    );
    if (!skipMillion) {
      const million = await timeRun(page, await loadDeals(page, 1_048_575));
      recordRun(million, 1_048_576, 'completes; no pane task > 100 ms');
      console.log(
        `| 1,048,576 rows: Run → Done | ${million.ms} ms, ${million.syncs} syncs; longest task: pane ${million.longestPane.toFixed(0)} ms, simulator page ${million.longestHost.toFixed(0)} ms | completes; no pane task > 100 ms |`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
}

/** A Run → Done time for `npm run bench` (the add-in has no peer: Excel is simulated). */
function recordRun(run: RunTimes, rows: number, goal: string): void {
  recordMeasures('addin', [
    {
      what: `Run → Done in Chromium, the simulated Excel as host (${run.syncs} syncs, longest pane task ${run.longestPane.toFixed(0)} ms)`,
      size: rows,
      ours: { name: 'pipecast add-in', ms: [run.ms] },
      goal,
    },
  ]);
}

/** First contentful paint of the pane's frame, from its navigation start. */
async function firstPaint(page: Page): Promise<number> {
  await page.frameLocator('#pane').locator('[data-testid=source]').waitFor();
  const frame = page.frames().find((f) => f.url().endsWith('/taskpane.html'));
  if (frame === undefined) return NaN;
  return frame.evaluate(() => {
    const entry = performance.getEntriesByName('first-contentful-paint')[0];
    return entry === undefined ? NaN : entry.startTime;
  });
}

await main();
