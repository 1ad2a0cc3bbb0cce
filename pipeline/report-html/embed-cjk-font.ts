import { readFile } from 'node:fs/promises';
import { findChartFont } from '../render/chart-font.js';
import { subsetTrueTypeFont } from './subset-true-type-font.js';

/** Family name of the embedded font; every font stack of the page lists it first (report-css.ts). */
export const EMBEDDED_CJK_FAMILY = 'pipecast CJK';

/** CJK ideographs, kana, hangul, CJK punctuation and full-width forms. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;
/** The same ranges as CSS unicode-range, so the embedded font serves CJK characters only. */
const CJK_UNICODE_RANGE = 'U+2E80-9FFF,U+AC00-D7AF,U+F900-FAFF,U+FF00-FFEF';

let fontBytes: Promise<Buffer> | undefined;

/**
 * The page with the bundled CJK font (the PNG charts' Noto Sans SC subset) embedded as a data: URL,
 * cut down to the characters the page uses, so Chinese shows on a machine without Chinese fonts.
 * A page without CJK text is returned as it is.
 *
 * @param html - a whole report page (from renderReportHtml or renderIndexHtml).
 * @returns the page with an `@font-face` rule in its head.
 */
export async function embedCjkFont(html: string): Promise<string> {
  if (!CJK.test(html)) return html;
  fontBytes ??= readFile(findChartFont());
  const subset = subsetTrueTypeFont(await fontBytes, html);
  const rule =
    `<style>@font-face{font-family:"${EMBEDDED_CJK_FAMILY}";` +
    `src:url(data:font/ttf;base64,${subset.toString('base64')}) format("truetype");` +
    // Only for CJK characters: the subset keeps the font's whole character map but only the
    // page's CJK outlines are needed; digits and Latin letters take the next font of the stack.
    `unicode-range:${CJK_UNICODE_RANGE}}</style>`;
  return html.replace('</head>', `${rule}\n</head>`);
}
