import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedTextColumn } from '../../../core/columns/packed-text-column.js';

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
});
