import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isMainThread, threadId } from 'node:worker_threads';

/**
 * Stand-in for buildWorkbookReport in the batch tests; what it does depends on the input's name:
 * `throw` → rejects with `<file>: broken on purpose`; `die` → process.exit(7) in a worker;
 * `crash` → an uncaught error in a worker; `oom` → fills its heap in a worker; `slow-N` → waits N ms first; else writes a report.html
 * and returns a summary whose headline counts the input's bytes.
 */
export async function fakeBuildWorkbookReport(
  inputFile: string,
  outDir: string,
  options: { asOf?: string; locale?: string; config?: unknown },
): Promise<unknown> {
  const name = basename(inputFile);
  const slow = /slow-(\d+)/.exec(name);
  if (slow !== null) await new Promise((r) => setTimeout(r, Number(slow[1])));
  if (name.includes('throw')) throw new Error(`${inputFile}: broken on purpose`);
  if (name.includes('die')) {
    if (isMainThread) throw new Error('would exit');
    process.exit(7);
  }
  if (name.includes('oom')) {
    if (isMainThread) throw new Error('would run out of memory');
    // Keeps every array: the worker's heap ceiling stops it.
    const kept: number[][] = [];
    for (;;) kept.push(new Array<number>(1 << 16).fill(kept.length));
  }
  if (name.includes('crash')) {
    if (isMainThread) throw new Error('would crash');
    setTimeout(() => {
      throw new Error('uncaught boom');
    }, 1);
    return new Promise(() => undefined);
  }
  const bytes = (await readFile(inputFile)).length;
  await mkdir(outDir, { recursive: true });
  const reportHtml = join(outDir, 'report.html');
  await writeFile(reportHtml, `<!DOCTYPE html><title>${name}</title>`);
  return {
    file: inputFile,
    outDir,
    reportHtml,
    // Without --as-of the real builder takes the day after the data's last event; this stands in.
    asOf: options.asOf ?? FAKE_DATA_AS_OF,
    analyses: [
      { name: 'forecast', ok: true, headline: { bytes, asOf: options.asOf } },
      { name: 'aging', ok: false, headline: {} },
    ],
    skipped: [{ analysis: 'aging', reason: 'no invoices sheet' }],
    warnings: 1,
    charts: 2,
    files: [reportHtml],
    // Not in the contract: lets tests see which thread built which file.
    threadId,
    isMainThread,
    locale: options.locale ?? null,
    config: options.config ?? null,
  };
}

/** The as-of day the fake builder reports when none is given, as if from its data. */
export const FAKE_DATA_AS_OF = '2024-01-31';

/** Exports nothing callable under this name, to test a wrong builder reference. */
export const notAFunction = 42;
