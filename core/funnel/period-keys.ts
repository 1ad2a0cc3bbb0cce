/** Month number (year × 12 + month − 1) of an epoch day. */
export { monthIndexOfEpochDay as monthIndexFromEpochDay } from '../columns/calendar-month.js';

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
