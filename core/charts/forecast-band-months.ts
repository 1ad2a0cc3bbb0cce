import { textFor } from '../text/catalogue.js';
import type { ChartLocale } from './chart-text.js';

/**
 * Months of the forecast band beyond the ones given: the calendar months between the first and
 * the last, and the notes that say which months are 0 or have no deal.
 */

/** Most months the axis is filled to; beyond it only the months given are shown (and said so). */
export const MAX_FILLED_MONTHS = 36;

/** Month runs named in a note before the rest is cut to "…". */
const MAX_NAMED_RUNS = 3;

/** One month of the band as the chart reads it: its figures, or null for a month with no deal. */
export interface BandMonthFigures {
  month: string;
  weighted: number;
  p10: number;
  p90: number;
  p50: number | null;
}

/**
 * `YYYY-MM` of every calendar month from `first` to `last` (both `YYYY-MM`), in order.
 *
 * @example calendarMonths('2024-11', '2025-02') // ['2024-11', '2024-12', '2025-01', '2025-02']
 */
export function calendarMonths(first: string, last: string): string[] {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let k = index(first); k <= index(last); k++) {
    months.push(
      `${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`,
    );
  }
  return months;
}

/** Number of calendar months from `first` to `last`, both counted. */
export function monthSpan(first: string, last: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(last) - index(first) + 1;
}

/** Whether a month forecasts 0 throughout: weighted, P10, P90 and P50 (when given) all 0. */
export function isZeroMonth(month: BandMonthFigures): boolean {
  return month.weighted === 0 && month.p10 === 0 && month.p90 === 0 && (month.p50 ?? 0) === 0;
}

/**
 * The notes of the band chart, in the order a reader needs them: every month 0, else the months
 * that are 0; then the months with no deal (a break in the line) or, when the close dates span
 * more than {@link MAX_FILLED_MONTHS}, that only months with deals are on the axis.
 *
 * @param months - The months given, sorted by month.
 * @param missing - The calendar months between the first and the last that were not given (empty
 *   when the axis is not filled).
 * @param span - Calendar months from the first to the last given.
 * @param locale - Language of the notes.
 * @returns The notes, possibly none.
 * @example bandNotes([{ month: '2024-03', weighted: 0, p10: 0, p90: 0, p50: null }], [], 1, 'en')
 */
export function bandNotes(
  months: readonly BandMonthFigures[],
  missing: readonly string[],
  span: number,
  locale: ChartLocale,
): string[] {
  const notes: string[] = [];
  const zero = months.filter(isZeroMonth).map((m) => m.month);
  if (months.length > 0 && zero.length === months.length)
    notes.push(textFor(locale, 'chart.bandAllZero'));
  else if (zero.length > 0)
    notes.push(textFor(locale, 'chart.bandZeroMonths', { months: monthRuns(zero, locale) }));
  if (missing.length > 0)
    notes.push(textFor(locale, 'chart.bandNoDealMonths', { months: monthRuns(missing, locale) }));
  else if (span > MAX_FILLED_MONTHS && span > months.length)
    notes.push(textFor(locale, 'chart.bandMonthsLeftOut', { count: span }));
  return notes;
}

/**
 * Sorted months written as runs of consecutive months ("2024-02 – 2024-04, 2024-07"), the first
 * {@link MAX_NAMED_RUNS} named and the rest cut to "…".
 */
function monthRuns(months: readonly string[], locale: ChartLocale): string {
  const runs: [string, string][] = [];
  for (const month of months) {
    const last = runs.at(-1);
    if (last !== undefined && monthSpan(last[1], month) === 2) last[1] = month;
    else runs.push([month, month]);
  }
  const named = runs
    .slice(0, MAX_NAMED_RUNS)
    .map(([first, last]) => (first === last ? first : `${first} – ${last}`));
  if (runs.length > MAX_NAMED_RUNS) named.push('…');
  return named.join(locale === 'zh' ? '、' : ', ');
}
