import { describe, expect, it } from 'vitest';
import { forecastBandChart } from '../../../core/charts/forecast-band-chart.js';
import { FORECAST_INPUT } from './chart-fixtures.js';
import { compileWarnings, deepFreeze, specRows } from './spec-helpers.js';

describe('forecastBandChart', () => {
  it('forecastBandChart draws band p10..p90, weighted line and p50 line from the rows as given', () => {
    const spec = forecastBandChart(FORECAST_INPUT) as { layer: { mark: { type: string } }[] };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['area', 'line', 'line']);
    const rows = specRows(spec as never);
    // Values below 100,000 need no unit, so the axis fields equal the values.
    expect(rows.find((r) => r.month === '2024-04')).toEqual({
      month: '2024-04',
      weighted: 64.8,
      p10: 0,
      p90: 146,
      p50: 50,
      weightedAxis: 64.8,
      p10Axis: 0,
      p90Axis: 146,
      p50Axis: 50,
    });
  });

  it('forecastBandChart without any p50 has no P50 layer or legend entry', () => {
    const months = FORECAST_INPUT.months.map(({ p50: _p50, ...m }) => m);
    const spec = forecastBandChart({ months }) as { layer: unknown[] };
    expect(spec.layer).toHaveLength(2);
    expect(JSON.stringify(spec)).not.toContain('P50');
    expect(compileWarnings(spec as never)).toEqual([]);
  });

  it('forecastBandChart orders months on the axis by calendar (YYYY-MM text sort)', () => {
    const spec = forecastBandChart(FORECAST_INPUT) as {
      encoding: { x: { sort: unknown; type: string } };
    };
    expect(spec.encoding.x).toMatchObject({ sort: 'ascending', type: 'ordinal' });
  });

  it('forecastBandChart(zh) labels the series in Chinese', () => {
    const text = JSON.stringify(forecastBandChart(FORECAST_INPUT, { locale: 'zh' }));
    expect(text).toContain('P10–P90 区间');
    expect(text).toContain('加权预测');
  });

  it('forecastBandChart throws on bad months, p10 above p90, duplicates and non-finite values', () => {
    const m = { month: '2024-03', weighted: 1, p10: 0, p90: 2 };
    expect(() => forecastBandChart({ months: [{ ...m, month: '2024-3' }] })).toThrow(
      /must be YYYY-MM, got "2024-3"/,
    );
    expect(() => forecastBandChart({ months: [{ ...m, month: '2024-13' }] })).toThrow(/YYYY-MM/);
    expect(() => forecastBandChart({ months: [{ ...m, p10: 3 }] })).toThrow(/p10 3 above p90 2/);
    expect(() => forecastBandChart({ months: [m, m] })).toThrow(/"2024-03" appears twice/);
    expect(() => forecastBandChart({ months: [{ ...m, weighted: Infinity }] })).toThrow(
      /weighted must be a finite number/,
    );
  });

  it('forecastBandChart(no months) is empty and compiles cleanly', () => {
    const spec = forecastBandChart({ months: [] });
    expect(specRows(spec)).toEqual([]);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('forecastBandChart does not mutate its input', () => {
    const input = deepFreeze(structuredClone(FORECAST_INPUT));
    forecastBandChart(input);
    expect(input).toEqual(FORECAST_INPUT);
  });
});
