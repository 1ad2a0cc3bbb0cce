/**
 * Calendar arithmetic for the plain reference implementations, on JavaScript's own UTC Date, so
 * the references share no date code with the core (which uses integer civil-date formulas).
 * Dates are epoch days: whole days since 1970-01-01.
 */

const MS_PER_DAY = 86_400_000;

function dateOf(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** `YYYY-MM-DD` of an epoch day. */
export function isoOf(day: number): string {
  return dateOf(day).toISOString().slice(0, 10);
}

/** The epoch day of a year, month (1–12) and day of month. */
export function dayOf(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

/** Year and month (1–12) of an epoch day. */
export function yearMonthOf(day: number): { year: number; month: number } {
  const date = dateOf(day);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** Day of the month (1–31) of an epoch day. */
export function dayOfMonthOf(day: number): number {
  return dateOf(day).getUTCDate();
}

/** Number of days in a month. */
export function daysInMonth(year: number, month: number): number {
  return dayOf(year, month + 1, 1) - dayOf(year, month, 1);
}

/** The last day of the month an epoch day falls in. */
export function lastDayOfMonthOf(day: number): number {
  const { year, month } = yearMonthOf(day);
  return dayOf(year, month + 1, 1) - 1;
}

/** The month before a year and month. */
export function previousMonth(at: { year: number; month: number }): {
  year: number;
  month: number;
} {
  return at.month === 1 ? { year: at.year - 1, month: 12 } : { year: at.year, month: at.month - 1 };
}
