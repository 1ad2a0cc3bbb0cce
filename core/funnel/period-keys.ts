import type { EpochDay } from '../columns/epoch-day.js';

/**
 * Month number (year × 12 + month − 1) of an epoch day, with integer arithmetic only
 * (Howard Hinnant's civil-from-days), so a million deals need no Date objects.
 */
export function monthIndexFromEpochDay(day: EpochDay): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** `YYYY-MM` of a month index. */
export function monthLabel(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  return `${String(year).padStart(4, '0')}-${String(monthIndex - year * 12 + 1).padStart(2, '0')}`;
}

/** `YYYY-Qn` of a month index. */
export function quarterLabel(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  return `${String(year).padStart(4, '0')}-Q${Math.floor((monthIndex - year * 12) / 3) + 1}`;
}
