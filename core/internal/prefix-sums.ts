/**
 * The middle step of a counting sort, which the aging passes use to visit a million rows in the
 * order of their slot block in an index (or their block of invoice rows) instead of at random, so
 * each block's memory is read while it is in cache: counts per block become start positions.
 *
 * @param counts - counts[b + 1] = the items of block b; overwritten so counts[b] = block b's first
 *   position.
 * @param blocks - The number of blocks.
 * @returns The total count.
 * @example const counts = Int32Array.of(0, 2, 3); prefixSums(counts, 2); // 5; counts = [0, 2, 5]
 */
export function prefixSums(counts: Int32Array, blocks: number): number {
  for (let b = 1; b <= blocks; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
  return counts[blocks] as number;
}
