import { TEXT_CATALOGUE, type Locale, type TextSectionKey } from '../../../core/index.js';

/**
 * The pane's words in English and Chinese: the `addin` section of the core's text catalogue
 * (core/text/catalogue.ts), where every entry gives both languages and `{name}` placeholders.
 */
export type AddinLocale = Locale;

/** A key of the catalogue's `addin` section, e.g. 'run'. */
export type AddinTextKey = TextSectionKey<'addin'>;

/** The add-in section of the catalogue by language: every key in both languages. */
export const ADDIN_TEXT: Readonly<Record<AddinLocale, Readonly<Record<AddinTextKey, string>>>> = {
  en: inLocale('en'),
  zh: inLocale('zh'),
};

function inLocale(locale: AddinLocale): Record<AddinTextKey, string> {
  const section = TEXT_CATALOGUE.addin;
  const out = {} as Record<AddinTextKey, string>;
  for (const key of Object.keys(section) as AddinTextKey[]) out[key] = section[key][locale];
  return out;
}

/**
 * The text for `key` in `locale`, with `{name}` placeholders filled from `params`.
 *
 * @example addinText('zh', 'errorNoTable', { name: 'Deals' }) // '没有名为 Deals 的 Excel 表格。'
 */
export function addinText(
  locale: AddinLocale,
  key: AddinTextKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return ADDIN_TEXT[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * The pane's language for an Office display language such as `zh-CN` or `en-US`: Chinese for
 * any `zh` tag, English otherwise.
 */
export function toAddinLocale(displayLanguage: string | undefined): AddinLocale {
  return displayLanguage !== undefined && /^zh\b/i.test(displayLanguage) ? 'zh' : 'en';
}
