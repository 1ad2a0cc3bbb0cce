import { type Locale, type TextKey, type TextPlaceholders, textFor } from '../text/catalogue.js';
import { type CodedParam, type CodedText, renderCoded } from '../text/coded-text.js';
import {
  PipecastError,
  type PipecastErrorCode,
  type PipecastErrorPlace,
  placedLine,
  placeText,
} from './pipecast-error.js';

/**
 * The kind of an error for its Chinese lead-in: a PipecastError's code, `usage` (a mistake in how
 * a command was called) or `stopped` (anything else, a bug or the system).
 */
export type ErrorLeadCode = PipecastErrorCode | 'usage' | 'stopped';

/**
 * What {@link errorLine} needs of an error: a PipecastError fits, and so does this plain shape
 * sent from a worker thread (structured cloning keeps no class).
 */
export interface LineableError {
  code: ErrorLeadCode;
  /** The English message. */
  message: string;
  place?: PipecastErrorPlace;
  /** The message as coded text, when it has a catalogue key. */
  text?: CodedText;
}

/**
 * An error as one line in `locale`, never a stack. English: the place (when known) and the
 * message, exactly as PipecastError.oneLine() gives it. Chinese: the place in Chinese, then the
 * message from the catalogue when the error has a key, else a Chinese lead-in by the error's code
 * before the English detail, so the line is always framed in the user's language.
 *
 * @example errorLine(new WorkbookReadError('a.xlsx', coded('error.fileNotFound')), 'zh')
 * // 'a.xlsx：找不到文件'
 * @example errorLine(new PipecastError('invalid-option', 'rfm: asOf must be …'), 'zh')
 * // '选项或参数无效：rfm: asOf must be …'
 */
export function errorLine(error: LineableError, locale: Locale): string {
  const place = error.place ?? {};
  if (locale === 'en') return placedLine(place, error.message);
  const where = placeTextIn(place, locale);
  const text = error.text ?? detailText(error.code, withoutPlace(place, error.message));
  const body = renderCoded(text, locale).replace(/\s+/g, ' ').trim();
  return where === '' ? body : `${where}：${body}`;
}

/**
 * A place in `locale`, parts in the order file, sheet, row, column: `deals.xlsx, sheet Deals,
 * row 12, column Amount` or `deals.xlsx，工作表 Deals，第 12 行，列 Amount`.
 */
export function placeTextIn(place: PipecastErrorPlace, locale: Locale): string {
  if (locale === 'en') return placeText(place);
  const parts: string[] = [];
  if (place.file !== undefined) parts.push(place.file);
  if (place.sheet !== undefined)
    parts.push(textFor(locale, 'error.placeSheet', { sheet: place.sheet }));
  if (place.row !== undefined) parts.push(textFor(locale, 'error.placeRow', { row: place.row }));
  if (place.column !== undefined)
    parts.push(textFor(locale, 'error.placeColumn', { column: place.column }));
  return parts.join('，');
}

/**
 * An error's message as coded text, to quote inside another message (`--by Region: …`): its own
 * text when it has a key, else its English message behind its Chinese lead-in.
 */
export function errorText(error: LineableError): CodedText {
  return error.text ?? detailText(error.code, error.message.replace(/\s+/g, ' ').trim());
}

/**
 * Words without a catalogue entry as coded text: as they are in English, behind a lead-in that
 * says what kind of error it is in Chinese ('选项或参数无效：' for `invalid-option`).
 */
export function detailText(code: ErrorLeadCode, detail: string): CodedText {
  return { key: `error.detail_${code}`, params: { detail } };
}

/** A PipecastError as plain data that survives structured cloning (postMessage to a pane). */
export function lineableError(error: PipecastError): LineableError {
  return {
    code: error.code,
    message: error.message,
    place: { ...error.place },
    ...(error.text === undefined ? {} : { text: error.text }),
  };
}

type CodedArgs<K extends TextKey> = [TextPlaceholders<K>] extends [never]
  ? []
  : [params: Readonly<Record<TextPlaceholders<K>, CodedParam>>];

/**
 * A PipecastError whose message is a catalogue entry: the English becomes its `message`, the key
 * and parameters its `text`, so every front end can show it in its user's language.
 *
 * @example
 * throw codedError('missing-column', { column: 'Owner' }, 'error.mappingMissingColumn', {
 *   field: 'owner',
 *   column: 'Owner',
 * });
 */
export function codedError<K extends TextKey>(
  code: PipecastErrorCode,
  place: PipecastErrorPlace,
  key: K,
  ...params: CodedArgs<K>
): PipecastError {
  const text: CodedText = params[0] === undefined ? { key } : { key, params: params[0] };
  return new PipecastError(code, renderCoded(text, 'en'), place, { text });
}

/** The message without the English place it may start with (`a.xlsx: not a zip archive`). */
function withoutPlace(place: PipecastErrorPlace, message: string): string {
  const text = message.replace(/\s+/g, ' ').trim();
  const where = placeText(place);
  return where !== '' && text.startsWith(`${where}: `) ? text.slice(where.length + 2) : text;
}
