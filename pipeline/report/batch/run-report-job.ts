import { errorLine, type Locale, PipecastError } from '../../../core/index.js';
import type {
  BuiltWorkbook,
  ReportJob,
  ReportJobOutcome,
  WorkbookBuilderRef,
} from './report-batch-model.js';

type Builder = (inputFile: string, outDir: string, options: object) => Promise<unknown>;

const builders = new Map<string, Promise<Builder>>();

/**
 * Builds one workbook's report and never throws: whatever the builder throws (or rejects with)
 * becomes `{ok: false, reason}` with a one-line reason, so one bad file cannot stop a batch.
 * Used in a worker thread and, for a single file, in the CLI's own thread.
 *
 * @param job - The input file, its output folder and the builder options.
 * @param builder - Where the builder function lives (imported once per thread).
 * @returns The builder's summary, or the reason the file failed; with the wall time.
 */
export async function runReportJob(
  job: ReportJob,
  builder: WorkbookBuilderRef,
): Promise<ReportJobOutcome> {
  const started = performance.now();
  const ms = (): number => Math.round(performance.now() - started);
  try {
    const build = await loadBuilder(builder);
    const summary = await build(job.file, job.outDir, job.options);
    if (!isBuiltWorkbook(summary)) {
      return { ok: false, reason: 'the report builder returned no summary', ms: ms() };
    }
    return { ok: true, summary, ms: ms() };
  } catch (error) {
    return { ok: false, reason: failureReason(error, job.file, job.options.locale), ms: ms() };
  }
}

/**
 * A thrown value as one line without the file name in front (the batch shows the file beside
 * it already): `WorkbookReadError` messages read `<file>: <reason>`. A PipecastError is in
 * `locale` (the batch's --locale; English when none was given, as the file's headers are unread).
 */
export function failureReason(error: unknown, file: string, locale: Locale = 'en'): string {
  let text =
    // English keeps the message as the batch always showed it.
    error instanceof PipecastError && locale !== 'en'
      ? errorLine(error, locale)
      : error instanceof Error
        ? error.message || error.name
        : typeof error === 'string'
          ? error
          : `non-error value thrown: ${String(error)}`;
  text = text.replace(/\s+/g, ' ').trim();
  for (const colon of [': ', '：'])
    if (text.startsWith(`${file}${colon}`)) text = text.slice(file.length + colon.length);
  return text === '' ? 'failed without a message' : text;
}

function loadBuilder(ref: WorkbookBuilderRef): Promise<Builder> {
  const key = `${ref.module}#${ref.exportName}`;
  let loaded = builders.get(key);
  if (loaded === undefined) {
    loaded = import(ref.module).then((module: Record<string, unknown>) => {
      const build = module[ref.exportName];
      if (typeof build !== 'function') {
        throw new Error(`${ref.module} has no function export '${ref.exportName}'`);
      }
      return build as Builder;
    });
    // A failed import is not cached: the next job retries and reports its own error.
    loaded.catch(() => builders.delete(key));
    builders.set(key, loaded);
  }
  return loaded;
}

function isBuiltWorkbook(value: unknown): value is BuiltWorkbook {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<BuiltWorkbook>;
  return typeof v.reportHtml === 'string' && Array.isArray(v.analyses);
}
