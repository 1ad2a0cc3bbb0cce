import { describe, expect, it } from 'vitest';
import {
  isBlankField,
  isoDay,
  ownSlice,
  plainNumber,
} from '../../../core/internal/csv-fast-fields.js';

describe('ownSlice', () => {
  it('gives the same text as slice, short or long', () => {
    const text = 'x,United Kingdom of Great Britain,y,客户名称很长的一个公司名字有限公司,z';
    for (const [start, end] of [
      [0, 1],
      [2, 33],
      [36, 53],
      [5, 5],
    ] as const)
      expect(ownSlice(text, start, end)).toBe(text.slice(start, end));
  });
});

describe('plainNumber', () => {
  it('reads plain decimals as parseNumber does and refuses anything else', () => {
    const read = (s: string) => plainNumber(s, 0, s.length);
    // Hand values: 2.55 = 255 / 100; -0 becomes 0; 16 digits exceed the exact range.
    expect([read('6'), read('2.55'), read('-12.5'), read('-0')]).toEqual([6, 2.55, -12.5, 0]);
    for (const s of ['', '-', '1,5', '1e3', '.', '1.2.3', '1234567890123456', ' 1'])
      expect(read(s)).toBeNaN();
  });
});

describe('isoDay', () => {
  it('reads real ISO days with or without a time and refuses impossible ones', () => {
    const read = (s: string) => isoDay(s, 0, s.length);
    // 2010-12-01 is epoch day 14944 (Date.UTC(2010, 11, 1) / 86400000).
    expect([read('2010-12-01'), read('2010-12-01 08:26:00'), read('2010-12-01T23:59:59')]).toEqual([
      14944, 14944, 14944,
    ]);
    for (const s of ['2023-02-29', '2010-13-01', '2010-12-01 24:00:00', '2010/12/01', '10-12-01'])
      expect(read(s)).toBeNaN();
    expect(read('2024-02-29')).toBe(19782); // Date.UTC(2024, 1, 29) / 86400000
  });
});

describe('isBlankField', () => {
  it('treats empty and white-space-only fields as blank, ideographic space included', () => {
    const blank = (s: string) => isBlankField(s, 0, s.length);
    expect([blank(''), blank('  \t'), blank('\u3000'), blank(' x '), blank('0')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
