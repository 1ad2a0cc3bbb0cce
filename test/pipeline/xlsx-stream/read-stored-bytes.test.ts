import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStoredBytes } from '../../../pipeline/xlsx-stream/read-stored-bytes.js';

const work = mkdtempSync(join(tmpdir(), 'stored-bytes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function bytesOf(file: string, start: number, end: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of readStoredBytes(file, start, end)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('readStoredBytes', () => {
  // 3 MiB of bytes 0, 1, …, 250, 0, 1, …: more than one read of 1 MiB.
  const file = join(work, 'bytes.bin');
  const all = Buffer.from(Array.from({ length: 3 * 1024 * 1024 + 7 }, (_, i) => i % 251));
  writeFileSync(file, all);

  it('gives exactly bytes start … end − 1, across several reads', async () => {
    expect((await bytesOf(file, 10, all.length - 3)).equals(all.subarray(10, all.length - 3))).toBe(
      true,
    );
    expect((await bytesOf(file, 0, 1)).equals(all.subarray(0, 1))).toBe(true);
  });

  it('an empty range (an empty stored part) gives no bytes', async () => {
    expect((await bytesOf(file, 5, 5)).length).toBe(0);
  });
});
