import { crc32 } from 'node:zlib';
import { groupedCount, WorkbookReadError } from '../../core/readers/index.js';

/**
 * The most bytes one part of an .xlsx may inflate to, in MB, unless raised (`--max-inflated-mb`,
 * or the PIPECAST_MAX_INFLATED_MB environment variable, which worker threads inherit). A sheet of
 * Excel's 1,048,576 rows of ten columns is about 430 MB; a decompression bomb claims gigabytes.
 */
export const DEFAULT_MAX_INFLATED_MB = 1024;

/**
 * The highest compression ratio (inflated ÷ stored bytes) a part larger than RATIO_FLOOR_BYTES
 * may have. Sheets Excel writes compress 5–15 to 1 (11:1 for the largest real workbook in the
 * test data); a bomb compresses about 1,000 to 1.
 */
export const MAX_COMPRESSION_RATIO = 200;

/** Parts smaller than this inflated are never refused for their ratio: they cannot hurt. */
const RATIO_FLOOR_BYTES = 16 * 1024 * 1024;

/** Where a raised ceiling is read from (set by the CLI's `--max-inflated-mb`). */
export const MAX_INFLATED_ENV = 'PIPECAST_MAX_INFLATED_MB';

/** The ceiling on a part's inflated size in bytes: the environment's, else the default. */
export function maxInflatedBytes(): number {
  const raised = Number(process.env[MAX_INFLATED_ENV]);
  const mb = Number.isFinite(raised) && raised > 0 ? raised : DEFAULT_MAX_INFLATED_MB;
  return mb * 1024 * 1024;
}

/** What the zip's directory records of a part. */
export interface RecordedPart {
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  compressionMethod: number;
}

/**
 * Refuses a part at once, before inflating any of it, when the zip records it as larger than the
 * ceiling or compressed more than any spreadsheet compresses.
 *
 * @throws WorkbookReadError naming the file and the part
 */
export function checkRecordedPart(file: string, part: string, recorded: RecordedPart): void {
  const ceiling = maxInflatedBytes();
  const size = recorded.uncompressedSize;
  if (size > ceiling) {
    throw new WorkbookReadError(
      file,
      `part ${part} inflates to ${megabytes(size)}, past the limit of ${megabytes(ceiling)} per part (raise it with --max-inflated-mb)`,
    );
  }
  const ratio = size / Math.max(1, recorded.compressedSize);
  if (
    recorded.compressionMethod !== 0 &&
    size > RATIO_FLOOR_BYTES &&
    ratio > MAX_COMPRESSION_RATIO
  ) {
    throw new WorkbookReadError(
      file,
      `part ${part} is compressed ${groupedCount(Math.round(ratio))} to 1, past the limit of ${MAX_COMPRESSION_RATIO} to 1 (a decompression bomb?)`,
    );
  }
}

/**
 * Counts and checksums a part's bytes as they are inflated: more bytes than the zip records stop
 * the read at once (so a zip that understates a bomb inflates no further than it claims), and at
 * the end the count and the CRC-32 must match the record.
 */
export class InflatedPartCheck {
  private bytes = 0;
  private crc = 0;

  constructor(
    private readonly file: string,
    private readonly part: string,
    private readonly recorded: RecordedPart,
  ) {}

  /** @throws WorkbookReadError when the part has grown past its recorded size */
  add(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.bytes > this.recorded.uncompressedSize) {
      throw this.damaged(
        `inflates to more than the ${groupedCount(this.recorded.uncompressedSize)} bytes the zip records`,
      );
    }
    this.crc = crc32(chunk, this.crc);
  }

  /** @throws WorkbookReadError when the part is shorter than recorded or fails its CRC */
  end(): void {
    if (this.bytes !== this.recorded.uncompressedSize) {
      throw this.damaged(
        `inflates to ${groupedCount(this.bytes)} bytes, not the ${groupedCount(this.recorded.uncompressedSize)} the zip records`,
      );
    }
    if (this.crc >>> 0 !== this.recorded.crc32 >>> 0) throw this.damaged('fails its CRC check');
  }

  private damaged(what: string): WorkbookReadError {
    return new WorkbookReadError(this.file, `damaged file: part ${this.part} ${what}`);
  }
}

function megabytes(bytes: number): string {
  return `${groupedCount(Math.ceil(bytes / (1024 * 1024)))} MB`;
}
