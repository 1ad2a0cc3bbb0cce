import { CENTS, fromMinorUnits, toMinorUnits } from '../columns/money.js';

/**
 * The one number format of everything a person reads (CLI text, report.html, the index page):
 * money at two decimals, counts whole, shares as percents, all with thousands separators, the
 * same in every locale (Chinese reports write 1,234.50 too). results.xlsx states the same rules as
 * Excel number formats. Money is printed from integer cents, rounded by the core's money rule, so
 * 12,345,678,901,234.56 prints exactly and 1.005 prints 1.01, as the totals summed it.
 */

/** What a missing figure (no value, nothing to divide by) reads as. */
export const MISSING_FIGURE = '–';

/** `1234567` → `'1,234,567'`: digits grouped by three. */
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Not a number a reader can be shown as digits: missing, NaN or ±∞. */
function isShowable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** ∞, −∞ and NaN as words a reader understands, rather than digits. */
function nonFiniteText(value: number | null | undefined): string {
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '-∞';
  return MISSING_FIGURE;
}

/**
 * Integer minor units (cents) as money text: `123456` → `'1,234.56'`. Built from the integer's
 * digits, so no float multiply or division can change a cent.
 *
 * @param cents - A whole number of cents.
 * @returns The amount with thousands separators and two decimals.
 * @throws RangeError when `cents` is not a whole number.
 * @example formatMoneyCents(-123456) // '-1,234.56'
 */
export function formatMoneyCents(cents: number): string {
  if (!Number.isInteger(cents)) {
    throw new RangeError(`formatMoneyCents: cents must be a whole number, got ${cents}`);
  }
  const digits = (cents < 0 ? -BigInt(cents) : BigInt(cents)).toString().padStart(3, '0');
  const whole = groupDigits(digits.slice(0, -2));
  return `${cents < 0 ? '-' : ''}${whole}.${digits.slice(-2)}`;
}

/**
 * An amount of money as a reader sees it: two decimals, thousands separators, rounded to cents by
 * the money rule (half away from zero as the decimal reads). Amounts past 2^53 cents (about
 * 90 trillion), which float64 cannot hold to the cent, are shown whole.
 *
 * @param value - The amount; null or undefined for a missing one.
 * @returns e.g. `'3,245,285.50'`; `'–'` when missing.
 * @example formatMoney(3245285.5) // '3,245,285.50'
 * @example formatMoney(12345678901234.56) // '12,345,678,901,234.56'
 */
export function formatMoney(value: number | null | undefined): string {
  if (!isShowable(value)) return nonFiniteText(value);
  const cents = toMinorUnits(value, CENTS);
  if (Number.isSafeInteger(cents)) return formatMoneyCents(cents);
  return `${value < 0 ? '-' : ''}${groupDigits(BigInt(Math.round(Math.abs(value))).toString())}`;
}

/**
 * A count (deals, customers, rows) with thousands separators.
 *
 * @param value - A count; a fractional one is rounded to the nearest whole.
 * @returns e.g. `'6,711'`; `'–'` when missing.
 * @example formatCount(4238) // '4,238'
 */
export function formatCount(value: number | null | undefined): string {
  if (!isShowable(value)) return nonFiniteText(value);
  const whole = Math.round(value);
  return `${whole < 0 ? '-' : ''}${groupDigits(BigInt(Math.abs(whole)).toString())}`;
}

/**
 * A number at fixed decimals with thousands separators (days, multiples such as a coverage).
 *
 * @param value - The number.
 * @param decimals - Decimals shown, 0–6.
 * @returns e.g. `'1,234.5'` for (1234.46, 1); `'–'` when missing.
 * @example formatDecimal(51.83, 1) // '51.8'
 */
export function formatDecimal(value: number | null | undefined, decimals: number): string {
  if (!isShowable(value)) return nonFiniteText(value);
  const scale = 10 ** decimals;
  const units = toMinorUnits(value, scale);
  if (!Number.isSafeInteger(units)) return formatCount(value);
  const digits = BigInt(Math.abs(units))
    .toString()
    .padStart(decimals + 1, '0');
  const whole = groupDigits(digits.slice(0, digits.length - decimals));
  const sign = units < 0 ? '-' : '';
  return decimals === 0 ? `${sign}${whole}` : `${sign}${whole}.${digits.slice(-decimals)}`;
}

/**
 * A share (0–1) as a percent: `0.801` → `'80.1%'`.
 *
 * @param share - The share as a fraction; null when there is nothing to divide by.
 * @param decimals - Decimals of the percent, default 1.
 * @returns e.g. `'80.1%'`; `'–'` when missing.
 * @example formatPercent(0.0690) // '6.9%'
 */
export function formatPercent(share: number | null | undefined, decimals = 1): string {
  if (!isShowable(share)) return nonFiniteText(share);
  return `${formatDecimal(share * 100, decimals)}%`;
}

/**
 * An amount rounded to cents by the money rule, as a plain number for CSV and JSON:
 * `256929.19999999998` → `256929.2`. Amounts too large for whole cents are returned as they are.
 *
 * @param value - The amount.
 * @returns The nearest cent as float64 holds it.
 * @example roundMoney(169543.80000000002) // 169543.8
 */
export function roundMoney(value: number): number {
  if (!Number.isFinite(value)) return value;
  const cents = toMinorUnits(value, CENTS);
  return Number.isSafeInteger(cents) ? fromMinorUnits(cents, CENTS) : value;
}

/**
 * An amount as whole cents by the money rule, for totals that must equal the sum of the rows
 * shown (sum the cents, then {@link formatMoneyCents}).
 *
 * @param value - The amount.
 * @returns The cents, half away from zero as the decimal reads.
 * @example moneyCents(1.005) // 101
 */
export function moneyCents(value: number): number {
  return toMinorUnits(value, CENTS);
}

/** How far (relative) a number may be from a whole cent and still be that cent plus float error. */
const FLOAT_NOISE = 1e-11;

/**
 * A number without float noise, for JSON and CSV whose fields carry no format: a value within
 * float error of a whole cent is that cent (`0.30000000000000004` → `0.3`,
 * `256929.19999999998` → `256929.2`); any other value, such as a share `0.8011014852799`, is
 * left as it is. So money summed in floats prints as the cents it means, and nothing else moves.
 *
 * @param value - Any number.
 * @returns The value, or the cent it is float noise around.
 * @example withoutFloatNoise(0.1 + 0.2) // 0.3
 */
export function withoutFloatNoise(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  const cent = roundMoney(value);
  return Math.abs(cent - value) <= FLOAT_NOISE * Math.max(1, Math.abs(value)) ? cent : value;
}

/**
 * Parameters that name a place or a value as the user sees it in the file, not a quantity: a row
 * or line number as Excel and editors show it, a byte, and ids, codes and cell values, which may
 * be numbers but are never grouped.
 */
const PLAIN_NUMBER_PARAMS: ReadonlySet<string> = new Set([
  'row',
  'firstRow',
  'line',
  'byte',
  'id',
  'invoice',
  'customer',
  'key',
  'code',
  'value',
  'typed',
  'listed',
  'name',
  'stage',
  'column',
]);

/**
 * A number put into a catalogue text, in the one number format: counts and amounts with
 * thousands separators (`135080` → `'135,080'`, `1447682.12` → `'1,447,682.12'`), float noise
 * around a cent removed, the decimals it has kept; a row number, id or cell value (see
 * PLAIN_NUMBER_PARAMS) as it is. The caller's structured fields (warning params, --json) keep the
 * number itself.
 *
 * @param name - the placeholder's name.
 * @param value - its number.
 * @returns the text put in its place.
 * @example numberParamText('count', 7375) // '7,375'
 * @example numberParamText('row', 10234) // '10234'
 */
export function numberParamText(name: string, value: number): string {
  if (PLAIN_NUMBER_PARAMS.has(name) || !Number.isFinite(value)) return String(value);
  const text = String(withoutFloatNoise(value));
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (match === null) return text;
  return `${match[1]}${groupDigits(match[2]!)}${match[3] ?? ''}`;
}
