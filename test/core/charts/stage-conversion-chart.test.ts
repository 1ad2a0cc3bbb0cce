import { describe, expect, it } from 'vitest';
import { stageConversionChart } from '../../../core/charts/stage-conversion-chart.js';
import { CONVERSION_INPUT } from './chart-fixtures.js';
import { compileWarnings, deepFreeze, specRows } from './spec-helpers.js';

describe('stageConversionChart', () => {
  it('stageConversionChart leaves out null conversions and marks the bottleneck', () => {
    const rows = specRows(stageConversionChart(CONVERSION_INPUT));
    expect(rows.map((r) => r.stage)).toEqual(['兴趣', '酝酿', 'Design', 'Compare', 'Commit']);
    expect(rows.filter((r) => r.role === 'Bottleneck').map((r) => r.stage)).toEqual(['Design']);
    expect(rows.map((r) => r.order)).toEqual([0, 1, 2, 3, 4]);
  });

  it('stageConversionChart widens the axis past 100% only when a conversion exceeds it', () => {
    const x = (spec: unknown) =>
      (spec as { encoding: { x: { scale: { domain: number[] } } } }).encoding.x.scale.domain;
    expect(x(stageConversionChart(CONVERSION_INPUT))).toEqual([0, 1]);
    expect(x(stageConversionChart({ stages: [{ stage: 'A', conversion: 1.25 }] }))).toEqual([
      0, 1.25,
    ]);
  });

  it('stageConversionChart(zh) names the bottleneck 瓶颈', () => {
    const rows = specRows(stageConversionChart(CONVERSION_INPUT, { locale: 'zh' }));
    expect(rows.find((r) => r.stage === 'Design')?.role).toBe('瓶颈');
  });

  it('stageConversionChart throws on negative or non-finite conversions and repeated stages', () => {
    expect(() => stageConversionChart({ stages: [{ stage: 'A', conversion: -0.1 }] })).toThrow(
      /must be ≥ 0, got -0.1/,
    );
    expect(() => stageConversionChart({ stages: [{ stage: 'A', conversion: NaN }] })).toThrow(
      /finite number/,
    );
    expect(() =>
      stageConversionChart({
        stages: [
          { stage: 'A', conversion: 0.1 },
          { stage: 'A', conversion: null },
        ],
      }),
    ).toThrow(/"A" appears twice/);
  });

  it('stageConversionChart(no stages) is empty and compiles cleanly', () => {
    const spec = stageConversionChart({ stages: [] });
    expect(specRows(spec)).toEqual([]);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('stageConversionChart does not mutate its input', () => {
    const input = deepFreeze(structuredClone(CONVERSION_INPUT));
    stageConversionChart(input);
    expect(input).toEqual(CONVERSION_INPUT);
  });
});
