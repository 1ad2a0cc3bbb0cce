import { writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkbookReport } from '../../../pipeline/report/build-workbook-report.js';

const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));
let root: string;
let zhHtml: string;
let enHtml: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pipecast-chinese-report-'));
  await buildWorkbookReport(join(SAMPLES, 'pipeline-zh.xlsx'), join(root, 'zh'), {
    asOf: '2026-06-30',
  });
  await buildWorkbookReport(join(SAMPLES, 'customers-orders.xlsx'), join(root, 'en'), {
    asOf: '2026-06-30',
  });
  zhHtml = await readFile(join(root, 'zh', 'report.html'), 'utf8');
  enHtml = await readFile(join(root, 'en', 'report.html'), 'utf8');
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** The page's visible text outside charts and styles. */
function pageText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, '\n');
}

/** Opaque pixels when `text` is drawn with `font` alone (a missing glyph draws the font's box). */
function inkOf(fontFile: string, text: string): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><text x="4" y="44" font-size="32" font-family="Noto Sans SC">${text}</text></svg>`;
  const image = new Resvg(svg, {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' },
  }).render();
  let ink = 0;
  const pixels = image.pixels; // a copy per read: read once
  for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 128) ink += 1;
  return ink;
}

describe('the Chinese report (pipeline-zh.xlsx)', () => {
  it('says the stage template, sheet kinds, skip reasons and warning actions in Chinese', () => {
    const text = pageText(zhHtml);
    expect(text).toContain('阶段模板: 采购六阶段 — 其阶段名称与 100% 的在途商机一致');
    expect(text).toContain('商机 (商机)');
    // No order lines: ABC and RFM run on the won deals, and say so.
    expect(text).toContain('个赢单商机（客户、成交日期、金额），因工作簿中没有订单明细');
    expect(text).toContain('没有发票工作表');
    expect(text).toContain('（无日期）');
    expect(text).toMatch(/— 已保留该行/);
    // The English of the same fixed set does not show.
    for (const english of [
      'Procurement-aligned',
      'its stage names match',
      'no sheet with',
      '(deal)',
      '— row kept',
      '— assumed',
      '— value ignored',
    ])
      expect(text).not.toContain(english);
  });

  it('lists the data warnings themselves in Chinese', () => {
    const text = pageText(zhHtml);
    // Row 20's amount is the text 待定 and row 26 has no close date (make-samples.ts).
    expect(text).toContain('预计金额：文本不是数字；已忽略该值。');
    expect(text).toContain('1 个在途商机没有预计成交日期（首行 26）');
    for (const english of ['text is not a number', 'open deal(s) have no'])
      expect(text).not.toContain(english);
  });

  it('embeds a CJK font subset that draws the page’s Chinese, allowed by its CSP', () => {
    expect(zhHtml).toContain('font-src data:');
    const head = '@font-face{font-family:"pipecast CJK";src:url(data:font/ttf;base64,';
    const at = zhHtml.indexOf(head);
    expect(at).toBeGreaterThan(0);
    const base64 = zhHtml.slice(at + head.length, zhHtml.indexOf(')', at + head.length));
    // Only CJK characters take the subset: its other outlines are gone, so digits and Latin
    // letters in the charts must come from the next font of the stack (they went blank before).
    expect(zhHtml.slice(at, zhHtml.indexOf('}', at))).toContain(
      'unicode-range:U+2E80-9FFF,U+AC00-D7AF,U+F900-FAFF,U+FF00-FFEF',
    );
    const font = Buffer.from(base64, 'base64');
    const fontFile = join(root, 'embedded.ttf');
    writeFileSync(fontFile, font);
    // The whole bundled font is 2.4 MB; the page needs a small part of its outlines.
    expect(font.length).toBeLessThan(600_000);
    // Drawn with the subset alone, the page's words leave ink (each glyph some 40+ pixels).
    expect(inkOf(fontFile, '销售分析报告')).toBeGreaterThan(6 * 20);
    expect(inkOf(fontFile, '阶段模板')).toBeGreaterThan(4 * 20);
    // A character the page does not use is left out of the subset: it draws as a private-use
    // character does, the font's missing-glyph box.
    expect(zhHtml).not.toContain('鼎');
    expect(inkOf(fontFile, '鼎')).toBe(inkOf(fontFile, '\uE000'));
  });
});

describe('an English report without CJK text', () => {
  it('embeds no font', () => {
    if (/[\u2e80-\u9fff]/u.test(enHtml)) return;
    expect(enHtml).not.toContain('@font-face');
  });
});
