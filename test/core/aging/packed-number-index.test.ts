import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeysInBlockOrder } from '../../../core/aging/packed-number-index.js';
import { keysInBlockOrder, PackedNumberIndex } from '../../../core/aging/packed-number-index.js';
import { ScratchArrays } from '../../../core/aging/scratch-arrays.js';
import { hashString, hashUnits } from '../../../core/aging/string-index.js';

/** Texts packed back to back, each with its hash (hashUnits), as loadInvoices hands them over. */
function packed(texts: readonly (string | null)[], hashOf = (t: string) => hashString(t)) {
  const codes = new Uint16Array(
    Math.max(
      1,
      texts.reduce((t, x) => t + (x?.length ?? 0), 0),
    ),
  );
  const from = new Int32Array(texts.length);
  const to = new Int32Array(texts.length);
  const hash = new Int32Array(texts.length);
  let at = 0;
  texts.forEach((text, i) => {
    if (text === null) {
      from[i] = -1;
      return;
    }
    from[i] = at;
    for (let k = 0; k < text.length; k++) codes[at++] = text.charCodeAt(k);
    to[i] = at;
    hash[i] = hashOf(text);
  });
  return { codes, from, to, hash };
}

/** An index of `numbers` (row = position; null: no number) and its keys. */
function indexOf(numbers: readonly (string | null)[], hashOf?: (t: string) => number) {
  const index = new PackedNumberIndex(numbers.length);
  const p = packed(numbers, hashOf);
  const keys = keysInBlockOrder(
    index,
    numbers.length,
    p.from,
    p.to,
    p.hash,
    p.codes,
    new ScratchArrays(),
  );
  const repeatOf = new Int32Array(keys.count);
  index.addAll(keys, repeatOf);
  const lookUp = (text: string): number => {
    const q = packed([text], hashOf);
    return index.get(q.codes, 0, text.length, q.hash[0] as number);
  };
  return { index, keys, repeatOf, lookUp };
}

/** Per row, the earlier row with its number (-1: the first), read off addAll's entries. */
function repeatsByRow(n: number, keys: KeysInBlockOrder, repeatOf: Int32Array): number[] {
  const out = new Array<number>(n).fill(-1);
  for (let e = 0; e < keys.count; e++) out[keys.item[e] as number] = repeatOf[e] as number;
  return out;
}

describe('PackedNumberIndex', () => {
  it('maps a number to the row of its first invoice and reports the first row on a repeat', () => {
    const { keys, repeatOf, lookUp } = indexOf(['A1', 'A2', 'A1', null]);
    // Hand: rows 0 and 1 are first of their numbers, row 2 repeats row 0, row 3 has none.
    expect(keys.count).toBe(3);
    expect(repeatsByRow(4, keys, repeatOf)).toEqual([-1, -1, 0, -1]);
    expect([lookUp('A1'), lookUp('A2'), lookUp('A3'), lookUp('')]).toEqual([0, 1, -1, -1]);
  });

  it('hashUnits is hashString of the same text', () => {
    for (const text of ['', 'INV-1', '发票 7', '\u00a0x']) {
      const p = packed([text]);
      expect(hashUnits(p.codes, 0, text.length)).toBe(hashString(text));
    }
  });

  it('keeps keys in slot-block order, each block in row order, with their code units', () => {
    const numbers = Array.from({ length: 3000 }, (_, i) => `N${i % 2500}`);
    const { index, keys } = indexOf(numbers);
    for (let e = 1; e < keys.count; e++) {
      const a = keys.item[e - 1] as number;
      const b = keys.item[e] as number;
      const ba = index.blockOf(keys.hash[e - 1] as number);
      const bb = index.blockOf(keys.hash[e] as number);
      expect(ba < bb || (ba === bb && a < b)).toBe(true);
    }
    const e = 17;
    const text = String.fromCharCode(
      ...keys.codes.subarray(keys.starts[e] as number, keys.starts[e + 1] as number),
    );
    expect(text).toBe(numbers[keys.item[e] as number]);
  });

  it('gives the first row of every number, as a Map filled in row order does (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string({ maxLength: 4 }), { nil: null }), { maxLength: 200 }),
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 50 }),
        (numbers, probes) => {
          const first = new Map<string, number>();
          numbers.forEach((x, i) => {
            if (x !== null && !first.has(x)) first.set(x, i);
          });
          const { keys, repeatOf, lookUp } = indexOf(numbers);
          const repeats = repeatsByRow(numbers.length, keys, repeatOf);
          numbers.forEach((x, i) => {
            const f = x === null ? i : (first.get(x) as number);
            expect(repeats[i]).toBe(f === i ? -1 : f);
          });
          for (const x of [...numbers, ...probes])
            if (x !== null) expect(lookUp(x)).toBe(first.get(x) ?? -1);
        },
      ),
    );
  });

  it('matches on the number, not the hash: two numbers with one hash keep their own rows', () => {
    const { keys, repeatOf, lookUp } = indexOf(['A', 'B', 'A'], () => 7);
    expect(repeatsByRow(3, keys, repeatOf)).toEqual([-1, -1, 0]);
    expect([lookUp('A'), lookUp('B'), lookUp('C')]).toEqual([0, 1, -1]);
  });

  it('has one slot block per 4,096 slots, and every hash falls in one of them', () => {
    expect(new PackedNumberIndex(3).blocks).toBe(1);
    const large = new PackedNumberIndex(1_000_000); // 2^21 slots
    expect(large.blocks).toBe(512);
    for (const h of [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), hashString('INV-1')]) {
      const b = large.blockOf(h);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(512);
    }
  });
});
