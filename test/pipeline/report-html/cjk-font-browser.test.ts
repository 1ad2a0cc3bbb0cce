import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChartFont } from '../../../pipeline/render/chart-font.js';
import { buildWorkbookReport } from '../../../pipeline/report/build-workbook-report.js';
import { embedCjkFont } from '../../../pipeline/report-html/embed-cjk-font.js';
import { renderIndexHtml } from '../../../pipeline/report-html/render-index-html.js';
import {
  table,
  tableRecords,
  unicodeGlyphLookup,
} from '../../../pipeline/report-html/subset-true-type-font.js';
import {
  CHROMIUM,
  hasChromium,
  launchChromium,
  openWatched,
} from '../../support/launch-chromium.js';

if (!hasChromium) {
  console.warn(`CJK font browser test skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
}

const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));
/** The embedded face's unicode-range (embed-cjk-font.ts), as a test per character. */
const EMBEDDED_RANGE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** Characters the embedded font must draw: in its unicode-range and in the bundled font. */
function embeddedCharCounter(): (text: string) => number {
  const font = readFileSync(findChartFont());
  const glyphOf = unicodeGlyphLookup(table(font, tableRecords(font), 'cmap'));
  return (text) =>
    [...text].filter((ch) => EMBEDDED_RANGE.test(ch) && glyphOf(ch.codePointAt(0) ?? 0) !== 0)
      .length;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: DomNode[];
}

/** Own text of a node (its text children). */
function ownText(node: DomNode): string {
  return (node.children ?? [])
    .filter((child) => child.nodeType === 3)
    .map((child) => child.nodeValue)
    .join('');
}

/**
 * Every rendered element whose CJK characters are not all drawn with the embedded font, as
 * "tag: text". CSS.getPlatformFontsForNode counts the glyphs each font drew for an element's own
 * text and its children's own text, so that is the text counted here too. Where the embedded font
 * is skipped, Chromium draws the characters with a system font: without CJK fonts installed that
 * is an empty box.
 */
async function cjkNotInEmbeddedFont(page: Page): Promise<string[]> {
  const count = embeddedCharCounter();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
    nodeId: root.nodeId,
    selector: 'body *',
  });
  const offenders: string[] = [];
  for (const nodeId of nodeIds) {
    const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: 2 })) as {
      node: DomNode;
    };
    const text = [node, ...(node.children ?? []).filter((c) => c.nodeType === 1)]
      .map(ownText)
      .join('');
    const expected = count(text);
    if (expected === 0) continue;
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    if (fonts.length === 0) continue; // not rendered (an SVG <title>, say)
    const drawn = fonts.filter((f) => f.isCustomFont).reduce((sum, f) => sum + f.glyphCount, 0);
    if (drawn < expected) offenders.push(`${node.nodeName.toLowerCase()}: ${text.trim()}`);
  }
  await cdp.detach();
  return offenders;
}

describe.skipIf(!hasChromium)('the embedded CJK font in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = await mkdtemp(join(tmpdir(), 'pipecast-cjk-font-'));
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function offendersIn(file: string): Promise<string[]> {
    const { page } = await openWatched(browser, file);
    try {
      return await cjkNotInEmbeddedFont(page);
    } finally {
      await page.close();
    }
  }

  it('draws every Chinese character of the zh report with it: headings, tiles, tables, warnings', async () => {
    await buildWorkbookReport(join(SAMPLES, 'pipeline-zh.xlsx'), join(dir, 'zh'), {
      asOf: '2026-06-30',
    });
    const file = join(dir, 'zh', 'report.html');
    // The page does hold the kinds of text that went blank: a Chinese h1, section heading and tile.
    const html = await readFile(file, 'utf8');
    expect(html).toMatch(/<h1>销售分析报告/);
    expect(html).toContain('<h2>销售漏斗预测</h2>');
    expect(html).toContain('<dt>在途商机</dt>');
    expect(await offendersIn(file)).toEqual([]);
  });

  it('draws the Chinese of an English report (a skip reason) with it', async () => {
    await buildWorkbookReport(join(SAMPLES, 'pipeline-en.xlsx'), join(dir, 'en'), {
      asOf: '2026-06-30',
    });
    expect(await offendersIn(join(dir, 'en', 'report.html'))).toEqual([]);
  });

  it('draws the Chinese of index.html (headings, file names, statuses) with it', async () => {
    const file = join(dir, 'index.html');
    const index = renderIndexHtml(
      [
        { name: '华东销售.xlsx', status: 'ok', href: 'report.html' },
        { name: '应收账款.xlsx', status: 'error', message: '不是 zip 文件' },
      ],
      { generatedFor: '2026-06-30', locale: 'zh' },
    );
    await writeFile(file, await embedCjkFont(index), 'utf8');
    expect(await offendersIn(file)).toEqual([]);
  });
});
