import type { CellValue } from './cell-value.js';
import { toExcelError } from './cell-value.js';
import type { Parsed } from './parsed.js';
import type { DealStatus } from './records.js';

const BLANK: Parsed<never> = Object.freeze({ ok: true, value: undefined });

const NON_ASCII = /[\u0080-\uffff]/;
/** White space, hyphens, underscores and slashes: "Closed-Won", "closed_won", "Closed Won" match. */
const SEPARATORS = /[\s\-_/]+/g;

/** Status words with separators removed, lower-cased and NFKC-folded. */
const WORDS: ReadonlyMap<string, DealStatus> = new Map<string, DealStatus>([
  ['open', 'open'],
  ['active', 'open'],
  ['inprogress', 'open'],
  ['ongoing', 'open'],
  ['进行中', 'open'],
  ['跟进中', 'open'],
  ['未结', 'open'],
  ['won', 'won'],
  ['win', 'won'],
  ['closedwon', 'won'],
  ['赢单', 'won'],
  ['成交', 'won'],
  ['已成交', 'won'],
  ['签约', 'won'],
  ['已签约', 'won'],
  ['lost', 'lost'],
  ['loss', 'lost'],
  ['closedlost', 'lost'],
  ['丢单', 'lost'],
  ['输单', 'lost'],
  ['失败', 'lost'],
  ['丢失', 'lost'],
  ['已丢失', 'lost'],
]);

/**
 * Reads a deal status (open, won or lost) from the words CRMs and people use in English and Chinese.
 *
 * open: open, active, in progress, ongoing, 进行中, 跟进中, 未结. won: won, win, closed won, 赢单,
 * 成交, 已成交, 签约, 已签约. lost: lost, loss, closed lost, 丢单, 输单, 失败, 丢失, 已丢失.
 *
 * Formula: a lookup of the text after NFKC folding, lower-casing and removing spaces, hyphens,
 * underscores and slashes, so "Closed-Won", "CLOSED WON" and "ｃｌｏｓｅｄ ｗｏｎ" all match.
 * A pipeline stage such as "Prospecting" is not a status and fails.
 *
 * Blanks: null, undefined and white-space-only text give `{ ok: true, value: undefined }`.
 *
 * @param cell One cell as a spreadsheet reader hands it over (see CellValue).
 * @returns The status, undefined for a blank, or `{ ok: false, reason }`; an error cell gives the
 *   reason `Excel error #N/A` (with its own code).
 * @throws Never: every input gives a result.
 * @example
 * parseStatus('Closed Won'); // { ok: true, value: 'won' }
 * parseStatus('丢单');        // { ok: true, value: 'lost' }
 */
export function parseStatus(cell: CellValue): Parsed<DealStatus> {
  if (typeof cell === 'string') {
    let text = cell.trim();
    if (text === '') return BLANK;
    const error = text.startsWith('#') ? toExcelError(text) : undefined;
    if (error !== undefined) return fail(`Excel error ${error}`);
    if (NON_ASCII.test(text)) text = text.normalize('NFKC');
    const status = WORDS.get(text.toLowerCase().replace(SEPARATORS, ''));
    return status === undefined
      ? fail('not a deal status (expected open, won or lost, or 进行中, 赢单, 丢单 …)')
      : { ok: true, value: status };
  }
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === 'number') return fail('a number is not a deal status');
  if (typeof cell === 'boolean') return fail('TRUE/FALSE is not a deal status');
  if (cell instanceof Date) return fail('a date is not a deal status');
  if (typeof cell === 'object' && 'error' in cell) {
    return fail(`Excel error ${toExcelError(cell) ?? '#UNKNOWN!'}`);
  }
  return fail('unsupported cell value');
}

function fail(reason: string): Parsed<never> {
  return { ok: false, reason };
}
