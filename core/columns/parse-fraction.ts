import type { CellValue } from './cell-value.js';
import type { Parsed } from './parsed.js';
import { parseNumber } from './parse-number.js';

const PERCENT_AT_END = /[%％]\s*$/;

/**
 * Reads a probability or share (赢率, win rate) as a fraction 0–1, whether the sheet holds 0.3,
 * 30 or "30%".
 *
 * Formula: text ending in `%` is read by parseNumber ("30%" → 0.3) and must land in 0–1;
 * otherwise a value v in 0–1 is kept and 1 < v ≤ 100 is taken as percent points, v ÷ 100
 * (the division done on the decimal digits, so 33.3 → 0.333 exactly as JS reads "0.333").
 * So 1 means 100%, not 1%: a column in percent points should write 1% as "1%".
 * Negative values and values over 100 fail as out of range.
 *
 * Blanks: null, undefined and white-space-only text give `{ ok: true, value: undefined }`.
 *
 * @param cell One cell as a spreadsheet reader hands it over (see CellValue).
 * @returns The fraction, undefined for a blank, or `{ ok: false, reason }` (out of range, not a
 *   number, or `Excel error #N/A` with its own code).
 * @throws Never: every input gives a result.
 * @example
 * parseFraction('30%'); // { ok: true, value: 0.3 }
 * parseFraction(30);    // { ok: true, value: 0.3 }
 * parseFraction(0.3);   // { ok: true, value: 0.3 }
 */
export function parseFraction(cell: CellValue): Parsed<number> {
  const parsed = parseNumber(cell);
  if (!parsed.ok || parsed.value === undefined) return parsed;
  const value = parsed.value;
  if (typeof cell === 'string' && PERCENT_AT_END.test(cell)) {
    return value >= 0 && value <= 1 ? parsed : outOfRange(cell.trim());
  }
  if (value >= 0 && value <= 1) return parsed;
  if (value > 1 && value <= 100) return { ok: true, value: percentPoints(value) };
  return outOfRange(String(value));
}

/** value ÷ 100 as the decimal it reads: move the point two places in the digits. */
function percentPoints(value: number): number {
  // Values in (1, 100] print without an exponent, so the digits are all there.
  const text = String(value);
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  const fraction = point < 0 ? '' : text.slice(point + 1);
  return Number(`${whole.slice(0, -2) || '0'}.${whole.slice(-2).padStart(2, '0')}${fraction}`);
}

function outOfRange(written: string): Parsed<never> {
  return { ok: false, reason: `${written} is out of range (0–1 or 0–100%)` };
}
