import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodedTextColumn, MAX_CODED_VALUES } from '../../../core/internal/coded-text-column.js';
import { PackedTextColumn, type PackedTexts } from '../../../core/internal/packed-text-column.js';

/** A PackedTexts over plain strings, as an .xlsx shared-string table is. */
function textsOf(texts: readonly string[]): PackedTexts {
  const packed = new PackedTextColumn(texts.length);
  texts.forEach((text, i) => packed.set(i, text));
  return { packed, text: (i) => texts[i] };
}

describe('CodedTextColumn', () => {
  it('gives back each row’s value, with the distinct values coded in first-seen order', () => {
    const column = new CodedTextColumn(8);
    const values = ['North', 'South', undefined, 'North', '华东', 'South'];
    values.forEach((value, i) => column.set(i, value));
    expect(values.map((_, i) => column.get(i))).toEqual(values);
    const { codes, dictionary } = column.codes(values.length);
    // Code 0 is "none"; the others number the values as the rows first give them.
    expect([...codes]).toEqual([1, 2, 0, 1, 3, 2]);
    expect(dictionary).toEqual([undefined, 'North', 'South', '华东']);
    column.clear(1);
    expect(column.get(1)).toBeUndefined();
  });

  it('keeps its rows when made larger', () => {
    const column = new CodedTextColumn(2);
    column.set(0, 'a');
    column.set(1, 'b');
    column.resize(4, 2);
    column.set(2, 'a');
    expect([0, 1, 2, 3].map((i) => column.get(i))).toEqual(['a', 'b', 'a', undefined]);
  });

  it('keeps values as they are past MAX_CODED_VALUES distinct ones, and still codes them on demand', () => {
    const rows = MAX_CODED_VALUES + 5_000;
    const column = new CodedTextColumn(rows);
    // Every third row repeats the row before it, so codes are not simply the row numbers.
    const valueOf = (i: number): string | undefined =>
      i % 7 === 6 ? undefined : `name ${i % 3 === 2 ? i - 1 : i}`;
    for (let i = 0; i < rows; i++) column.set(i, valueOf(i));
    for (let i = 0; i < rows; i += 997) expect(column.get(i)).toBe(valueOf(i));
    expect(column.get(rows - 1)).toBe(valueOf(rows - 1));
    const { codes, dictionary } = column.codes(rows);
    for (let i = 0; i < rows; i += 991) expect(dictionary[codes[i]!]).toBe(valueOf(i));
    // First-seen order: the dictionary lists the values as the rows first give them.
    const firstSeen = [
      undefined,
      ...new Set(Array.from({ length: rows }, (_, i) => valueOf(i)).filter((v) => v !== undefined)),
    ];
    expect(dictionary).toEqual(firstSeen);
  });

  it('setKeyed gives what set gives the text, for any texts and cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('A', 'B', 'Owner 01', '所有者', ''), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (texts, picks) => {
          const source = textsOf(texts);
          const keyed = new CodedTextColumn(picks.length);
          const plain = new CodedTextColumn(picks.length);
          picks.forEach((p, i) => {
            keyed.setKeyed(i, source, p % texts.length);
            plain.set(i, texts[p % texts.length]);
          });
          expect(picks.map((_, i) => keyed.get(i))).toEqual(picks.map((_, i) => plain.get(i)));
        },
      ),
    );
  });

  it('setKeyed forgets what a number meant when the texts change (another workbook)', () => {
    const column = new CodedTextColumn(2);
    column.setKeyed(0, textsOf(['Owner A']), 0);
    column.setKeyed(1, textsOf(['Owner B']), 0);
    expect([column.get(0), column.get(1)]).toEqual(['Owner A', 'Owner B']);
  });

  it('setKeyedIfKnown sets only a text setKeyed has coded from the same texts', () => {
    const texts = textsOf(['East', 'West', 'North']);
    const column = new CodedTextColumn(6);
    expect(column.setKeyedIfKnown(0, texts, 1)).toBe(false); // nothing coded yet
    column.setKeyed(0, texts, 1);
    expect(column.setKeyedIfKnown(1, texts, 1)).toBe(true);
    expect(column.get(1)).toBe('West');
    expect(column.setKeyedIfKnown(2, texts, 0)).toBe(false); // another text, not coded yet
    expect(column.get(2)).toBeUndefined();
    // Other texts (another workbook): the numbers mean something else there.
    expect(column.setKeyedIfKnown(3, textsOf(['West', 'East']), 1)).toBe(false);
    expect(column.get(3)).toBeUndefined();
  });

  it('setKeyedIfKnown declines once the column keeps its values as they are', () => {
    const texts = textsOf(['A']);
    const column = new CodedTextColumn(MAX_CODED_VALUES + 3);
    column.setKeyed(0, texts, 0);
    for (let i = 1; i <= MAX_CODED_VALUES + 1; i++) column.set(i, `v${i}`);
    expect(column.setKeyedIfKnown(MAX_CODED_VALUES + 2, texts, 0)).toBe(false);
  });
});
