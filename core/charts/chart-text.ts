import {
  DEFAULT_LOCALE,
  LOCALES,
  TEXT_CATALOGUE,
  textFor,
  type Locale,
  type PlainSectionKey,
  type TextSectionKey,
} from '../text/catalogue.js';

/** Languages chart labels come in: the catalogue's locales. */
export type ChartLocale = Locale;

/** Every locale a chart builder accepts, for validation and for tests that loop over them. */
export const CHART_LOCALES: readonly ChartLocale[] = LOCALES;

/** The default chart locale. */
export const DEFAULT_CHART_LOCALE: ChartLocale = DEFAULT_LOCALE;

/**
 * The chart section of the text catalogue (core/text/catalogue.ts): every fixed string a chart
 * shows (titles, axis titles, series names, segment and zone names).
 */
export const CHART_TEXT = TEXT_CATALOGUE.chart;

/** A key of {@link CHART_TEXT}. */
export type ChartTextKey = TextSectionKey<'chart'>;

/** A key of {@link CHART_TEXT} whose text has no `{parameter}` (the rest go through textFor). */
export type PlainChartTextKey = PlainSectionKey<'chart'>;

/**
 * Looks up a fixed chart string in the given locale.
 *
 * @param key - A catalogue key, e.g. `'stage'`.
 * @param locale - `'en'` or `'zh'`.
 * @returns The translated text, e.g. `'阶段'` for `('stage', 'zh')`.
 * @example chartText('amount', 'zh') // '金额'
 */
export function chartText(key: PlainChartTextKey, locale: ChartLocale): string {
  return textFor(locale, `chart.${key}`);
}

/**
 * Translates a name when the catalogue knows it (standard RFM segments, portfolio zones) and
 * otherwise returns it unchanged, so user-defined segment names still show as typed.
 *
 * @param name - A segment or zone name as the analysis reported it.
 * @param locale - `'en'` or `'zh'`.
 * @returns The catalogue text for `name`, or `name` itself.
 * @example localizeKnownName('Champions', 'zh') // '冠军客户'
 * @example localizeKnownName('VIP 北区', 'zh') // 'VIP 北区'
 */
export function localizeKnownName(name: string, locale: ChartLocale): string {
  return Object.hasOwn(CHART_TEXT, name) ? CHART_TEXT[name as ChartTextKey][locale] : name;
}
