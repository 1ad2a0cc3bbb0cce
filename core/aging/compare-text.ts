/**
 * Orders strings by UTF-16 code units, the same in every locale, for stable ties in sorted lists.
 *
 * @param a - First string.
 * @param b - Second string.
 * @returns Negative, zero or positive, as Array.prototype.sort expects.
 * @example
 * ['b', 'B', 'a'].sort(compareText); // ['B', 'a', 'b']
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
