import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { coded, type CodedText, WorkbookReadError } from '../core/readers/index.js';

const FS_REASONS: Record<string, CodedText> = {
  ENOENT: coded('error.fileNotFound'),
  EISDIR: coded('error.isFolder'),
  EACCES: coded('error.permissionDenied'),
  EPERM: coded('error.permissionDenied'),
  EBUSY: coded('error.fileLocked'),
};

/** Bytes per block read (one read call for most daily exports). */
export const LINE_BLOCK_BYTES = 1024 * 1024;

/** Size and modification time of a file when it was first read, to notice a later change. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A block never grows past this: a longer line is handed over in pieces. */
export const MAX_BLOCK_BYTES = 4 * LINE_BLOCK_BYTES;

/**
 * The bytes of a file in blocks that each end just after a line feed (the last block ends at the
 * end of the file), read synchronously into one reused buffer: a block is valid only until the
 * next one is asked for, so callers decode or copy it at once. A line longer than a block makes
 * that block longer, up to MAX_BLOCK_BYTES; a line longer still is handed over in blocks of that
 * size that end between two UTF-8 characters. Line feeds never occur inside a UTF-8 or GB18030
 * multi-byte character, so every block of such a file decodes on its own.
 *
 * @param onOpen called with the file's size and time before the first block (e.g. to check that
 *   the file has not changed since it was first read); may throw
 * @throws WorkbookReadError when the file cannot be opened or read
 */
export function* readLineBlocks(
  file: string,
  onOpen: (stamp: FileStamp) => void = () => {},
  blockBytes = LINE_BLOCK_BYTES,
): Generator<Buffer> {
  let fd: number;
  let buffer: Buffer | undefined;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw fileReadError(file, error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new WorkbookReadError(file, FS_REASONS.EISDIR!);
    onOpen({ size: stat.size, mtimeMs: stat.mtimeMs });
    buffer = takeBuffer(blockBytes);
    let held = 0;
    for (;;) {
      const read = readInto(file, fd, buffer, held);
      held += read;
      if (read === 0) {
        if (held > 0) yield buffer.subarray(0, held);
        return;
      }
      const lastLineFeed = buffer.lastIndexOf(10, held - 1);
      if (lastLineFeed < 0) {
        if (held < buffer.length) continue;
        if (buffer.length < MAX_BLOCK_BYTES) {
          buffer = grow(buffer, held);
          continue;
        }
        // A line longer than MAX_BLOCK_BYTES goes on in the next block: the reader's memory stays
        // bounded, and the CSV reader refuses the line at its first field past Excel's limit.
        const cut = characterBoundary(buffer, held);
        yield buffer.subarray(0, cut);
        buffer.copyWithin(0, cut, held);
        held -= cut;
        continue;
      }
      yield buffer.subarray(0, lastLineFeed + 1);
      buffer.copyWithin(0, lastLineFeed + 1, held);
      held -= lastLineFeed + 1;
      if (held === buffer.length) buffer = grow(buffer, held);
    }
  } finally {
    closeSync(fd);
    if (buffer !== undefined) giveBack(buffer);
  }
}

/**
 * Read buffers free for reuse. A new 1 MB buffer is fresh memory, slow to touch on this VM
 * (~2.5 ms per MB): a batch of 300 daily exports spent ~170 ms on it before buffers were reused.
 */
const freeBuffers: Buffer[] = [];
const MAX_FREE_BUFFERS = 4;

function takeBuffer(bytes: number): Buffer {
  const at = freeBuffers.findIndex((b) => b.length >= bytes);
  return at >= 0 ? freeBuffers.splice(at, 1)[0]! : Buffer.allocUnsafeSlow(bytes);
}

function giveBack(buffer: Buffer): void {
  if (freeBuffers.length < MAX_FREE_BUFFERS && buffer.length <= 4 * LINE_BLOCK_BYTES)
    freeBuffers.push(buffer);
}

/**
 * Where the pieces of a block of whole lines end: each at most `maxBytes` long and ending just
 * after a line feed, unless one line is longer (then that line is one piece) or the block ends.
 */
export function* lineRuns(block: Uint8Array, maxBytes: number): Generator<[number, number]> {
  for (let start = 0; start < block.length;) {
    let end = start + maxBytes;
    if (end >= block.length) end = block.length;
    else {
      const lastLineFeed = block.lastIndexOf(10, end - 1);
      if (lastLineFeed >= start) end = lastLineFeed + 1;
      else {
        const next = block.indexOf(10, end);
        end = next < 0 ? block.length : next + 1;
      }
    }
    yield [start, end];
    start = end;
  }
}

/** A file-system failure as a WorkbookReadError with a reason a user understands. */
export function fileReadError(file: string, error: unknown): WorkbookReadError {
  if (error instanceof WorkbookReadError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = FS_REASONS[code] ?? (error instanceof Error ? error.message : String(error));
  return new WorkbookReadError(file, reason, { cause: error });
}

function readInto(file: string, fd: number, buffer: Buffer, held: number): number {
  try {
    return readSync(fd, buffer, held, buffer.length - held, null);
  } catch (error) {
    throw fileReadError(file, error);
  }
}

/**
 * Where a block of `held` bytes with no line feed may end without cutting a UTF-8 character: after
 * its last ASCII byte, or else before the last byte that starts a character.
 */
function characterBoundary(buffer: Buffer, held: number): number {
  for (let i = held - 1; i >= Math.max(0, held - 4096); i--) if (buffer[i]! < 0x80) return i + 1;
  for (let i = held - 1; i > held - 4; i--) if ((buffer[i]! & 0xc0) !== 0x80) return i;
  return held;
}

function grow(buffer: Buffer, held: number): Buffer {
  const larger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(larger, 0, 0, held);
  return larger;
}
