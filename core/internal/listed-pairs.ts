/**
 * The pairs a per-customer list shows, with the value it sorts them by: each pair whose valueOf is
 * not null, in pair order.
 *
 * Why indexed loops into typed arrays: a list is made once per report, largely before the engine
 * optimises it, where a for…of allocates a result object per step and push grows arrays.
 *
 * @param pairs - The section's pairs.
 * @param valueOf - A pair's value, or null to leave the pair out.
 * @returns The listed pairs and their values, position for position.
 * @example
 * listedPairs([3, 5, 8], (p) => (p === 5 ? null : p / 2)); // {listed: [3, 8], values: [1.5, 4]}
 */
export function listedPairs(
  pairs: readonly number[],
  valueOf: (pair: number) => number | null,
): { listed: Int32Array; values: Float64Array } {
  const listed = new Int32Array(pairs.length);
  const values = new Float64Array(pairs.length);
  let count = 0;
  for (let k = 0; k < pairs.length; k++) {
    const p = pairs[k] as number;
    const value = valueOf(p);
    if (value === null) continue;
    listed[count] = p;
    values[count++] = value;
  }
  return { listed: listed.subarray(0, count), values: values.subarray(0, count) };
}
