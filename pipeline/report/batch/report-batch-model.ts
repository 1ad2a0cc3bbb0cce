import type { ReportLocale } from '../../report-html/report-model.js';
import type { WorkbookReportSummary } from '../build-workbook-report.js';

/**
 * Where the per-workbook builder lives: a module URL and the name of its export. Workers cannot
 * receive functions, so the builder travels as a reference and each worker imports it; tests
 * point it at a fake builder module.
 */
export interface WorkbookBuilderRef {
  /** `file:` URL of the module. */
  module: string;
  /** Name of the exported `(inputFile, outDir, options) => Promise<summary>` function. */
  exportName: string;
}

/** Options handed to the builder for every workbook of a batch (plain data: it crosses threads). */
export interface ReportJobOptions {
  /** Absent: the builder takes the day after the data's last recorded event. */
  asOf?: string;
  /** The parsed report configuration; structured-cloned into each worker. */
  config?: unknown;
  locale?: ReportLocale;
  /** The files read together into this one report (see ReportBatchOptions.combine). */
  files?: string[];
}

/** One workbook to report on. */
export interface ReportJob {
  /** Input file as the user named it (or as the folder listing produced it). */
  file: string;
  /** The folder the builder writes this workbook's outputs into. */
  outDir: string;
  options: ReportJobOptions;
}

/**
 * What the batch reads of the builder's summary; picked from the builder's own type so that a
 * change there fails the type check here instead of the batch at run time.
 */
export type BuiltWorkbook = Pick<
  WorkbookReportSummary,
  | 'file'
  | 'outDir'
  | 'reportHtml'
  | 'asOf'
  | 'analyses'
  | 'skipped'
  | 'warnings'
  | 'charts'
  | 'files'
>;

/** How one job ended: the builder's summary, or the reason it failed. `ms` is wall time. */
export type ReportJobOutcome =
  { ok: true; summary: BuiltWorkbook; ms: number } | { ok: false; reason: string; ms: number };

/** One input file in the batch `summary.json`. Paths of outputs are relative to the --out folder. */
export interface ReportBatchFileEntry {
  /** Input file as given, or the folder of the files combined into one report. */
  file: string;
  /** The files read into this report: the file itself, or every file combined. */
  inputs: string[];
  /** Its output folder under --out (unique and safe on Windows and macOS). */
  folder: string;
  /** The builder wrote a report (which may still have nothing in it: see `state`). */
  ok: boolean;
  /** The day this file was measured at (the --as-of date, or its data's); null when failed. */
  asOf: string | null;
  /**
   * 'reported': at least one analysis ran. 'nothing-to-analyse': a report was written but every
   * analysis was skipped for lack of data (`reason` says why and what to do). 'failed'.
   */
  state: 'reported' | 'nothing-to-analyse' | 'failed';
  /** Why the file has no report, or why its report has nothing in it; null when reported. */
  reason: string | null;
  /** Relative path of report.html, with `/`; null when the file failed. */
  report: string | null;
  /** Headline figures of each analysis that ran, by analysis name. */
  headline: Record<string, Record<string, number | string | null>>;
  analyses: { name: string; ok: boolean }[];
  skipped: { analysis: string; reason: string }[];
  warnings: number;
  charts: number;
}

/** The batch `summary.json`, also printed by `pipecast report --json`. */
export interface ReportBatchSummary {
  /** The --as-of date, or null when each file was measured at its own data's day (see files). */
  asOf: string | null;
  /** `data` when --as-of was not given: each file's day after its last recorded event. */
  asOfSource: 'option' | 'data';
  locale: ReportLocale | null;
  /** The --config path, or null. */
  config: string | null;
  /** The --out folder as given. */
  outDir: string;
  /** Relative path of the index page. */
  index: string;
  /** ok: files with a report; nothingToAnalyse: of those, how many had no analysis run. */
  counts: { files: number; ok: number; failed: number; nothingToAnalyse: number };
  files: ReportBatchFileEntry[];
}
