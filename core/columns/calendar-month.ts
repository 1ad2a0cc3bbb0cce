import type { EpochDay } from './epoch-day.js';

/**
 * Integer calendar arithmetic for the hot paths (no Date objects, so a million rows cost
 * a few integer operations each). Algorithm: Howard Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms" (days_from_civil / civil_from_days), proleptic Gregorian, exact for all epoch days.
 */

/** Year, month (1–12) and day of an epoch day. */
export function civilFromEpochDay(day: EpochDay): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** The epoch day of a year, month (1–12) and day; day may run past the month end (it rolls over). */
export function epochDayFromCivil(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Months since year 0 (year × 12 + month − 1): consecutive integers for consecutive months.
 * Computed without building the { year, month, day } object, as it runs once per row.
 */
export function monthIndexOfEpochDay(day: EpochDay): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 12 + month - 1;
}

/** The first epoch day of a month index. */
export function firstDayOfMonthIndex(monthIndex: number): EpochDay {
  const year = Math.floor(monthIndex / 12);
  return epochDayFromCivil(year, monthIndex - year * 12 + 1, 1);
}

/** Number of days in a month index (28–31). */
export function daysInMonthIndex(monthIndex: number): number {
  return firstDayOfMonthIndex(monthIndex + 1) - firstDayOfMonthIndex(monthIndex);
}

/** The last day of the month an epoch day falls in. */
export function lastDayOfMonth(day: EpochDay): EpochDay {
  return firstDayOfMonthIndex(monthIndexOfEpochDay(day) + 1) - 1;
}
