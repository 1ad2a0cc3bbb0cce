import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

/** Debian's Chromium; `npm test` installs it where it can (scripts/ensure-test-tools.mjs). */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/**
 * Headless Chromium for the report tests, with the flags this machine needs: no sandbox as
 * root, and no background networking (the network is closed, and a report must load nothing).
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page opened from a file, with everything it did that a self-contained report must not do. */
export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests for anything but file: and data: URLs. */
  external: string[];
  dialogs: string[];
}

/** Opens a local HTML file in a new 1280 × 900 page, recording errors, requests and dialogs. */
export async function openWatched(browser: Browser, file: string): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const watched: WatchedPage = {
    page,
    consoleErrors: [],
    pageErrors: [],
    external: [],
    dialogs: [],
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watched.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watched.pageErrors.push(String(err)));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('file:') && !url.startsWith('data:')) watched.external.push(url);
  });
  page.on('dialog', async (dialog) => {
    watched.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return watched;
}
