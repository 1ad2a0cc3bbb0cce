/**
 * Bytes appended chunk after chunk into one buffer that doubles when full, so holding a run of
 * n bytes costs O(n) copying in all (joining each chunk to all the bytes before it costs O(n²):
 * a row of a gigabyte never finished).
 */
export class GrowingBytes {
  private bytes: Buffer;
  length = 0;

  constructor(first: Uint8Array) {
    this.bytes = Buffer.allocUnsafe(Math.max(1024, first.length * 2));
    this.append(first);
  }

  append(chunk: Uint8Array): void {
    const needed = this.length + chunk.length;
    if (needed > this.bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
      this.bytes.copy(larger, 0, 0, this.length);
      this.bytes = larger;
    }
    this.bytes.set(chunk, this.length);
    this.length = needed;
  }

  /** The bytes held, without a copy (valid until the next append). */
  view(): Buffer {
    return this.bytes.subarray(0, this.length);
  }
}
