import { describe, expect, it } from 'vitest';
import { forecast, forecastColumnReadAs } from '../../../core/index.js';
import type { SheetValues } from '../../../core/index.js';

// "Sales rep" and 负责人 are words for a deal's owner (core/columns/record-fields.ts); "Segment"
// is a word for no deal field.
const SHEET: SheetValues = {
  name: 'Pipeline',
  values: [
    ['Deal', 'Stage', 'Amount', 'Close date', 'Sales rep', 'Segment'],
    ['D1', 'Compare', 1000, '2026-07-15', 'Li', 'SMB'],
    ['D2', 'Commit', 2000, '2026-08-01', 'Wang', 'Enterprise'],
  ],
};

function run(perRow = true) {
  const result = forecast([SHEET], { asOf: '2026-06-30', perRow });
  if (result === null) throw new Error('no deals');
  return result;
}

describe('forecastColumnReadAs', () => {
  it('names the field a column was read as, by header, letter or a word for the field', () => {
    const perRow = run();
    expect(forecastColumnReadAs(perRow, 'Sales rep')).toBe('owner');
    expect(forecastColumnReadAs(perRow, 'e')).toBe('owner');
    expect(forecastColumnReadAs(perRow, '负责人')).toBe('owner');
    expect(forecastColumnReadAs(perRow, 'Stage')).toBe('stage');
  });

  it('gives undefined for a column read as no field, and for no column', () => {
    expect(forecastColumnReadAs(run(), 'Segment')).toBeUndefined();
    expect(forecastColumnReadAs(run(), 'Country')).toBeUndefined();
  });

  it('throws, as forecastBreakdown, without per-row values', () => {
    expect(() => forecastColumnReadAs(run(false), 'Sales rep')).toThrow(/perRow: true/);
  });
});
