import { describe, expect, it } from 'vitest';
import { CHART_LOCALES } from '../../../core/charts/chart-text.js';
import { sampleCharts } from './chart-fixtures.js';
import { compileWarnings, normalizedJson, specRows } from './spec-helpers.js';
import { MALICIOUS_NAME } from './chart-fixtures.js';

describe('chart specs (every builder, both locales)', () => {
  for (const locale of CHART_LOCALES) {
    for (const { id, spec } of sampleCharts(locale)) {
      it(`${id} (${locale}) matches its file snapshot`, async () => {
        await expect(normalizedJson(spec)).toMatchFileSnapshot(
          `../../snapshots/charts/${id}-${locale}.vl.json`,
        );
      });

      it(`${id} (${locale}) compiles with vega-lite without warnings`, () => {
        expect(compileWarnings(spec)).toEqual([]);
      });

      it(`${id} (${locale}) keeps user strings in data, never in expressions`, () => {
        const text = JSON.stringify(spec);
        // No expression strings at all: calculate/filter/labelExpr would be where text leaks into code.
        expect(text).not.toMatch(/"(calculate|labelExpr|expr|test)":"/);
        if (text.includes('img src')) {
          expect(specRows(spec).some((row) => Object.values(row).includes(MALICIOUS_NAME))).toBe(
            true,
          );
        }
      });
    }
  }
});
