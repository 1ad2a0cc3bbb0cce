import type { ScratchArrays } from './scratch-arrays.js';

/** Slots per block (2^12): a block's slot pairs are 32 KB, so a block stays in cache. */
export const SLOT_BLOCK_SHIFT = 12;

/**
 * Keys (invoice numbers) gathered in the order of their slot block, by a stable counting sort:
 * entry e is key text codes[starts[e]] … codes[starts[e + 1] − 1], with its hash and the item
 * (row) it came from. Entries of one block keep item order.
 */
export interface KeysInBlockOrder {
  count: number;
  item: Int32Array;
  hash: Int32Array;
  codes: Uint16Array;
  /** count + 1 entries: the last is where the last key ends. */
  starts: Int32Array;
}

/**
 * Invoice number → row of its first invoice, for matching a million payments to a million
 * invoices: open addressing over one Int32Array of (hash, entry + 1) pairs sized once for the row
 * count, each entry's code units kept in KeysInBlockOrder.
 *
 * Numbers are added and looked up in the order of their slot block (keysInBlockOrder), so a
 * million of them walk the table, and the key copies beside it, block by block instead of
 * touching a random page each: on this scale the random reads cost more than the rest of the
 * lookup. Nothing per key lands on the heap.
 */
export class PackedNumberIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Number of slot blocks. */
  readonly blocks: number;
  private keys: KeysInBlockOrder | null = null;

  /**
   * @param rows - How many rows may be added (the table is sized for them).
   * @param scratch - Where to take the table from (reused between calls); a fresh array without.
   */
  constructor(rows: number, scratch?: ScratchArrays) {
    let capacity = 16;
    while (capacity < rows * 2) capacity *= 2;
    this.slots = scratch ? scratch.int32(capacity * 2) : new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.blocks = (this.mask >>> SLOT_BLOCK_SHIFT) + 1;
  }

  /** The slot block a number with hash h is looked up in first (0 … blocks − 1). */
  blockOf(h: number): number {
    return (h & this.mask) >>> SLOT_BLOCK_SHIFT;
  }

  /**
   * Adds every key, in entry order: a repeated number keeps the row added first. Returns, per
   * entry, the row of the earlier entry with the same number, or -1 (in `repeatOf`).
   */
  addAll(keys: KeysInBlockOrder, repeatOf: Int32Array): void {
    this.keys = keys;
    const { slots, mask } = this;
    const { count, hash, item, codes, starts } = keys;
    for (let e = 0; e < count; e++) {
      const h = hash[e] as number;
      let p = h & mask;
      let first = -1;
      for (; ; p = (p + 1) & mask) {
        const r = slots[2 * p + 1] as number;
        if (r === 0) break;
        if (
          slots[2 * p] === h &&
          sameKey(codes, starts, r - 1, codes, starts[e]!, starts[e + 1]!)
        ) {
          first = item[r - 1] as number;
          break;
        }
      }
      repeatOf[e] = first;
      if (first >= 0) continue;
      slots[2 * p] = h;
      slots[2 * p + 1] = e + 1;
    }
  }

  /** The row of the first invoice whose number is text[start] … text[end − 1] (hash h), or -1. */
  get(text: Uint16Array, start: number, end: number, h: number): number {
    const { slots, mask } = this;
    const keys = this.keys;
    if (keys === null) return -1;
    const { codes, starts, item } = keys;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const r = slots[2 * p + 1] as number;
      if (r === 0) return -1;
      if (slots[2 * p] === h && sameKey(codes, starts, r - 1, text, start, end))
        return item[r - 1] as number;
    }
  }
}

/** Whether key e of (codes, starts) is the text text[start] … text[end − 1]. */
function sameKey(
  codes: Uint16Array,
  starts: Int32Array,
  e: number,
  text: Uint16Array,
  start: number,
  end: number,
): boolean {
  const at = starts[e] as number;
  const length = end - start;
  if ((starts[e + 1] as number) - at !== length) return false;
  for (let k = 0; k < length; k++) if (codes[at + k] !== text[start + k]) return false;
  return true;
}

/**
 * The keys of items 0 … n − 1 in slot-block order: item i's key is text[from[i]] … text[to[i] − 1]
 * with hash hash[i], none when from[i] < 0. Two passes in item order (count, then copy), so the
 * item-side reads are sequential; the copies land block by block for the index to read in order.
 *
 * @param index - Gives the blocks.
 * @param n - Items.
 * @param from - Start of each item's key, or -1 for none.
 * @param to - End of each item's key.
 * @param hash - hashUnits of each key.
 * @param text - The code units the keys are in.
 * @param scratch - Where the arrays come from.
 * @returns The keys, items ascending within a block.
 */
export function keysInBlockOrder(
  index: PackedNumberIndex,
  n: number,
  from: Int32Array,
  to: Int32Array,
  hash: Int32Array,
  text: Uint16Array,
  scratch: ScratchArrays,
): KeysInBlockOrder {
  const blocks = index.blocks;
  const countAt = scratch.int32(blocks + 1);
  const unitAt = scratch.int32(blocks + 1);
  for (let i = 0; i < n; i++) {
    const s = from[i] as number;
    if (s < 0) continue;
    const b = index.blockOf(hash[i] as number) + 1;
    countAt[b] = (countAt[b] as number) + 1;
    unitAt[b] = (unitAt[b] as number) + (to[i] as number) - s;
  }
  for (let b = 1; b <= blocks; b++) {
    countAt[b] = (countAt[b] as number) + (countAt[b - 1] as number);
    unitAt[b] = (unitAt[b] as number) + (unitAt[b - 1] as number);
  }
  const count = countAt[blocks] as number;
  const units = unitAt[blocks] as number;
  const item = scratch.int32Unfilled(count);
  const hashes = scratch.int32Unfilled(count);
  const starts = scratch.int32Unfilled(count + 1);
  const codes = scratch.uint16Unfilled(units);
  for (let i = 0; i < n; i++) {
    const s = from[i] as number;
    if (s < 0) continue;
    const h = hash[i] as number;
    const b = index.blockOf(h);
    const at = countAt[b] as number;
    countAt[b] = at + 1;
    const u = unitAt[b] as number;
    const length = (to[i] as number) - s;
    unitAt[b] = u + length;
    item[at] = i;
    hashes[at] = h;
    starts[at] = u;
    for (let k = 0; k < length; k++) codes[u + k] = text[s + k] as number;
  }
  starts[count] = units;
  return { count, item, hash: hashes, codes, starts };
}
