import type { Invoice } from '../columns/records.js';
import type { ScratchArrays } from './scratch-arrays.js';
import { hashString } from './string-index.js';

/**
 * Invoice number → row of its first invoice, for matching a million payments to a million invoices.
 *
 * Open addressing over one Int32Array of (hash, row + 1) pairs sized once for the row count: a
 * lookup costs one probe line. The match is confirmed against the trimmed number kept per row in a
 * plain array (pointers only, 4 bytes each), not against the invoice record: records lie scattered
 * over the caller's heap, and touching one per payment at random cost more than the rest of the
 * lookup. The numbers array is the only per-row JS array; nothing else per key lands on the heap.
 */
export class InvoiceNumberIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Trimmed number of each added row ('' or a hole for rows never added: never read). */
  private readonly numbers: string[];

  /**
   * @param invoices - The invoices whose rows are added; every row added must be an index into it.
   * @param scratch - Where to take the slot table from (reused between calls); a fresh one without.
   */
  constructor(invoices: readonly Invoice[], scratch?: ScratchArrays) {
    let capacity = 16;
    while (capacity < invoices.length * 2) capacity *= 2;
    this.slots = scratch ? scratch.int32(capacity * 2) : new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.numbers = scratch ? scratch.strings(invoices.length) : new Array<string>(invoices.length);
  }

  /** Adds number (the row's trimmed number) → row unless present; returns the row already there, or -1. */
  add(number: string, row: number): number {
    return this.addHashed(number, hashString(number), row);
  }

  /** add, with the number's hashString already computed (batched, so the probes overlap). */
  addHashed(number: string, h: number, row: number): number {
    const { slots, mask, numbers } = this;
    let p = h & mask;
    for (; ; p = (p + 1) & mask) {
      const r = slots[2 * p + 1] as number;
      if (r === 0) break;
      if (slots[2 * p] === h && numbers[r - 1] === number) return r - 1;
    }
    numbers[row] = number;
    slots[2 * p] = h;
    slots[2 * p + 1] = row + 1;
    return -1;
  }

  /**
   * The entry in the first slot a number with hash h would probe (row + 1, or 0 when empty). Read in
   * a loop of its own ahead of addHashed, it brings the slots of a batch into cache with their
   * misses overlapped.
   */
  peek(h: number): number {
    return this.slots[2 * (h & this.mask) + 1] as number;
  }

  /** The row of the first invoice with this number, or -1. */
  get(number: string): number {
    return this.getHashed(number, hashString(number));
  }

  /** get, with the number's hashString already computed. */
  getHashed(number: string, h: number): number {
    const { slots, mask, numbers } = this;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const r = slots[2 * p + 1] as number;
      if (r === 0) return -1;
      if (slots[2 * p] === h && numbers[r - 1] === number) return r - 1;
    }
  }

  /**
   * The row in the first slot whose stored hash is h, or -1 when no slot has it (then the number is
   * surely absent). Not yet confirmed: pass the row to confirm.
   */
  candidate(h: number): number {
    const { slots, mask } = this;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const r = slots[2 * p + 1] as number;
      if (r === 0) return -1;
      if (slots[2 * p] === h) return r - 1;
    }
  }

  /** The row of number given candidate(h) returned row ≥ 0: row itself when it matches, else getHashed. */
  confirm(number: string, h: number, row: number): number {
    return this.numbers[row] === number ? row : this.getHashed(number, h);
  }
}
