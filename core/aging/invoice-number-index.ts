import type { Invoice } from '../columns/records.js';
import { hashString } from './string-index.js';

/**
 * Invoice number → row of its first invoice, for matching a million payments to a million invoices.
 *
 * Open addressing over one Int32Array of (hash, row + 1) pairs sized once for the row count: a
 * lookup costs one probe line, and the match is confirmed against the invoice's own number cell,
 * so no array of a million keys is allocated on the JS heap (which would set off a full garbage
 * collection of the caller's ledger on every call). Numbers that needed trimming are kept aside.
 */
export class InvoiceNumberIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Trimmed numbers of the rows whose number cell is not already trimmed. */
  private readonly trimmed = new Map<number, string>();

  /** @param invoices - The invoices whose rows are added; every row added must be an index into it. */
  constructor(private readonly invoices: readonly Invoice[]) {
    let capacity = 16;
    while (capacity < invoices.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /** Adds number (the row's trimmed number) → row unless present; returns the row already there, or -1. */
  add(number: string, row: number): number {
    return this.addHashed(number, hashString(number), row);
  }

  /** add, with the number's hashString already computed (batched, so the probes overlap). */
  addHashed(number: string, h: number, row: number): number {
    const { slots, mask } = this;
    let p = h & mask;
    for (; ; p = (p + 1) & mask) {
      const r = slots[2 * p + 1] as number;
      if (r === 0) break;
      if (slots[2 * p] === h && this.numberAt(r - 1) === number) return r - 1;
    }
    if ((this.invoices[row] as Invoice).invoice !== number) this.trimmed.set(row, number);
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
    const { slots, mask } = this;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const r = slots[2 * p + 1] as number;
      if (r === 0) return -1;
      if (slots[2 * p] === h && this.numberAt(r - 1) === number) return r - 1;
    }
  }

  /**
   * The row in the first slot whose stored hash is h, or -1 when no slot has it (then the number is
   * surely absent). Not yet confirmed: pass the row to confirm once the invoice is in cache.
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
    return this.numberAt(row) === number ? row : this.getHashed(number, h);
  }

  private numberAt(row: number): string | undefined {
    const raw = (this.invoices[row] as Invoice).invoice;
    return this.trimmed.size === 0 ? raw : (this.trimmed.get(row) ?? raw);
  }
}
