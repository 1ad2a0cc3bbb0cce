import { describe, expect, it } from 'vitest';
import { topOverdueChart } from '../../../core/charts/top-overdue-chart.js';
import { MALICIOUS_NAME, TOP_OVERDUE_INPUT } from './chart-fixtures.js';
import { compileWarnings, deepFreeze, specRows } from './spec-helpers.js';

describe('topOverdueChart', () => {
  it('topOverdueChart ranks by overdue descending and drops customers with nothing overdue', () => {
    const rows = specRows(topOverdueChart(TOP_OVERDUE_INPUT));
    expect(rows.map((r) => [r.label, r.overdue])).toEqual([
      ['华东机电', 300],
      [MALICIOUS_NAME, 260],
      ['Acme GmbH', 150],
      ['Bolt & Nut', 90],
      ['北方重工', 70],
    ]);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('topOverdueChart shows only topN customers and breaks ties by name', () => {
    const rows = specRows(
      topOverdueChart(
        {
          customers: [
            { customer: 'b', overdue: 5 },
            { customer: 'a', overdue: 5 },
            { customer: 'c', overdue: 9 },
          ],
        },
        { topN: 2 },
      ),
    );
    expect(rows.map((r) => r.label)).toEqual(['c', 'a']);
  });

  it('topOverdueChart keeps two customers with one name as two bars', () => {
    const rows = specRows(
      topOverdueChart({
        customers: [
          { customer: 'Acme', id: 'C1', overdue: 5 },
          { customer: 'Acme', id: 'C2', overdue: 4 },
        ],
      }),
    );
    expect(rows.map((r) => r.label)).toEqual(['Acme (C1)', 'Acme (C2)']);
  });

  it('topOverdueChart throws on non-finite amounts and a bad topN', () => {
    expect(() => topOverdueChart({ customers: [{ customer: 'x', overdue: NaN }] })).toThrow(
      /overdue must be a finite number/,
    );
    expect(() => topOverdueChart({ customers: [] }, { topN: 1.5 })).toThrow(
      /topN must be an integer/,
    );
  });

  it('topOverdueChart(no customers) is empty and compiles cleanly', () => {
    const spec = topOverdueChart({ customers: [] });
    expect(specRows(spec)).toEqual([]);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('topOverdueChart does not mutate its input', () => {
    const input = deepFreeze(structuredClone(TOP_OVERDUE_INPUT));
    topOverdueChart(input);
    expect(input).toEqual(TOP_OVERDUE_INPUT);
  });
});
