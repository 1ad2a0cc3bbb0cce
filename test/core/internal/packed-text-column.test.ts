import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedTextColumn } from '../../../core/internal/packed-text-column.js';

describe('PackedTextColumn', () => {
  it('gives back every text, the empty one and those outside the BMP included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string({ unit: 'grapheme' }), { nil: undefined })),
        (texts) => {
          const column = new PackedTextColumn(2);
          texts.forEach((text, i) => {
            if (i >= 2 && (i & (i - 1)) === 0) column.resize(i * 2, i);
            if (text !== undefined) column.set(i, text);
          });
          column.resize(Math.max(2, texts.length), texts.length);
          expect(texts.map((_, i) => column.get(i))).toEqual(texts);
          expect(texts.map((_, i) => column.has(i))).toEqual(texts.map((t) => t !== undefined));
        },
      ),
    );
  });

  it('rebuilds a text longer than one String.fromCharCode call', () => {
    const long = '客户'.repeat(5000) + 'x';
    const column = new PackedTextColumn(1);
    column.set(0, long);
    expect(column.get(0)).toBe(long);
  });

  it('forgets a cleared row and reuses its characters', () => {
    const column = new PackedTextColumn(3);
    column.set(0, 'D-1');
    column.set(1, 'dropped');
    column.clear(1);
    column.set(1, 'D-2');
    expect([column.get(0), column.get(1), column.get(2)]).toEqual(['D-1', 'D-2', undefined]);
  });
});

describe('PackedTextColumn copies', () => {
  it('copies a row of another column, absent rows included', () => {
    const source = new PackedTextColumn(3);
    source.set(0, 'D-1');
    source.set(2, '商机');
    const target = new PackedTextColumn(3);
    target.copyFrom(0, source, 2);
    target.copyFrom(1, source, 1);
    target.copyFrom(2, source, 0);
    expect([target.get(0), target.get(1), target.get(2)]).toEqual(['商机', undefined, 'D-1']);
    expect([target.lengthOf(0), target.lengthOf(1), target.codeAt(2, 2)]).toEqual([2, 0, 49]);
  });

  it('refers to the rows of its first source, and copies those of any other', () => {
    const sst = new PackedTextColumn(3);
    sst.set(0, 'D-1');
    sst.set(1, '商机 2');
    const other = new PackedTextColumn(1);
    other.set(0, 'X-9');
    const target = new PackedTextColumn(4, 1);
    target.copyFrom(0, sst, 1);
    target.copyFrom(1, other, 0);
    target.copyFrom(2, sst, 0);
    target.set(3, 'own');
    expect([0, 1, 2, 3].map((i) => target.get(i))).toEqual(['商机 2', 'X-9', 'D-1', 'own']);
    expect([target.lengthOf(0), target.codeAt(0, 3), target.codeAt(1, 2)]).toEqual([4, 50, 57]);
    // A column whose rows refer on is read through: its copies hold the texts themselves.
    const copy = new PackedTextColumn(2);
    copy.copyFrom(0, target, 2);
    copy.copyFrom(1, target, 3);
    expect([copy.get(0), copy.get(1)]).toEqual(['D-1', 'own']);
    // Clearing a row that refers frees nothing of the column's own characters.
    target.clear(2);
    expect([target.get(2), target.has(2), target.get(3)]).toEqual([undefined, false, 'own']);
  });
});
