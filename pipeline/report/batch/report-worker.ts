/**
 * Worker-thread entry of the report pool: takes one job at a time from the pool and answers with
 * its outcome. Jobs carry the builder reference, so this file imports nothing heavy itself.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import type { ReportJob, ReportJobOutcome, WorkbookBuilderRef } from './report-batch-model.js';
import { runReportJob } from './run-report-job.js';

/** Pool → worker. */
export interface ReportWorkerRequest {
  id: number;
  job: ReportJob;
  builder: WorkbookBuilderRef;
}

/** Worker → pool. */
export interface ReportWorkerResponse {
  id: number;
  outcome: ReportJobOutcome;
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort;
  port.on('message', (request: ReportWorkerRequest) => {
    void runReportJob(request.job, request.builder).then((outcome) => {
      try {
        port.postMessage({ id: request.id, outcome } satisfies ReportWorkerResponse);
      } catch (error) {
        // A summary that cannot be cloned must still end the job, as a failure.
        const reason = `the report summary could not be sent back: ${error instanceof Error ? error.message : String(error)}`;
        port.postMessage({
          id: request.id,
          outcome: { ok: false, reason, ms: outcome.ms },
        } satisfies ReportWorkerResponse);
      }
    });
  });
}
