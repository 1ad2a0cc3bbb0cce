import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/columns/records.js';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import { forecastFunnel } from '../../../core/funnel/forecast-funnel.js';

const asOf = epochDayFromIso('2024-07-01')!;
const day = (iso: string) => epochDayFromIso(iso)!;
const deals: Deal[] = [
  { row: 2, id: 'a', stage: 'Design', amount: 10, createdDate: day('2024-06-30') },
  { row: 3, id: 'b', stage: 'Design', amount: 20, createdDate: day('2024-09-01') },
  { row: 4, id: 'c', stage: 'Design', amount: 30, createdDate: day('2024-07-02') },
  { row: 5, id: 'd', stage: 'Design', amount: 40 },
  { row: 6, id: 'e', stage: 'Design', amount: 50, createdDate: asOf },
];

describe('forecastFunnel with deals created after asOf', () => {
  it('warns once with their count, earliest created date and first row, and keeps them', () => {
    const r = forecastFunnel(deals, { asOf, place: { file: 'f.xlsx', sheet: 'Deals' } });
    const late = r.warnings.filter((w) => w.column === 'createdDate' && w.code === 'out-of-range');
    // b and c are created after 2024-07-01; e on the day itself counts as existing.
    expect(late).toEqual([
      expect.objectContaining({ count: 2, row: 3, file: 'f.xlsx', sheet: 'Deals' }),
    ]);
    expect(late[0]!.message).toContain('2 deal(s) were created after the as-of date 2024-07-01');
    expect(late[0]!.message).toContain('the earliest on 2024-07-02');
    // Kept: 10 + 20 + 30 + 40 + 50 = 150.
    expect(r.totals.amount).toBe(150);
  });

  it('gives no such warning when every deal was created by asOf', () => {
    const r = forecastFunnel(deals, { asOf: day('2024-09-01') });
    expect(r.warnings.filter((w) => w.column === 'createdDate')).toEqual([
      expect.objectContaining({ code: 'missing-value' }),
    ]);
  });
});
