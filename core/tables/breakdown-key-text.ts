import type { CellValue } from '../columns/cell-value.js';
import { cellText } from '../columns/cell-value.js';
import { isoFromEpochDay, type EpochDay } from '../columns/epoch-day.js';
import { parseDate } from '../columns/parse-date.js';
import { parserFor } from '../columns/record-assembler.js';
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
 * The keys of a column the core read as a date or number field, each distinct cell as the core
 * read it, so one value typed several ways is one group, as the analysis itself counts it:
 * - a date field (close date, created date, invoice date, due date…): its numbers are the Excel
 *   serial dates they are (Office.js `Range.values` gives a date cell as its serial, 46231, which
 *   a breakdown would otherwise list as a number), and its texts (`7/28/2026`, `2026/7/28`,
 *   `2026年7月28日`) the day the core's date parser reads, both shown as `2026-07-28`;
 * - a number field (amount, quantity…): its texts (`10.0`, `1e1`, `¥10`) the number the core's
 *   number parser reads, shown as a number cell is (`10`).
 * Texts are read with the same parser and date system as the records were (parserFor), so the
 * day of `7/11/2026` is the one the forecast counted (month first, as the core reads it); the
 * core reads a date text's day, so a time typed after it is dropped. A cell the parser cannot
 * read stays as typed, and so does a column of any other field, or none (a column of plain
 * numbers stays numbers). A number that is no date (before 1900-01-01, past 9999-12-31) stays a
 * number. Only the distinct cells are read.
 *
 * @param keys - the records' cells in the column, coded (see SourceColumns.codes).
 * @param field - the field the core read the column as, if any.
 * @param date1904 - the workbook's date system.
 * @returns the same codes (the same object when no cell changed), with the cells the core read as dates as date texts (`2026-07-28`)
 *   and the texts it read as numbers as those numbers.
 * @example breakdownKeyCells({ codes, dictionary: [undefined, 46231, '7/28/2026'] }, closeDate, false)
 *   .dictionary // [undefined, '2026-07-28', '2026-07-28']
 */
export function breakdownKeyCells(
  keys: CellCodes,
  field: FieldSpec | undefined,
  date1904: boolean,
): CellCodes {
  const asRead = cellAsRead(field, date1904);
  if (asRead === undefined) return keys;
  const dictionary = keys.dictionary.map(asRead);
  const same = dictionary.every((cell, code) => cell === keys.dictionary[code]);
  return same ? keys : { codes: keys.codes, dictionary };
}

/** A distinct cell of a date or number field's column as the core read it; undefined for others. */
function cellAsRead(
  field: FieldSpec | undefined,
  date1904: boolean,
): ((cell: CellValue) => CellValue) | undefined {
  if (field?.type !== 'date' && field?.type !== 'number') return undefined;
  const parse = parserFor(field.type, date1904);
  const readText = (text: string): CellValue => {
    const parsed = parse(text);
    if (!parsed.ok || parsed.value === undefined) return text;
    return field.type === 'date'
      ? isoFromEpochDay(parsed.value as EpochDay)
      : (parsed.value as number);
  };
  return (cell) => {
    if (typeof cell === 'string') return readText(cell);
    if (typeof cell === 'number' && field.type === 'date')
      return serialDateText(cell, date1904) ?? cell;
    return cell;
  };
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
