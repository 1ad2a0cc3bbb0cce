import type { PackedTexts } from './packed-text-column.js';

/** Distinct values past which a column keeps its values as they are (see CodedTextColumn). */
export const MAX_CODED_VALUES = 0xffff;

/** Slots of the cache from a source's text number to its code (see setKeyed): a power of 2. */
const KEY_SLOTS = 1 << 16;

/** A coded column's rows as codes into a dictionary: row i's value is dictionary[codes[i]]. */
export interface TextCodes {
  /** Per row, the position of its value in `dictionary`; 0 when the row has none. */
  readonly codes: Uint16Array | Int32Array;
  /** The distinct values in the order rows first gave them; position 0 is undefined (none). */
  readonly dictionary: readonly unknown[];
}

/**
 * A column of values that repeat (owners, stages, regions, statuses): a code per row into a
 * dictionary of the distinct values.
 *
 * Why: a plain array holds an 8-byte pointer per row, all of it fresh memory (slow to touch)
 * and scanned by every full garbage collection; a code is 2 bytes, and 0 means "none",
 * so nothing is filled in advance. Consumers that group rows by the value (the funnel's owners,
 * regions, stages) work once per distinct code instead of once per row.
 *
 * A column whose values hardly repeat (more than MAX_CODED_VALUES distinct ones: names, notes)
 * gains nothing from codes, so it switches to keeping its values as they are; `codes()` then
 * codes them on demand.
 */
export class CodedTextColumn {
  private codeArray: Uint16Array;
  private readonly dictionary: unknown[] = [undefined];
  private codeOf: Map<unknown, number> | undefined = new Map();
  /** The values as they are, once the column has too many distinct ones to code. */
  private plain: unknown[] | undefined;
  /** setKeyed's cache: the texts it serves, and per slot the text number + 1 and its code. */
  private keySource: PackedTexts | undefined;
  private slotKey: Int32Array | undefined;
  private slotCode: Uint16Array | undefined;

  constructor(capacity: number) {
    this.codeArray = new Uint16Array(capacity);
  }

  /** Sets row `i` to `value` (undefined: none). */
  set(i: number, value: unknown): void {
    const plain = this.plain;
    if (plain !== undefined) {
      plain[i] = value;
      return;
    }
    if (value === undefined) {
      this.codeArray[i] = 0;
      return;
    }
    let code = this.codeOf!.get(value);
    if (code === undefined) {
      code = this.dictionary.length;
      if (code > MAX_CODED_VALUES) {
        this.becomePlain(i);
        this.plain![i] = value;
        return;
      }
      this.dictionary.push(value);
      this.codeOf!.set(value, code);
    }
    this.codeArray[i] = code;
  }

  /**
   * Sets row `i` to text `key` of `source` (an .xlsx shared-string table), remembering the code
   * of each text number seen: a cell of a text seen before costs an array read, not a hash of
   * its string.
   */
  setKeyed(i: number, source: PackedTexts, key: number): void {
    if (this.plain !== undefined) {
      this.plain[i] = source.text(key);
      return;
    }
    if (this.keySource !== source) {
      // Another table's numbers mean other texts: start afresh.
      this.keySource = source;
      this.slotKey = new Int32Array(KEY_SLOTS);
      this.slotCode = new Uint16Array(KEY_SLOTS);
    }
    const slot = key & (KEY_SLOTS - 1);
    if (this.slotKey![slot] === key + 1) {
      this.codeArray[i] = this.slotCode![slot]!;
      return;
    }
    this.set(i, source.text(key));
    if (this.plain === undefined) {
      this.slotKey![slot] = key + 1;
      this.slotCode![slot] = this.codeArray[i]!;
    }
  }

  /**
   * Sets row `i` to text `key` of `source` when setKeyed has coded that text before (a cache hit);
   * false, and nothing set, otherwise. Lets a reader skip its checks of a text it already took:
   * only texts it passed reach setKeyed, and reading the text to check it again is a cache miss
   * into the shared-string table for every cell.
   */
  setKeyedIfKnown(i: number, source: PackedTexts, key: number): boolean {
    if (this.keySource !== source || this.plain !== undefined) return false;
    const slot = key & (KEY_SLOTS - 1);
    if (this.slotKey![slot] !== key + 1) return false;
    this.codeArray[i] = this.slotCode![slot]!;
    return true;
  }

  /** Row `i`'s value, or undefined. */
  get(i: number): unknown {
    const plain = this.plain;
    return plain !== undefined ? plain[i] : this.dictionary[this.codeArray[i]!];
  }

  /** Row `i` back to none. */
  clear(i: number): void {
    this.set(i, undefined);
  }

  /** Makes room for `capacity` rows (the first `size` kept). */
  resize(capacity: number, size: number): void {
    if (this.plain !== undefined) {
      const plain = new Array<unknown>(capacity);
      for (let i = 0; i < size; i++) plain[i] = this.plain[i];
      this.plain = plain;
      return;
    }
    const codes = new Uint16Array(capacity);
    codes.set(this.codeArray.subarray(0, size));
    this.codeArray = codes;
  }

  /**
   * The first `size` rows as codes into a dictionary (made here, in first-seen order, when the
   * column keeps its values as they are).
   */
  codes(size: number): TextCodes {
    const plain = this.plain;
    if (plain === undefined)
      return { codes: this.codeArray.subarray(0, size), dictionary: this.dictionary };
    const dictionary: unknown[] = [undefined];
    const codeOf = new Map<unknown, number>();
    const codes = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      const value = plain[i];
      if (value === undefined) continue;
      let code = codeOf.get(value);
      if (code === undefined) {
        code = dictionary.length;
        dictionary.push(value);
        codeOf.set(value, code);
      }
      codes[i] = code;
    }
    return { codes, dictionary };
  }

  /** Switches to plain values, keeping rows 0 … rows − 1. */
  private becomePlain(rows: number): void {
    // Made at full length once: a growing array costs more fresh memory than one made once.
    const plain = new Array<unknown>(this.codeArray.length);
    const { codeArray, dictionary } = this;
    for (let i = 0; i < rows; i++) plain[i] = dictionary[codeArray[i]!];
    this.plain = plain;
    this.codeOf = undefined;
    this.codeArray = new Uint16Array(0);
  }
}
