import { CHART_LOCALES, DEFAULT_CHART_LOCALE, chartText } from './chart-text.js';
import type { ChartLocale, PlainChartTextKey } from './chart-text.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** Options every chart builder accepts. */
export interface ChartOptions {
  /** Chart title; defaults to the chart's own title in `locale`. */
  title?: string;
  /** Optional line under the title (e.g. the as-of date or file name). */
  subtitle?: string;
  /** Language of the fixed labels (axis titles, legends); data is shown as typed. Default `'en'`. */
  locale?: ChartLocale;
  /** Plot width in pixels (without axes and legend). Default {@link DEFAULT_CHART_WIDTH}. */
  width?: number;
  /** Plot height in pixels (without axes and title). Default {@link DEFAULT_CHART_HEIGHT}. */
  height?: number;
  /** Unit appended to money axis titles, e.g. `'10k EUR'` or `'万元'`. Default none. */
  unit?: string;
}

/** Default plot width in pixels. */
export const DEFAULT_CHART_WIDTH = 560;
/** Default plot height in pixels. */
export const DEFAULT_CHART_HEIGHT = 300;
/** Largest accepted width or height: bigger charts are a caller mistake, not a report. */
export const MAX_CHART_SIZE = 4000;

/** {@link ChartOptions} with every default filled in. */
export interface NormalizedChartOptions {
  title: string;
  subtitle: string | undefined;
  locale: ChartLocale;
  width: number;
  height: number;
  unit: string | undefined;
  /**
   * Lines the builder adds under the subtitle: why the picture differs from the usual one (no
   * amounts, credits drawn apart), so every rendering of the chart carries its own reason.
   */
  notes: readonly string[];
}

/**
 * Fills in chart option defaults and rejects bad values, once, at the top of a builder.
 *
 * @param fn - Name of the calling builder, used in error messages.
 * @param options - The caller's options (may be undefined).
 * @param titleKey - Catalogue key of the chart's default title.
 * @param defaultHeight - The chart's own default height when the caller gives none.
 * @returns Options with defaults applied.
 * @throws {PipecastError} When `locale` is not `'en'` or `'zh'`, or `width`/`height` is not a
 *   finite number in 1…{@link MAX_CHART_SIZE}.
 * @throws {PipecastError} When `title`, `subtitle` or `unit` is given and not a string.
 * @example normalizeChartOptions('funnelChart', { locale: 'zh' }, 'funnelTitle').title // '各阶段商机漏斗'
 */
export function normalizeChartOptions(
  fn: string,
  options: ChartOptions | undefined,
  titleKey: PlainChartTextKey,
  defaultHeight: number = DEFAULT_CHART_HEIGHT,
): NormalizedChartOptions {
  const locale = options?.locale ?? DEFAULT_CHART_LOCALE;
  if (!CHART_LOCALES.includes(locale)) {
    throw new PipecastError(
      'invalid-option',
      `${fn}: locale must be 'en' or 'zh', got ${JSON.stringify(locale)}`,
    );
  }
  for (const key of ['title', 'subtitle', 'unit'] as const) {
    const value = options?.[key];
    if (value !== undefined && typeof value !== 'string') {
      throw new PipecastError(
        'invalid-option',
        `${fn}: ${key} must be a string, got ${JSON.stringify(value)}`,
      );
    }
  }
  return {
    title: options?.title ?? chartText(titleKey, locale),
    subtitle: options?.subtitle,
    locale,
    width: checkSize(fn, 'width', options?.width ?? DEFAULT_CHART_WIDTH),
    height: checkSize(fn, 'height', options?.height ?? defaultHeight),
    unit: options?.unit === '' ? undefined : options?.unit,
    notes: [],
  };
}

function checkSize(fn: string, name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > MAX_CHART_SIZE) {
    throw new PipecastError(
      'invalid-option',
      `${fn}: ${name} must be a number of pixels in 1…${MAX_CHART_SIZE}, got ${String(value)}`,
    );
  }
  return value;
}
