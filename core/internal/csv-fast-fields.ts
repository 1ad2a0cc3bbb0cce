/**
 * Fast paths for the commonest CSV fields (plain decimal numbers, ISO dates, blanks) read straight
 * from the text by character codes, and slices cut out as strings of their own (ownSlice).
 *
 * Why: a million-row CSV has millions of such fields; slicing each into a string and running the
 * general parsers (locale-aware numbers, many date formats) dominates reading. Anything these
 * paths do not recognise falls back to the general parsers, so results are the same.
 */
import { epochDayFromCivil } from '../columns/calendar-month.js';

const MINUS = 45;
const DOT = 46;
const DIGIT_0 = 48;
const MAX_EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Blank as parseCsvText sees it: empty or only white space. */
export function isBlankField(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128) return false;
    return text.slice(i, end).trim() === '';
  }
  return true;
}

/**
 * "123", "-0.5": optional minus, digits, one optional dot, at most 15 digits; NaN otherwise.
 * The same value parseNumber gives (an exact integer divided once by an exact power of ten).
 */
export function plainNumber(text: string, start: number, end: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  let digits = 0;
  let decimals = -1;
  let mantissa = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    const d = c - DIGIT_0;
    if (d >= 0 && d <= 9) {
      digits++;
      mantissa = mantissa * 10 + d;
      if (decimals >= 0) decimals++;
    } else if (c === DOT && decimals < 0) decimals = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > MAX_EXACT_DIGITS) return Number.NaN;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return negative ? -value + 0 : value;
}

/** The epoch day of "YYYY-MM-DD" or "YYYY-MM-DD hh:mm:ss" (space or T) naming a real day; NaN otherwise. */
export function isoDay(text: string, start: number, end: number): number {
  const length = end - start;
  if (length !== 10 && length !== 19) return Number.NaN;
  if (text.charCodeAt(start + 4) !== MINUS || text.charCodeAt(start + 7) !== MINUS)
    return Number.NaN;
  const year = digitsAt(text, start, 4);
  const month = digitsAt(text, start + 5, 2);
  const day = digitsAt(text, start + 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return Number.NaN;
  if (length === 19) {
    const t = text.charCodeAt(start + 10);
    if (
      (t !== 32 && t !== 84) ||
      text.charCodeAt(start + 13) !== 58 ||
      text.charCodeAt(start + 16) !== 58
    ) {
      return Number.NaN;
    }
    const hour = digitsAt(text, start + 11, 2);
    const minute = digitsAt(text, start + 14, 2);
    const second = digitsAt(text, start + 17, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
      return Number.NaN;
  }
  return epochDayFromCivil(year, month, day);
}

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** V8 copies slices shorter than this; longer ones point into the text they were cut from. */
const SHORTEST_SHARED_SLICE = 13;

/**
 * `text.slice(start, end)` as a string of its own. V8 returns a long slice as a view that keeps
 * the whole text alive; a record keeping one value of each 64 KB piece of a file would keep the
 * file (tens of MB, copied by every collection). Prefixing a character makes a concatenation,
 * which V8 flattens into a fresh string when it is sliced again; the result holds only itself.
 */
export function ownSlice(text: string, start: number, end: number): string {
  const slice = text.slice(start, end);
  return slice.length < SHORTEST_SHARED_SLICE ? slice : (' ' + slice).slice(1);
}
