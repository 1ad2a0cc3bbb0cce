import type { CellValue } from '../columns/cell-value.js';
import { cellText } from '../columns/cell-value.js';
import { isoFromEpochDay, type EpochDay } from '../columns/epoch-day.js';
import { parseDate } from '../columns/parse-date.js';
import type { FieldSpec } from '../columns/record-fields.js';
import type { CellCodes } from '../internal/sheet-column-codes.js';

const SECONDS_PER_DAY = 86_400;

/**
 * A breakdown key as its row shows it: a date cell (a Date, as workbook readers give
 * date-formatted cells) as the calendar date it shows, `2026-07-28`, followed by the time of day
 * only when it is not midnight (`2026-07-28 09:30`, with seconds when there are any), the way
 * `export` writes dates; any other cell as cellText gives it. ISO text with `T…Z` would show a
 * time and a zone the sheet never held.
 *
 * @param cell - one distinct cell of the breakdown's column.
 * @returns its text, not yet trimmed or folded.
 * @throws nothing
 * @example breakdownKeyText(new Date(Date.UTC(2026, 6, 28))) // '2026-07-28'
 */
export function breakdownKeyText(cell: CellValue): string {
  if (cell instanceof Date) {
    const seconds = Math.round(cell.getTime() / 1000);
    if (Number.isFinite(seconds)) {
      const day = Math.floor(seconds / SECONDS_PER_DAY);
      return dateTimeText(day, seconds - day * SECONDS_PER_DAY);
    }
  }
  return cellText(cell);
}

/**
 * The keys of a column the core read as a date field (close date, created date, invoice date,
 * due date…), with its numbers read as the Excel serial dates they are: Office.js `Range.values`
 * gives a date cell as its serial (46231), which a breakdown would otherwise list as a number.
 * Only the distinct cells are converted; a column of any other field, or none, is returned as it
 * is, so a column of plain numbers stays numbers. A number that is no date (before 1900-01-01,
 * past 9999-12-31) stays a number.
 *
 * @param keys - the records' cells in the column, coded (see SourceColumns.codes).
 * @param field - the field the core read the column as, if any.
 * @param date1904 - the workbook's date system.
 * @returns the same codes, with the date field's serials as date texts (`2026-07-28`).
 * @example breakdownKeyCells({ codes, dictionary: [undefined, 46231] }, closeDate, false).dictionary
 *   // [undefined, '2026-07-28']
 */
export function breakdownKeyCells(
  keys: CellCodes,
  field: FieldSpec | undefined,
  date1904: boolean,
): CellCodes {
  if (field?.type !== 'date' || !keys.dictionary.some((cell) => typeof cell === 'number'))
    return keys;
  const dictionary = keys.dictionary.map((cell) =>
    typeof cell === 'number' ? (serialDateText(cell, date1904) ?? cell) : cell,
  );
  return { codes: keys.codes, dictionary };
}

/** An Excel serial's date (and time of day, to the second), or undefined when it is no date. */
function serialDateText(serial: number, date1904: boolean): string | undefined {
  const seconds = Math.round(serial * SECONDS_PER_DAY);
  if (!Number.isFinite(seconds)) return undefined;
  const whole = Math.floor(seconds / SECONDS_PER_DAY);
  // The day as the core reads the cell: the same date systems, bounds and phantom 1900-02-29.
  const parsed = parseDate(whole, { date1904 });
  if (!parsed.ok || parsed.value === undefined) return undefined;
  return dateTimeText(parsed.value, seconds - whole * SECONDS_PER_DAY);
}

/** `2026-07-28`, or `2026-07-28 09:30` / `2026-07-28 09:30:15` when the time is not midnight. */
function dateTimeText(day: EpochDay, seconds: number): string {
  const date = isoFromEpochDay(day);
  if (seconds === 0) return date;
  const two = (n: number): string => String(n).padStart(2, '0');
  const hh = two(Math.floor(seconds / 3600));
  const mm = two(Math.floor(seconds / 60) % 60);
  const ss = seconds % 60;
  return ss === 0 ? `${date} ${hh}:${mm}` : `${date} ${hh}:${mm}:${two(ss)}`;
}
