import { PackedTextColumn, type PackedTexts } from '../../core/readers/index.js';

/** Never more room at first than this many items, whatever the file's uniqueCount says. */
const MAX_FIRST_CAPACITY = 1 << 22;
/**
 * Nor more than this many characters (64 MB): a table grows by doubling past its first room,
 * so memory follows the items read, not what a hostile file claims it holds.
 */
const MAX_FIRST_CHARS = 1 << 25;

/**
 * A workbook's shared string table, packed: the items' UTF-16 code units in one buffer, each
 * made a string only when a cell asks for it, and then kept for the next cell that does.
 *
 * Why: a sheet of a million distinct ids has a million shared strings, all read before the first
 * row. As strings, the garbage collector copied them twice while they were read (~0.4 s of a
 * 3.8 s read of bench/xlsx-read.ts's workbook); packed they are three typed arrays, and a table
 * of records copies an id's code units from here without ever making its string.
 */
export class SharedStrings implements PackedTexts {
  length = 0;
  readonly packed: PackedTextColumn;
  private capacity: number;
  private cache: (string | undefined)[] | undefined;

  /**
   * @param expected - items to make room for at first (the table's uniqueCount, if known).
   * @param charsPerItem - their expected length, in UTF-16 code units.
   */
  constructor(expected = 1024, charsPerItem = 8) {
    this.capacity = Math.min(MAX_FIRST_CAPACITY, Math.max(16, Math.ceil(expected) || 16));
    const perItem = Math.min(64, charsPerItem, MAX_FIRST_CHARS / this.capacity);
    this.packed = new PackedTextColumn(this.capacity, perItem);
  }

  /** A table of these texts (tests, and sheets read without a shared-string part). */
  static of(texts: readonly string[]): SharedStrings {
    const table = new SharedStrings(texts.length);
    for (const text of texts) table.push(text);
    return table;
  }

  /** Adds the next item. */
  push(text: string): void {
    this.packed.set(this.room(), text);
    this.length++;
  }

  /** Adds the next item from ASCII bytes; false (nothing added) when they are not all ASCII. */
  pushAscii(bytes: Uint8Array, from: number, to: number): boolean {
    if (!this.packed.setAscii(this.room(), bytes, from, to)) return false;
    this.length++;
    return true;
  }

  /** Item `i` as a string, or undefined past the end. */
  text(i: number): string | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    // Made at full length once reading is over: written at random indexes, a growing array
    // would turn into a slow dictionary.
    const cache = (this.cache ??= new Array<string | undefined>(this.length));
    return (cache[i] ??= this.packed.get(i) ?? '');
  }

  /** Every item as a string. */
  toArray(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.text(i)!);
  }

  /** The row for the next item, after making room for it. */
  private room(): number {
    if (this.cache !== undefined) throw new Error('SharedStrings: read after items were added');
    if (this.length === this.capacity) {
      this.capacity *= 2;
      this.packed.resize(this.capacity, this.length);
    }
    return this.length;
  }
}
