import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrimmedSpace, trimText } from '../../../core/internal/trim-text.js';

describe('isTrimmedSpace', () => {
  it('holds for exactly the code units String.prototype.trim removes', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const removed = `${String.fromCharCode(c)}a`.trim() === 'a';
      if (isTrimmedSpace(c) !== removed) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});

describe('trimText', () => {
  it('trims white space at either end, like String.prototype.trim', () => {
    expect(trimText(' INV-1 ')).toBe('INV-1');
    expect(trimText('\u3000华为\u00a0')).toBe('华为');
    expect(trimText('\tA\n')).toBe('A');
    expect(trimText('A B')).toBe('A B');
    expect(trimText('')).toBe('');
    expect(trimText('   ')).toBe('');
  });

  it('gives what String.prototype.trim gives for any string', () => {
    const units = fc.constantFrom(
      ' ',
      '\t',
      '\u00a0',
      '\u2028',
      '\ufeff',
      'a',
      '华',
      '-',
      '\u180e',
    );
    fc.assert(
      fc.property(fc.array(units, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(trimText(text)).toBe(text.trim());
      }),
    );
  });
});
