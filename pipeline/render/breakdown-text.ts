import {
  formatCount,
  formatMoney,
  formatMoneyCents,
  type Locale,
  moneyCents,
  textFor,
} from '../../core/index.js';
import { breakdownKeyHeading } from './breakdown-key-heading.js';
import { textTable } from './text-table.js';

/** A breakdown as the CLI prints and `--json` lists it: the column and one row per key. */
export interface BreakdownText {
  by: string;
  column: string;
  /** The column's index in the sheet (0 = A), to tell it from a measure of the same name. */
  columnIndex?: number;
  rows: readonly ({ key: string | null; count: number } & Record<string, number | string | null>)[];
}

const money = formatMoney;

/**
 * One breakdown as a text table: the key (`(blank)` for blank cells), the count and each
 * measure, then a total row that is the sum of the rows.
 *
 * @param breakdown - the breakdown.
 * @param measures - the columns to show, with their headings: money, or counts (`count: true`).
 * @param locale - the language of the headings, the blank key and the total row.
 * @param countHeading - the heading of the count: what is counted (deals, invoices, customers).
 * @param options - `unit`: the currency the title names, when tables in several are printed.
 */
export function renderBreakdownText(
  breakdown: BreakdownText,
  measures: readonly { field: string; heading: string; count?: boolean }[],
  locale: Locale,
  countHeading: string,
  options: { unit?: string } = {},
): string {
  const others = [countHeading, ...measures.map((m) => m.heading)];
  const header = [breakdownKeyHeading(breakdown.column, breakdown.columnIndex, others), ...others];
  const sums = measures.map(() => 0);
  let count = 0;
  const rows = breakdown.rows.map((row) => {
    count += row.count;
    return [
      row.key ?? textFor(locale, 'report.blankValue'),
      formatCount(row.count),
      ...measures.map((measure, m) => {
        const value = Number(row[measure.field] ?? 0);
        // Counts add as they are; money adds as whole cents, so the total is the sum shown.
        if (measure.count === true) {
          sums[m] = (sums[m] as number) + value;
          return formatCount(value);
        }
        sums[m] = (sums[m] as number) + moneyCents(value);
        return money(value);
      }),
    ];
  });
  const total = [
    textFor(locale, 'report.total'),
    formatCount(count),
    ...sums.map((value, m) =>
      measures[m]?.count === true ? formatCount(value) : formatMoneyCents(value),
    ),
  ];
  const by = textFor(locale, 'report.breakdownBy', { column: breakdown.column });
  const unit = options.unit;
  const title = unit === undefined ? by : locale === 'zh' ? `${by}（${unit}）` : `${by} (${unit})`;
  return [title, textTable(header, rows, { footer: [total] })].join('\n');
}
