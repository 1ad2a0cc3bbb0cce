import { Worker } from 'node:worker_threads';
import type { InflateJob, InflateMessage } from './inflate-worker.js';
import { INFLATE_WORKER_PROGRAM } from './inflate-worker.js';

/**
 * Inflated chunks ready or being taken before the worker pauses: 32 × 256 KiB = 8 MiB, enough
 * to keep inflating through the main thread's longer pauses (sizing a million-row table).
 */
export const INFLATE_AHEAD_CHUNKS = 32;

/** Taken chunks are reported in groups: each message costs the main thread ~0.1 ms. */
const REPORT_TAKEN_EVERY = 8;

/**
 * A zip part's inflated bytes, inflated on a worker thread while the caller works on the chunks
 * already handed over. The worker starts on the first `next()` and is ended when the iteration
 * ends, however it ends.
 *
 * @param job - Where the part's stored bytes are and how to hand them over.
 * @param fail - Makes the error thrown when the part cannot be read or inflated (its message).
 */
export async function* streamPartInWorker(
  job: InflateJob,
  fail: (message: string) => Error,
): AsyncGenerator<Buffer> {
  const worker = startInflateWorker(job);
  const ready: Buffer[] = [];
  let taken = 0;
  let unreported = 0;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on('message', (message: InflateMessage) => {
    if (message.type === 'chunk') ready.push(Buffer.from(message.bytes, 0, message.length));
    else if (message.type === 'end') ended = true;
    else failure ??= fail(message.message);
    wake?.();
  });
  worker.on('error', (error) => {
    failure ??= fail(error.message);
    wake?.();
  });
  worker.on('exit', (code) => {
    // The worker listens until ended here, so an exit before the end is a failure.
    if (!ended) failure ??= fail(`the inflating thread stopped (exit code ${code})`);
    wake?.();
  });
  try {
    for (;;) {
      if (taken < ready.length) {
        const chunk = ready[taken]!;
        ready[taken++] = EMPTY;
        if (taken === ready.length) {
          ready.length = 0;
          taken = 0;
        }
        // Taken: the worker may inflate more while the caller works on this one.
        if (++unreported === REPORT_TAKEN_EVERY) {
          worker.postMessage(unreported);
          unreported = 0;
        }
        yield chunk;
        continue;
      }
      if (failure !== undefined) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    ended = true;
    void worker.terminate();
  }
}

const EMPTY = Buffer.alloc(0);

/** Starts the inflating thread on its program (see INFLATE_WORKER_PROGRAM for why a string). */
function startInflateWorker(job: InflateJob): Worker {
  return new Worker(INFLATE_WORKER_PROGRAM, { eval: true, workerData: job });
}
