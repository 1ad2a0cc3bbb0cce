import type { CellValue } from './cell-value.js';
import { toExcelError } from './cell-value.js';
import type { EpochDay } from './epoch-day.js';
import {
  epochDayFromExcelSerial,
  epochDayFromUtcDate,
  isoFromEpochDay,
  PHANTOM_LEAP_SERIAL,
} from './epoch-day.js';
import type { Parsed } from './parsed.js';

/** Options of parseDate. */
export interface ParseDateOptions {
  /** The workbook uses the 1904 date system (serial 0 = 1904-01-01). Default false (1900 system). */
  date1904?: boolean;
}

/** Workbooks use the 1900 date system unless they say otherwise (Excel for Windows' default). */
export const DEFAULT_DATE1904 = false;

/** Excel's last date, 9999-12-31, as a 1900-system serial. */
const MAX_SERIAL_1900 = 2_958_465;
/** The same day in the 1904 system (1904-01-01 is 1900 serial 1462). */
const MAX_SERIAL_1904 = MAX_SERIAL_1900 - 1_462;
/**
 * Half a millisecond in days. exceljs rounds a serial to whole milliseconds before it makes a
 * Date, so a date-time a hair before midnight (44197.99999999999, float noise from a formula)
 * becomes the next day there; adding this before taking the whole day gives the same date from
 * a raw serial (Office.js) as from exceljs.
 */
const HALF_MS_IN_DAYS = 0.5 / 86_400_000;

const BLANK: Parsed<never> = Object.freeze({ ok: true, value: undefined });

const CODE_0 = 48;
const CODE_MINUS = 45;
const CODE_HASH = 35;

const NON_ASCII = /[\u0080-\uffff]/;
/** 2024-03-05, 2024/3/5, 2024.3.5 (one separator throughout), then an optional time. */
const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)(.+))?$/i;
/** US 4/6/2013 (month first, as in the IBM receivables export), then an optional time. */
const MDY = /^(\d{1,2})\/(\d{1,2})\/(\d+)(?:\s+(.+))?$/;
/** 2024年3月5日 (or 号), then an optional time. */
const CHINESE = /^(\d+)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?:\s*(.+))?$/;
/** 20240305: ISO 8601 basic format, common in ERP exports. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** 5-Mar-2024, 05 March 2024 (Excel's d-mmm-yyyy display). */
const DAY_MONTH_NAME = /^(\d{1,2})[-\s]([a-z]{3,9})\.?[-\s,]\s*(\d+)$/i;
/** Mar 5, 2024 / March 5th 2024. */
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d+)$/i;
const WESTERN_TIME =
  /^(?:(上午|中午|下午|晚上|凌晨)\s*)?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(?:([ap])\.?m\.?)?\s*(?:z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/i;
const CHINESE_TIME =
  /^(?:(上午|中午|下午|晚上|凌晨)\s*)?(\d{1,2})\s*[时点](?:\s*(\d{1,2})\s*分(?:\s*(\d{1,2})\s*秒)?)?$/;
const ENGLISH_WEEKDAY = /^(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?,?\s+/i;
const ENGLISH_WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const ENGLISH_WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
/** 星期二 / 周二 / 礼拜二 right after the day (日 or 号); 日 and 天 both mean Sunday. */
const CHINESE_WEEKDAY = /([日号])\s*,?\s*(星期|周|礼拜)([日一二三四五六天])/;
const CHINESE_WEEKDAYS = '日一二三四五六天';
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

const MONTH_NAMES: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['january', 1],
  ['feb', 2],
  ['february', 2],
  ['mar', 3],
  ['march', 3],
  ['apr', 4],
  ['april', 4],
  ['may', 5],
  ['jun', 6],
  ['june', 6],
  ['jul', 7],
  ['july', 7],
  ['aug', 8],
  ['august', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['oct', 10],
  ['october', 10],
  ['nov', 11],
  ['november', 11],
  ['dec', 12],
  ['december', 12],
]);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Reads a calendar date from a cell as an epoch day (days since 1970-01-01), whatever shape the
 * workbook stored it in.
 *
 * - Numbers are Excel serial dates in the workbook's date system (time of day dropped).
 *   In the 1900 system serial 1 is 1900-01-01 and serial 60 is Excel's phantom 1900-02-29,
 *   which fails; 1904 system: serial 0 is 1904-01-01. Serials past 9999-12-31 fail.
 * - Date objects (exceljs) give the calendar date they show in UTC, since exceljs encodes an
 *   Excel date as that UTC midnight (plus the time of day).
 * - Text: ISO "2024-03-05", "2024-03-05 08:26:00", "2024-03-05T10:00:00Z" or "+08:00"; "YYYY/M/D",
 *   "YYYY.M.D", "YYYY-M-D"; US "M/D/YYYY" (month first); "2024年3月5日" with an optional time;
 *   "20240305"; "5-Mar-2024", "Mar 5, 2024". Full-width digits are folded with NFKC.
 *   A zone suffix is ignored: the date is the one written. A cell holds a calendar date, and
 *   converting "2024-03-05T23:00:00-05:00" to some reader's zone would move it to another day
 *   depending on where the report runs.
 * - Two-digit years fail ("3/5/24": 1924 or 2024?), as do impossible dates (2023-02-29,
 *   13/1/2024 read month first) and numbers stored as text (a serial must be a number, and
 *   "2024" alone would otherwise become 1905-07-16).
 *
 * Formula: epoch day = days from 1970-01-01 to the date in the proleptic Gregorian calendar;
 * serials map through `epochDayFromExcelSerial`. Independent of the machine's time zone.
 *
 * Blanks: null, undefined and white-space-only text give `{ ok: true, value: undefined }`.
 *
 * @param cell One cell as a spreadsheet reader hands it over (see CellValue).
 * @param options `date1904`: the workbook's date system (default false, the 1900 system).
 * @returns The epoch day, undefined for a blank, or `{ ok: false, reason }`; an error cell gives
 *   the reason `Excel error #N/A` (with its own code).
 * @throws Never: every input gives a result.
 * @example
 * parseDate(44197);                        // { ok: true, value: 18628 }  (2021-01-01)
 * parseDate(42735, { date1904: true });    // { ok: true, value: 18628 }
 * parseDate('4/6/2013');                   // April 6, 2013
 * parseDate('2024年3月5日');                // 2024-03-05
 */
export function parseDate(cell: CellValue, options?: ParseDateOptions): Parsed<EpochDay> {
  const date1904 = options?.date1904 ?? DEFAULT_DATE1904;
  if (typeof cell === 'string') {
    const iso = isoDayFast(cell);
    return iso === undefined ? parseDateText(cell) : iso;
  }
  if (typeof cell === 'number') return fromSerial(cell, date1904);
  if (cell === null || cell === undefined) return BLANK;
  if (cell instanceof Date) {
    const day = epochDayFromUtcDate(cell);
    return day === undefined ? fail('invalid Date') : { ok: true, value: day };
  }
  if (typeof cell === 'boolean') return fail('TRUE/FALSE is not a date');
  if (typeof cell === 'object' && 'error' in cell) {
    return fail(`Excel error ${toExcelError(cell) ?? '#UNKNOWN!'}`);
  }
  return fail('unsupported cell value');
}

function fromSerial(serial: number, date1904: boolean): Parsed<EpochDay> {
  if (!Number.isFinite(serial)) return fail(`${serial} is not a date serial`);
  const whole = Math.floor(serial + HALF_MS_IN_DAYS);
  if (date1904) {
    if (whole < 0) return fail('a negative serial is not a date in the 1904 date system');
    if (whole > MAX_SERIAL_1904)
      return fail(`serial ${serial} is after 9999-12-31, Excel's last date`);
  } else {
    if (whole === PHANTOM_LEAP_SERIAL) {
      return fail(
        'serial 60 is 1900-02-29, a day that does not exist (Excel keeps it for Lotus 1-2-3)',
      );
    }
    if (whole < 1) {
      return fail(`serial ${serial} is before 1900-01-01 (serial 1), Excel's first date`);
    }
    if (whole > MAX_SERIAL_1900)
      return fail(`serial ${serial} is after 9999-12-31, Excel's last date`);
  }
  const day = epochDayFromExcelSerial(whole, date1904);
  return day === undefined ? fail(`serial ${serial} is not a date`) : { ok: true, value: day };
}

/**
 * The result for "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (the Online Retail export's shape) without
 * a regex or allocation beyond the result, or undefined when the text has another shape.
 */
function isoDayFast(text: string): Parsed<EpochDay> | undefined {
  const length = text.length;
  if (length !== 10 && length !== 19) return undefined;
  if (text.charCodeAt(4) !== CODE_MINUS || text.charCodeAt(7) !== CODE_MINUS) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return undefined;
  if (length === 19) {
    const separator = text[10];
    if ((separator !== ' ' && separator !== 'T') || text[13] !== ':' || text[16] !== ':') {
      return undefined;
    }
    const hour = digitsAt(text, 11, 2);
    const minute = digitsAt(text, 14, 2);
    const second = digitsAt(text, 17, 2);
    if (hour < 0 || minute < 0 || second < 0) return undefined;
    if (hour > 23 || minute > 59 || second > 59) return fail(`no such time: ${text.slice(11)}`);
  }
  return fromYmd(year, month, day, 'ymd');
}

/** The number written by `count` ASCII digits at `start`, or -1. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - CODE_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function parseDateText(raw: string): Parsed<EpochDay> {
  let text = raw.trim();
  if (text === '') return BLANK;
  if (text.charCodeAt(0) === CODE_HASH) {
    const error = toExcelError(text);
    if (error !== undefined) return fail(`Excel error ${error}`);
  }
  if (NON_ASCII.test(text)) text = text.normalize('NFKC').trim();

  // Long date formats name the weekday: "Tuesday, March 5, 2024", "2024年3月5日星期二".
  let weekday = -1;
  const english = ENGLISH_WEEKDAY.exec(text);
  if (english) {
    weekday = ENGLISH_WEEKDAYS.indexOf((english[1] ?? '').toLowerCase());
    text = text.slice(english[0].length);
  } else {
    const chinese = CHINESE_WEEKDAY.exec(text);
    if (chinese) {
      weekday = CHINESE_WEEKDAYS.indexOf(chinese[3] ?? '') % 7;
      text =
        text.slice(0, chinese.index) +
        (chinese[1] ?? '') +
        text.slice(chinese.index + chinese[0].length);
    }
  }
  const result = parseDateBody(text);
  if (weekday < 0 || !result.ok || result.value === undefined) return result;
  // 1970-01-01, epoch day 0, was a Thursday (weekday 4 counting from Sunday = 0).
  const actual = (((result.value + 4) % 7) + 7) % 7;
  if (actual === weekday) return result;
  return fail(
    `the text names ${ENGLISH_WEEKDAY_NAMES[weekday]} but ${isoFromEpochDay(result.value)} is a ${ENGLISH_WEEKDAY_NAMES[actual]}`,
  );
}

function parseDateBody(text: string): Parsed<EpochDay> {
  let match = YMD.exec(text);
  if (match) {
    const [, year, , month, day, time] = match;
    return withTime(time, () => fromYmd(Number(year), Number(month), Number(day), 'ymd'));
  }
  match = MDY.exec(text);
  if (match) {
    const [, month, day, year = '', time] = match;
    return withTime(time, () =>
      fromYearText(year, (y) => fromYmd(y, Number(month), Number(day), 'mdy')),
    );
  }
  match = CHINESE.exec(text);
  if (match) {
    const [, year = '', month, day, time] = match;
    return withTime(time, () =>
      fromYearText(year, (y) => fromYmd(y, Number(month), Number(day), 'ymd')),
    );
  }
  match = COMPACT.exec(text);
  if (match) return fromYmd(Number(match[1]), Number(match[2]), Number(match[3]), 'ymd');
  match = DAY_MONTH_NAME.exec(text);
  if (match) return fromNamedMonth(match[1] ?? '', match[2] ?? '', match[3] ?? '');
  match = MONTH_NAME_DAY.exec(text);
  if (match) return fromNamedMonth(match[2] ?? '', match[1] ?? '', match[3] ?? '');
  if (NUMERIC_TEXT.test(text)) {
    return fail('a number stored as text; an Excel serial date must be a number cell');
  }
  return fail('text is not a date (expected e.g. 2024-03-05, 3/5/2024 or 2024年3月5日)');
}

function fromNamedMonth(day: string, monthName: string, year: string): Parsed<EpochDay> {
  const month = MONTH_NAMES.get(monthName.toLowerCase());
  if (month === undefined) return fail(`unknown month name "${monthName}"`);
  return fromYearText(year, (y) => fromYmd(y, month, Number(day), 'ymd'));
}

function fromYearText(year: string, read: (year: number) => Parsed<EpochDay>): Parsed<EpochDay> {
  if (year.length === 2) return fail(`two-digit year "${year}" is ambiguous; write it in full`);
  if (year.length !== 4) return fail(`year "${year}" does not have four digits`);
  return read(Number(year));
}

/** The date's result when the time after it (if any) is a valid time of day. */
function withTime(time: string | undefined, read: () => Parsed<EpochDay>): Parsed<EpochDay> {
  const date = read();
  if (!date.ok || time === undefined || isValidTime(time)) return date;
  return fail(`no such time of day: "${time}"`);
}

function isValidTime(time: string): boolean {
  const western = WESTERN_TIME.exec(time);
  const match = western ?? CHINESE_TIME.exec(time);
  if (!match) return false;
  const hour = Number(match[2]);
  const minute = Number(match[3] ?? 0);
  const second = Number(match[4] ?? 0);
  const twelveHour = match[1] !== undefined || (western !== null && western[5] !== undefined);
  if (minute > 59 || second > 59) return false;
  return twelveHour ? hour <= 12 : hour <= 23;
}

function fromYmd(year: number, month: number, day: number, order: 'ymd' | 'mdy'): Parsed<EpochDay> {
  const epochDay = epochDayOfYmd(year, month, day);
  if (epochDay !== undefined) return { ok: true, value: epochDay };
  const written =
    order === 'mdy'
      ? `month ${month}, day ${day}, year ${year} (read as US month/day/year)`
      : `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return fail(`no such calendar date: ${written}`);
}

/**
 * The epoch day of a valid proleptic-Gregorian date, by arithmetic (no Date object, so it is
 * cheap on million-row columns), or undefined when there is no such day. Howard Hinnant's
 * days_from_civil: count from a year that starts on March 1 so the leap day comes last.
 */
function epochDayOfYmd(year: number, month: number, day: number): EpochDay | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day > monthDays) return undefined;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function fail(reason: string): Parsed<never> {
  return { ok: false, reason };
}
