import { type ReportAnalysisName, textFor } from '../../../core/index.js';
import { mkdir, rmdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { embedCjkFont } from '../../report-html/embed-cjk-font.js';
import { renderIndexHtml } from '../../report-html/render-index-html.js';
import { keyFigureItems, keyFigureText } from '../key-figures-table.js';
import type {
  ReportIndexEntry,
  ReportLocale,
  ReportSummaryItem,
} from '../../report-html/report-model.js';
import type {
  ReportBatchFileEntry,
  ReportBatchSummary,
  ReportJob,
  ReportJobOutcome,
  WorkbookBuilderRef,
} from './report-batch-model.js';
import type { ReportProgress } from './report-progress.js';
import { reportFolderNames } from './report-folder-names.js';
import { writeFileNoLink } from '../write-file-no-link.js';
import { runReportPool } from './run-report-pool.js';
import { outputJson } from '../../render/output-json.js';

/** The per-workbook builder the batch runs unless told otherwise. */
export const DEFAULT_WORKBOOK_BUILDER: WorkbookBuilderRef = {
  // `.js` also under vitest and tsx: both map it to the `.ts` source.
  module: new URL('../build-workbook-report.js', import.meta.url).href,
  exportName: 'buildWorkbookReport',
};

/** File names the batch writes at the top of the output folder. */
export const BATCH_INDEX_FILE = 'index.html';
export const BATCH_SUMMARY_FILE = 'summary.json';

/** Options of {@link reportBatch}. */
export interface ReportBatchOptions {
  /** The --out folder (created if missing; existing files in it are overwritten, nothing else removed). */
  outDir: string;
  /** The --as-of date; undefined: each file is measured at the day after its last recorded event. */
  asOf?: string | undefined;
  asOfSource: 'option' | 'data';
  /** Parsed configuration passed to every builder call. */
  config?: unknown;
  /** Where the configuration came from, for summary.json. */
  configPath?: string;
  locale?: ReportLocale;
  /** Worker threads at most; a single file always runs in this thread. */
  concurrency: number;
  builder?: WorkbookBuilderRef;
  progress?: ReportProgress;
  /**
   * Read every file into one report named after this (a folder of daily exports, a CRM's
   * related tables); absent: one report per file.
   */
  combine?: string;
}

/** Result of {@link reportBatch}. */
export interface ReportBatchResult {
  summary: ReportBatchSummary;
  /** Path of index.html (under the --out folder as given). */
  indexHtml: string;
  /** Path of summary.json. */
  summaryJson: string;
  /** Paths of the report.html files written, in input order. */
  reports: string[];
  workersStarted: number;
}

/**
 * Builds one report per input file (in worker threads when there are several), then writes the
 * index page and the batch summary.json. A file that fails gets an error entry with its reason;
 * the batch itself fails only on an output folder it cannot write.
 *
 * @param files - Input workbooks and CSV files (already expanded from folders); with
 *   `options.combine`, the files of the one report.
 * @param options - Output folder, builder options, pool size, progress display.
 * @returns The batch summary and the paths written.
 * @throws When the output folder, index.html or summary.json cannot be written.
 */
export async function reportBatch(
  files: readonly string[],
  options: ReportBatchOptions,
): Promise<ReportBatchResult> {
  const builder = options.builder ?? DEFAULT_WORKBOOK_BUILDER;
  const { jobs, folders } = reportJobs(files, options);
  await mkdir(options.outDir, { recursive: true });
  for (const job of jobs) await mkdir(job.outDir, { recursive: true });

  const progress = options.progress;
  const { outcomes, workersStarted } = await runReportPool(jobs, {
    concurrency: options.concurrency,
    builder,
    inProcess: jobs.length === 1,
    onStart: (_i, job) => progress?.start(job.file),
    onDone: (_i, job, outcome) => progress?.done(job.file, outcome),
  });
  progress?.finish();

  const locale = options.locale ?? 'en';
  const entries = outcomes.map((outcome, i) =>
    fileEntry(options.outDir, folders[i]!, jobs[i]!, outcome, locale),
  );
  // A failed file's folder goes again if the builder left it empty (rmdir refuses otherwise).
  await Promise.all(
    entries.map((e, i) => (e.ok ? undefined : rmdir(jobs[i]!.outDir).catch(() => undefined))),
  );
  const ok = entries.filter((e) => e.ok).length;
  const summary: ReportBatchSummary = {
    asOf: options.asOf ?? null,
    asOfSource: options.asOfSource,
    locale: options.locale ?? null,
    config: options.configPath ?? null,
    outDir: options.outDir,
    index: BATCH_INDEX_FILE,
    counts: {
      files: entries.length,
      ok,
      failed: entries.length - ok,
      nothingToAnalyse: entries.filter((e) => e.state === 'nothing-to-analyse').length,
    },
    files: entries,
  };

  const indexHtml = join(options.outDir, BATCH_INDEX_FILE);
  const summaryJson = join(options.outDir, BATCH_SUMMARY_FILE);
  const inputs = jobs.map((job) => job.file);
  await writeFileNoLink(
    options.outDir,
    indexHtml,
    await embedCjkFont(
      renderIndexHtml(
        entries.map((e) => indexEntry(e, locale)),
        { ...(options.asOf === undefined ? {} : { generatedFor: options.asOf }), locale },
      ),
    ),
    inputs,
  );
  await writeFileNoLink(options.outDir, summaryJson, `${outputJson(summary, 2)}\n`, inputs);
  return {
    summary,
    indexHtml,
    summaryJson,
    reports: entries.flatMap((e) => (e.report === null ? [] : [join(options.outDir, e.report)])),
    workersStarted,
  };
}

/** One job per file, or one for every file when they are combined; with their folder names. */
function reportJobs(
  files: readonly string[],
  options: ReportBatchOptions,
): { jobs: ReportJob[]; folders: string[] } {
  const combined = options.combine === undefined ? undefined : [...files];
  const names = options.combine === undefined ? files : [options.combine];
  const folders = reportFolderNames(names);
  const jobs = names.map((file, i) => ({
    file,
    outDir: join(options.outDir, folders[i]!),
    options: {
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(options.config === undefined ? {} : { config: options.config }),
      ...(options.locale === undefined ? {} : { locale: options.locale }),
      ...(combined === undefined ? {} : { files: combined }),
    },
  }));
  return { jobs, folders };
}

function fileEntry(
  outDir: string,
  folder: string,
  job: ReportJob,
  outcome: ReportJobOutcome,
  locale: ReportLocale,
): ReportBatchFileEntry {
  const { file } = job;
  const inputs = job.options.files ?? [file];
  if (!outcome.ok) {
    return {
      file,
      inputs,
      folder,
      ok: false,
      asOf: null,
      state: 'failed',
      reason: outcome.reason,
      report: null,
      headline: {},
      analyses: [],
      skipped: [],
      warnings: 0,
      charts: 0,
    };
  }
  const s = outcome.summary;
  const headline: ReportBatchFileEntry['headline'] = {};
  for (const a of s.analyses) if (a.ok) headline[a.name] = a.headline;
  const nothing = !s.analyses.some((a) => a.ok);
  return {
    file,
    inputs,
    folder,
    ok: true,
    asOf: s.asOf ?? null,
    state: nothing ? 'nothing-to-analyse' : 'reported',
    reason: nothing ? textFor(locale, 'cli.nothingToAnalyse', { file }) : null,
    report: reportLink(outDir, folder, s.reportHtml),
    headline,
    analyses: s.analyses.map((a) => ({ name: a.name, ok: a.ok })),
    skipped: s.skipped,
    warnings: s.warnings,
    charts: s.charts,
  };
}

/** report.html relative to the output folder, with `/`; the usual place if the builder's path strays. */
function reportLink(outDir: string, folder: string, reportHtml: string): string {
  const rel = relative(resolve(outDir), resolve(reportHtml));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return `${folder}/report.html`;
  }
  return rel.split(sep).join('/');
}

function indexEntry(entry: ReportBatchFileEntry, locale: ReportLocale): ReportIndexEntry {
  if (!entry.ok) {
    return { name: entry.file, status: 'error', message: entry.reason ?? '' };
  }
  const summary: ReportSummaryItem[] = [];
  for (const [analysis, figures] of Object.entries(entry.headline)) {
    const name = analysis as ReportAnalysisName;
    for (const figure of keyFigureItems(name, figures, locale)) {
      summary.push({
        label: `${textFor(locale, `report.${name}`)}: ${figure.label}`,
        value: keyFigureText(figure),
      });
    }
  }
  // Names only: the reasons are long and the report itself lists them.
  const skipped = entry.skipped.map((s) => s.analysis).join(', ');
  if (entry.state === 'nothing-to-analyse') {
    return {
      name: entry.file,
      status: 'nothing',
      href: entry.report ?? `${entry.folder}/report.html`,
      message: entry.reason ?? '',
    };
  }
  return {
    name: entry.file,
    status: 'ok',
    href: entry.report ?? `${entry.folder}/report.html`,
    ...(skipped === '' ? {} : { message: textFor(locale, 'cli.notRun', { analyses: skipped }) }),
    summary,
  };
}
