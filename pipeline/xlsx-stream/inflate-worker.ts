/**
 * Worker-thread entry that reads one zip part's stored bytes and inflates them, handing the
 * inflated bytes to the main thread in chunks of a fixed size (their buffers transferred, not
 * copied). Why a thread of its own: with zlib streaming on the main thread, every 256 KiB of
 * output needs a main-thread turn to start the next piece, so inflating stalls whenever the
 * scanner is busy, and the scanner then waits for it. Here the two run side by side.
 */
import type { Readable } from 'node:stream';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { createInflateRaw } from 'node:zlib';
import { readStoredBytes } from './read-stored-bytes.js';

/** What to inflate: the part's stored bytes are file[start … end − 1]. */
export interface InflateJob {
  /** Marks the worker data as this entry's, so no other worker that imports it starts work. */
  role: 'inflate-part';
  file: string;
  start: number;
  end: number;
  /** 0 stored, 8 deflated (the only methods an .xlsx uses). */
  method: 0 | 8;
  /** Bytes per chunk handed over (the last one may be shorter). */
  chunkSize: number;
  /** Chunks handed over and not yet taken before inflating pauses. */
  ahead: number;
}

/** Worker → main. */
export type InflateMessage =
  | { type: 'chunk'; bytes: ArrayBuffer; length: number }
  | { type: 'end' }
  | { type: 'error'; message: string };

if (
  !isMainThread &&
  parentPort !== null &&
  (workerData as InflateJob | null)?.role === 'inflate-part'
)
  inflatePart(parentPort, workerData as InflateJob);

/**
 * Inflates the job's part, posting chunks to `port` and pausing while `ahead` of them are not
 * yet taken. The main thread posts the number of chunks it has taken. The worker stays alive
 * (listening) until the main thread ends it.
 */
function inflatePart(port: MessagePort, job: InflateJob): void {
  const raw = readStoredBytes(job.file, job.start, job.end);
  let source: Readable = raw;
  if (job.method === 8) {
    const inflate = createInflateRaw({ chunkSize: job.chunkSize });
    raw.on('error', (error) => inflate.destroy(error));
    source = raw.pipe(inflate);
  }
  let out = new Uint8Array(job.chunkSize);
  let filled = 0;
  let handedOver = 0;
  let failed = false;
  const handOver = (): void => {
    const bytes = out.buffer as ArrayBuffer;
    port.postMessage({ type: 'chunk', bytes, length: filled } satisfies InflateMessage, [bytes]);
    handedOver++;
    out = new Uint8Array(job.chunkSize);
    filled = 0;
  };
  source.on('data', (chunk: Buffer) => {
    // zlib's output buffers are slices that zlib goes on writing into, so they are copied into
    // buffers of our own, which can be transferred whole.
    for (let at = 0; at < chunk.length;) {
      const n = Math.min(chunk.length - at, out.length - filled);
      out.set(chunk.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === out.length) handOver();
    }
    if (handedOver >= job.ahead) source.pause();
  });
  source.on('end', () => {
    if (failed) return;
    if (filled > 0) handOver();
    port.postMessage({ type: 'end' } satisfies InflateMessage);
  });
  source.on('error', (error: Error) => {
    if (failed) return;
    failed = true;
    port.postMessage({ type: 'error', message: error.message } satisfies InflateMessage);
  });
  port.on('message', (taken: number) => {
    handedOver -= taken;
    if (handedOver < job.ahead && source.isPaused()) source.resume();
  });
}
