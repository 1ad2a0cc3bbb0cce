import { formatCount, type Locale, textFor } from '../../core/index.js';

/** Rows a CLI text table shows before it says how many more `--json` lists. */
export const DEFAULT_TEXT_TABLE_ROWS = 15;

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let total = 0;
  for (const char of text)
    total +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1;
  return total;
}

function pad(text: string, size: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, size - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Options of {@link textTable}. */
export interface TextTableOptions {
  /** Columns from this index on are numbers, right-aligned; default 1 (the first is a name). */
  rightFrom?: number;
  /** Per column, whether it is right-aligned (figures); overrides `rightFrom`. */
  rightAligned?: readonly boolean[];
  /** Rows shown under a second rule line, e.g. a total. */
  footer?: readonly (readonly string[])[];
  /** Spaces before every line. */
  indent?: string;
}

/**
 * Rows as an aligned text table: header, a rule, the rows (names left, figures right), then the
 * footer rows under another rule. Widths count CJK characters as two columns.
 *
 * @param header - Column headings.
 * @param rows - Cells already formatted as text.
 * @param options - Alignment, footer, indent.
 * @returns The table's lines joined with newlines.
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: TextTableOptions = {},
): string {
  const rightFrom = options.rightFrom ?? 1;
  const indent = options.indent ?? '';
  const footer = options.footer ?? [];
  const all = [...rows, ...footer];
  const widths = header.map((heading, c) =>
    Math.max(displayWidth(heading), ...all.map((row) => displayWidth(row[c] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    indent +
    widths
      .map((size, c) => pad(cells[c] ?? '', size, options.rightAligned?.[c] ?? c >= rightFrom))
      .join('  ')
      .trimEnd();
  const rule = indent + widths.map((size) => '-'.repeat(size)).join('  ');
  const lines = [line(header), rule, ...rows.map(line)];
  if (footer.length > 0) lines.push(rule, ...footer.map(line));
  return lines.join('\n');
}

/**
 * The line under a cut table: "… and 12 more (see --json)" in the reader's language.
 *
 * @param hidden - Rows not shown.
 * @param locale - The output language.
 * @returns The line, or '' when nothing was cut.
 */
export function moreRowsLine(hidden: number, locale: Locale = 'en'): string {
  return hidden > 0 ? textFor(locale, 'cli.moreRows', { count: formatCount(hidden) }) : '';
}

/**
 * A table of the first `limit` rows with the "… and n more (see --json)" line when rows were cut.
 *
 * @param header - Column headings.
 * @param rows - All rows, already in the order that matters.
 * @param options - As {@link textTable}, plus the row limit and locale.
 * @returns The table, and the more line under it when rows were cut.
 */
export function cutTextTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: TextTableOptions & { limit?: number; locale?: Locale } = {},
): string {
  const limit = options.limit ?? DEFAULT_TEXT_TABLE_ROWS;
  const table = textTable(header, rows.slice(0, limit), options);
  const more = moreRowsLine(rows.length - limit, options.locale);
  return more === '' ? table : `${table}\n${options.indent ?? ''}${more}`;
}
