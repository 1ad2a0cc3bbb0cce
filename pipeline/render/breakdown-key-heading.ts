import { columnLetter } from '../../core/readers/index.js';

/**
 * The heading of a breakdown table's key column: the column's header as typed, with its letter
 * after it ("Amount (E)") only when a measure column of the same table has that heading too, so
 * a breakdown by Amount does not show two columns called Amount.
 *
 * @param column - the breakdown's column, as its header is typed.
 * @param columnIndex - its index in the sheet (0 = A), or undefined when unknown.
 * @param otherHeadings - the headings of the table's other columns.
 * @example breakdownKeyHeading('Amount', 4, ['Deals', 'Amount', 'Weighted']) // 'Amount (E)'
 */
export function breakdownKeyHeading(
  column: string,
  columnIndex: number | undefined,
  otherHeadings: readonly string[],
): string {
  const fold = (text: string): string => text.trim().toLowerCase();
  const clashes = otherHeadings.some((heading) => fold(heading) === fold(column));
  return clashes && columnIndex !== undefined ? `${column} (${columnLetter(columnIndex)})` : column;
}
