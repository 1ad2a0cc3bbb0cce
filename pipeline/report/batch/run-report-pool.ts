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
  const { builder, onStart, onDone } = options;
  const size = Math.max(1, Math.min(Math.floor(options.concurrency) || 1, jobs.length));
  const outcomes: ReportJobOutcome[] = new Array<ReportJobOutcome>(jobs.length);
  if (jobs.length === 0) return { outcomes, workersStarted: 0 };

  if (options.inProcess) {
    for (const [index, job] of jobs.entries()) {
      onStart?.(index, job);
      const outcome = await runReportJob(job, builder);
      outcomes[index] = outcome;
      onDone?.(index, job, outcome);
    }
    return { outcomes, workersStarted: 0 };
  }

  return new Promise((resolvePool) => {
    let next = 0;
    let workersStarted = 0;
    let live = 0;

    const finish = (index: number, outcome: ReportJobOutcome): void => {
      outcomes[index] = outcome;
      onDone?.(index, jobs[index]!, outcome);
    };

    const spawn = (): void => {
      const worker = startReportWorker(options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB);
      workersStarted++;
      live++;
      let current: number | undefined;
      let startedAt = 0;
      let crash: unknown;

      // Hands the worker its next job; a job that cannot be posted fails on the spot.
      const feed = (): void => {
        while (next < jobs.length) {
          const index = next++;
          const job = jobs[index]!;
          onStart?.(index, job);
          startedAt = performance.now();
          try {
            worker.postMessage({ id: index, job, builder } satisfies ReportWorkerRequest);
            current = index;
            return;
          } catch (error) {
            finish(index, {
              ok: false,
              reason: `could not hand the job to a worker: ${failureReason(error, job.file)}`,
              ms: 0,
            });
          }
        }
        void worker.terminate();
      };

      worker.on('message', (message: ReportWorkerResponse) => {
        if (message.id !== current) return;
        current = undefined;
        finish(message.id, message.outcome);
        feed();
      });
      worker.on('messageerror', (error) => {
        crash = error;
        void worker.terminate();
      });
      worker.on('error', (error) => {
        crash = error;
      });
      worker.on('exit', (code) => {
        live--;
        if (current !== undefined) {
          const job = jobs[current]!;
          const reason =
            crash === undefined
              ? `the worker stopped while building this report (exit code ${code})`
              : `the worker crashed while building this report: ${failureReason(crash, job.file)}`;
          finish(current, {
            ok: false,
            reason,
            ms: Math.round(performance.now() - startedAt),
          });
          current = undefined;
        }
        if (next < jobs.length) spawn();
        else if (live === 0) resolvePool({ outcomes, workersStarted });
      });
      feed();
    };

    for (let k = 0; k < size; k++) spawn();
  });
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
