import type { CellValue } from './cell-value.js';
import { toExcelError } from './cell-value.js';
import type { Parsed } from './parsed.js';

/** Shared result for blank cells: one frozen object instead of one allocation per blank. */
const BLANK: Parsed<never> = Object.freeze({ ok: true, value: undefined });

const CODE_0 = 48;
const CODE_9 = 57;
const CODE_MINUS = 45;
const CODE_DOT = 46;
const CODE_HASH = 35;

/**
 * Currency marks that may stand before or after an amount; they do not change its value (which
 * currency an amount is in is a column of its own). Longest first, so `美元` wins over `元` and
 * `US$` over `$`. Matched on upper-cased, NFKC-normalised text (NFKC turns `￥` into `¥`, `＄` into `$`).
 */
const CURRENCY_MARKS: readonly string[] = [
  '人民币',
  'US$',
  'HK$',
  'USD',
  'RMB',
  'CNY',
  'EUR',
  'GBP',
  'JPY',
  'HKD',
  '美元',
  '欧元',
  '英镑',
  '港币',
  '港元',
  '日元',
  '元',
  '$',
  '¥',
  '€',
  '£',
];

/**
 * Suffixes that scale the number, as a power of ten: `%` (Excel reads "12.5%" as 0.125),
 * 万 (ten thousand) and 亿 (a hundred million), as ../shared/DOMAIN.md lists them.
 */
const SCALE_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['%', -2],
  ['万', 4],
  ['亿', 8],
]);

const EXPONENT_FORM = /^(\d+\.?\d*|\.\d+)E([+-]?\d{1,6})$/;
const NON_ASCII = /[\u0080-\uffff]/;
const UNICODE_MINUS = /\u2212/g;

/**
 * Reads an amount or count from a cell, the way a person reads it off the sheet.
 *
 * Numbers pass through (NaN and ±Infinity fail). Text may carry thousands separators
 * ("1,234,567.8", "1 234", "1'234", Indian "12,34,567"), currency symbols or codes before or after
 * (¥ ￥ $ € £, USD, RMB, CNY, EUR, 元, 人民币 …), a sign (leading "-"/"+", trailing "1234-",
 * accounting "(1,234.50)"), and one scale suffix: `%` (÷100), 万 (×10⁴) or 亿 (×10⁸). Full-width
 * characters are folded with NFKC. European "1.234,56" is read when it is unambiguous: both
 * separators present with the comma last, or several dots ("1.234.567"). A single comma with other
 * than three digits after it ("12,5") is ambiguous and fails.
 *
 * Formula: the digits and the decimal point are moved by the scale's power of ten as text, and
 * the result is `Number(text)`, so "1.5万" is exactly 15000 and "0.07万" exactly 700 (no
 * `1.5 * 10000` rounding noise).
 *
 * Blanks: null, undefined and white-space-only text give `{ ok: true, value: undefined }`.
 * Never turns unreadable text into 0: "-", "N/A", "abc" fail with a reason.
 *
 * @param cell One cell as Office.js or exceljs hands it over.
 * @returns The number, undefined for a blank, or `{ ok: false, reason }`; an error cell gives
 *   the reason `Excel error #N/A` (with its own code).
 * @throws Never: every input gives a result.
 * @example
 * parseNumber('¥1,234.50');  // { ok: true, value: 1234.5 }
 * parseNumber('(1,234.50)'); // { ok: true, value: -1234.5 }
 * parseNumber('1.5万');      // { ok: true, value: 15000 }
 * parseNumber('12.5%');      // { ok: true, value: 0.125 }
 */
export function parseNumber(cell: CellValue): Parsed<number> {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { ok: true, value: cell } : fail(`${cell} is not a number`);
  }
  if (typeof cell === 'string') {
    // Fast path: most cells of a million-row export are plain "1054" or "-2.55".
    if (isPlainDecimal(cell)) {
      const value = Number(cell);
      return finish(value === 0 ? 0 : value);
    }
    return parseNumberText(cell);
  }
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === 'boolean') return fail('TRUE/FALSE is not a number');
  if (cell instanceof Date) return fail('a date is not a number');
  if (typeof cell === 'object' && 'error' in cell) {
    return fail(`Excel error ${toExcelError(cell) ?? '#UNKNOWN!'}`);
  }
  return fail('unsupported cell value');
}

/** "123", "-0.5", "17850.0": an optional leading minus, digits, at most one dot, one digit at least. */
function isPlainDecimal(text: string): boolean {
  const length = text.length;
  let i = text.charCodeAt(0) === CODE_MINUS ? 1 : 0;
  let digits = 0;
  let dots = 0;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= CODE_0 && code <= CODE_9) digits++;
    else if (code === CODE_DOT && dots === 0) dots++;
    else return false;
  }
  return digits > 0;
}

function parseNumberText(raw: string): Parsed<number> {
  let text = raw.trim();
  if (text === '') return BLANK;
  if (text.charCodeAt(0) === CODE_HASH) {
    const error = toExcelError(text);
    if (error !== undefined) return fail(`Excel error ${error}`);
  }
  if (NON_ASCII.test(text)) text = text.normalize('NFKC').replace(UNICODE_MINUS, '-').trim();
  text = text.toUpperCase();

  let start = 0;
  let end = text.length;
  let negative = false;
  let signSeen = false;
  let parenOpen = false;
  let parenClosed = false;
  let currencyBefore = false;
  let currencyAfter = false;
  let scale = 0;
  let scaleSeen = false;

  for (;;) {
    while (start < end && text.charCodeAt(start) === 32) start++;
    const char = text[start];
    if (char === '(' && !parenOpen) {
      parenOpen = true;
      start++;
    } else if ((char === '-' || char === '+') && !signSeen) {
      signSeen = true;
      negative = char === '-';
      start++;
    } else {
      const mark = currencyBefore ? undefined : currencyAt(text, start, end);
      if (mark === undefined) break;
      currencyBefore = true;
      start += mark.length;
    }
  }
  for (;;) {
    while (end > start && text.charCodeAt(end - 1) === 32) end--;
    const char = text[end - 1];
    if (char === undefined || end <= start) break;
    if (char === ')' && parenOpen && !parenClosed) {
      parenClosed = true;
      end--;
    } else if (char === '-' && !signSeen) {
      // Trailing minus: SAP and mainframe exports write negatives as "1234-".
      signSeen = true;
      negative = true;
      end--;
    } else if (SCALE_SUFFIXES.has(char) && !scaleSeen) {
      scaleSeen = true;
      scale = SCALE_SUFFIXES.get(char) ?? 0;
      end--;
    } else {
      const mark = currencyAfter ? undefined : currencyEndingAt(text, start, end);
      if (mark === undefined) break;
      currencyAfter = true;
      end -= mark.length;
    }
  }
  if (parenOpen !== parenClosed) return fail('unbalanced parenthesis');
  if (parenOpen) {
    if (signSeen) return fail('both parentheses and a sign: which one means negative?');
    negative = true;
  }
  const core = text.slice(start, end);
  if (core === '') return fail('no digits');
  return readCore(core, scale, negative);
}

function currencyAt(text: string, start: number, end: number): string | undefined {
  for (const mark of CURRENCY_MARKS) {
    if (start + mark.length <= end && text.startsWith(mark, start)) return mark;
  }
  return undefined;
}

function currencyEndingAt(text: string, start: number, end: number): string | undefined {
  for (const mark of CURRENCY_MARKS) {
    if (end - mark.length >= start && text.endsWith(mark, end)) return mark;
  }
  return undefined;
}

/** Reads the digits and separators left once signs, currency and scale are stripped. */
function readCore(core: string, scale: number, negative: boolean): Parsed<number> {
  const exponent = EXPONENT_FORM.exec(core);
  if (exponent) {
    // Shifting the exponent keeps "1.5E3%" exact, as the plain-digit path does.
    const value = Number(`${exponent[1] ?? ''}E${Number(exponent[2]) + scale}`);
    return finish(negative && value !== 0 ? -value : value);
  }
  let dots = 0;
  let commas = 0;
  let otherGroups = 0;
  for (let i = 0; i < core.length; i++) {
    const code = core.charCodeAt(i);
    if (code >= CODE_0 && code <= CODE_9) continue;
    const char = core[i];
    if (char === '.') dots++;
    else if (char === ',') commas++;
    else if (char === ' ' || char === "'" || char === '\u2019') otherGroups++;
    else return fail('text is not a number');
  }

  let decimal: string | undefined;
  if (dots > 0 && commas > 0) {
    decimal = core.lastIndexOf('.') > core.lastIndexOf(',') ? '.' : ',';
    if ((decimal === '.' ? dots : commas) > 1) return fail('more than one decimal separator');
  } else if (dots === 1 || (commas === 1 && otherGroups > 0)) {
    decimal = dots === 1 ? '.' : ',';
  } else if (commas === 1) {
    const after = core.length - core.indexOf(',') - 1;
    // "1,234" is a thousands separator; "12,5" could be European 12.5 or a mistyped 125.
    if (after !== 3) return fail('a single comma with other than 3 digits after it is ambiguous');
  }

  const point = decimal === undefined ? -1 : core.indexOf(decimal);
  const whole = point < 0 ? core : core.slice(0, point);
  const fraction = point < 0 ? '' : core.slice(point + 1);
  if (!isDigits(fraction)) return fail('separator inside the decimals');
  const wholeDigits = ungroup(whole);
  if (wholeDigits === undefined) return fail('thousands separators in the wrong places');
  if (wholeDigits === '' && fraction === '') return fail('no digits');
  return finish(shiftDecimal(wholeDigits, fraction, scale, negative));
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < CODE_0 || code > CODE_9) return false;
  }
  return true;
}

/**
 * The digits of an integer part written with one kind of group separator, or undefined when the
 * groups are misplaced. Western groups are 3 digits after a first group of 1–3; Indian groups
 * ("12,34,567") are 2 digits with a last group of 3.
 */
function ungroup(whole: string): string | undefined {
  if (isDigits(whole)) return whole;
  let separator: string | undefined;
  for (let i = 0; i < whole.length; i++) {
    const char = whole[i] ?? '';
    if (isDigits(char)) continue;
    if (separator === undefined) separator = char;
    else if (char !== separator) return undefined;
  }
  if (separator === undefined) return undefined;
  const groups = whole.split(separator);
  const first = groups[0] ?? '';
  const last = groups[groups.length - 1] ?? '';
  if (first.length === 0 || last.length !== 3 || !groups.every(isDigits)) return undefined;
  const middle = groups.slice(1, -1);
  const western = first.length <= 3 && middle.every((group) => group.length === 3);
  const indian = first.length <= 2 && middle.every((group) => group.length === 2);
  return western || indian ? groups.join('') : undefined;
}

/** `Number` of the decimal whole.fraction × 10^scale, the shift done on the digit string. */
function shiftDecimal(whole: string, fraction: string, scale: number, negative: boolean): number {
  const digits = whole + fraction;
  const point = whole.length + scale;
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  const value = Number(text);
  return negative && value !== 0 ? -value : value;
}

function finish(value: number): Parsed<number> {
  return Number.isFinite(value) ? { ok: true, value } : fail('number too large');
}

function fail(reason: string): Parsed<never> {
  return { ok: false, reason };
}
