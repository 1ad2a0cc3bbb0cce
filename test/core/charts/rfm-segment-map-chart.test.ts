import { describe, expect, it } from 'vitest';
import { rfmSegmentMapChart } from '../../../core/charts/rfm-segment-map-chart.js';
import { RFM_INPUT } from './chart-fixtures.js';
import { compileWarnings, deepFreeze, specRows } from './spec-helpers.js';

describe('rfmSegmentMapChart', () => {
  it('rfmSegmentMapChart keeps all 25 cells with R on rows (5 on top) and FM on columns', () => {
    const spec = rfmSegmentMapChart(RFM_INPUT) as unknown as {
      encoding: { x: { scale: { domain: number[] } }; y: { scale: { domain: number[] } } };
    };
    expect(specRows(spec as never)).toHaveLength(25);
    expect(spec.encoding.y.scale.domain).toEqual([5, 4, 3, 2, 1]);
    expect(spec.encoding.x.scale.domain).toEqual([1, 2, 3, 4, 5]);
  });

  it('rfmSegmentMapChart(zh) translates standard segment names and keeps custom ones as typed', () => {
    const rows = specRows(
      rfmSegmentMapChart(
        {
          cells: [
            { r: 5, fm: 5, segment: 'Champions', count: 3 },
            { r: 1, fm: 1, segment: 'VIP 北区', count: 1 },
          ],
        },
        { locale: 'zh' },
      ),
    );
    expect(rows.map((r) => r.segment)).toEqual(['冠军客户', 'VIP 北区']);
  });

  it('rfmSegmentMapChart switches to white text from 60% of the largest count', () => {
    const text = JSON.stringify(
      rfmSegmentMapChart({ cells: [{ r: 1, fm: 1, segment: 'Lost', count: 10 }] }),
    );
    expect(text).toContain('"gte":6'); // 10 × 0.6
  });

  it('rfmSegmentMapChart throws on scores outside 1–5, bad counts and repeated cells', () => {
    const cell = { r: 1, fm: 1, segment: 'Lost', count: 1 };
    expect(() => rfmSegmentMapChart({ cells: [{ ...cell, r: 6 }] })).toThrow(
      /r must be an integer 1–5, got 6/,
    );
    expect(() => rfmSegmentMapChart({ cells: [{ ...cell, fm: 2.5 }] })).toThrow(
      /fm must be an integer 1–5/,
    );
    expect(() => rfmSegmentMapChart({ cells: [{ ...cell, count: -1 }] })).toThrow(
      /count must be an integer ≥ 0/,
    );
    expect(() => rfmSegmentMapChart({ cells: [cell, cell] })).toThrow(/"R1 FM1" appears twice/);
  });

  it('rfmSegmentMapChart(no cells) is an empty grid and compiles cleanly', () => {
    const spec = rfmSegmentMapChart({ cells: [] });
    expect(specRows(spec)).toEqual([]);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('rfmSegmentMapChart does not mutate its input', () => {
    const input = deepFreeze(structuredClone(RFM_INPUT));
    rfmSegmentMapChart(input, { locale: 'zh' });
    expect(input).toEqual(RFM_INPUT);
  });
});
