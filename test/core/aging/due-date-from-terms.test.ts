import { describe, expect, it } from 'vitest';
import { dueDateFromTerms } from '../../../core/aging/due-date-from-terms.js';
import { epochDayFromIso, isoFromEpochDay } from '../../../core/columns/epoch-day.js';

const d = (iso: string): number => epochDayFromIso(iso) as number;
const due = (iso: string, days: number, monthEnd = false): string =>
  isoFromEpochDay(dueDateFromTerms(d(iso), { days, monthEnd }));

describe('dueDateFromTerms', () => {
  it('adds calendar days for net terms', () => {
    // 2024-01-15 + 30 days: 16 days left in January → 2024-02-14 (hand count).
    expect(due('2024-01-15', 30)).toBe('2024-02-14');
    // Month end: 2024-01-31 + 30 → 2024-03-01 (29 days in Feb 2024, leap year).
    expect(due('2024-01-31', 30)).toBe('2024-03-01');
    // Same in a common year: 2023-01-31 + 30 → 2023-03-02 (28 days in Feb 2023).
    expect(due('2023-01-31', 30)).toBe('2023-03-02');
    // Leap day itself: 2024-02-29 + 365 = 2025-02-28 (2025 is not a leap year).
    expect(due('2024-02-29', 365)).toBe('2025-02-28');
  });

  it('runs month-end terms (月结) from the last day of the invoice month', () => {
    // 月结60天 on 2024-01-15: 2024-01-31 + 60 → Feb has 29 → 2024-03-31 (31 + 29 = 60).
    expect(due('2024-01-15', 60, true)).toBe('2024-03-31');
    // Leap February: 2024-02-10 → 2024-02-29 + 30 = 2024-03-30.
    expect(due('2024-02-10', 30, true)).toBe('2024-03-30');
    // Common February: 2023-02-10 → 2023-02-28 + 30 = 2023-03-30.
    expect(due('2023-02-10', 30, true)).toBe('2023-03-30');
    // December rolls into the next year: 2023-12-05 → 2023-12-31 + 0 days.
    expect(due('2023-12-05', 0, true)).toBe('2023-12-31');
  });

  it('throws on a non-integer date or negative days', () => {
    expect(() => dueDateFromTerms(1.5, { days: 30, monthEnd: false })).toThrow(
      /dueDateFromTerms.*1.5/,
    );
    expect(() => dueDateFromTerms(0, { days: -1, monthEnd: false })).toThrow(
      /dueDateFromTerms.*-1/,
    );
  });
});
