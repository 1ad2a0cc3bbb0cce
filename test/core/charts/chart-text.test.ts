import { describe, expect, it } from 'vitest';
import {
  CHART_LOCALES,
  CHART_TEXT,
  chartText,
  localizeKnownName,
  type PlainChartTextKey,
} from '../../../core/charts/chart-text.js';
import { normalizeChartOptions } from '../../../core/charts/chart-options.js';

/** The chart keys chartText serves: those without a {parameter} (notes with one use textFor). */
const PLAIN_KEYS = (Object.keys(CHART_TEXT) as (keyof typeof CHART_TEXT)[]).filter(
  (key) => !CHART_TEXT[key].en.includes('{'),
) as PlainChartTextKey[];

describe('chartText / localizeKnownName', () => {
  it('chartText has non-empty English and Chinese text for every key', () => {
    for (const key of PLAIN_KEYS) {
      for (const locale of CHART_LOCALES) expect(chartText(key, locale).trim()).not.toBe('');
    }
  });

  it('chartText(zh) differs from English for every label a user reads ', () => {
    const same = PLAIN_KEYS.filter((k) => chartText(k, 'en') === chartText(k, 'zh'));
    expect(same).toEqual([]);
  });

  it('localizeKnownName translates catalogue names and keeps everything else', () => {
    expect(localizeKnownName("Can't lose", 'zh')).toBe('不能失去');
    expect(localizeKnownName('toString', 'zh')).toBe('toString');
    expect(localizeKnownName('大客户', 'en')).toBe('大客户');
  });
});

describe('normalizeChartOptions', () => {
  it('normalizeChartOptions fills defaults and rejects non-string titles', () => {
    expect(normalizeChartOptions('f', undefined, 'funnelTitle')).toEqual({
      title: 'Pipeline by stage',
      subtitle: undefined,
      locale: 'en',
      width: 560,
      height: 300,
      unit: undefined,
      notes: [],
    });
    expect(() =>
      normalizeChartOptions('f', { title: 5 as unknown as string }, 'funnelTitle'),
    ).toThrow(/f: title must be a string, got 5/);
    expect(() => normalizeChartOptions('f', { height: 5000 }, 'funnelTitle')).toThrow(
      /height must be a number of pixels in 1…4000, got 5000/,
    );
  });
});
