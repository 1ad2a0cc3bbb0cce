import { describe, expect, it } from 'vitest';
import { findChartFont } from '../../../pipeline/render/chart-font.js';
import { measureChartText } from '../../../pipeline/render/measure-chart-text.js';

describe('measureChartText(bundled font)', () => {
  const measure = measureChartText(findChartFont());

  it('gives a Chinese character one em, as Noto Sans SC draws it', () => {
    // Noto Sans SC's CJK ideographs advance 1000 of 1000 units: 2 characters × 11 px = 22 px.
    expect(measure('兴趣', 11)).toBe(22);
  });

  it('gives Latin text less than vega’s 0.8 em guess, so labels are not cut early', () => {
    const width = measure('Interest (customer analysis)', 11);
    expect(width).toBeGreaterThan(0.4 * 28 * 11);
    expect(width).toBeLessThan(0.8 * 28 * 11);
  });

  it('scales with the font size and counts a character the font lacks as one em', () => {
    expect(measure('Aa', 22)).toBeCloseTo(2 * measure('Aa', 11), 9);
    expect(measure('\u{1F600}', 10)).toBe(10);
    expect(measure('', 11)).toBe(0);
  });
});
