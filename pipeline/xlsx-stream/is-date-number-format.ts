/**
 * Built-in number format ids that show a date or time (ECMA-376 Part 1, 18.8.30, plus the East
 * Asian ids 27–36 and 50–58 whose codes depend on the locale but always show dates or times).
 */
export const BUILTIN_DATE_FORMAT_IDS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/**
 * True when a cell with this number format shows a date or time, so its number is a serial.
 *
 * Rule (that of exceljs, made a little stricter): drop `[...]` sections (colours, conditions,
 * locales, elapsed-time brackets), quoted literals, backslash-escaped characters and the
 * characters after `_` (padding) and `*` (fill); a date/time token `y m d h s` (either case) left
 * over means a date. `General`, `0.00`, `#,##0 ;[Red](#,##0)` and `0 "days"` are not dates.
 *
 * @param id the `numFmtId` of the cell's style.
 * @param code the custom format code for that id, when the workbook defines one.
 */
export function isDateNumberFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_DATE_FORMAT_IDS.has(id);
  const stripped = code
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '');
  // "General" contains no date token, but guard against locale variants such as "general".
  if (/^\s*general\s*$/i.test(stripped)) return false;
  return /[ymdhsYMDHS]/.test(stripped);
}

/** Built-in number format ids that show only a time or a duration (18–21, 45–47). */
const BUILTIN_TIME_FORMAT_IDS: ReadonlySet<number> = new Set([18, 19, 20, 21, 45, 46, 47]);

/**
 * True when a date/time format shows only a time or duration (`h:mm`, `[h]:mm:ss`, `mm:ss.0`):
 * its cells are read as their serial number, since a calendar date would be meaningless.
 * A format is time-only when, once literals and brackets are dropped, it has no year, day or era
 * token and its `m` (if any) sits with hours or seconds.
 */
export function isTimeOnlyNumberFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_TIME_FORMAT_IDS.has(id);
  const section = (code.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/AM\/PM|A\/P/gi, '')
    .toLowerCase();
  if (/[ydegb]/.test(section)) return false;
  return !(/m/.test(section) && !/[hs]/.test(section));
}
