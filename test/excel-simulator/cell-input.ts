import type { SimCellValue } from './workbook-model.js';

/** What a write of one cell stores: a value, or a formula (whose value is not calculated). */
export interface StoredCell {
  value: SimCellValue | undefined;
  formula?: string;
  /** A number format Excel applies while parsing the input (an ISO date gets a date format). */
  impliedFormat?: string;
}

/**
 * The value a formula written through the API shows. The simulator has no calculation engine,
 * so it shows Excel's own "the engine could not calculate this" error rather than a made-up
 * result; a test that sees `#CALC!` where it expected text has caught a string turned formula.
 */
export const UNCALCULATED = '#CALC!';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * How Excel stores one element written through Range.values (`mode` 'values') or
 * Range.formulas ('formulas'): as if the user had typed it, unless the cell's number format is
 * text (`@`), when a string stays exactly as given. Typed strings become: a formula when they
 * start with `=`, `+`, `-` or `@` and are not numbers (the Range.values documentation: "If the
 * returned value starts with a plus, minus, or equal sign, Excel interprets this value as a
 * formula"; `@` is the implicit-intersection prefix Excel also accepts); numbers for numeric
 * text and percentages; booleans for TRUE/FALSE; date serials for ISO dates (YYYY-MM-DD, which
 * the same documentation names as stored as dates). Other locale date shapes stay text.
 *
 * @returns undefined for `null` (the cell is left unchanged), a StoredCell otherwise.
 * @throws TypeError with a reason for inputs Excel refuses (NaN, Infinity, objects).
 */
export function interpretCellInput(
  input: unknown,
  cellFormat: string,
  date1904: boolean,
): StoredCell | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new TypeError(`${input} is not a number Excel can store`);
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (typeof input !== 'string') {
    throw new TypeError(`a cell takes a string, number or boolean, not ${describe(input)}`);
  }
  if (input === '') return { value: undefined };
  if (cellFormat === '@') return { value: input };
  return interpretTypedText(input, date1904);
}

/** Characters that can start a number, a boolean, a formula or a date once blanks are trimmed. */
const SPECIAL_START = /^\s*[-+=@.\dtTfF]/;

function interpretTypedText(text: string, date1904: boolean): StoredCell {
  if (!SPECIAL_START.test(text)) return { value: text };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (PERCENT.test(trimmed)) {
    return { value: Number(trimmed.slice(0, -1)) / 100, impliedFormat: '0%' };
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toUpperCase() === 'TRUE' };
  const first = text[0];
  if (text.length > 1 && (first === '=' || first === '+' || first === '-' || first === '@')) {
    return {
      value: UNCALCULATED,
      formula: first === '=' ? text : `=${text.slice(first === '@' ? 1 : 0)}`,
    };
  }
  const date = ISO_DATE.exec(trimmed);
  if (date) {
    const serial = serialFromYmd(Number(date[1]), Number(date[2]), Number(date[3]), date1904);
    if (serial !== undefined) return { value: serial, impliedFormat: 'yyyy-mm-dd' };
  }
  return { value: text };
}

function describe(input: unknown): string {
  if (input instanceof Date) return 'a Date (write its serial number or an ISO date string)';
  if (Array.isArray(input)) return 'an array';
  return typeof input;
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: serial 0 of the 1900 system for every date after 1900-02-28 (Lotus's leap year bug). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** 1904-01-01: serial 0 of the 1904 system. */
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Excel's serial number of a calendar day, or undefined for a day that does not exist. */
export function serialFromYmd(
  year: number,
  month: number,
  day: number,
  date1904: boolean,
): number | undefined {
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return serialFromUtcTime(time, date1904);
}

/** A UTC instant as an Excel serial (whole days plus the fraction of the day). */
export function serialFromUtcTime(time: number, date1904: boolean): number {
  const serial = (time - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
  // Serials 1..59 of the 1900 system sit before Excel's phantom 1900-02-29.
  return !date1904 && serial < 61 && serial >= 1 ? serial - 1 : serial;
}

/** The UTC instant of an Excel serial number. */
export function utcTimeFromSerial(serial: number, date1904: boolean): number {
  const days = !date1904 && serial < 60 ? serial + 1 : serial;
  return (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(days * MS_PER_DAY);
}
