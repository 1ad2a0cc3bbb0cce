import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  ReportJob,
  ReportJobOutcome,
} from '../../../pipeline/report/batch/report-batch-model.js';
import { runReportPool } from '../../../pipeline/report/batch/run-report-pool.js';
import { FAKE_BUILDER, tempFiles } from './fixtures.js';

async function jobsFor(names: string[]): Promise<ReportJob[]> {
  const dir = await tempFiles('pool-', names);
  return names.map((name) => ({
    file: join(dir, name),
    outDir: join(dir, 'out', name),
    options: { asOf: '2024-03-31' },
  }));
}

function summaryOf(outcome: ReportJobOutcome | undefined): Record<string, unknown> {
  if (outcome === undefined || !outcome.ok) throw new Error(`not ok: ${JSON.stringify(outcome)}`);
  return outcome.summary as unknown as Record<string, unknown>;
}

describe('runReportPool', () => {
  it('runReportPool returns outcomes in job order although later jobs finish first', async () => {
    const jobs = await jobsFor(['a-slow-1500.csv', 'b-slow-10.csv', 'c.csv', 'd-slow-150.csv']);
    const finished: number[] = [];
    const started: number[] = [];
    const { outcomes, workersStarted } = await runReportPool(jobs, {
      concurrency: 2,
      builder: FAKE_BUILDER,
      onStart: (i) => started.push(i),
      onDone: (i) => finished.push(i),
    });
    expect(workersStarted).toBe(2);
    expect(outcomes.map((o) => summaryOf(o).file)).toEqual(jobs.map((j) => j.file));
    // Jobs are handed out in order; the slow first job finishes last.
    expect(started).toEqual([0, 1, 2, 3]);
    expect(finished.at(-1)).toBe(0);
    expect(finished).toHaveLength(4);
    // Built in worker threads, on exactly two of them.
    expect(outcomes.every((o) => summaryOf(o).isMainThread === false)).toBe(true);
    expect(new Set(outcomes.map((o) => summaryOf(o).threadId)).size).toBe(2);
  });

  it('runReportPool turns a thrown error into that file’s failure and completes the others', async () => {
    const jobs = await jobsFor(['good-1.csv', 'throw.csv', 'good-2.csv']);
    const { outcomes, workersStarted } = await runReportPool(jobs, {
      concurrency: 2,
      builder: FAKE_BUILDER,
    });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    // The file name the error starts with is dropped: the batch shows the file beside it.
    expect(outcomes[1]).toMatchObject({ ok: false, reason: 'broken on purpose' });
    // A thrown error does not cost the worker.
    expect(workersStarted).toBe(2);
  });

  it('runReportPool replaces a worker that exits mid-job and fails only that job', async () => {
    const jobs = await jobsFor(['die.csv', 'after-1.csv', 'after-2.csv']);
    const { outcomes, workersStarted } = await runReportPool(jobs, {
      concurrency: 1,
      builder: FAKE_BUILDER,
    });
    expect(outcomes[0]).toMatchObject({ ok: false });
    expect(outcomes[0]!.ok ? '' : outcomes[0]!.reason).toMatch(/worker stopped.*exit code 7/);
    expect(outcomes.slice(1).map((o) => o.ok)).toEqual([true, true]);
    // One worker, dead after the first job, and its replacement.
    expect(workersStarted).toBe(2);
  });

  it('runReportPool fails only the job of a worker that runs out of its heap', async () => {
    const jobs = await jobsFor(['oom.csv', 'after-1.csv', 'after-2.csv']);
    const { outcomes } = await runReportPool(jobs, {
      concurrency: 2,
      builder: FAKE_BUILDER,
      workerHeapMb: 128,
    });
    expect(outcomes[0]).toMatchObject({ ok: false });
    expect(outcomes[0]!.ok ? '' : outcomes[0]!.reason).toMatch(/worker crashed.*out of memory/i);
    expect(outcomes.slice(1).map((o) => o.ok)).toEqual([true, true]);
  });

  it('runReportPool reports an uncaught error in a worker as a crash of that job', async () => {
    const jobs = await jobsFor(['crash.csv', 'fine.csv']);
    const { outcomes, workersStarted } = await runReportPool(jobs, {
      concurrency: 2,
      builder: FAKE_BUILDER,
    });
    expect(outcomes[0]!.ok ? '' : outcomes[0]!.reason).toBe(
      'the worker crashed while building this report: uncaught boom',
    );
    expect(outcomes[1]!.ok).toBe(true);
    expect(workersStarted).toBe(2);
  });

  it('runReportPool fails every job with the reason when the builder module cannot be loaded', async () => {
    const jobs = await jobsFor(['x.csv', 'y.csv']);
    const { outcomes } = await runReportPool(jobs, {
      concurrency: 2,
      builder: { module: FAKE_BUILDER.module, exportName: 'notAFunction' },
    });
    for (const outcome of outcomes) {
      expect(outcome.ok ? '' : outcome.reason).toMatch(/has no function export 'notAFunction'/);
    }
  });

  it('runReportPool runs in this thread when asked, with the same error handling', async () => {
    const jobs = await jobsFor(['one.csv', 'throw.csv']);
    const { outcomes, workersStarted } = await runReportPool(jobs, {
      concurrency: 4,
      builder: FAKE_BUILDER,
      inProcess: true,
    });
    expect(workersStarted).toBe(0);
    expect(summaryOf(outcomes[0]).isMainThread).toBe(true);
    expect(outcomes[1]).toMatchObject({ ok: false, reason: 'broken on purpose' });
  });

  it('runReportPool starts no more workers than jobs, and none for no jobs', async () => {
    const jobs = await jobsFor(['only.csv']);
    expect(
      (await runReportPool(jobs, { concurrency: 8, builder: FAKE_BUILDER })).workersStarted,
    ).toBe(1);
    expect(await runReportPool([], { concurrency: 8, builder: FAKE_BUILDER })).toEqual({
      outcomes: [],
      workersStarted: 0,
    });
  });
});
