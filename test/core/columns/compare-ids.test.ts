import { describe, expect, it } from 'vitest';
import { compareIds } from '../../../core/columns/compare-ids.js';

describe('compareIds', () => {
  it('orders by UTF-16 code units: capitals before small letters, digits before both', () => {
    // Code units: '1' 0x31, 'B' 0x42, 'a' 0x61, 'b' 0x62.
    expect(['b', 'a', 'B', '1'].sort(compareIds)).toEqual(['1', 'B', 'a', 'b']);
  });

  it('orders Chinese names by code unit, not by pinyin', () => {
    // 张 U+5F20 < 李 U+674E, although pinyin (li < zhang) would put 李 first.
    expect(['李', '张'].sort(compareIds)).toEqual(['张', '李']);
  });

  it('gives 0 for equal ids and opposite signs for swapped ones', () => {
    expect(compareIds('C-7', 'C-7')).toBe(0);
    expect(compareIds('C-10', 'C-9')).toBeLessThan(0);
    expect(compareIds('C-9', 'C-10')).toBeGreaterThan(0);
  });
});
