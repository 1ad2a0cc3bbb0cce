import { mkdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  analyzeWorkbook,
  type AnalyzeWorkbookResult,
  type DataWarning,
  epochDayFromIso,
  formatCount,
  isoFromEpochDay,
  REPORT_ANALYSES,
  type ReportAnalysisName,
  type ReportConfig,
  textFor,
  warningMessage,
} from '../../core/index.js';
import type { RenderChartResult } from '../render/render-chart.js';
import { renderChart } from '../render/render-chart.js';
import type { ReportLocale, ReportModel, ReportWarning } from '../report-html/report-model.js';
import { renderReportHtml } from '../report-html/render-report-html.js';
import { embedCjkFont } from '../report-html/embed-cjk-font.js';
import { readFilesTogether } from '../read-input-path.js';
import { readWorkbook } from '../read-workbook.js';
import type { ReportChartSpec, ReportPart } from './report-parts.js';
import { addBreakdownParts } from './breakdown-parts.js';
import { finishedHeadline, keyFiguresTable } from './key-figures-table.js';
import { sheetKindText, skipReasonText, warningActionText } from './localized-report-text.js';
import { reportParts } from './report-parts.js';
import { tableToCsv, tableToHtmlTable } from './report-table.js';
import type { ResultsNote } from './write-results-xlsx.js';
import { resultsXlsx } from './write-results-xlsx.js';
import { writeFileNoLink } from './write-file-no-link.js';
import { outputJson } from '../render/output-json.js';

export interface BuildWorkbookReportOptions {
  /** The as-of date of every analysis, YYYY-MM-DD; default the day after the data's last event. */
  asOf?: string | undefined;
  config?: ReportConfig;
  /** Language of the report wording; default the config's, else Chinese when most headers are. */
  locale?: 'en' | 'zh';
  /**
   * Several files to read as one workbook (a folder of daily exports, a CRM's related tables);
   * `inputFile` then only names the report (the folder, say).
   */
  files?: string[];
}

export interface WorkbookReportSummary {
  file: string;
  outDir: string;
  /** Path of report.html. */
  reportHtml: string;
  /** The day the analyses were measured at, YYYY-MM-DD; null when none was given and no date found. */
  asOf: string | null;
  /** 'option' when given, 'data' when taken from the data's last recorded event. */
  asOfSource: 'option' | 'data';
  locale: ReportLocale;
  analyses: {
    name: ReportAnalysisName;
    ok: boolean;
    headline: Record<string, number | string | null>;
  }[];
  skipped: { analysis: string; reason: string }[];
  /** Data warnings plus chart rendering warnings. */
  warnings: number;
  charts: number;
  /** Every file written, relative to outDir, `/`-separated. */
  files: string[];
  /** The files read: the input file, or every file combined into the report. */
  inputs: string[];
}

/**
 * Builds the report of one workbook into outDir: report.html (self-contained), charts/<id>.vl.json
 * + .svg + .png, results.xlsx (a formatted sheet per analysis with its charts, and Notes), one CSV
 * per table (UTF-8 with BOM, formula-injection safe) and summary.json. The workbook is read once;
 * every analysis its sheets allow is run, the rest are listed as skipped with the reason.
 *
 * @param inputFile - an .xlsx/.csv workbook.
 * @param outDir - the folder to write into (created); must not contain the input file.
 * @param options - as-of date, config, locale.
 * @returns what was written and the headline figures (also written as summary.json).
 * @throws Error when asOf is not a YYYY-MM-DD date or outDir holds the input file;
 *   WorkbookReadError when the workbook cannot be read.
 */
export async function buildWorkbookReport(
  inputFile: string,
  outDir: string,
  options: BuildWorkbookReportOptions,
): Promise<WorkbookReportSummary> {
  const asOfGiven =
    options?.asOf === undefined ? undefined : epochDayFromIso(String(options.asOf).trim());
  if (options?.asOf !== undefined && asOfGiven === undefined)
    throw new Error(
      `buildWorkbookReport: asOf must be a date YYYY-MM-DD, got ${JSON.stringify(options?.asOf)}`,
    );
  const config = options.config ?? {};
  const inputs = options.files ?? [inputFile];
  const writer = reportWriter(
    resolve(outDir),
    inputs.map((file) => resolve(file)),
  );
  const sheets = await (options.files === undefined
    ? readWorkbook(inputFile)
    : readFilesTogether(options.files));
  const analyses = analyzeWorkbook(sheets, { ...config, asOf: asOfGiven, file: inputFile });
  const asOf = analyses.asOf.day;
  const locale: ReportLocale = options.locale ?? config.locale ?? analyses.plan.locale;
  const parts = reportParts(analyses, { locale, agingGroupBy: config.aging?.groupBy });
  addBreakdownParts(parts, {
    sheets,
    file: inputFile,
    asOf: asOf ?? undefined,
    config,
    locale,
    rollups: analyses.forecast?.joined?.breakdowns ?? [],
  });
  const charts = await renderPartCharts(parts);
  await mkdir(join(writer.out, 'charts'), { recursive: true });
  await writeChartsAndTables(writer, parts, charts);
  const skipped = [
    ...analyses.skipped,
    ...analyses.failed.map((failure) => ({
      analysis: failure.analysis,
      reason: `failed: ${failure.reason}`,
    })),
  ];
  const shownSkipped = shownSkippedOf(analyses, locale);
  const notes = resultsNotes(shownSkipped, analyses.warnings, charts.warnings, locale);
  await writeResultsXlsx(writer, parts, charts, notes, locale);
  const model = reportModel(
    inputFile,
    inputs,
    analyses,
    asOf === null ? '–' : asOfLine(analyses.asOf, locale),
    locale,
    parts,
    charts,
  );
  await writer.write(
    'report.html',
    await embedCjkFont(
      renderReportHtml({
        ...model,
        warnings: [
          ...analyses.warnings.map((warning) => toReportWarning(warning, locale)),
          ...charts.warnings,
        ],
        skipped: shownSkipped,
      }),
    ),
  );
  const summary: WorkbookReportSummary = {
    file: inputFile,
    outDir: writer.out,
    reportHtml: join(writer.out, 'report.html'),
    asOf: asOf === null ? null : isoFromEpochDay(asOf),
    asOfSource: analyses.asOf.source,
    locale,
    analyses: analysisHeadlines(parts, analyses.failed),
    skipped,
    warnings: analyses.warnings.length + charts.warnings.length,
    charts: charts.list.length,
    files: [...writer.files, 'summary.json'],
    inputs,
  };
  await writer.write('summary.json', `${outputJson(summary, 2)}\n`);
  return summary;
}

/** results.xlsx: a sheet per analysis with its key figures, tables and charts, then Notes. */
async function writeResultsXlsx(
  writer: ReportWriter,
  parts: readonly ReportPart[],
  charts: RenderedCharts,
  notes: ResultsNote[],
  locale: ReportLocale,
): Promise<void> {
  await writer.write(
    'results.xlsx',
    await resultsXlsx(
      parts.map((part) => ({
        name: part.sheetName,
        // The headline figures first, so the workbook shows every number of summary.json.
        tables: [keyFiguresTable(part.name, part.headline, locale), ...part.tables],
        images: part.charts.map((chart) => {
          const rendered = charts.byId.get(chart.id) as RenderChartResult;
          return { png: rendered.png, width: rendered.width, height: rendered.height };
        }),
      })),
      notes,
    ),
  );
}

/** What the reader sees of skipped and failed analyses: the title and the reason in the locale. */
function shownSkippedOf(
  analyses: ReturnType<typeof analyzeWorkbook>,
  locale: ReportLocale,
): { analysis: string; reason: string }[] {
  return [
    ...analyses.skipped.map((entry) => ({
      analysis: textFor(locale, `report.${entry.analysis}`),
      reason: skipReasonText(entry.analysis, entry.reason, locale),
    })),
    ...analyses.failed.map((failure) => ({
      analysis: textFor(locale, `report.${failure.analysis}`),
      reason: textFor(locale, 'report.failedAnalysis', { reason: failure.reason }),
    })),
  ];
}

/** Writes report files into `out`, listing them in the order the writes are started. */
interface ReportWriter {
  out: string;
  files: string[];
  write: (name: string, data: string | Buffer) => Promise<void>;
}

/** @throws Error when `out` would contain an input file. */
function reportWriter(out: string, inputs: readonly string[]): ReportWriter {
  for (const input of inputs) {
    const inside = relative(out, input);
    if (inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside)))
      throw new Error(
        `buildWorkbookReport: the output folder ${out} would contain the input file ${input}; choose another --out`,
      );
  }
  const files: string[] = [];
  return {
    out,
    files,
    write: async (name, data) => {
      const path = resolve(out, name);
      // Names are ours, but a chart id or table id must never climb out of the folder.
      if (relative(out, path).startsWith('..') || inputs.includes(path))
        throw new Error(`buildWorkbookReport: refusing to write ${path} outside ${out}`);
      // Listed in the order the writes are started, not finished, so summary.json is the same
      // from run to run (a write that fails fails the whole report).
      files.push(name);
      // From the folder above: the report's own folder must not be a link either.
      await writeFileNoLink(dirname(out), path, data, inputs);
    },
  };
}

/** The report's charts, rendered, by position and by id, with rendering warnings. */
interface RenderedCharts {
  list: (ReportChartSpec & { part: ReportAnalysisName })[];
  rendered: RenderChartResult[];
  byId: Map<string, RenderChartResult>;
  warnings: ReportWarning[];
}

async function renderPartCharts(parts: readonly ReportPart[]): Promise<RenderedCharts> {
  const list = parts.flatMap((part) => part.charts.map((chart) => ({ ...chart, part: part.name })));
  // Charts render concurrently: renderChart rasterises on libuv's pool.
  const rendered = await Promise.all(list.map((chart) => renderChart(chart.spec)));
  const warnings: ReportWarning[] = [];
  rendered.forEach((result, i) => {
    for (const message of result.warnings)
      warnings.push({ where: `charts/${list[i]?.id ?? ''}`, message });
  });
  const byId = new Map(list.map((chart, i) => [chart.id, rendered[i] as RenderChartResult]));
  return { list, rendered, byId, warnings };
}

/** charts/<id>.vl.json, .svg and .png per chart, then one CSV per table. */
async function writeChartsAndTables(
  writer: ReportWriter,
  parts: readonly ReportPart[],
  charts: RenderedCharts,
): Promise<void> {
  const writes: Promise<void>[] = [];
  charts.list.forEach((chart, i) => {
    const rendered = charts.rendered[i] as RenderChartResult;
    writes.push(
      writer.write(`charts/${chart.id}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`),
      writer.write(`charts/${chart.id}.svg`, rendered.svg),
      writer.write(`charts/${chart.id}.png`, rendered.png),
    );
  });
  for (const table of parts.flatMap((part) => part.tables))
    writes.push(writer.write(`${table.id}.csv`, tableToCsv(table)));
  await Promise.all(writes);
}

/** The Notes sheet of results.xlsx: skipped analyses, data warnings, chart warnings. */
function resultsNotes(
  skipped: readonly { analysis: string; reason: string }[],
  dataWarnings: readonly DataWarning[],
  renderWarnings: readonly ReportWarning[],
  locale: ReportLocale,
): ResultsNote[] {
  return [
    ...skipped.map((entry) => ({ type: 'skipped', message: `${entry.analysis}: ${entry.reason}` })),
    ...dataWarnings.map((warning) => ({
      type: 'warning',
      file: warning.file,
      sheet: warning.sheet,
      row: warning.row,
      column: warning.column,
      message: warningMessage(warning, locale),
      action: warningActionText(warning.action, locale),
    })),
    ...renderWarnings.map((warning) => ({
      type: 'chart',
      message: `${warning.where}: ${warning.message}`,
    })),
  ];
}

/** report.html's title, subtitle and sections (warnings and skipped are added by the caller). */
function reportModel(
  inputFile: string,
  inputs: readonly string[],
  analyses: AnalyzeWorkbookResult,
  generatedFor: string,
  locale: ReportLocale,
  parts: readonly ReportPart[],
  charts: RenderedCharts,
): Omit<ReportModel, 'warnings' | 'skipped'> {
  return {
    title: `${textFor(locale, 'report.reportTitle')} — ${basename(inputFile)}`,
    subtitle: reportSubtitle(inputs, analyses, locale),
    generatedFor,
    locale,
    sections: parts.map((part) => ({
      id: part.name,
      title: part.title,
      summary: part.summary,
      notes: part.notes,
      charts: part.charts.map((chart) => ({
        id: chart.id,
        title: chart.title,
        caption: chart.caption,
        svg: charts.byId.get(chart.id)?.svg ?? '',
      })),
      tables: part.tables.map((table) =>
        tableToHtmlTable(table, undefined, (count) =>
          textFor(locale, 'report.moreRows', { count }),
        ),
      ),
    })),
  };
}

/**
 * The sheets read and what each holds; for files combined into one report, how many, the first
 * and the last, and each kind of sheet once with its count.
 */
function reportSubtitle(
  inputs: readonly string[],
  analyses: AnalyzeWorkbookResult,
  locale: ReportLocale,
): string {
  const joined = new Set(analyses.forecast?.joined?.joins.map((join) => join.sheet));
  const kindOf = (sheet: AnalyzeWorkbookResult['plan']['sheets'][number]): string =>
    joined.has(sheet.sheet)
      ? textFor(locale, 'report.kindJoined')
      : sheetKindText(sheet.kind, locale);
  const { plan } = analyses;
  if (inputs.length <= 1)
    return `${textFor(locale, 'report.sheetsUsed')}: ${plan.sheets
      .map((sheet) => `${sheet.sheet} (${kindOf(sheet)})`)
      .join(', ')}`;
  const built = textFor(locale, 'report.combinedFiles', {
    count: inputs.length,
    first: basename(inputs[0]!),
    last: basename(inputs[inputs.length - 1]!),
  });
  const kinds = new Map<string, string[]>();
  for (const sheet of plan.sheets) {
    const kind = kindOf(sheet);
    kinds.set(kind, [...(kinds.get(kind) ?? []), sheet.sheet]);
  }
  const listed = [...kinds].map(([kind, sheets]) =>
    sheets.length <= 5 ? `${sheets.join(', ')} (${kind})` : `${sheets.length} × ${kind}`,
  );
  return `${built}. ${textFor(locale, 'report.sheetsUsed')}: ${listed.join(', ')}`;
}

/** Per analysis, in report order: its headline, or the failure, or nothing when skipped. */
function analysisHeadlines(
  parts: readonly ReportPart[],
  failed: readonly { analysis: ReportAnalysisName; reason: string }[],
): WorkbookReportSummary['analyses'] {
  return REPORT_ANALYSES.map((name): WorkbookReportSummary['analyses'][number] => {
    const part = parts.find((candidate) => candidate.name === name);
    const failure = failed.find((entry) => entry.analysis === name);
    return part
      ? { name, ok: true, headline: finishedHeadline(name, part.headline) }
      : { name, ok: false, headline: failure ? { error: failure.reason } : {} };
  });
}

/** "file · Sheet!row · column" so a user can find the cell. */
function toReportWarning(w: DataWarning, locale: ReportLocale): ReportWarning {
  const place = [
    w.file === undefined ? undefined : basename(w.file),
    w.sheet === undefined ? undefined : `${w.sheet}${w.row === undefined ? '' : `!${w.row}`}`,
    w.sheet === undefined && w.row !== undefined ? `row ${w.row}` : undefined,
    w.column,
  ].filter((x): x is string => x !== undefined && x !== '');
  return {
    where: place.join(' · '),
    message: `${warningMessage(w, locale)}${w.count === undefined ? '' : ` (×${formatCount(w.count)})`} — ${warningActionText(w.action, locale)}`,
  };
}

/** The report's as-of line: the day, and, when taken from the data, which event set it. */
function asOfLine(asOf: AnalyzeWorkbookResult['asOf'], locale: ReportLocale): string {
  const day = isoFromEpochDay(asOf.day!);
  if (asOf.source === 'option' || asOf.lastEvent === null) return day;
  return textFor(locale, 'report.asOfFromData', {
    day,
    lastEvent: isoFromEpochDay(asOf.lastEvent.lastEvent),
  });
}
