/**
 * The program of the thread that reads one zip part's stored bytes and inflates them, handing
 * the inflated bytes to the main thread in chunks of a fixed size (their buffers transferred,
 * not copied). Why a thread of its own: with zlib streaming on the main thread, every 256 KiB of
 * output waits for a main-thread turn to start the next piece, so inflating stalls whenever the
 * scanner is busy, and the scanner then waits for it. Here the two run side by side.
 *
 * Why a program in a string, started with `eval`: a worker started from a module file under
 * tsx (the tests, the benchmarks) must load tsx first, which took ~0.7 s against ~0.05 s for
 * plain JavaScript. The program is small, uses only Node built-ins, and is tested through
 * stream-part-in-worker (same bytes as on the main thread, errors, early stop).
 */

/** What to inflate: the part's stored bytes are file[start … end − 1]. */
export interface InflateJob {
  file: string;
  start: number;
  end: number;
  /** 0 stored, 8 deflated (the only methods an .xlsx uses). */
  method: 0 | 8;
  /** Bytes per chunk handed over (the last one may be shorter). */
  chunkSize: number;
  /** Chunks handed over and not yet reported taken before inflating pauses. */
  ahead: number;
  /** Stored bytes per read. */
  readBytes: number;
}

/** Worker → main. Main → worker: the number of chunks taken since the last report. */
export type InflateMessage =
  | { type: 'chunk'; bytes: ArrayBuffer; length: number }
  | { type: 'end' }
  | { type: 'error'; message: string };

/**
 * The worker's program (CommonJS, as eval workers run). It stays alive, listening, until the main
 * thread ends it, so its last messages are never raced by its exit.
 */
export const INFLATE_WORKER_PROGRAM = `
const { parentPort: port, workerData: job } = require('node:worker_threads');
const { createReadStream } = require('node:fs');
const { Readable } = require('node:stream');
const { createInflateRaw } = require('node:zlib');

const raw =
  job.end > job.start
    ? createReadStream(job.file, { start: job.start, end: job.end - 1, highWaterMark: job.readBytes })
    : Readable.from([]);
let source = raw;
if (job.method === 8) {
  const inflate = createInflateRaw({ chunkSize: job.chunkSize });
  raw.on('error', (error) => inflate.destroy(error));
  source = raw.pipe(inflate);
}
let out = new Uint8Array(job.chunkSize);
let filled = 0;
let handedOver = 0;
let failed = false;
function handOver() {
  const bytes = out.buffer;
  port.postMessage({ type: 'chunk', bytes, length: filled }, [bytes]);
  handedOver++;
  out = new Uint8Array(job.chunkSize);
  filled = 0;
}
source.on('data', (chunk) => {
  // zlib's output buffers are slices that zlib goes on writing into: copied into buffers of our
  // own, which can be transferred whole.
  for (let at = 0; at < chunk.length; ) {
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
  port.postMessage({ type: 'end' });
});
source.on('error', (error) => {
  if (failed) return;
  failed = true;
  port.postMessage({ type: 'error', message: error.message });
});
port.on('message', (taken) => {
  handedOver -= taken;
  if (handedOver < job.ahead && source.isPaused()) source.resume();
});
`;
