/**
 * What kind of mistake stopped a core function. Stable strings, so a script, the CLI or the
 * add-in can branch on them and show its own words; the message says what to fix.
 *
 * - `invalid-option`: an option is out of range, of the wrong type, or contradicts another
 *   (`asOf` not a date, weights not adding up to 100%, an unknown template name).
 * - `invalid-input`: the records or values handed in have the wrong shape (not an array, NaN
 *   where a number must be, a chart input that breaks its own rules).
 * - `unknown-field`: a field name the record kind does not have (`mapping: { colour: 'A' }`).
 * - `missing-column`: a mapping names a column the header row does not have.
 * - `empty-input`: a calculation that needs at least one value got none.
 * - `too-large`: more input than the chosen method can handle (exact enumeration of > 24 deals).
 * - `malformed-csv`: CSV text that cannot be split into cells (a quote that never closes).
 * - `unreadable-file`: a workbook or CSV file that cannot be read at all (WorkbookReadError).
 */
import type { CodedText } from '../text/coded-text.js';

export type PipecastErrorCode =
  | 'invalid-option'
  | 'invalid-input'
  | 'unknown-field'
  | 'missing-column'
  | 'empty-input'
  | 'too-large'
  | 'malformed-csv'
  | 'unreadable-file';

/**
 * Where the problem is, as far as the throwing function knows it: `row` is the row number Excel
 * shows (1-based, header rows included) and `column` the header text as the user typed it, the
 * same conventions as a DataWarning.
 */
export interface PipecastErrorPlace {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
}

/**
 * The one error class core throws, for caller mistakes (bad options, wrongly shaped input) and
 * input it cannot read at all. Messy data inside readable input is never thrown: it is reported
 * as DataWarnings. The message starts with the function's name and says what to fix, e.g.
 * `rfm: asOf must be an integer epoch day, got 1.5`.
 *
 * @example
 * try {
 *   ageReceivables(invoices, payments, { asOf: 'yesterday' });
 * } catch (error) {
 *   if (error instanceof PipecastError && error.code === 'invalid-option') show(error.oneLine());
 *   else throw error;
 * }
 */
export class PipecastError extends Error {
  override name = 'PipecastError';
  /** What kind of mistake it is; see {@link PipecastErrorCode}. */
  readonly code: PipecastErrorCode;
  /** Where it is, when known; `{}` for an option, which has no place in a sheet. */
  readonly place: PipecastErrorPlace;
  /**
   * The message as a catalogue key and its parameters, when it has one, so a front end shows it
   * in its user's language (core/errors/error-line.ts); the `message` is then its English.
   */
  readonly text?: CodedText;

  /**
   * @param code - The kind of mistake.
   * @param message - What is wrong and what to fix, starting with the function's name.
   * @param place - File, sheet, Excel row and column, when known.
   * @param options - `cause`: the error this one replaces, if any; `text`: the message as
   *   coded text (build such errors with `codedError`, which writes the English for you).
   */
  constructor(
    code: PipecastErrorCode,
    message: string,
    place: PipecastErrorPlace = {},
    options?: { cause?: unknown; text?: CodedText },
  ) {
    super(message, options !== undefined && 'cause' in options ? { cause: options.cause } : {});
    this.code = code;
    this.place = definedPlace(place);
    if (options?.text !== undefined) this.text = options.text;
  }

  /**
   * The error as one line for a terminal, a log or a task pane: the place (when known), then the
   * message with its line breaks folded, never a stack.
   *
   * @returns e.g. `deals.xlsx, sheet Deals, row 1, column Owner: matchColumns: mapping …`
   * @example
   * new PipecastError('malformed-csv', 'a quoted field opened on line 2 is never closed', { row: 2 })
   *   .oneLine(); // 'row 2: a quoted field opened on line 2 is never closed'
   */
  oneLine(): string {
    return placedLine(this.place, this.message);
  }
}

/**
 * The place (when known), then the message folded onto one line: the English one-line form of
 * any error with a place.
 */
export function placedLine(place: PipecastErrorPlace, message: string): string {
  const where = placeText(place);
  const text = message.replace(/\s+/g, ' ').trim();
  // Some messages name their place already (`pipecast.json: aging.buckets must increase`).
  return where === '' || text.startsWith(`${where}: `) ? text : `${where}: ${text}`;
}

/**
 * A place as words, parts in the order file, sheet, row, column: `deals.xlsx, sheet Deals,
 * row 12, column Amount`; `''` for an empty place.
 */
export function placeText(place: PipecastErrorPlace): string {
  const parts: string[] = [];
  if (place.file !== undefined) parts.push(place.file);
  if (place.sheet !== undefined) parts.push(`sheet ${place.sheet}`);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.column !== undefined) parts.push(`column ${place.column}`);
  return parts.join(', ');
}

/** The place without undefined entries, so errors compare and print cleanly. */
function definedPlace(place: PipecastErrorPlace): PipecastErrorPlace {
  const out: PipecastErrorPlace = {};
  if (place.file !== undefined) out.file = place.file;
  if (place.sheet !== undefined) out.sheet = place.sheet;
  if (place.row !== undefined) out.row = place.row;
  if (place.column !== undefined) out.column = place.column;
  return out;
}
