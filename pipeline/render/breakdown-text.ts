/** A breakdown as the CLI prints and `--json` lists it: the column and one row per key. */
export interface BreakdownText {
  by: string;
  column: string;
  rows: readonly ({ key: string | null; count: number } & Record<string, number | string | null>)[];
}

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

const money = (value: number): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * One breakdown as a text table: the key (`(blank)` for blank cells), the count and each
 * measure, then a total row that is the sum of the rows.
 *
 * @param breakdown - the breakdown.
 * @param measures - the columns to show, with their headings: money, or counts (`count: true`).
 */
export function renderBreakdownText(
  breakdown: BreakdownText,
  measures: readonly { field: string; heading: string; count?: boolean }[],
): string {
  const header = [breakdown.column, 'Count', ...measures.map((m) => m.heading)];
  const cents = measures.map(() => 0);
  let count = 0;
  const rows = breakdown.rows.map((row) => {
    count += row.count;
    return [
      row.key ?? '(blank)',
      String(row.count),
      ...measures.map((measure, m) => {
        const value = Number(row[measure.field] ?? 0);
        cents[m] = (cents[m] as number) + Math.round(value * 100);
        return measure.count === true ? String(value) : money(value);
      }),
    ];
  });
  rows.push([
    'Total',
    String(count),
    ...cents.map((value, m) =>
      measures[m]?.count === true ? String(value / 100) : money(value / 100),
    ),
  ]);
  const widths = header.map((heading, c) =>
    Math.max(displayWidth(heading), ...rows.map((row) => displayWidth(row[c] ?? ''))),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => pad(cell, widths[c] ?? 0, c >= 1))
      .join('  ')
      .trimEnd();
  return [
    `By ${breakdown.column}`,
    line(header),
    widths.map((size) => '-'.repeat(size)).join('  '),
    ...rows.slice(0, -1).map(line),
    widths.map((size) => '-'.repeat(size)).join('  '),
    line(rows[rows.length - 1] ?? []),
  ].join('\n');
}
