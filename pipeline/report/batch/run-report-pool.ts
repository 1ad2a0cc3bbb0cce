import { Worker } from 'node:worker_threads';
import type { ReportJob, ReportJobOutcome, WorkbookBuilderRef } from './report-batch-model.js';
import type { ReportWorkerRequest, ReportWorkerResponse } from './report-worker.js';
import { failureReason, runReportJob } from './run-report-job.js';

/** Options of {@link runReportPool}. */
export interface RunReportPoolOptions {
  /** Worker threads at most (clamped to 1…jobs). */
  concurrency: number;
  builder: WorkbookBuilderRef;
  /** Run the jobs one by one in this thread instead (a single file needs no worker). */
  inProcess?: boolean;
  /** Called when a job is handed to a worker. */
  onStart?: (index: number, job: ReportJob) => void;
  /** Called once per job, in completion order. */
  onDone?: (index: number, job: ReportJob, outcome: ReportJobOutcome) => void;
  /** Heap a worker may use, in MB (default DEFAULT_WORKER_HEAP_MB); past it only that job fails. */
  workerHeapMb?: number;
}

/**
 * A worker's heap ceiling in MB: a worker that reaches it is stopped and its file fails, where
 * a worker without one could take the machine's memory, or the whole process, with it. A
 * workbook of 1,048,576 rows is read in about 500 MB.
 */
export const DEFAULT_WORKER_HEAP_MB = 4096;

/** Result of {@link runReportPool}. */
export interface RunReportPoolResult {
  /** One outcome per job, in job order whatever the completion order. */
  outcomes: ReportJobOutcome[];
  /** Worker threads started, replacements of dead workers included. */
  workersStarted: number;
}

/**
 * Runs report jobs on a pool of worker threads, one job per worker at a time. A job whose
 * builder throws comes back as a failure from the worker; a worker that dies (uncaught error,
 * `process.exit`, out of memory) fails the job it held and is replaced while jobs remain, so the
 * other files always complete.
 *
 * @param jobs - The workbooks to report on.
 * @param options - Pool size, builder reference, progress callbacks.
 * @returns Every job's outcome in job order; never rejects because of a job.
 */
export async function runReportPool(
  jobs: readonly ReportJob[],
  options: RunReportPoolOptions,
): Promise<RunReportPoolResult> {
  const size = Math.max(1, Math.min(Math.floor(options.concurrency) || 1, jobs.length));
  const outcomes: ReportJobOutcome[] = new Array<ReportJobOutcome>(jobs.length);
  if (jobs.length === 0) return { outcomes, workersStarted: 0 };
  if (options.inProcess) {
    for (const [index, job] of jobs.entries()) {
      options.onStart?.(index, job);
      const outcome = await runReportJob(job, options.builder);
      outcomes[index] = outcome;
      options.onDone?.(index, job, outcome);
    }
    return { outcomes, workersStarted: 0 };
  }
  return new Promise((resolvePool) => {
    const pool: WorkerPool = {
      jobs,
      options,
      next: 0,
      workersStarted: 0,
      live: 0,
      finish: (index, outcome) => {
        outcomes[index] = outcome;
        options.onDone?.(index, jobs[index]!, outcome);
      },
      done: () => resolvePool({ outcomes, workersStarted: pool.workersStarted }),
    };
    for (let k = 0; k < size; k++) spawnWorker(pool);
  });
}

/** The pool's shared state: the jobs, the next one to hand out, the workers alive. */
interface WorkerPool {
  jobs: readonly ReportJob[];
  options: RunReportPoolOptions;
  next: number;
  workersStarted: number;
  live: number;
  finish: (index: number, outcome: ReportJobOutcome) => void;
  /** Called once, when the last worker has exited and no job is left. */
  done: () => void;
}

/**
 * Starts a worker that takes jobs one at a time until none is left. When it dies holding a job,
 * that job fails and, while jobs remain, another worker takes over.
 */
function spawnWorker(pool: WorkerPool): void {
  const worker = startReportWorker(pool.options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB);
  pool.workersStarted++;
  pool.live++;
  const held = {
    index: undefined as number | undefined,
    startedAt: 0,
    crash: undefined as unknown,
  };
  worker.on('message', (message: ReportWorkerResponse) => {
    if (message.id !== held.index) return;
    held.index = undefined;
    pool.finish(message.id, message.outcome);
    feedWorker(worker, pool, held);
  });
  worker.on('messageerror', (error) => {
    held.crash = error;
    void worker.terminate();
  });
  worker.on('error', (error) => {
    held.crash = error;
  });
  worker.on('exit', (code) => {
    pool.live--;
    if (held.index !== undefined) {
      const ms = Math.round(performance.now() - held.startedAt);
      pool.finish(held.index, { ok: false, reason: deadWorkerReason(pool, held, code), ms });
      held.index = undefined;
    }
    if (pool.next < pool.jobs.length) spawnWorker(pool);
    else if (pool.live === 0) pool.done();
  });
  feedWorker(worker, pool, held);
}

/** The job a worker holds (index undefined: none), since when, and what killed it. */
interface HeldJob {
  index: number | undefined;
  startedAt: number;
  crash: unknown;
}

/**
 * Hands the worker its next job; a job that cannot be posted fails on the spot. With no job left
 * the worker is stopped.
 */
function feedWorker(worker: Worker, pool: WorkerPool, held: HeldJob): void {
  const { jobs, options } = pool;
  while (pool.next < jobs.length) {
    const index = pool.next++;
    const job = jobs[index]!;
    options.onStart?.(index, job);
    held.startedAt = performance.now();
    try {
      const request: ReportWorkerRequest = { id: index, job, builder: options.builder };
      worker.postMessage(request);
      held.index = index;
      return;
    } catch (error) {
      pool.finish(index, {
        ok: false,
        reason: `could not hand the job to a worker: ${failureReason(error, job.file)}`,
        ms: 0,
      });
    }
  }
  void worker.terminate();
}

/** Why the job of a worker that died failed, in the user's terms. */
function deadWorkerReason(pool: WorkerPool, held: HeldJob, code: number): string {
  const job = pool.jobs[held.index!]!;
  return held.crash === undefined
    ? `the worker stopped while building this report (exit code ${code})`
    : `the worker crashed while building this report: ${failureReason(held.crash, job.file)}`;
}

/**
 * Starts a report worker from the compiled `.js` beside this module, or, when this module runs
 * from TypeScript sources (vitest, tsx), from the `.ts` entry with tsx registered inside the
 * worker: Node 20 ignores `--import` in a worker's execArgv for its entry module, so a small
 * eval bootstrap registers tsx's loader first and then imports the entry.
 */
function startReportWorker(heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    return new Worker(new URL('./report-worker.js', here), { resourceLimits });
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./report-worker.ts', here).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}
