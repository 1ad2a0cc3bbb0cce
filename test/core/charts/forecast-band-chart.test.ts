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

  describe('zero and missing months (issue #17: a sensible picture and a stated reason)', () => {
    const month = (m: string, value: number) => ({
      month: m,
      weighted: value,
      p10: 0,
      p50: value,
      p90: value * 2,
    });
    const subtitle = (spec: unknown) => (spec as { title: { subtitle?: unknown } }).title.subtitle;
    const yScale = (spec: unknown) =>
      (spec as { encoding: { y: { scale?: unknown; axis: { values?: unknown } } } }).encoding.y;

    it('every month 0: the line on the floor of an axis reading 0, and the reason in both languages', () => {
      const months = ['2024-03', '2024-04', '2024-05'].map((m) => month(m, 0));
      const en = forecastBandChart({ months });
      expect(subtitle(en)).toBe(
        'Every month forecasts 0: the deals closing in them have no amount or no chance of winning',
      );
      // Before: no subtitle and a [0, 0] scale that put the flat line mid-chart.
      expect(yScale(en)).toMatchObject({ scale: { domain: [0, 1] }, axis: { values: [0] } });
      expect(compileWarnings(en)).toEqual([]);
      const zh = forecastBandChart({ months }, { locale: 'zh' });
      expect(subtitle(zh)).toBe('各月预测均为 0：这些月份预计成交的商机没有金额或赢率为 0');
    });

    it('some months 0: drawn at 0 on the usual axis and named in the subtitle', () => {
      const months = [month('2024-03', 1200), month('2024-04', 0), month('2024-05', 800)];
      const spec = forecastBandChart({ months });
      expect(subtitle(spec)).toBe(
        'Forecast 0 in 2024-04: the deals closing then have no amount or no chance of winning',
      );
      expect(yScale(spec).scale).toBeUndefined();
      expect(specRows(spec).find((r) => r.month === '2024-04')).toMatchObject({ weightedAxis: 0 });
      const zh = forecastBandChart({ months }, { locale: 'zh' });
      expect(subtitle(zh)).toBe('2024-04 预测为 0：当月预计成交的商机没有金额或赢率为 0');
    });

    it('missing months: on the axis as a break in the line and band, named in the subtitle', () => {
      // Jan, May, Jun given: Feb–Apr have no deal; January stands alone (its band a bar).
      const months = [month('2024-06', 900), month('2024-01', 1200), month('2024-05', 800)];
      const spec = forecastBandChart({ months }) as unknown as {
        layer: { mark: { type: string; invalid?: string } }[];
      };
      const rows = specRows(spec as never);
      expect(rows.map((r) => r.month)).toEqual([
        '2024-01',
        '2024-02',
        '2024-03',
        '2024-04',
        '2024-05',
        '2024-06',
      ]);
      expect(rows[1]).toMatchObject({ weightedAxis: null, p10Axis: null, noDeals: true });
      expect(rows[0]).toMatchObject({ isolated: true, weighted: 1200 });
      expect(rows[4]?.isolated).toBeUndefined();
      // Before: 2024-01 sat next to 2024-05 and the line bridged the three empty months.
      expect(spec.layer.filter((l) => l.mark.invalid === 'break-paths-show-domains')).toHaveLength(
        3,
      );
      expect(spec.layer.map((l) => l.mark.type)).toEqual(['area', 'rule', 'line', 'line', 'tick']);
      expect(subtitle(spec)).toBe(
        'No deal is expected to close in 2024-02 – 2024-04, so the line breaks there',
      );
      expect(compileWarnings(spec as never)).toEqual([]);
      const zh = forecastBandChart({ months }, { locale: 'zh' });
      expect(subtitle(zh)).toBe('2024-02 – 2024-04 没有预计成交的商机，折线在此断开');
    });

    it('close dates spread over more than 36 months: only months with deals, said so', () => {
      // 2020-01 to 2024-06: 4 × 12 + 6 = 54 months, too many to fill.
      const months = [month('2020-01', 100), month('2024-05', 200), month('2024-06', 300)];
      const spec = forecastBandChart({ months });
      expect(specRows(spec)).toHaveLength(3);
      expect(subtitle(spec)).toBe(
        'Only months with deals are on the axis: the close dates span 54 months',
      );
    });
  });

  it('forecastBandChart does not mutate its input', () => {
    const input = deepFreeze(structuredClone(FORECAST_INPUT));
    forecastBandChart(input);
    expect(input).toEqual(FORECAST_INPUT);
  });
});
