import { describe, expect, it } from 'vitest';
import {
  acquireScratchArrays,
  releaseScratchArrays,
} from '../../../core/internal/scratch-arrays.js';

describe('acquireScratchArrays', () => {
  it('hands out zero-filled arrays of the length asked, also when reusing a dirty buffer', () => {
    const first = acquireScratchArrays();
    const a = first.int32(100).fill(7);
    first.float64(50).fill(-1);
    first.uint8(10).fill(255);
    releaseScratchArrays(first);
    const again = acquireScratchArrays();
    const a2 = again.int32(90);
    const b2 = again.float64(60);
    const c2 = again.uint8(10);
    expect(a2.length).toBe(90);
    expect(b2.length).toBe(60);
    expect(c2.length).toBe(10);
    expect(a2.every((x) => x === 0)).toBe(true);
    expect(b2.every((x) => x === 0)).toBe(true);
    expect(c2.every((x) => x === 0)).toBe(true);
    // The kept buffer is reused when it is big enough.
    if (again === first) expect(a2.buffer).toBe(a.buffer);
    releaseScratchArrays(again);
  });

  it('hands out unfilled arrays of the length asked: zeros when new, else the kept buffer as left', () => {
    const first = acquireScratchArrays();
    first.int32(4);
    const u = first.int32Unfilled(6);
    const f = first.float64Unfilled(3);
    expect(u.length).toBe(6);
    expect(f.length).toBe(3);
    u.fill(9);
    f.fill(2.5);
    releaseScratchArrays(first);
    const again = acquireScratchArrays();
    const z = again.int32(4);
    const u2 = again.int32Unfilled(5);
    const f2 = again.float64Unfilled(3);
    expect(z.every((x) => x === 0)).toBe(true);
    expect(u2.length).toBe(5);
    if (again === first) {
      expect(u2.buffer).toBe(u.buffer);
      expect([...u2]).toEqual([9, 9, 9, 9, 9]);
      expect([...f2]).toEqual([2.5, 2.5, 2.5]);
    }
    releaseScratchArrays(again);
  });

  it('gives a nested call its own arrays while the outer call still holds its set', () => {
    const outer = acquireScratchArrays();
    const x = outer.int32(8).fill(1);
    const inner = acquireScratchArrays();
    expect(inner).not.toBe(outer);
    inner.int32(8).fill(2);
    releaseScratchArrays(inner);
    expect([...x]).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    releaseScratchArrays(outer);
  });
});

describe('ScratchArrays.strings', () => {
  it('hands out a blank string array and blanks it again when the call ends', () => {
    const scratch = acquireScratchArrays();
    const names = scratch.strings(3);
    expect(names.slice(0, 3)).toEqual(['', '', '']);
    names[1] = 'INV-1';
    releaseScratchArrays(scratch);
    expect(names.slice(0, 3)).toEqual(['', '', '']);
  });
});
