import type { CellValue } from './cell-value.js';
import { toExcelError } from './cell-value.js';
import type { Parsed } from './parsed.js';

const BLANK: Parsed<never> = Object.freeze({ ok: true, value: undefined });
const TRUE: Parsed<boolean> = Object.freeze({ ok: true, value: true });
const FALSE: Parsed<boolean> = Object.freeze({ ok: true, value: false });

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Words for yes and no, lower-cased and NFKC-folded. "x" marks a ticked box (an unticked box is
 * left blank). √ ✓ ✔ ☑ are the ticks and × ✗ ✘ ☒ the crosses people type in Chinese and
 * English sheets; 無/沒有/對/錯 are the traditional-script spellings.
 */
const WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['yes', true],
  ['y', true],
  ['1', true],
  ['x', true],
  ['是', true],
  ['有', true],
  ['对', true],
  ['對', true],
  ['✓', true],
  ['✔', true],
  ['√', true],
  ['☑', true],
  ['false', false],
  ['no', false],
  ['n', false],
  ['0', false],
  ['否', false],
  ['无', false],
  ['無', false],
  ['没有', false],
  ['沒有', false],
  ['错', false],
  ['錯', false],
  ['✗', false],
  ['✘', false],
  ['×', false],
  ['☒', false],
]);

/**
 * Reads a yes/no flag (qualification checks such as budget 预算 or authority 决策权).
 *
 * Booleans pass through; the numbers 1 and 0 are true and false. Text, case- and
 * width-insensitive: yes/no, y/n, true/false, 1/0, x (ticked), 是/否, 有/无, 对/错, ✓/✗ (and √, ✔, ×, ✘).
 *
 * Formula: a lookup of the trimmed, NFKC-folded, lower-cased text.
 *
 * Blanks: null, undefined and white-space-only text give `{ ok: true, value: undefined }`, not
 * false: an unanswered question is not a "no".
 *
 * @param cell One cell as a spreadsheet reader hands it over (see CellValue).
 * @returns The flag, undefined for a blank, or `{ ok: false, reason }`; an error cell gives the
 *   reason `Excel error #N/A` (with its own code).
 * @throws Never: every input gives a result.
 * @example
 * parseBoolean('Yes'); // { ok: true, value: true }
 * parseBoolean('否');   // { ok: true, value: false }
 */
export function parseBoolean(cell: CellValue): Parsed<boolean> {
  if (typeof cell === 'boolean') return cell ? TRUE : FALSE;
  if (typeof cell === 'string') {
    const direct = WORDS.get(cell);
    if (direct !== undefined) return direct ? TRUE : FALSE;
    let text = cell.trim();
    if (text === '') return BLANK;
    const error = text.startsWith('#') ? toExcelError(text) : undefined;
    if (error !== undefined) return fail(`Excel error ${error}`);
    if (NON_ASCII.test(text)) text = text.normalize('NFKC').trim();
    const value = WORDS.get(text.toLowerCase());
    return value === undefined ? fail('text is not yes/no') : value ? TRUE : FALSE;
  }
  if (typeof cell === 'number') {
    if (cell === 1) return TRUE;
    if (cell === 0) return FALSE;
    return fail(`${cell} is not 1 or 0`);
  }
  if (cell === null || cell === undefined) return BLANK;
  if (cell instanceof Date) return fail('a date is not yes/no');
  if (typeof cell === 'object' && 'error' in cell) {
    return fail(`Excel error ${toExcelError(cell) ?? '#UNKNOWN!'}`);
  }
  return fail('unsupported cell value');
}

function fail(reason: string): Parsed<never> {
  return { ok: false, reason };
}
