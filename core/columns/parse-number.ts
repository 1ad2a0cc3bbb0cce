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
/**
 * Characters NFKC folds that matter in numbers: no-break and other spaces, full-width digits,
 * punctuation and ￥ ￡ (U+FF00–U+FFEF), the ideographic space; plus U+2212 minus, which NFKC
 * leaves alone. Text without them (even "¥1,234") skips the costly normalisation.
 */
const NEEDS_FOLDING = /[\u00a0\u2000-\u206f\u2212\u3000\uff00-\uffef]/;
const LOWER_ASCII = /[a-z]/;
const NOT_DIGIT = /[^0-9]/g;
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
 * Formula: the value is the decimal the digits spell, times 10^scale, rounded once to the
 * nearest double, i.e. what `Number` gives for that decimal written out; so "1.5万" is exactly
 * 15000 and "0.07万" exactly 700 (no `0.07 * 10000` = 700.0000000000001 noise).
 *
 * Blanks: null, undefined and white-space-only text give `{ ok: true, value: undefined }`.
 * Never turns unreadable text into 0: "-", "N/A", "abc" fail with a reason.
 *
 * @param cell One cell as a spreadsheet reader hands it over (see CellValue).
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
    if (cell > -MAX_SUMMABLE && cell < MAX_SUMMABLE) return { ok: true, value: cell };
    return Number.isFinite(cell) ? tooLarge(cell) : fail(`${cell} is not a number`);
  }
  if (typeof cell === 'string') {
    // Fast path: most cells of a million-row export are plain "1054" or "-2.55".
    const plain = plainDecimal(cell);
    return Number.isNaN(plain) ? parseNumberText(cell) : finish(plain);
  }
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === 'boolean') return fail('TRUE/FALSE is not a number');
  if (cell instanceof Date) return fail('a date is not a number');
  if (typeof cell === 'object' && 'error' in cell) {
    return fail(`Excel error ${toExcelError(cell) ?? '#UNKNOWN!'}`);
  }
  return fail('unsupported cell value');
}

/** 10^0 … 10^22: the powers of ten a double holds exactly. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** Up to 15 digits the mantissa stays below 2^53, so it is an exact integer. */
const MAX_EXACT_DIGITS = 15;

/**
 * The value of "123", "-0.5", "17850.0" (optional leading minus, digits, at most one dot, one
 * digit at least), or NaN for any other text. With at most 15 digits the digits form an exact
 * integer M and M ÷ 10^k is one correctly rounded division, so the result equals `Number(text)`
 * (Clinger's fast path, which JS engines also use) at a fraction of its cost; longer numbers go
 * through `Number`.
 */
function plainDecimal(text: string): number {
  const length = text.length;
  const negative = text.charCodeAt(0) === CODE_MINUS;
  let digits = 0;
  let decimals = -1;
  let mantissa = 0;
  for (let i = negative ? 1 : 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= CODE_0 && code <= CODE_9) {
      digits++;
      mantissa = mantissa * 10 + (code - CODE_0);
      if (decimals >= 0) decimals++;
    } else if (code === CODE_DOT && decimals < 0) decimals = 0;
    else return Number.NaN;
  }
  if (digits === 0) return Number.NaN;
  if (digits > MAX_EXACT_DIGITS) return Number(text) + 0;
  const value = decimals > 0 ? mantissa / (EXACT_POWERS_OF_TEN[decimals] ?? 1) : mantissa;
  // Adding 0 turns -0 into 0 so "-0" reads as plain zero.
  return negative ? -value + 0 : value;
}

function parseNumberText(raw: string): Parsed<number> {
  let text = raw.trim();
  if (text === '') return BLANK;
  if (text.charCodeAt(0) === CODE_HASH) {
    const error = toExcelError(text);
    if (error !== undefined) return fail(`Excel error ${error}`);
  }
  if (NEEDS_FOLDING.test(text)) text = text.normalize('NFKC').replace(UNICODE_MINUS, '-').trim();
  if (LOWER_ASCII.test(text)) text = text.toUpperCase();

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

/** Currency marks by their first and by their last character, so a digit is turned away at once. */
const MARKS_BY_FIRST = groupMarks((mark) => mark.charAt(0));
const MARKS_BY_LAST = groupMarks((mark) => mark.charAt(mark.length - 1));

function groupMarks(key: (mark: string) => string): ReadonlyMap<string, readonly string[]> {
  const groups = new Map<string, string[]>();
  for (const mark of CURRENCY_MARKS) {
    const list = groups.get(key(mark)) ?? [];
    list.push(mark);
    groups.set(key(mark), list);
  }
  return groups;
}

function currencyAt(text: string, start: number, end: number): string | undefined {
  for (const mark of MARKS_BY_FIRST.get(text.charAt(start)) ?? []) {
    if (start + mark.length <= end && text.startsWith(mark, start)) return mark;
  }
  return undefined;
}

function currencyEndingAt(text: string, start: number, end: number): string | undefined {
  for (const mark of MARKS_BY_LAST.get(text.charAt(end - 1)) ?? []) {
    if (end - mark.length >= start && text.endsWith(mark, end)) return mark;
  }
  return undefined;
}

/** Reads the digits and separators left once signs, currency and scale are stripped. */
function readCore(core: string, scale: number, negative: boolean): Parsed<number> {
  const exponent = core.includes('E') ? EXPONENT_FORM.exec(core) : null;
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
  const wholeEnd = point < 0 ? core.length : point;
  if (point >= 0 && !isDigitsFrom(core, point + 1)) return fail('separator inside the decimals');
  if (!isWellGrouped(core, wholeEnd)) return fail('thousands separators in the wrong places');
  return decimalValue(core, wholeEnd, scale, negative);
}

function isDigitsFrom(text: string, start: number): boolean {
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < CODE_0 || code > CODE_9) return false;
  }
  return true;
}

/**
 * Whether the integer part `text[0, end)` uses one kind of group separator in the right places:
 * Western groups are 3 digits after a first group of 1–3; Indian groups ("12,34,567") are 2
 * digits with a last group of 3. One scan, no arrays: this runs per cell.
 */
function isWellGrouped(text: string, end: number): boolean {
  let separator = -1;
  let previous = -1;
  let first = -1;
  let middle = -1;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= CODE_0 && code <= CODE_9) continue;
    if (separator < 0) separator = code;
    else if (code !== separator) return false;
    const length = i - previous - 1;
    if (first < 0) first = length;
    else if (middle < 0) middle = length;
    else if (length !== middle) return false;
    previous = i;
  }
  if (separator < 0) return true;
  if (end - previous - 1 !== 3 || first < 1) return false;
  const western = first <= 3 && (middle < 0 || middle === 3);
  const indian = first <= 2 && middle === 2;
  return western || indian;
}

/**
 * The digits of `core` (separators skipped; those after `wholeEnd` are decimals) × 10^scale,
 * equal to `Number` of that decimal written out. With at most 15 digits and a power of ten up to
 * 10^22, M × 10^e or M ÷ 10^−e is a single correctly rounded operation on exact operands, so it
 * gives the double `Number` would (Clinger's fast path). Longer inputs spell the decimal out.
 */
function decimalValue(
  core: string,
  wholeEnd: number,
  scale: number,
  negative: boolean,
): Parsed<number> {
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  for (let i = 0; i < core.length; i++) {
    const digit = core.charCodeAt(i) - CODE_0;
    if (digit < 0 || digit > 9) continue;
    mantissa = mantissa * 10 + digit;
    digits++;
    if (i > wholeEnd) decimals++;
  }
  if (digits === 0) return fail('no digits');
  const exponent = scale - decimals;
  let value: number;
  if (digits <= MAX_EXACT_DIGITS && exponent >= -22 && exponent <= 22) {
    value =
      exponent < 0
        ? mantissa / (EXACT_POWERS_OF_TEN[-exponent] ?? 1)
        : mantissa * (EXACT_POWERS_OF_TEN[exponent] ?? 1);
  } else {
    const all = core.replace(NOT_DIGIT, '');
    value = Number(spellDecimal(all, all.length - decimals + scale));
  }
  return finish(negative && value !== 0 ? -value : value);
}

/** The digit string with its decimal point placed `point` digits from the left (any integer). */
function spellDecimal(digits: string, point: number): string {
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

function finish(value: number): Parsed<number> {
  if (value > -MAX_SUMMABLE && value < MAX_SUMMABLE) return { ok: true, value };
  return Number.isFinite(value) ? tooLarge(value) : fail('number too large');
}

/**
 * Numbers are read only below this size (10^15, a thousand trillion): a million of them still add
 * up to a finite sum, so no total, average or DSO of an analysis can overflow to Infinity (an
 * amount of 1e308 used to stop aging with "ar must be finite" and print ∞ in a forecast). Every
 * plain decimal of up to 15 digits is below it.
 */
export const MAX_SUMMABLE = 1e15;

function tooLarge(value: number): Parsed<never> {
  return fail(`${value} is too large to add up (numbers must be below 10^15)`);
}

function fail(reason: string): Parsed<never> {
  return { ok: false, reason };
}
