import { describe, expect, it } from 'vitest';
import { bandNotes, calendarMonths, monthSpan } from '../../../core/charts/forecast-band-months.js';

const zero = (month: string) => ({ month, weighted: 0, p10: 0, p90: 0, p50: null });
const some = (month: string) => ({ month, weighted: 5, p10: 0, p90: 10, p50: 4 });

describe('forecast band months', () => {
  it('calendarMonths crosses the year; monthSpan counts both ends', () => {
    expect(calendarMonths('2024-11', '2025-02')).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    // 2024-11 … 2025-02: Nov, Dec, Jan, Feb = 4.
    expect(monthSpan('2024-11', '2025-02')).toBe(4);
  });

  it('bandNotes writes consecutive months as runs and cuts after three runs', () => {
    const months = [
      zero('2024-01'),
      zero('2024-02'),
      some('2024-03'),
      zero('2024-04'),
      some('2024-05'),
      zero('2024-06'),
      some('2024-07'),
      zero('2024-08'),
    ];
    expect(bandNotes(months, [], 8, 'en')).toEqual([
      'Forecast 0 in 2024-01 – 2024-02, 2024-04, 2024-06, …: the deals closing then have no amount or no chance of winning',
    ]);
    expect(bandNotes(months, [], 8, 'zh')[0]).toMatch(
      /^2024-01 – 2024-02、2024-04、2024-06、… 预测为 0/,
    );
  });

  it('bandNotes says nothing for months with figures and no gap', () => {
    expect(bandNotes([some('2024-01'), some('2024-02')], [], 2, 'en')).toEqual([]);
  });
});
