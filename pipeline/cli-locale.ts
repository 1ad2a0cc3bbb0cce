import {
  coded,
  type DataWarning,
  type Locale,
  planSheets,
  textFor,
  type TextKey,
  warningMessage,
} from '../core/index.js';
import { UsageError } from './cli-io.js';
import type { SheetGrid } from './read-workbook.js';
import { displayWidth } from './render/text-table.js';
import { warningActionText } from './report/localized-report-text.js';

/** The `--locale` option of every command, for parseCommandArgs. */
export const LOCALE_OPTION = { locale: { type: 'string' } } as const;

/** The help line of `--locale`, the same in every command. */
export const LOCALE_HELP =
  '  --locale en|zh    language of the output; default from the config, else the headers';

/**
 * The `--locale` value checked: 'en', 'zh', or undefined when not given (a config's `locale`
 * arrives here as the flag).
 *
 * @throws {UsageError} For any other value.
 */
export function parseLocaleFlag(value: string | undefined): Locale | undefined {
  if (value === undefined || value === 'en' || value === 'zh') return value;
  throw new UsageError(coded('error.localeValue', { value }));
}

/**
 * The language of a command's output: the flag (or the config's locale) when given, else the
 * language most of the workbook's header cells are in, as `pipecast report` decides it.
 */
export function chooseLocale(given: Locale | undefined, sheets: readonly SheetGrid[]): Locale {
  return given ?? planSheets(sheets).locale;
}

/** "row 12" / "第 12 行". */
export function rowText(row: number, locale: Locale): string {
  return textFor(locale, 'cli.row', { row });
}

/** "row 12: " / "第 12 行：", before a warning's message. */
export function rowPrefix(row: number, locale: Locale): string {
  return `${rowText(row, locale)}${colon(locale)}`;
}

/** The colon between a label and its text: ": " or full-width "：". */
export function colon(locale: Locale): string {
  return locale === 'zh' ? '：' : ': ';
}

/**
 * A data warning's message in `locale`, then what was done about it in brackets: "(row kept)",
 * "[row kept]" or "（已保留该行）".
 */
export function warningWithAction(warning: DataWarning, locale: Locale, brackets = '()'): string {
  const action = warningActionText(warning.action, locale);
  const message = warningMessage(warning, locale);
  return locale === 'zh'
    ? `${message}（${action}）`
    : `${message} ${brackets[0]}${action}${brackets[1]}`;
}

/** `text` padded with spaces to `size` terminal columns (a Chinese character takes two). */
export function padToWidth(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - displayWidth(text)));
}

/**
 * A catalogue lookup bound to one locale, for the many lines of one text report. The key is
 * checked; its parameters only when the text is built (textFor throws on a missing one).
 */
export function sayIn(locale: Locale) {
  return (key: TextKey, params: Readonly<Record<string, string | number>> = {}): string =>
    (textFor as (l: Locale, k: TextKey, p: object) => string)(locale, key, params);
}
