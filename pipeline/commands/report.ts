import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import {
  coded,
  epochDayFromIso,
  type Locale,
  type ReportConfig,
  textFor,
} from '../../core/index.js';
import { WorkbookReadError } from '../../core/readers/index.js';
import type { CliIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { UsageError } from '../cli-io.js';
import { errorLineOf } from '../failure-line.js';
import { listInputFiles } from '../list-input-files.js';
import { checkOutputDir } from '../report/batch/check-output-dir.js';
import { combinedReportName, filesBelongTogether } from '../report/batch/files-belong-together.js';
import { readReportConfigFile } from '../report/batch/read-report-config-file.js';
import { reportBatch, type ReportBatchResult } from '../report/batch/report-batch.js';
import type { WorkbookBuilderRef } from '../report/batch/report-batch-model.js';
import { createReportProgress } from '../report/batch/report-progress.js';
import { outputJson } from '../render/output-json.js';

const USAGE = `Usage: pipecast report <file|folder...> --out DIR [options]

One report per workbook (report.html, charts, results.xlsx, CSV files, summary.json in
DIR/<workbook name>/), plus DIR/index.html linking them all and DIR/summary.json. Folders are
searched (not recursively) for .xlsx, .xlsm, .csv and .tsv files. Each workbook is read for
opportunities, customers/orders and invoices/payments; every analysis the data allows is run and
the others are listed with the reason.

Files that belong together make one report: dated exports of one table (every file the same
kind with the same headers, e.g. a folder of daily order files), or a CRM's tables exported
one per file (deals, accounts, products, sales teams), joined to the deals by their keys.

Options:
  --out DIR           output folder (required; not inside an input folder)
  --config FILE       pipecast.json: sheets, column mappings, template, buckets, thresholds
  --as-of YYYY-MM-DD  the day the analyses are as of; default, per file, the day after the last
                      recorded event (order line, invoice, payment, closed deal, last activity)
  --locale en|zh      language of the report wording; default from the config or the headers
  --combine           read every file into one report, whatever they hold
  --no-combine        one report per file, even for files that belong together
  --jobs N            workbooks built at once in worker threads; default one per CPU core
  --json              print the batch summary as JSON instead of the paths
  -h, --help          show this help

Exit code: 0 every report written, 2 some files failed (the others are done), 1 nothing done.
`;

interface ReportArgs {
  paths: string[];
  outDir: string;
  configPath: string | undefined;
  asOf: string | undefined;
  locale: 'en' | 'zh' | undefined;
  jobs: number | undefined;
  json: boolean;
  /** true: --combine, false: --no-combine, undefined: when the files belong together. */
  combine: boolean | undefined;
}

/** What tests replace in {@link runReport}. */
export interface RunReportOptions {
  /** The per-workbook builder; default pipeline/report/build-workbook-report. */
  builder?: WorkbookBuilderRef;
  /** Terminal width for the progress bar; default stderr's. */
  columns?: number;
}

/** `pipecast report`: reports for many workbooks at once, an index page and a batch summary. */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  return runReport(args, io);
}

/**
 * `pipecast report` with its dependencies open to tests.
 *
 * @returns 0 when every file has a report, 2 when some failed, 1 when nothing was done.
 * @throws {UsageError} For bad flags, a bad config file or a refused --out folder.
 */
export async function runReport(
  args: string[],
  io: CliIo,
  options: RunReportOptions = {},
): Promise<number> {
  const parsed = parseReportArgs(args);
  if (parsed === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const asOfSource = parsed.asOf === undefined ? 'data' : 'option';
  const asOf = parsed.asOf;
  let config: ReportConfig | undefined;
  if (parsed.configPath !== undefined) config = await readReportConfigFile(parsed.configPath);

  let files: string[];
  // The language of every line printed: the flag, else the config's (each report's own
  // language still follows its headers when neither is given).
  const locale = parsed.locale ?? config?.locale;
  if (locale !== undefined) io.useLocale?.(locale);
  const say: Locale = locale ?? 'en';
  try {
    files = await listInputFiles(parsed.paths);
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    io.stderr(`pipecast report: ${errorLineOf(error, say)}\n`);
    return 1;
  }
  if (files.length === 0) {
    const paths = parsed.paths.join(', ');
    io.stderr(`pipecast report: ${textFor(say, 'cli.noInputFiles', { paths })}\n`);
    return 1;
  }
  await checkOutputDir(parsed.outDir, { paths: parsed.paths, files });
  let combine: string | undefined;
  try {
    combine = await combinedName(files, parsed.combine, config);
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    io.stderr(`pipecast report: ${errorLineOf(error, say)}\n`);
    return 1;
  }

  const progress = createReportProgress(io.stderr, combine === undefined ? files.length : 1, {
    isTTY: io.isTTY,
    columns: options.columns ?? process.stderr.columns,
    locale: say,
  });
  let result: ReportBatchResult;
  try {
    result = await reportBatch(files, {
      outDir: parsed.outDir,
      asOf,
      asOfSource,
      ...(config === undefined ? {} : { config, configPath: parsed.configPath }),
      ...(locale === undefined ? {} : { locale }),
      concurrency: parsed.jobs ?? Math.min(files.length, availableParallelism()),
      ...(combine === undefined ? {} : { combine }),
      ...(options.builder === undefined ? {} : { builder: options.builder }),
      progress,
    });
  } catch (error) {
    progress.finish();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    const detail = (error as Error).message;
    const line = textFor(say, 'error.cannotWriteOut', { folder: parsed.outDir, detail });
    io.stderr(`pipecast report: ${line}\n`);
    return 1;
  }

  const { counts } = result.summary;
  if (parsed.json) {
    io.stdout(`${outputJson(result.summary)}\n`);
  } else {
    io.stdout(`${reportRunText(result, say)}\n`);
  }
  return reportExitCode(counts);
}

/**
 * The README's promise: 0 when every file was reported, 2 when some failed or had nothing to
 * analyse, 1 when nothing was analysed in any file.
 */
function reportExitCode(counts: ReportBatchResult['summary']['counts']): number {
  const reported = counts.ok - counts.nothingToAnalyse;
  if (reported === 0) return 1;
  return counts.failed > 0 || counts.nothingToAnalyse > 0 ? 2 : 0;
}

/** The run's closing lines: where things are, which files had nothing, the counts and the date. */
function reportRunText(result: ReportBatchResult, locale: Locale): string {
  const { counts, files, asOf } = result.summary;
  const analysed = counts.ok - counts.nothingToAnalyse;
  // Without an analysis no date was looked for: "no dated record found" would read as the reason.
  const dated =
    asOf !== null
      ? textFor(locale, 'cli.asOfDay', { day: asOf })
      : analysed > 0
        ? asOfOfEachFile(files, locale)
        : '';
  const nothing = files.filter((entry) => entry.state === 'nothing-to-analyse');
  const nothingCount =
    counts.nothingToAnalyse > 0
      ? textFor(locale, 'cli.withNothing', { count: counts.nothingToAnalyse })
      : '';
  const combined = files.filter((entry) => entry.inputs.length > 1);
  return [
    result.indexHtml,
    ...result.reports,
    ...combined.map((entry) =>
      textFor(locale, 'cli.combinedFrom', {
        folder: entry.file,
        count: entry.inputs.length,
        first: basename(entry.inputs[0]!),
        last: basename(entry.inputs[entry.inputs.length - 1]!),
      }),
    ),
    ...nothing.map((entry) => `${entry.file}: ${entry.reason ?? ''}`),
    // Every file read gets its page, one with nothing to analyse too (the page says why).
    textFor(locale, 'cli.reportsWritten', {
      written: counts.ok,
      files: counts.files,
      failed: counts.failed,
      nothing: nothingCount,
      dated: dated === '' ? '' : locale === 'zh' ? `（${dated}）` : ` (${dated})`,
    }),
  ].join('\n');
}

/** The combined report's name, or undefined for one report per file. */
async function combinedName(
  files: readonly string[],
  combine: boolean | undefined,
  config: ReportConfig | undefined,
): Promise<string | undefined> {
  if (files.length < 2 || combine === false) return undefined;
  if (combine === undefined && (await filesBelongTogether(files, config)) === null)
    return undefined;
  return combinedReportName(files);
}

function parseReportArgs(args: string[]): ReportArgs | 'help' {
  const { values, positionals } = parseCommandArgs('report', args, {
    out: { type: 'string', short: 'o' },
    config: { type: 'string' },
    'as-of': { type: 'string' },
    locale: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    json: { type: 'boolean', default: false },
    combine: { type: 'boolean' },
    'no-combine': { type: 'boolean' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) {
    throw new UsageError(
      coded('error.seeHelp', { problem: coded('error.nameFilesOrFolders'), command: 'report' }),
    );
  }
  if (values.out === undefined || values.out === '') {
    throw new UsageError(coded('error.outRequired'));
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && epochDayFromIso(asOf) === undefined) {
    throw new UsageError(coded('error.asOfValue', { value: asOf }));
  }
  const locale = values.locale;
  if (locale !== undefined && locale !== 'en' && locale !== 'zh') {
    throw new UsageError(coded('error.localeValue', { value: locale }));
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) {
      throw new UsageError(coded('error.jobsValue', { value: values.jobs ?? '' }));
    }
  }
  if (values.combine === true && values['no-combine'] === true) {
    throw new UsageError(coded('error.combineContradiction'));
  }
  return {
    paths: positionals,
    combine: values.combine === true ? true : values['no-combine'] === true ? false : undefined,
    outDir: values.out,
    configPath: values.config,
    asOf,
    locale,
    jobs,
    json: values.json,
  };
}

/** Without --as-of every file is measured at its own data's last day: say which, or the range. */
function asOfOfEachFile(files: ReportBatchResult['summary']['files'], locale: Locale): string {
  const days = [
    ...new Set(files.flatMap((entry) => (entry.asOf === null ? [] : [entry.asOf]))),
  ].sort();
  if (days.length === 0) return textFor(locale, 'cli.noAsOf');
  if (days.length === 1) return textFor(locale, 'cli.asOfDayRule', { day: days[0]! });
  return textFor(locale, 'cli.asOfRangeRule', { from: days[0]!, to: days[days.length - 1]! });
}
