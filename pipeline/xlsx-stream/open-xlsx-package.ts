import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { ZlibOptions } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { coded, WorkbookReadError } from '../../core/readers/index.js';
import { readStoredBytes } from './read-stored-bytes.js';
import { checkRecordedPart, InflatedPartCheck } from './xlsx-read-limits.js';

/**
 * Inflated bytes handed over per chunk. Each chunk costs a turn of the event loop (zlib's
 * callback, the stream, the scanner's carried row): at 256 KiB that was 1,700 turns and about
 * 0.2 s of a 430 MB sheet, at 1 MiB a quarter of that, while memory stays small (bench/xlsx-read.ts
 * records path, 5 A/B runs: median 1,631 against 1,743 ms, CPU 2.24 against 2.46 s).
 */
export const DEFAULT_XLSX_CHUNK_SIZE = 1024 * 1024;

/** Text chunks stay smaller: V8 makes decoded strings of a million characters or more external. */
const TEXT_CHUNK_SIZE = 256 * 1024;

/**
 * How many inflated bytes zlib may hold ready before the reader takes them. zlib inflates on a
 * worker thread; with room for several chunks it keeps inflating while the main thread scans
 * the previous ones (with the stream default of 16 KiB it waited for each take: ~1 s of idle
 * main thread per 430 MB sheet).
 */
const INFLATE_AHEAD_BYTES = 4 * 1024 * 1024;

/** Parts larger than this are never read whole into one string (they are streamed instead). */
const MAX_WHOLE_PART_BYTES = 64 * 1024 * 1024;

/** An opened .xlsx zip: random access to its parts by name, read whole or as a text stream. */
export interface XlsxPackage {
  readonly file: string;
  /** True when the zip holds this part (names compared case-insensitively, no leading slash). */
  has(part: string): boolean;
  /** The part's inflated size in bytes as the zip records it, or undefined without the part. */
  partBytes(part: string): number | undefined;
  /** The whole part as UTF-8 text, or undefined when the zip has no such part. */
  readText(part: string): Promise<string | undefined>;
  /** The part as UTF-8 text chunks; multi-byte characters are never split across chunks. */
  streamText(part: string, chunkSize?: number): AsyncIterable<string>;
  /** The part as inflated byte chunks (UTF-8 for XML; a chunk may end inside a character). */
  streamByteChunks(part: string, chunkSize?: number): AsyncIterable<Buffer>;
  /** The part as a stream of inflated bytes (used by the benchmark's floor). */
  streamBytes(part: string, chunkSize?: number): Promise<Readable>;
  close(): void;
}

/**
 * Opens an .xlsx/.xlsm file for random access to its parts, reading only the zip's central
 * directory up front.
 *
 * @throws WorkbookReadError naming the file when it is missing, not a zip, or a damaged zip.
 */
export async function openXlsxPackage(file: string): Promise<XlsxPackage> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw new WorkbookReadError(file, coded('error.notZip', { detail: messageOf(error) }), {
      cause: error,
    });
  }
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry())
      entries.set(normalisePartName(entry.fileName), entry);
  } catch (error) {
    zip.close();
    throw new WorkbookReadError(file, coded('error.damagedZip', { detail: messageOf(error) }), {
      cause: error,
    });
  }
  return new YauzlXlsxPackage(file, zip, entries);
}

/** Zip part names as they are looked up: no leading slash, lower case, forward slashes. */
export function normalisePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

class YauzlXlsxPackage implements XlsxPackage {
  constructor(
    readonly file: string,
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
  ) {}

  has(part: string): boolean {
    return this.entries.has(normalisePartName(part));
  }

  partBytes(part: string): number | undefined {
    return this.entries.get(normalisePartName(part))?.uncompressedSize;
  }

  async readText(part: string): Promise<string | undefined> {
    const entry = this.entries.get(normalisePartName(part));
    if (entry === undefined) return undefined;
    if (entry.uncompressedSize > MAX_WHOLE_PART_BYTES) {
      throw new WorkbookReadError(this.file, `part ${part} is too large to read whole`);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of this.streamByteChunks(part)) chunks.push(chunk);
    return stripBom(Buffer.concat(chunks).toString('utf8'));
  }

  async *streamText(part: string, chunkSize = TEXT_CHUNK_SIZE): AsyncIterable<string> {
    const decoder = new StringDecoder('utf8');
    let first = true;
    for await (const chunk of this.streamByteChunks(part, chunkSize)) {
      const text = decoder.write(chunk);
      yield first ? stripBom(text) : text;
      first = false;
    }
    const rest = decoder.end();
    if (rest !== '') yield rest;
  }

  /**
   * The part's inflated bytes, checked as they come (see InflatedPartCheck): a part the zip
   * records as too large or too compressed is refused before any of it is inflated.
   */
  async *streamByteChunks(
    part: string,
    chunkSize = DEFAULT_XLSX_CHUNK_SIZE,
  ): AsyncIterable<Buffer> {
    const entry = this.entries.get(normalisePartName(part));
    if (entry === undefined) throw new WorkbookReadError(this.file, `missing part ${part}`);
    checkRecordedPart(this.file, part, entry);
    const stream = await this.streamBytes(part, chunkSize);
    const check = new InflatedPartCheck(this.file, part, entry);
    try {
      for await (const chunk of stream) {
        check.add(chunk as Buffer);
        yield chunk as Buffer;
      }
      check.end();
    } catch (error) {
      throw this.damaged(part, error);
    } finally {
      stream.destroy();
    }
  }

  async streamBytes(part: string, chunkSize = DEFAULT_XLSX_CHUNK_SIZE): Promise<Readable> {
    const entry = this.entries.get(normalisePartName(part));
    if (entry === undefined) throw new WorkbookReadError(this.file, `missing part ${part}`);
    if (entry.isEncrypted()) {
      throw new WorkbookReadError(this.file, `part ${part} is encrypted`);
    }
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new WorkbookReadError(
        this.file,
        `part ${part} uses unsupported zip compression method ${entry.compressionMethod}`,
      );
    }
    // Read and inflated here rather than by yauzl: larger reads, and our chunk size.
    const { start, end } = await this.storedRange(part, entry);
    const raw = readStoredBytes(this.file, start, end);
    if (entry.compressionMethod === 0) return raw;
    // zlib streams take the stream options too, which ZlibOptions does not list.
    const options: ZlibOptions & { highWaterMark: number } = {
      chunkSize,
      highWaterMark: INFLATE_AHEAD_BYTES,
    };
    const inflate = createInflateRaw(options);
    raw.on('error', (error) => inflate.destroy(error));
    return raw.pipe(inflate);
  }

  close(): void {
    this.zip.close();
  }

  /** Where the part's stored bytes are in the file: [start, end). */
  private async storedRange(part: string, entry: Entry): Promise<{ start: number; end: number }> {
    try {
      const { fileDataStart } = await this.zip.readLocalFileHeaderPromise(entry, { minimal: true });
      return { start: fileDataStart, end: fileDataStart + entry.compressedSize };
    } catch (error) {
      throw this.damaged(part, error);
    }
  }

  private damaged(part: string, error: unknown): WorkbookReadError {
    if (error instanceof WorkbookReadError) return error;
    return new WorkbookReadError(
      this.file,
      `damaged file: part ${part} cannot be read (${messageOf(error)})`,
      { cause: error },
    );
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
