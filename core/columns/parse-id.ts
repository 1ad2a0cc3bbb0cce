import type { CellValue } from './cell-value.js';
import { toExcelError } from './cell-value.js';
import { epochDayFromUtcDate, isoFromEpochDay } from './epoch-day.js';
import type { Parsed } from './parsed.js';

const BLANK: Parsed<never> = Object.freeze({ ok: true, value: undefined });

/** "17850.0", "-3.00": an integer a CSV writer printed as a float (pandas does for a column with gaps). */
const INTEGER_WRITTEN_AS_FLOAT = /^(-?\d+)\.0+$/;

/**
 * Reads an identifier (customer, invoice or deal id) as text, so 17850, "17850" and "17850.0"
 * are one customer.
 *
 * Text is trimmed; "17850.0" (the Online Retail CSV writes CustomerID as a float, see
 * ../shared/data/SOURCES.md) loses its ".0". Numbers print without a trailing ".0" (17850 →
 * "17850"). A Date gives its ISO calendar date in UTC ("2024-03-05"). Leading zeros in text are
 * kept ("0379-NEVHP", "007"); a number cell has already lost them in Excel.
 *
 * Formula: `String(number)` to Excel's 15 significant digits, or the trimmed text with a `.0…`
 * ending removed from integer text.
 *
 * Blanks: null, undefined and white-space-only text give `{ ok: true, value: undefined }`.
 *
 * @param cell One cell as a spreadsheet reader hands it over (see CellValue).
 * @returns The id, undefined for a blank, or `{ ok: false, reason }` (NaN, TRUE/FALSE, or
 *   `Excel error #N/A` with its own code).
 * @throws Never: every input gives a result.
 * @example
 * parseId(17850);       // { ok: true, value: '17850' }
 * parseId('17850.0');   // { ok: true, value: '17850' }
 * parseId(' C536379 '); // { ok: true, value: 'C536379' }
 */
export function parseId(cell: CellValue): Parsed<string> {
  if (typeof cell === 'string') {
    const text = readText(cell);
    if (typeof text !== 'string') return text;
    // Only text ending in "0" can be an integer written as a float: skip the regex otherwise.
    const float =
      text.charCodeAt(text.length - 1) === 48 ? INTEGER_WRITTEN_AS_FLOAT.exec(text) : null;
    return { ok: true, value: float ? (float[1] ?? text) : text };
  }
  if (typeof cell === 'number') return fromNumber(cell);
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === 'boolean') return fail('TRUE/FALSE is not an id');
  if (cell instanceof Date) return fromDate(cell, false);
  return fromOther(cell);
}

/**
 * Reads free text (account name, owner, stage, region) from a cell.
 *
 * Text is trimmed; numbers print as `String(number)` to Excel's 15 significant digits
 * (3 → "3", 2.5 → "2.5", 0.1 + 0.2 → "0.3"); booleans as Excel shows them, TRUE and FALSE; a Date
 * as its ISO date in UTC, or its full ISO timestamp when it carries a time of day.
 *
 * Formula: none; a conversion to trimmed text.
 *
 * Blanks: null, undefined and white-space-only text give `{ ok: true, value: undefined }`.
 *
 * @param cell One cell as a spreadsheet reader hands it over (see CellValue).
 * @returns The text, undefined for a blank, or `{ ok: false, reason }` (NaN/Infinity, an invalid
 *   Date, or `Excel error #N/A` with its own code).
 * @throws Never: every input gives a result.
 * @example
 * parseText('  Moses Frase '); // { ok: true, value: 'Moses Frase' }
 * parseText(true);             // { ok: true, value: 'TRUE' }
 */
export function parseText(cell: CellValue): Parsed<string> {
  if (typeof cell === 'string') {
    const text = readText(cell);
    return typeof text === 'string' ? { ok: true, value: text } : text;
  }
  if (typeof cell === 'number') return fromNumber(cell);
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === 'boolean') return { ok: true, value: cell ? 'TRUE' : 'FALSE' };
  if (cell instanceof Date) return fromDate(cell, true);
  return fromOther(cell);
}

/** The trimmed text, or the result for a blank or an error literal. */
function readText(cell: string): string | Parsed<never> {
  const text = cell.trim();
  if (text === '') return BLANK;
  if (text.charCodeAt(0) === 35) {
    const error = toExcelError(text);
    if (error !== undefined) return fail(`Excel error ${error}`);
  }
  return text;
}

function fromNumber(value: number): Parsed<string> {
  if (!Number.isFinite(value)) return fail(`${value} is not a value`);
  // Excel keeps 15 significant digits, so 0.1+0.2 shows as 0.3 there and reads as "0.3" here.
  // String never writes a trailing ".0", and adding 0 turns -0 into "0".
  return { ok: true, value: String(Number(value.toPrecision(15)) + 0) };
}

function fromDate(date: Date, keepTime: boolean): Parsed<string> {
  const day = epochDayFromUtcDate(date);
  if (day === undefined) return fail('invalid Date');
  const iso = isoFromEpochDay(day);
  const hasTime = date.getTime() !== day * 86_400_000;
  return { ok: true, value: keepTime && hasTime ? date.toISOString() : iso };
}

function fromOther(cell: object): Parsed<never> {
  if ('error' in cell)
    return fail(`Excel error ${toExcelError(cell as { error: string }) ?? '#UNKNOWN!'}`);
  return fail('unsupported cell value');
}

function fail(reason: string): Parsed<never> {
  return { ok: false, reason };
}
