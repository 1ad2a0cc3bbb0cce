/**
 * The one order for ids and names wherever core breaks a tie or sorts a list (customers,
 * owners, invoice numbers, segments): plain UTF-16 code-unit order, as JavaScript's default sort
 * and SQL's binary collation use, so every runtime and locale gives the same ranking.
 * `localeCompare` would make the same workbook sort differently on a Chinese and an English PC.
 *
 * @param a One id.
 * @param b Another id.
 * @returns Negative when a sorts first, positive when b does, 0 when equal.
 * @example ['b', 'a', 'B'].sort(compareIds) // ['B', 'a', 'b']
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
