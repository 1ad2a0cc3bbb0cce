/** Where a row of a PackedTextColumn has no text. A start below it refers to another column. */
const ABSENT = -1;

/** The start that refers to row j of the column's source (see copyFrom). */
function referenceTo(j: number): number {
  return -2 - j;
}

/** The source row a referring start names (referenceTo, undone). */
function referenceOf(start: number): number {
  return -2 - start;
}

/** Characters per String.fromCharCode call when a text is rebuilt (its argument count is bounded). */
const CHARS_PER_CALL = 4096;

/**
 * A column of texts kept as UTF-16 code units in one buffer, with each row's start and end.
 *
 * Why: ids differ from row to row, so a column of them is one string object per row, and a
 * million kept strings cost the garbage collector ~0.25 s of copying here (measured on a
 * million-deal pipeline). Packed, they are three typed arrays; a row's string is rebuilt only
 * when asked for (a hygiene list, a stage-history join).
 *
 * A row copied from another packed column (an .xlsx shared-string table) only refers to it, and
 * the column keeps that source: a million ids read from a workbook are then one number each, not
 * a second copy of their characters. The source's rows must not change afterwards (a shared-string
 * table is complete before the first cell is read).
 */
export class PackedTextColumn {
  private chars: Uint16Array;
  private used = 0;
  /** Per row: where its characters start; ABSENT; or below ABSENT, a reference (referenceTo). */
  private starts: Int32Array;
  private ends: Int32Array;
  /** The one column this one's rows may refer to (the first copyFrom's source). */
  private source: PackedTextColumn | undefined;

  /**
   * @param capacity - rows to make room for.
   * @param charsPerRow - code units per row to make room for (the characters grow by doubling
   *   past it, copying them into fresh memory, which is slow to touch on this VM).
   */
  constructor(capacity: number, charsPerRow = 8) {
    this.starts = new Int32Array(capacity).fill(ABSENT);
    this.ends = new Int32Array(capacity);
    this.chars = new Uint16Array(Math.max(64, Math.ceil(capacity * charsPerRow)));
  }

  /** Makes room for `capacity` rows (the first `size` kept). */
  resize(capacity: number, size: number): void {
    const starts = new Int32Array(capacity).fill(ABSENT);
    starts.set(this.starts.subarray(0, size));
    const ends = new Int32Array(capacity);
    ends.set(this.ends.subarray(0, size));
    this.starts = starts;
    this.ends = ends;
  }

  /** Sets row `i` to `text`, replacing any text it had (rows are written in order). */
  set(i: number, text: string): void {
    this.setSlice(i, text, 0, text.length);
  }

  /** Sets row `i` to `text.slice(from, to)`, copied from `text` without making that string. */
  setSlice(i: number, text: string, from: number, to: number): void {
    const length = to - from;
    if (this.used + length > this.chars.length) this.growChars(this.used + length);
    const chars = this.chars;
    const start = this.used;
    for (let k = 0; k < length; k++) chars[start + k] = text.charCodeAt(from + k);
    this.used = start + length;
    this.starts[i] = start;
    this.ends[i] = this.used;
  }

  /**
   * Sets row `i` to the ASCII bytes `bytes[from..to)`; false (nothing set) when one of them is
   * not ASCII, for the caller to decode them.
   */
  setAscii(i: number, bytes: Uint8Array, from: number, to: number): boolean {
    const length = to - from;
    if (this.used + length > this.chars.length) this.growChars(this.used + length);
    const chars = this.chars;
    const start = this.used;
    for (let k = 0; k < length; k++) {
      const byte = bytes[from + k]!;
      if (byte >= 0x80) return false;
      chars[start + k] = byte;
    }
    this.used = start + length;
    this.starts[i] = start;
    this.ends[i] = this.used;
    return true;
  }

  /**
   * Sets row `i` to row `j` of `source` (no string is made): a reference when `source` is this
   * column's source (the first one given, if it refers to no other), else a copy of its code
   * units.
   */
  copyFrom(i: number, source: PackedTextColumn, j: number): void {
    const from = source.starts[j]!;
    if (from === ABSENT) {
      this.clear(i);
      return;
    }
    if (from < ABSENT) {
      // Row j of source refers on: copy from where it refers.
      this.copyFrom(i, source.source!, referenceOf(from));
      return;
    }
    if (this.source === undefined && source.source === undefined && source !== this)
      this.source = source;
    if (source === this.source) {
      this.clear(i);
      this.starts[i] = referenceTo(j);
      return;
    }
    const length = source.ends[j]! - from;
    if (this.used + length > this.chars.length) this.growChars(this.used + length);
    // A loop, not chars.set(subarray): ids are short, and a view per row cost ~0.3 µs.
    const chars = this.chars;
    const codes = source.chars;
    const start = this.used;
    for (let k = 0; k < length; k++) chars[start + k] = codes[from + k]!;
    this.used = start + length;
    this.starts[i] = start;
    this.ends[i] = this.used;
  }

  /** Row `i`'s length in UTF-16 code units (0 when absent). */
  lengthOf(i: number): number {
    const start = this.starts[i]!;
    if (start < ABSENT) return this.source!.lengthOf(referenceOf(start));
    return start === ABSENT ? 0 : this.ends[i]! - start;
  }

  /** Code unit `k` of row `i` (which must have at least k + 1). */
  codeAt(i: number, k: number): number {
    const start = this.starts[i]!;
    if (start < ABSENT) return this.source!.codeAt(referenceOf(start), k);
    return this.chars[start + k]!;
  }

  /** Row `i` back to absent; its characters are reused when it is the last row written. */
  clear(i: number): void {
    const start = this.starts[i]!;
    if (start > ABSENT && this.ends[i] === this.used) this.used = start;
    this.starts[i] = ABSENT;
  }

  has(i: number): boolean {
    return this.starts[i] !== ABSENT;
  }

  /** Row `i`'s text, or undefined when it has none. */
  get(i: number): string | undefined {
    const start = this.starts[i]!;
    if (start === ABSENT) return undefined;
    if (start < ABSENT) return this.source!.get(referenceOf(start));
    const end = this.ends[i]!;
    if (end - start <= CHARS_PER_CALL)
      return String.fromCharCode.apply(
        null,
        this.chars.subarray(start, end) as unknown as number[],
      );
    let text = '';
    for (let at = start; at < end; at += CHARS_PER_CALL) {
      const piece = this.chars.subarray(at, Math.min(end, at + CHARS_PER_CALL));
      text += String.fromCharCode.apply(null, piece as unknown as number[]);
    }
    return text;
  }

  private growChars(needed: number): void {
    let length = this.chars.length * 2;
    while (length < needed) length *= 2;
    const chars = new Uint16Array(length);
    chars.set(this.chars.subarray(0, this.used));
    this.chars = chars;
  }
}

/**
 * Texts kept packed and read one at a time as strings: what a reader hands RecordAssembler so a
 * table can copy an id's code units without a string being made (an .xlsx shared-string table).
 */
export interface PackedTexts {
  readonly packed: PackedTextColumn;
  /** Text `i` as a string (undefined past the end). */
  text(i: number): string | undefined;
}
