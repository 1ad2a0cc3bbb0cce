import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashString, StringIndex } from '../../../core/internal/string-index.js';

describe('StringIndex', () => {
  it('keeps the first value of a key and reports it on a repeat', () => {
    const index = new StringIndex();
    expect(index.setIfAbsent('INV-1', 7)).toBe(-1);
    expect(index.setIfAbsent('INV-1', 9)).toBe(7);
    expect(index.get('INV-1')).toBe(7);
    expect(index.get('INV-2')).toBe(-1);
    expect(index.size).toBe(1);
  });

  it('interns keys to 0, 1, 2 … in first-seen order', () => {
    const index = new StringIndex(2);
    expect(['华为', 'b', '华为', '', 'b'].map((k) => index.intern(k))).toEqual([0, 1, 0, 2, 1]);
    expect(index.keyAt(0)).toBe('华为');
  });

  it('agrees with Map through growth (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), (keys) => {
        const index = new StringIndex(1);
        const map = new Map<string, number>();
        keys.forEach((k, i) => {
          const before = map.get(k) ?? -1;
          expect(index.setIfAbsent(k, i)).toBe(before);
          if (before < 0) map.set(k, i);
        });
        for (const k of keys) expect(index.get(k)).toBe(map.get(k));
        expect(index.size).toBe(map.size);
      }),
    );
  });
});

describe('StringIndex candidate and confirmIntern', () => {
  it('agree with intern, for keys present, absent and added in between (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), (keys) => {
        const batched = new StringIndex(1);
        const plain = new StringIndex(1);
        // Guesses are taken for a whole batch before any of it is interned, as loadInvoices does.
        for (let from = 0; from < keys.length; from += 16) {
          const batch = keys.slice(from, from + 16);
          const guesses = batch.map((k) => batched.candidate(hashString(k)));
          batch.forEach((k, j) => {
            const id = batched.confirmIntern(k, hashString(k), guesses[j] as number);
            expect(id).toBe(plain.intern(k));
          });
        }
        expect(batched.size).toBe(plain.size);
      }),
    );
  });
});

describe('StringIndex internRange', () => {
  it('agrees with intern of the slice, mixed with intern, through growth (property)', () => {
    const arbKey = fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'B', '华', ' ', ',') });
    fc.assert(
      fc.property(fc.array(fc.tuple(arbKey, fc.boolean()), { maxLength: 300 }), (keys) => {
        const index = new StringIndex(1);
        const reference = new StringIndex(1);
        for (const [key, ranged] of keys) {
          // The key inside a longer text, as the CSV splitter meets it.
          const text = `x,${key},y`;
          const entry = ranged ? index.internRange(text, 2, 2 + key.length) : index.intern(key);
          expect(entry).toBe(reference.intern(key));
          expect(index.keyAt(entry)).toBe(key);
        }
      }),
    );
  });
});
