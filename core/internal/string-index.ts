import { ownSlice } from './csv-fast-fields.js';

/**
 * String interning, the one structure for it in core: each distinct string gets a whole-number id
 * in order of first appearance (intern), so per-row aggregations index typed arrays instead of
 * hashing strings again per row (aging's customers and owners; the funnel's owners, regions and
 * products). It also maps strings to stored values (setIfAbsent / get).
 *
 * Open addressing over one typed array holding (hash, entry) pairs side by side, so a probe costs
 * one cache line, with an FNV-1a hash of the UTF-16 code units; values are int32 ≥ 0 and -1 means
 * "absent". A hit is confirmed against a copy of the key's code units in one packed array rather
 * than the key string itself: the first-seen strings lie scattered over the caller's heap (one per
 * customer, each on its own page), and a million lookups that each touched one cost more than the
 * hashing. candidate / confirmIntern split a lookup in two, so a batch of rows can hash every key,
 * then guess every entry, then confirm, each in a loop of its own whose cache misses overlap.
 *
 * Why this and not a Map<string, number> (funnel's former Dictionary): on the aging bench's
 * 1,000,000 invoices with 20,000 customers, loadInvoices took 935 ms interning customers here in
 * batches and 1,393 ms with a Map (medians of 9 alternating runs on a loaded machine). In a plain
 * loop over 1,000,000 strings with 20,000 distinct, a Map is as fast on fresh strings (522 vs
 * 504 ms; 466 ms batched here) and faster on repeated instances (151 vs 775 ms batched), since V8
 * keeps a string's hash in the string: callers that meet each distinct string once (the funnel
 * codes each distinct cell text once) do not notice the difference.
 */
export class StringIndex {
  private keys: string[] = [];
  /** Code units of every key, back to back; entry e spans starts[e] … starts[e + 1]. */
  private units = new Uint16Array(256);
  private starts = new Int32Array(17);
  private values: Int32Array;
  /** slots[2p] = hash, slots[2p + 1] = entry + 1 (0 = empty). */
  private slots: Int32Array;
  private mask: number;

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.values = new Int32Array(Math.max(expected, 8));
    this.starts = new Int32Array(Math.max(expected, 8) + 1);
  }

  /** Number of keys. */
  get size(): number {
    return this.keys.length;
  }

  /** The keys in entry order (entry e is keys[e]); read only. */
  get keyList(): readonly string[] {
    return this.keys;
  }

  /** The key with entry number `entry` (0 … size − 1, in insertion order). */
  keyAt(entry: number): string {
    return this.keys[entry] as string;
  }

  /** The value stored for key, or -1. */
  get(key: string): number {
    const h = hashString(key);
    const { slots, mask } = this;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const e = slots[2 * p + 1] as number;
      if (e === 0) return -1;
      if (slots[2 * p] === h && this.sameKey(e - 1, key)) return this.values[e - 1] as number;
    }
  }

  /** Stores value for key unless key is present; returns the value already there, or -1 if stored. */
  setIfAbsent(key: string, value: number): number {
    return this.setIfAbsentHashed(key, hashString(key), value);
  }

  /** setIfAbsent, with the key's hashString already computed. */
  setIfAbsentHashed(key: string, h: number, value: number): number {
    const { slots, keys, mask } = this;
    let p = h & mask;
    for (; ; p = (p + 1) & mask) {
      const e = slots[2 * p + 1] as number;
      if (e === 0) break;
      if (slots[2 * p] === h && this.sameKey(e - 1, key)) return this.values[e - 1] as number;
    }
    const entry = keys.length;
    if (entry === this.values.length) {
      const values = new Int32Array(entry * 2);
      values.set(this.values);
      this.values = values;
      const starts = new Int32Array(entry * 2 + 1);
      starts.set(this.starts);
      this.starts = starts;
    }
    this.addUnits(entry, key);
    keys.push(key);
    this.values[entry] = value;
    slots[2 * p] = h;
    slots[2 * p + 1] = entry + 1;
    if ((entry + 1) * 2 > mask + 1) this.rehash();
    return -1;
  }

  /** The entry number of key, adding it when new (so ids run 0, 1, 2, … in first-seen order). */
  intern(key: string): number {
    return this.internHashed(key, hashString(key));
  }

  /** intern, with the key's hashString already computed. */
  internHashed(key: string, h: number): number {
    const size = this.keys.length;
    const found = this.setIfAbsentHashed(key, h, size);
    return found < 0 ? size : found;
  }

  /**
   * intern of `text.slice(start, end)` without making that string when the key is already
   * present: the CSV splitter codes a million cells this way, and most are repeats.
   */
  internRange(text: string, start: number, end: number): number {
    const h = hashRange(text, start, end);
    const { slots, mask } = this;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const e = slots[2 * p + 1] as number;
      if (e === 0) break;
      if (slots[2 * p] === h && this.sameRange(e - 1, text, start, end)) return e - 1;
    }
    return this.internHashed(ownSlice(text, start, end), h);
  }

  /** The entry in the first slot whose stored hash is h, or -1: a guess for confirmIntern. */
  candidate(h: number): number {
    const { slots, mask } = this;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const e = slots[2 * p + 1] as number;
      if (e === 0) return -1;
      if (slots[2 * p] === h) return e - 1;
    }
  }

  /** internHashed, given the entry candidate(h) returned: that entry when its key matches (for an index filled by intern only). */
  confirmIntern(key: string, h: number, entry: number): number {
    return entry >= 0 && this.sameKey(entry, key) ? entry : this.internHashed(key, h);
  }

  /** Whether entry's key equals key, read from the packed code units. */
  private sameKey(entry: number, key: string): boolean {
    const { units, starts } = this;
    const start = starts[entry] as number;
    const length = key.length;
    if ((starts[entry + 1] as number) - start !== length) return false;
    for (let k = 0; k < length; k++) if (units[start + k] !== key.charCodeAt(k)) return false;
    return true;
  }

  /** Whether entry's key equals text[start, end), read from the packed code units. */
  private sameRange(entry: number, text: string, start: number, end: number): boolean {
    const { units, starts } = this;
    const from = starts[entry] as number;
    if ((starts[entry + 1] as number) - from !== end - start) return false;
    for (let k = start; k < end; k++)
      if (units[from + k - start] !== text.charCodeAt(k)) return false;
    return true;
  }

  /** Appends key's code units as entry's (entries are added in order). */
  private addUnits(entry: number, key: string): void {
    const start = this.starts[entry] as number;
    const end = start + key.length;
    if (end > this.units.length) {
      let length = this.units.length * 2;
      while (length < end) length *= 2;
      const units = new Uint16Array(length);
      units.set(this.units);
      this.units = units;
    }
    const { units } = this;
    for (let k = 0; k < key.length; k++) units[start + k] = key.charCodeAt(k);
    this.starts[entry + 1] = end;
  }

  private rehash(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    const slots = new Int32Array(capacity * 2);
    const mask = capacity - 1;
    for (let q = 0; q < old.length; q += 2) {
      const e = old[q + 1] as number;
      if (e === 0) continue;
      const h = old[q] as number;
      let p = h & mask;
      while ((slots[2 * p + 1] as number) !== 0) p = (p + 1) & mask;
      slots[2 * p] = h;
      slots[2 * p + 1] = e;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** FNV-1a over the UTF-16 code units with a final avalanche, as an int32. */
export function hashString(key: string): number {
  return hashRange(key, 0, key.length);
}

/** hashString of text.slice(start, end), without making that string. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 16_777_619);
  // Final avalanche so sequential numbers ("INV-1", "INV-2") spread over the low bits.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}
