import type { ChartLocale } from './chart-text.js';
import { chartText } from './chart-text.js';

/** How one money axis shows its values: a divisor, the unit word for its title, two formats. */
export interface MoneyAxis {
  /** Positions are drawn at value ÷ divisor (1, thousands, millions…; 万 or 亿 in Chinese). */
  divisor: number;
  /** Axis title: the measure, then the currency and the unit word, e.g. `Amount (EUR, thousands)`. */
  title: string;
  /** d3-format of the ticks (on the divided values): grouped, no SI prefix, no trailing zeros. */
  axisFormat: string;
  /** d3-format of value labels (on the undivided values): whole units, or cents when small. */
  labelFormat: string;
}

/**
 * Divisors by language, largest first. English readers count in thousands and millions, Chinese
 * readers in 万 (10⁴) and 亿 (10⁸). A unit is used once the largest value reaches 100 of it
 * (10 million for 亿 would still read as 1,000 万), so ticks keep two or more digits.
 */
const UNITS: Readonly<Record<ChartLocale, readonly { divisor: number; key: UnitKey }[]>> = {
  en: [
    { divisor: 1e9, key: 'unitBillions' },
    { divisor: 1e6, key: 'unitMillions' },
    { divisor: 1e3, key: 'unitThousands' },
  ],
  zh: [
    { divisor: 1e8, key: 'unitYi' },
    { divisor: 1e4, key: 'unitWan' },
  ],
};

type UnitKey = 'unitBillions' | 'unitMillions' | 'unitThousands' | 'unitYi' | 'unitWan';

/** Values below this keep their cents in labels (a 0.25 label must not read 0). */
const WHOLE_UNITS_FROM = 100;

/**
 * Chooses how a money axis reads from the values it shows, so no tick ever reads "0M" or "250m":
 * the axis divides by a unit the data reaches (its word goes in the title) and ticks are plain
 * grouped numbers; small amounts keep their digits.
 *
 * Formula: m = max |value| over finite values; divisor = the largest unit u with m ≥ 100 × u,
 * else 1. Blanks: non-finite values are ignored; no values (or all zero) give divisor 1.
 *
 * @param label - The measure, e.g. `'Amount'`.
 * @param values - Every value the axis shows (bars, bands, labels).
 * @param locale - Language of the unit word.
 * @param currency - Currency or unit typed by the caller, e.g. `'EUR'`; optional.
 * @returns The divisor, axis title and formats.
 * @example moneyAxis('Amount', [0, 1_344_000], 'en').title // 'Amount (thousands)'
 * @example moneyAxis('金额', [0, 1_344_000], 'zh', 'CNY').title // '金额（CNY，万）'
 */
export function moneyAxis(
  label: string,
  values: readonly number[],
  locale: ChartLocale,
  currency?: string,
): MoneyAxis {
  let largest = 0;
  for (const value of values)
    if (Number.isFinite(value)) largest = Math.max(largest, Math.abs(value));
  const unit = UNITS[locale].find((candidate) => largest >= 100 * candidate.divisor);
  const parts = [currency, unit === undefined ? undefined : chartText(unit.key, locale)].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  const title =
    parts.length === 0
      ? label
      : locale === 'zh'
        ? `${label}（${parts.join('，')}）`
        : `${label} (${parts.join(', ')})`;
  return {
    divisor: unit?.divisor ?? 1,
    title,
    axisFormat: ',~f',
    labelFormat: largest >= WHOLE_UNITS_FROM ? ',.0f' : ',.2~f',
  };
}

/**
 * A value divided for the axis, rounded to 12 significant digits so float noise (0.30000000000000004)
 * never reaches the chart data.
 */
export function onAxis(value: number, axis: MoneyAxis): number {
  return Number((value / axis.divisor).toPrecision(12));
}
