import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnIndexFromLetter, columnLetter } from '../../../core/columns/column-letter.js';

describe('columnLetter', () => {
  // Excel's own column headings: A…Z, then AA; XFD is the last column (16,384).
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('columnLetter(%i) is %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndexFromLetter(letters)).toBe(index);
  });

  it('columnIndexFromLetter rejects what is not 1–3 letters', () => {
    expect(columnIndexFromLetter('A1')).toBeUndefined();
    expect(columnIndexFromLetter('')).toBeUndefined();
    expect(columnIndexFromLetter('ABCD')).toBeUndefined();
  });

  it('round-trips every column Excel has', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 16383 }),
        (i) => columnIndexFromLetter(columnLetter(i)) === i,
      ),
    );
  });
});
