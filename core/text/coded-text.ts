import type { DataWarning } from '../columns/data-warning.js';
import {
  type Locale,
  TEXT_CATALOGUE,
  type TextKey,
  type TextPlaceholders,
  textFor,
} from './catalogue.js';

/** A parameter of a coded text: a value shown as is, another coded text, or a list of them. */
export type CodedParam = string | number | CodedText | readonly (string | CodedText)[];

/**
 * Text kept as a catalogue key and its parameters instead of words, so a front end shows it in
 * its user's language ({@link renderCoded}). A data warning's `text` is one: its `message` is
 * the same text rendered in English.
 */
export interface CodedText {
  key: TextKey;
  params?: Readonly<Record<string, CodedParam>>;
}

type CodedParamsArgument<K extends TextKey> = [TextPlaceholders<K>] extends [never]
  ? []
  : [params: Readonly<Record<TextPlaceholders<K>, CodedParam>>];

/**
 * A catalogue key with its parameters, checked against the entry's `{name}`s.
 *
 * @example coded('warning.orphanStageChanges', { count: 3 })
 */
export function coded<K extends TextKey>(key: K, ...params: CodedParamsArgument<K>): CodedText {
  return params[0] === undefined ? { key } : { key, params: params[0] };
}

/**
 * The words of a coded text in `locale`; nested coded texts are rendered in the same locale and
 * lists joined the way the language does (", " or "、").
 *
 * @param text - The key and parameters.
 * @param locale - 'en' or 'zh'.
 * @returns e.g. '3 stage change(s) name a deal id …' or '3 条阶段变更记录…'.
 * @throws PipecastError ('invalid-option') for a key the catalogue lacks or a parameter not given.
 * @example renderCoded(coded('warning.paymentNoDate'), 'zh') // '回款没有可读的日期'
 */
export function renderCoded(text: CodedText, locale: Locale): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {}))
    values[name] = renderParam(value, locale);
  return (textFor as (l: Locale, k: string, p: object) => string)(locale, text.key, values);
}

function renderParam(value: CodedParam, locale: Locale): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isCodedText(value)) return renderCoded(value, locale);
  const items = (value as readonly (string | CodedText)[]).map((item) =>
    typeof item === 'string' ? item : renderCoded(item, locale),
  );
  return items.join(locale === 'zh' ? '、' : ', ');
}

function isCodedText(value: CodedParam): value is CodedText {
  return typeof value === 'object' && !Array.isArray(value) && 'key' in value;
}

/**
 * The `text` and English `message` of a warning from one catalogue entry: what core puts into
 * every DataWarning it builds, so the two never drift apart.
 *
 * @example { code: 'other', ...codedMessage('warning.paymentNoDate'), action: 'row dropped' }
 */
export function codedMessage<K extends TextKey>(
  key: K,
  ...params: CodedParamsArgument<K>
): { text: CodedText; message: string } {
  const text = coded(key, ...params);
  return { text, message: renderCoded(text, 'en') };
}

/**
 * A warning's message in `locale`: from its coded text when it has one, else its message as
 * written (a warning built outside core).
 *
 * @example warningMessage(warning, 'zh') // '回款没有可读的日期'
 */
export function warningMessage(warning: Pick<DataWarning, 'message' | 'text'>, locale: Locale) {
  return warning.text === undefined ? warning.message : renderCoded(warning.text, locale);
}

const TERMS: Readonly<Record<string, unknown>> = TEXT_CATALOGUE.term;
const REASONS: Readonly<Record<string, unknown>> = TEXT_CATALOGUE.reason;

/** A record field's name ('closeDate') as a coded term when the catalogue has it, else as is. */
export function fieldTerm(field: string): string | CodedText {
  const name = `field_${field}`;
  return Object.hasOwn(TERMS, name) ? { key: `term.${name}` as TextKey } : field;
}

/** A record kind ('orderLine') as a coded term when the catalogue has it, else as is. */
export function kindTerm(kind: string): string | CodedText {
  const name = `kind_${kind}`;
  return Object.hasOwn(TERMS, name) ? { key: `term.${name}` as TextKey } : kind;
}

/** Reasons with a value in them, by the parsers' English wording. */
const REASON_PATTERNS: readonly [RegExp, TextKey, string][] = [
  [/^Excel error (\S+)$/, 'reason.excelError', 'code'],
  [/^(.+) is not a number$/, 'reason.notANumber', 'value'],
  [/^(.+) is not 1 or 0$/, 'reason.notOneOrZero', 'value'],
  [/^payment terms '(.*)' not recognised$/, 'reason.termsNotRecognised', 'terms'],
];

/**
 * A parser's reason ('text is not a number') as coded text when the catalogue has it, so a
 * warning quoting it reads in the user's language; a reason it lacks stays as written.
 */
export function reasonText(reason: string): string | CodedText {
  if (Object.hasOwn(REASONS, reason)) return { key: `reason.${reason}` as TextKey };
  for (const [pattern, key, name] of REASON_PATTERNS) {
    const match = pattern.exec(reason);
    if (match !== null) return { key, params: { [name]: match[1] ?? '' } };
  }
  return reason;
}

const ACTION_KEYS = {
  'row dropped': 'report.actionRowDropped',
  'value ignored': 'report.actionValueIgnored',
  'row kept': 'report.actionRowKept',
  'column ignored': 'report.actionColumnIgnored',
  'sheet skipped': 'report.actionSheetSkipped',
  'file skipped': 'report.actionFileSkipped',
  assumed: 'report.actionAssumed',
  none: 'report.actionNone',
} as const satisfies Record<DataWarning['action'], TextKey>;

/** What was done about a warning ('row kept'), as coded text. */
export function actionTerm(action: DataWarning['action']): CodedText {
  return { key: ACTION_KEYS[action] };
}
