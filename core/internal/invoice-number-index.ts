import type { ScratchArrays } from './scratch-arrays.js';
import { hashString } from './string-index.js';

/** Slots per block (2^12): a block's slot pairs and keys are 32 KB each, so a block stays in cache. */
export const SLOT_BLOCK_SHIFT = 12;

/**
 * Invoice number → row of its first invoice, for matching a million payments to a million invoices.
 *
 * Open addressing over one Int32Array of (hash, row + 1) pairs sized once for the row count, with
 * the number itself kept per slot in a plain array beside it (pointers only): a lookup reads the
 * slot and the key next to it, never the invoice record or a per-row array. Numbers are added and
 * looked up in order of their slot block (blockOf), so a million of them walk the table block by
 * block rather than touching a random page each: on this scale the random reads cost more than the
 * rest of the lookup. Nothing else per key lands on the heap.
 */
export class InvoiceNumberIndex {
  private readonly slots: Int32Array;
  /** Number held by each used slot ('' for an empty one: never read). */
  private readonly keys: string[];
  private readonly mask: number;
  /** Number of slot blocks. */
  readonly blocks: number;

  /**
   * @param rows - How many rows may be added (the table is sized for them).
   * @param scratch - Where to take the table from (reused between calls); fresh arrays without.
   */
  constructor(rows: number, scratch?: ScratchArrays) {
    let capacity = 16;
    while (capacity < rows * 2) capacity *= 2;
    this.slots = scratch ? scratch.int32(capacity * 2) : new Int32Array(capacity * 2);
    this.keys = scratch ? scratch.strings(capacity) : new Array<string>(capacity).fill('');
    this.mask = capacity - 1;
    this.blocks = (this.mask >>> SLOT_BLOCK_SHIFT) + 1;
  }

  /** The slot block a number with hash h is looked up in first (0 … blocks − 1). */
  blockOf(h: number): number {
    return (h & this.mask) >>> SLOT_BLOCK_SHIFT;
  }

  /** Adds number (the row's trimmed number) → row unless present; returns the row already there, or -1. */
  add(number: string, row: number): number {
    return this.addHashed(number, hashString(number), row);
  }

  /**
   * add, with the number's hashString already computed. A repeated number keeps the row added
   * first, so rows of one number must be added in row order.
   */
  addHashed(number: string, h: number, row: number): number {
    const { slots, mask, keys } = this;
    let p = h & mask;
    for (; ; p = (p + 1) & mask) {
      const r = slots[2 * p + 1] as number;
      if (r === 0) break;
      if (slots[2 * p] === h && keys[p] === number) return r - 1;
    }
    keys[p] = number;
    slots[2 * p] = h;
    slots[2 * p + 1] = row + 1;
    return -1;
  }

  /** The row of the first invoice with this number, or -1. */
  get(number: string): number {
    return this.getHashed(number, hashString(number));
  }

  /** get, with the number's hashString already computed. */
  getHashed(number: string, h: number): number {
    const { slots, mask, keys } = this;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const r = slots[2 * p + 1] as number;
      if (r === 0) return -1;
      if (slots[2 * p] === h && keys[p] === number) return r - 1;
    }
  }
}
