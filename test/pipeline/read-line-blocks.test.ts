import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_BLOCK_BYTES, lineRuns, readLineBlocks } from '../../pipeline/read-line-blocks.js';
import { WorkbookReadError } from '../../core/workbook/workbook-read-error.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-line-blocks-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Copies of the blocks (each is only valid until the next is read). */
function blocksOf(file: string): Buffer[] {
  return Array.from(readLineBlocks(file), (block) => Buffer.from(block));
}

describe('readLineBlocks', () => {
  it('gives the whole file back in blocks that end after a line feed', async () => {
    const line = (i: number) => `${i},${'x'.repeat(i % 97)},客户${i}\n`;
    const text = Array.from({ length: 20_000 }, (_, i) => line(i)).join('') + 'last,no newline';
    const file = join(dir, 'many.csv');
    await writeFile(file, text);
    const blocks = blocksOf(file);
    expect(blocks.length).toBeGreaterThan(1);
    expect(Buffer.concat(blocks).toString('utf8')).toBe(text);
    for (const block of blocks.slice(0, -1)) {
      expect(block.at(-1)).toBe(10);
      expect(block.length).toBeLessThanOrEqual(LINE_BLOCK_BYTES);
    }
  });

  it('makes a block longer for a line longer than a block', async () => {
    const long = 'a'.repeat(3 * LINE_BLOCK_BYTES + 5);
    const file = join(dir, 'long.csv');
    await writeFile(file, `h\n${long}\nz\n`);
    const blocks = blocksOf(file);
    expect(Buffer.concat(blocks).toString()).toBe(`h\n${long}\nz\n`);
    expect(blocks.some((b) => b.toString().includes(long))).toBe(true);
  });

  it('gives nothing for an empty file and a WorkbookReadError for a missing one or a folder', async () => {
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    expect(blocksOf(empty)).toEqual([]);
    expect(() => blocksOf(join(dir, 'missing.csv'))).toThrow(WorkbookReadError);
    expect(() => blocksOf(join(dir, 'missing.csv'))).toThrow(/missing\.csv: file not found$/);
    expect(() => blocksOf(dir)).toThrow(/is a folder, not a file$/);
  });

  it('lets the caller refuse the file when it opens (size and time)', async () => {
    const file = join(dir, 'stamp.csv');
    await writeFile(file, 'a\nb\n');
    const seen: number[] = [];
    for (const block of readLineBlocks(file, (stamp) => seen.push(stamp.size))) void block;
    expect(seen).toEqual([4]);
    expect(() => [
      ...readLineBlocks(file, () => {
        throw new Error('changed');
      }),
    ]).toThrow('changed');
  });
});

describe('lineRuns', () => {
  it('cuts a block after line feeds into runs of at most the given size, unless a line is longer', () => {
    const block = Buffer.from('ab\ncd\nefghij\nk');
    // Hand check with runs of at most 4 bytes: "ab\n" (the next LF is past 4), "cd\n",
    // "efghij\n" (one line longer than 4), then the rest "k".
    expect([...lineRuns(block, 4)]).toEqual([
      [0, 3],
      [3, 6],
      [6, 13],
      [13, 14],
    ]);
    expect([...lineRuns(block, 100)]).toEqual([[0, 14]]);
    expect([...lineRuns(Buffer.alloc(0), 4)]).toEqual([]);
  });
});
