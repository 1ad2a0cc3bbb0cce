/**
 * The id order used for every tie in segments: plain UTF-16 code-unit order (as JavaScript's
 * default sort and SQL's binary collation), so every runtime gives the same ranking.
 *
 * @param a One id.
 * @param b Another id.
 * @returns Negative when a sorts first, positive when b does, 0 when equal.
 * @example ['b', 'a', 'B'].sort(compareIds) // ['B', 'a', 'b']
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
