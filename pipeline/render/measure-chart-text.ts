import { readFileSync } from 'node:fs';
import { table, tableRecords, unicodeGlyphLookup } from '../report-html/subset-true-type-font.js';

/** Width in pixels of a text at a font size, as the chart font draws it. */
export type MeasureText = (text: string, fontSize: number) => number;

/** Advance width, in em, of a character the font lacks (drawn by a fallback font, often CJK). */
const MISSING_GLYPH_EM = 1;

/**
 * A text measurer from a TrueType font's own advance widths (cmap → glyph → hmtx), for laying out
 * charts in the font they are drawn with. Vega without a canvas guesses 0.8 em per character, which
 * is too wide for Latin labels (so they were cut short) and too narrow for Chinese (so legend
 * entries overlapped); the font's widths are exact for every character it has.
 *
 * Formula: width = Σ advance(glyph of each code point) ÷ unitsPerEm × fontSize; a code point the
 * font lacks counts 1 em. Kerning is not applied (labels differ from the drawing by a pixel or two).
 *
 * @param fontFile - Path of a .ttf file with cmap, head, hhea and hmtx tables.
 * @returns The measurer.
 * @throws {Error} When the file cannot be read or lacks those tables.
 * @example measureChartText(findChartFont())('兴趣', 11) // 22
 */
export function measureChartText(fontFile: string): MeasureText {
  const font = readFileSync(fontFile);
  const tables = tableRecords(font);
  const unitsPerEm = table(font, tables, 'head').readUInt16BE(18);
  const metricCount = table(font, tables, 'hhea').readUInt16BE(34);
  const hmtx = table(font, tables, 'hmtx');
  const glyphOf = unicodeGlyphLookup(table(font, tables, 'cmap'));
  const emCache = new Map<number, number>();
  const emOf = (codePoint: number): number => {
    let em = emCache.get(codePoint);
    if (em === undefined) {
      const glyph = glyphOf(codePoint);
      // Glyphs past numberOfHMetrics share the last advance width (TrueType hmtx rule).
      em =
        glyph === 0
          ? MISSING_GLYPH_EM
          : hmtx.readUInt16BE(4 * Math.min(glyph, metricCount - 1)) / unitsPerEm;
      emCache.set(codePoint, em);
    }
    return em;
  };
  return (text, fontSize) => {
    let em = 0;
    for (const char of text) em += emOf(char.codePointAt(0) ?? 0);
    return em * fontSize;
  };
}
