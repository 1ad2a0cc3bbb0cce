import { describe, expect, it } from 'vitest';
import { FUNNEL_ROW_HEIGHT, funnelChart } from '../../../core/charts/funnel-chart.js';
import { DEFAULT_CHART_WIDTH } from '../../../core/charts/chart-options.js';
import { FUNNEL_INPUT } from './chart-fixtures.js';
import { compileWarnings, deepFreeze, specRows } from './spec-helpers.js';

describe('funnelChart', () => {
  it('funnelChart(reference case) has one amount and one weighted row per stage, in stage order', () => {
    const spec = funnelChart(FUNNEL_INPUT);
    const rows = specRows(spec);
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r.measure === 'Amount').map((r) => r.stage)).toEqual([
      '兴趣(客户分析)',
      'Brewing',
      'Design',
      'Compare',
      'Commit',
      'Use',
    ]);
    // DOMAIN.md reference case: Σ weighted = 15 + 24 + 35.2 + 139.2 + 73 + 78.4 = 364.8, Σ amount = 1424.
    const sum = (m: string) =>
      rows.filter((r) => r.measure === m).reduce((s, r) => s + Number(r.value), 0);
    expect(sum('Weighted')).toBeCloseTo(364.8, 9);
    expect(sum('Amount')).toBe(1424);
    expect(rows.map((r) => r.order)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('funnelChart sorts the stage axis by the given order, not alphabetically', () => {
    const spec = funnelChart(FUNNEL_INPUT) as { encoding: { y: { sort: unknown } } };
    expect(spec.encoding.y.sort).toEqual({ field: 'order', op: 'min', order: 'ascending' });
  });

  it('funnelChart defaults: English labels, default width, height from the stage count', () => {
    const spec = funnelChart(FUNNEL_INPUT) as unknown as Record<string, unknown>;
    expect(spec.title).toEqual({ text: 'Pipeline by stage' });
    expect(spec.width).toBe(DEFAULT_CHART_WIDTH);
    expect(spec.height).toBe(6 * FUNNEL_ROW_HEIGHT);
  });

  it('funnelChart(zh) uses Chinese titles and series names', () => {
    const spec = funnelChart(FUNNEL_INPUT, {
      locale: 'zh',
      unit: '万欧元',
      title: '漏斗',
      subtitle: '截至 2024-03-31',
    });
    expect(spec.title).toEqual({ text: '漏斗', subtitle: '截至 2024-03-31' });
    expect(new Set(specRows(spec).map((r) => r.measure))).toEqual(new Set(['金额', '加权金额']));
    expect(JSON.stringify(spec)).toContain('金额（万欧元）');
  });

  it('funnelChart throws on a repeated stage, a non-finite amount, a bad locale or size', () => {
    const stage = { stage: 'A', amount: 1, weighted: 0.1 };
    expect(() => funnelChart({ stages: [stage, stage] })).toThrow(
      /funnelChart: .*"A" appears twice/,
    );
    expect(() => funnelChart({ stages: [{ ...stage, amount: Number.NaN }] })).toThrow(
      /funnelChart: input.stages\[0\].amount must be a finite number, got NaN/,
    );
    // Core throws one error class; a name of the wrong type is bad input, not a bad option.
    expect(() => funnelChart({ stages: [{ ...stage, stage: 3 as unknown as string }] })).toThrow(
      expect.objectContaining({ name: 'PipecastError', code: 'invalid-input' }),
    );
    expect(() => funnelChart({ stages: [] }, { locale: 'fr' as 'en' })).toThrow(
      /locale must be 'en' or 'zh', got "fr"/,
    );
    expect(() => funnelChart({ stages: [] }, { width: 0 })).toThrow(
      /width must be a number of pixels/,
    );
    expect(() => funnelChart({} as never)).toThrow(/input.stages must be an array/);
  });

  it('funnelChart(no stages) gives an empty, well-formed spec that compiles cleanly', () => {
    const spec = funnelChart({ stages: [] });
    expect(specRows(spec)).toEqual([]);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('funnelChart does not mutate its input', () => {
    const input = deepFreeze(structuredClone(FUNNEL_INPUT));
    expect(() => funnelChart(input)).not.toThrow();
    expect(input).toEqual(FUNNEL_INPUT);
  });
});
