/**
 * Calendar dates as whole days since 1970-01-01 (an "epoch day").
 *
 * A plain integer is time-zone free, sorts and subtracts without a Date object, and packs into
 * typed arrays for the million-row paths. Conversions go through UTC so the machine's time zone
 * never shifts a date.
 */
export type EpochDay = number;

const MS_PER_DAY = 86_400_000;

/** Excel 1900 serial of 1970-01-01 (valid for serials after the phantom 1900-02-29). */
const SERIAL_1900_OF_EPOCH = 25_569;
/** Excel 1904 serial of 1970-01-01: days from 1904-01-01 to 1970-01-01. */
const SERIAL_1904_OF_EPOCH = 24_107;
/** The 1900 system's phantom 1900-02-29 (Lotus 1-2-3 compatibility). */
export const PHANTOM_LEAP_SERIAL = 60;

/**
 * The epoch day of a proleptic-Gregorian calendar date.
 *
 * @param year - the full year (2026).
 * @param month - 1–12.
 * @param day - 1–31.
 * @returns days since 1970-01-01, or undefined when there is no such date (2026-02-30).
 * @throws nothing
 * @example epochDayFromYmd(2026, 6, 30) // 20634
 */
export function epochDayFromYmd(year: number, month: number, day: number): EpochDay | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Year, month (1–12) and day of an epoch day. */
export function ymdFromEpochDay(day: EpochDay): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The ISO date text of an epoch day.
 *
 * @param day - whole days since 1970-01-01.
 * @returns `YYYY-MM-DD` (years before 0 and after 9999 in the expanded ISO form).
 * @throws nothing
 * @example isoFromEpochDay(20634) // '2026-06-30'
 */
export function isoFromEpochDay(day: EpochDay): string {
  const { year, month, day: d } = ymdFromEpochDay(day);
  const yyyy = year < 0 ? `-${String(-year).padStart(6, '0')}` : String(year).padStart(4, '0');
  return `${yyyy}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The epoch day of a strict `YYYY-MM-DD` string. User-typed dates in other forms are read by the
 * column parsers, not here.
 *
 * @param text - `YYYY-MM-DD`.
 * @returns days since 1970-01-01, or undefined for any other text or a date that does not exist.
 * @throws nothing
 * @example epochDayFromIso('2026-06-30') // 20634
 */
export function epochDayFromIso(text: string): EpochDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  return epochDayFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * The calendar date of an Excel serial date (as Range.values gives date cells); the time of day
 * is dropped.
 *
 * 1900 system: serial 1 is 1900-01-01 and serial 60 is the phantom 1900-02-29, which does not
 * exist, so it gives undefined. 1904 system: serial 0 is 1904-01-01.
 *
 * @param serial - the cell's number.
 * @param date1904 - true when the workbook uses the 1904 date system.
 * @returns days since 1970-01-01, or undefined for serials before the system's first day, the
 *   phantom day, and non-finite numbers.
 * @throws nothing
 * @example epochDayFromExcelSerial(46203.75) // 20634 (2026-06-30 18:00)
 */
export function epochDayFromExcelSerial(serial: number, date1904 = false): EpochDay | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (date1904) return whole < 0 ? undefined : whole - SERIAL_1904_OF_EPOCH;
  if (whole < 1 || whole === PHANTOM_LEAP_SERIAL) return undefined;
  // Serials before the phantom day are one day "ahead" of the real calendar.
  return whole < PHANTOM_LEAP_SERIAL
    ? whole - SERIAL_1900_OF_EPOCH + 1
    : whole - SERIAL_1900_OF_EPOCH;
}

/**
 * The Excel serial of an epoch day, to write a date into a sheet (inverse of
 * epochDayFromExcelSerial).
 *
 * @param day - whole days since 1970-01-01.
 * @param date1904 - true when the workbook uses the 1904 date system.
 * @returns the serial number Excel stores for that date.
 * @throws nothing
 * @example excelSerialFromEpochDay(20634) // 46203
 */
export function excelSerialFromEpochDay(day: EpochDay, date1904 = false): number {
  if (date1904) return day + SERIAL_1904_OF_EPOCH;
  const serial = day + SERIAL_1900_OF_EPOCH;
  // Days up to 1900-02-28 land one serial lower, skipping the phantom serial 60.
  return serial <= PHANTOM_LEAP_SERIAL ? serial - 1 : serial;
}

/** The calendar date a JS Date shows in UTC (how exceljs encodes Excel dates). */
export function epochDayFromUtcDate(date: Date): EpochDay | undefined {
  const ms = date.getTime();
  return Number.isNaN(ms) ? undefined : Math.floor(ms / MS_PER_DAY);
}
