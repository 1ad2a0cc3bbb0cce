import { isBlankField, ownSlice } from '../internal/csv-fast-fields.js';
import type { Parsed } from './parsed.js';
import type { CellParser } from './record-assembler.js';

const BLANK: Parsed<never> = Object.freeze({ ok: true, value: undefined });
/** Lookups per window after which a column's hit rate is judged. */
const WINDOW_LOOKUPS = 4096;
/** A window with more misses than this share of its lookups stops the caching of the column. */
const MAX_MISS_SHARE = 0.75;
/** A column stops caching past this many distinct values, whatever its hit rate. */
const MAX_ENTRIES = 1 << 20;

/**
 * Parse results of CSV text fields by their characters, per column, for readCsvRecords. Repeated
 * text (owners, stages, customer ids, countries) is parsed once per distinct value and every
 * record shares the same string. One cache may serve many files of a batch (hundreds of daily
 * exports hold the same customers), so it is created by the caller and passed in the options;
 * without one, each call makes its own.
 *
 * @example const cache = new CsvValueCache(); readCsvRecords(text, { ...options, valueCache: cache });
 */
export class CsvValueCache {
  private readonly columns = new Map<string, { parse: CellParser; cache: ColumnValueCache }[]>();

  /** The cache of one column: its field name and parser (values differ between parsers). */
  column(field: string, parse: CellParser): ColumnValueCache {
    let list = this.columns.get(field);
    if (list === undefined) this.columns.set(field, (list = []));
    let entry = list.find((e) => e.parse === parse);
    if (entry === undefined) list.push((entry = { parse, cache: new ColumnValueCache(parse) }));
    return entry.cache;
  }
}

/**
 * One column's parse results keyed by text (open addressing on an FNV-1a hash). A column that
 * turns out to hold mostly distinct values (deal ids, invoice numbers of a large file) stops
 * caching and parses each field.
 */
export class ColumnValueCache {
  private capacity = 1024;
  private keys: (string | undefined)[] = emptySlots(this.capacity);
  private hashes = new Int32Array(this.capacity);
  private values: Parsed<unknown>[] = new Array<Parsed<unknown>>(this.capacity);
  private size = 0;
  private lookups = 0;
  private misses = 0;
  private caching = true;
  private lastKey = '';
  private lastValue: Parsed<unknown> = BLANK;

  constructor(private readonly parser: CellParser) {}

  /** False once the column has turned out to hold mostly distinct values. */
  get isCaching(): boolean {
    return this.caching;
  }

  /** How many distinct texts the cache holds (0 once it has stopped caching). */
  get distinctValues(): number {
    return this.caching ? this.size : 0;
  }

  /** The parse result of `text` from `start` to `end` (blank fields give a blank result). */
  get(text: string, start: number, end: number): Parsed<unknown> {
    if (!this.caching) return this.parse(ownSlice(text, start, end), text, start, end);
    if (++this.lookups === WINDOW_LOOKUPS) this.judgeWindow();
    // Lines of one order or account come together: the previous value often repeats, and
    // comparing with it is cheaper than hashing.
    const last = this.lastKey;
    if (end - start === last.length && text.startsWith(last, start)) return this.lastValue;
    let hash = 0x811c9dc5 | 0; // as int32, as the Int32Array of hashes holds it
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const length = end - start;
    const mask = this.capacity - 1;
    const { keys, hashes } = this;
    let slot = hash & mask;
    for (;;) {
      const key = keys[slot];
      if (key === undefined) break;
      if (hashes[slot] === hash && key.length === length && text.startsWith(key, start)) {
        this.lastKey = key;
        return (this.lastValue = this.values[slot]!);
      }
      slot = (slot + 1) & mask;
    }
    this.misses++;
    const raw = ownSlice(text, start, end);
    const value = this.parse(raw, text, start, end);
    this.lastKey = raw;
    this.lastValue = value;
    keys[slot] = raw;
    hashes[slot] = hash;
    this.values[slot] = value;
    if (++this.size * 2 > this.capacity) this.grow();
    return value;
  }

  private parse(raw: string, text: string, start: number, end: number): Parsed<unknown> {
    return isBlankField(text, start, end) ? BLANK : this.parser(raw);
  }

  private judgeWindow(): void {
    if (this.misses > MAX_MISS_SHARE * this.lookups || this.size > MAX_ENTRIES) {
      this.caching = false;
      this.keys = [];
      this.values = [];
      this.hashes = new Int32Array(0);
    }
    this.lookups = 0;
    this.misses = 0;
  }

  private grow(): void {
    const { keys, hashes, values } = this;
    this.capacity *= 2;
    this.keys = emptySlots(this.capacity);
    this.hashes = new Int32Array(this.capacity);
    this.values = new Array<Parsed<unknown>>(this.capacity);
    const mask = this.capacity - 1;
    for (let s = 0; s < keys.length; s++) {
      const key = keys[s];
      if (key === undefined) continue;
      let slot = hashes[s]! & mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.hashes[slot] = hashes[s]!;
      this.values[slot] = values[s]!;
    }
  }
}

/** An array of undefined (filled, so reading a slot never looks up the prototype chain). */
function emptySlots(count: number): (string | undefined)[] {
  return new Array<string | undefined>(count).fill(undefined);
}
