import type { ScratchArrays } from './scratch-arrays.js';

/** Digits at most in the number part, so it fits an int32. */
const MAX_DIGITS = 9;
/** Slots at most per invoice row (plus SLACK): sparser numbers are left to the hash index. */
const SLOTS_PER_ROW = 4;
const SLACK = 1024;

/**
 * Invoice numbers that are one prefix and a plain decimal number ("INV-1042", "611365", what
 * most ledgers issue in sequence), looked up by that number in a table indexed by it.
 *
 * Why: matching a million payments to a million invoices by hashing their numbers and probing a
 * hash table, in slot-block order to keep the probes in cache, was about a third of aging. A number
 * read from its digits indexes its row directly, with no hash, no probe and no string compare.
 *
 * Which numbers: the trimmed number is the prefix (the part before its trailing digits, the same
 * for all, taken from the first invoice number that has digits) followed by 1 to 9 digits without
 * a leading zero ("0" itself allowed). When that first number's digits start with a zero
 * ("INV-000123", as ledgers that pad their numbers to one width write them), the form is instead
 * the prefix followed by exactly as many digits as it has (at most 9), zeros first allowed. Either
 * way exactly one string has each such (prefix, value), so two numbers match here exactly when they
 * are equal strings. Every other number ("INV-007" among unpadded ones, "INV-1000" among numbers
 * padded to 6 digits, another prefix, letters last) goes to the hash index (InvoiceNumberIndex) as
 * before; a payment's number of this form that is not in the table names no invoice, since every
 * invoice number of this form is in it. When the values are too spread out for a table (more than
 * 4 slots per row), none is used and every number goes to the hash index.
 */
export class DenseInvoiceNumbers {
  /** The common prefix, once seen (undefined: no number with digits yet). */
  private prefix: string | undefined;
  /** Digits of every number of the form when they are padded to one width; 0 when not padded. */
  private width = 0;
  private min = Infinity;
  private max = -Infinity;
  /** Row + 1 per value − min (0: none), once `build` has made it. */
  private rows: Int32Array | undefined;

  /**
   * The number part of `number` (trimmed) when it has this table's form, else -1. Before `build`,
   * the first number with trailing digits sets the prefix.
   */
  valueOf(number: string): number {
    const prefix = this.prefix;
    if (prefix === undefined) return this.rows === undefined ? this.learnPrefix(number) : -1;
    const p = prefix.length;
    const n = number.length;
    const digits = n - p;
    const width = this.width;
    if (width === 0 ? digits < 1 || digits > MAX_DIGITS : digits !== width) return -1;
    for (let k = 0; k < p; k++) if (number.charCodeAt(k) !== prefix.charCodeAt(k)) return -1;
    const first = number.charCodeAt(p) - 48;
    // "INV-007" and "INV-7" are different numbers, so only one spelling is read: unpadded numbers
    // without a leading zero, padded ones at their one width.
    if (first < 0 || first > 9 || (first === 0 && width === 0 && digits > 1)) return -1;
    let value = first;
    for (let k = p + 1; k < n; k++) {
      const digit = number.charCodeAt(k) - 48;
      if (digit < 0 || digit > 9) return -1;
      value = value * 10 + digit;
    }
    return value;
  }

  /** valueOf for the first number with trailing digits, which sets the prefix. */
  private learnPrefix(number: string): number {
    let start = number.length;
    while (start > 0) {
      const c = number.charCodeAt(start - 1);
      if (c < 48 || c > 57) break;
      start--;
    }
    const digits = number.length - start;
    if (digits === 0) return -1;
    this.prefix = number.slice(0, start);
    if (digits > 1 && digits <= MAX_DIGITS && number.charCodeAt(start) === 48) this.width = digits;
    return this.valueOf(number);
  }

  /** Notes a value an invoice number has (before `build`). */
  see(value: number): void {
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /**
   * Makes the table for `rows` invoice rows when the values seen are dense enough; returns
   * whether it did (else no number is to be looked up here).
   */
  build(rows: number, scratch: ScratchArrays): boolean {
    const span = this.max - this.min + 1;
    if (!(span > 0 && span <= SLOTS_PER_ROW * rows + SLACK)) {
      this.prefix = undefined;
      this.rows = new Int32Array(0);
      return false;
    }
    this.rows = scratch.int32(span);
    return true;
  }

  /** Adds value → row unless present; returns the row already there, or -1. */
  add(value: number, row: number): number {
    const rows = this.rows!;
    const at = value - this.min;
    const first = rows[at] as number;
    if (first !== 0) return first - 1;
    rows[at] = row + 1;
    return -1;
  }

  /** The row of the first invoice with this value, or -1 (also for a value outside the table). */
  rowOf(value: number): number {
    const at = value - this.min;
    const rows = this.rows!;
    return at >= 0 && at < rows.length ? (rows[at] as number) - 1 : -1;
  }

  /** Whether the table is in use: built, and dense enough (a refused build leaves it empty). */
  get active(): boolean {
    return this.rows !== undefined && this.rows.length > 0;
  }
}
