import { describe, expect, it } from 'vitest';
import { SharedStrings } from '../../../pipeline/xlsx-stream/shared-strings.js';

describe('SharedStrings', () => {
  it('keeps items packed and gives each back as a string, past its first room', () => {
    const texts = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? `客户 ${i}` : `D-${i}`));
    const table = SharedStrings.of(texts.slice(0, 1));
    for (const text of texts.slice(1)) table.push(text);
    expect(table.length).toBe(100);
    expect(table.toArray()).toEqual(texts);
    expect(table.text(3)).toBe('客户 3');
    expect(table.text(100)).toBeUndefined();
    expect(table.text(-1)).toBeUndefined();
  });

  it('adds ASCII bytes without decoding them, and refuses any other byte', () => {
    const table = new SharedStrings(2);
    const bytes = Buffer.from('<t>D-17</t><t>café</t>');
    expect(table.pushAscii(bytes, 3, 7)).toBe(true);
    expect(table.pushAscii(bytes, 14, 19)).toBe(false); // é is two non-ASCII bytes
    table.push('café');
    expect(table.toArray()).toEqual(['D-17', 'café']);
    expect(table.packed.lengthOf(0)).toBe(4);
    expect(table.packed.codeAt(1, 3)).toBe(0xe9);
  });

  it('refuses items added once they are read', () => {
    const table = SharedStrings.of(['a']);
    expect(table.text(0)).toBe('a');
    expect(() => table.push('b')).toThrow(/read after items were added/);
  });
});
