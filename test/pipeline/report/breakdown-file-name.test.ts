import { describe, expect, it } from 'vitest';
import { breakdownFileName, fileNamePart } from '../../../pipeline/report/breakdown-file-name.js';

describe('fileNamePart', () => {
  it('keeps Unicode letters and digits, `_`, `-` and spaces as typed', () => {
    expect(fileNamePart('区域')).toBe('区域');
    expect(fileNamePart('sales_agent')).toBe('sales_agent');
    expect(fileNamePart('office_location')).toBe('office_location');
    expect(fileNamePart('Close date')).toBe('Close date');
    expect(fileNamePart('Straße-2 (C)')).toBe('Straße-2 (C)');
  });

  it('replaces what Windows, macOS or Linux cannot hold in a file name with `_`', () => {
    // Each of \ / : * ? " < > | is one `_`; so are a tab and a NUL.
    expect(fileNamePart('a\\b/c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(fileNamePart('a\tb\u0000c')).toBe('a_b_c');
    // Windows drops dots and spaces at the end of a name: they become `_`, one each.
    expect(fileNamePart('Inc. ')).toBe('Inc__');
    expect(fileNamePart('...')).toBe('___');
    expect(fileNamePart('v1.2')).toBe('v1.2');
  });

  it('cuts a long header to 60 characters, whole characters only', () => {
    expect(fileNamePart('区'.repeat(100))).toBe('区'.repeat(60));
    // An astral character (𝔸, two UTF-16 units) counts as one and is never split.
    expect(fileNamePart('𝔸'.repeat(70))).toBe('𝔸'.repeat(60));
    // A cut that ends in a space or dot ends in `_` instead.
    expect(fileNamePart(`${'x'.repeat(59)} tail`)).toBe(`${'x'.repeat(59)}_`);
  });
});

describe('breakdownFileName', () => {
  it('names a breakdown <analysis>-by-<column>', () => {
    expect(breakdownFileName('forecast', '区域', [])).toBe('forecast-by-区域');
    expect(breakdownFileName('forecast', 'sales_agent', [])).toBe('forecast-by-sales_agent');
  });

  it('numbers a name already taken, compared without case as Windows and macOS compare', () => {
    // "a/b" and "a:b" are different columns that make one name: the second gets -2.
    const first = breakdownFileName('aging', 'a/b', ['aging-buckets']);
    expect(first).toBe('aging-by-a_b');
    expect(breakdownFileName('aging', 'a:b', [first])).toBe('aging-by-a_b-2');
    expect(breakdownFileName('aging', 'A:B', [first, 'aging-by-a_b-2'])).toBe('aging-by-A_B-3');
  });
});
