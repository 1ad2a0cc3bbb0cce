import { mkdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  analyzeWorkbook,
  type AnalyzeWorkbookResult,
  type DataWarning,
  epochDayFromIso,
  isoFromEpochDay,
  REPORT_ANALYSES,
  type ReportAnalysisName,
  type ReportConfig,
  textFor,
} from '../../core/index.js';
import type { RenderChartResult } from '../render/render-chart.js';
import { renderChart } from '../render/render-chart.js';
import type { ReportLocale, ReportModel, ReportWarning } from '../report-html/report-model.js';
import { embedCjkFont } from '../report-html/embed-cjk-font.js';
import { renderReportHtml } from '../report-html/render-report-html.js';
import { readWorkbook } from '../read-workbook.js';
import { keyFiguresTable } from './key-figures-table.js';
import { sheetKindText, skipReasonText, warningActionText } from './localized-report-text.js';
import { reportParts } from './report-parts.js';
import { tableToCsv, tableToHtmlTable } from './report-table.js';
import type { ResultsNote } from './write-results-xlsx.js';

import { resultsXlsx } from './write-results-xlsx.js';
import { writeFileNoLink } from './write-file-no-link.js';

export interface BuildWorkbookReportOptions {
  /** The as-of date of every analysis, YYYY-MM-DD; default the day after the data's last event. */
  asOf?: string | undefined;
  config?: ReportConfig;
  /** Language of the report wording; default the config's, else Chinese when most headers are. */
  locale?: 'en' | 'zh';
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
  const out = resolve(outDir);
  const input = resolve(inputFile);
  const inside = relative(out, input);
  if (inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside)))
    throw new Error(
      `buildWorkbookReport: the output folder ${out} would contain the input file ${input}; choose another --out`,
    );

  const sheets = await readWorkbook(inputFile);
  const analyses = analyzeWorkbook(sheets, { ...config, asOf: asOfGiven, file: inputFile });
  const asOf = analyses.asOf.day;
  const { plan } = analyses;
  const locale: ReportLocale = options.locale ?? config.locale ?? plan.locale;
  const parts = reportParts(analyses, { locale, agingGroupBy: config.aging?.groupBy });

  const charts = parts.flatMap((p) => p.charts.map((c) => ({ ...c, part: p.name })));
  // Charts render concurrently: renderChart rasterises on libuv's pool.
  const rendered: RenderChartResult[] = await Promise.all(charts.map((c) => renderChart(c.spec)));
  const renderWarnings: ReportWarning[] = [];
  rendered.forEach((r, i) => {
    for (const w of r.warnings)
      renderWarnings.push({ where: `charts/${charts[i]?.id ?? ''}`, message: w });
  });

  const files: string[] = [];
  const write = async (name: string, data: string | Buffer): Promise<void> => {
    const path = resolve(out, name);
    // Names are ours, but a chart id or table id must never climb out of the folder.
    if (relative(out, path).startsWith('..') || path === input)
      throw new Error(`buildWorkbookReport: refusing to write ${path} outside ${out}`);
    // Listed in the order the writes are started, not finished, so summary.json is the same
    // from run to run (a write that fails fails the whole report).
    files.push(name);
    // From the folder above: the report's own folder must not be a link either.
    await writeFileNoLink(dirname(out), path, data, [input]);
  };
  await mkdir(join(out, 'charts'), { recursive: true });

  const writes: Promise<void>[] = [];
  charts.forEach((c, i) => {
    const r = rendered[i] as RenderChartResult;
    writes.push(
      write(`charts/${c.id}.vl.json`, `${JSON.stringify(c.spec, null, 2)}\n`),
      write(`charts/${c.id}.svg`, r.svg),
      write(`charts/${c.id}.png`, r.png),
    );
  });
  for (const table of parts.flatMap((p) => p.tables))
    writes.push(write(`${table.id}.csv`, tableToCsv(table)));
  await Promise.all(writes);

  const dataWarnings = analyses.warnings;
  const skipped = [
    ...analyses.skipped,
    ...analyses.failed.map((f) => ({ analysis: f.analysis, reason: `failed: ${f.reason}` })),
  ];
  // What the reader sees: the analysis by its title and the reason in the report's language.
  const shownSkipped = [
    ...analyses.skipped.map((s) => ({
      analysis: textFor(locale, `report.${s.analysis}`),
      reason: skipReasonText(s.analysis, s.reason, locale),
    })),
    ...analyses.failed.map((f) => ({
      analysis: textFor(locale, `report.${f.analysis}`),
      reason: textFor(locale, 'report.failedAnalysis', { reason: f.reason }),
    })),
  ];
  const notes: ResultsNote[] = [
    ...shownSkipped.map((s) => ({ type: 'skipped', message: `${s.analysis}: ${s.reason}` })),
    ...dataWarnings.map((w) => ({
      type: 'warning',
      file: w.file,
      sheet: w.sheet,
      row: w.row,
      column: w.column,
      message: w.message,
      action: warningActionText(w.action, locale),
    })),
    ...renderWarnings.map((w) => ({ type: 'chart', message: `${w.where}: ${w.message}` })),
  ];
  const chartIndex = new Map(charts.map((c, i) => [c.id, rendered[i] as RenderChartResult]));
  await write(
    'results.xlsx',
    await resultsXlsx(
      parts.map((p) => ({
        name: p.sheetName,
        // The headline figures first, so the workbook shows every number of summary.json.
        tables: [keyFiguresTable(p.name, p.headline, locale), ...p.tables],
        images: p.charts.map((c) => {
          const r = chartIndex.get(c.id) as RenderChartResult;
          return { png: r.png, width: r.width, height: r.height };
        }),
      })),
      notes,
    ),
  );

  const model: ReportModel = {
    title: `${textFor(locale, 'report.reportTitle')} — ${basename(inputFile)}`,
    subtitle: `${textFor(locale, 'report.sheetsUsed')}: ${plan.sheets
      .map((s) => `${s.sheet} (${sheetKindText(s.kind, locale)})`)
      .join(', ')}`,
    generatedFor: asOf === null ? '–' : asOfLine(analyses.asOf, locale),
    locale,
    sections: parts.map((p) => ({
      id: p.name,
      title: p.title,
      summary: p.summary,
      notes: p.notes,
      charts: p.charts.map((c) => ({
        id: c.id,
        title: c.title,
        svg: chartIndex.get(c.id)?.svg ?? '',
      })),
      tables: p.tables.map((t) =>
        tableToHtmlTable(t, undefined, (n) => textFor(locale, 'report.moreRows', { count: n })),
      ),
    })),
    warnings: [...dataWarnings.map((w) => toReportWarning(w, locale)), ...renderWarnings],
    skipped: shownSkipped,
  };
  await write('report.html', await embedCjkFont(renderReportHtml(model)));

  const summary: WorkbookReportSummary = {
    file: inputFile,
    outDir: out,
    reportHtml: join(out, 'report.html'),
    asOf: asOf === null ? null : isoFromEpochDay(asOf),
    asOfSource: analyses.asOf.source,
    locale,
    analyses: REPORT_ANALYSES.map((name): WorkbookReportSummary['analyses'][number] => {
      const part = parts.find((p) => p.name === name);
      const failed = analyses.failed.find((f) => f.analysis === name);
      return part
        ? { name, ok: true, headline: part.headline }
        : { name, ok: false, headline: failed ? { error: failed.reason } : {} };
    }),
    skipped,
    warnings: dataWarnings.length + renderWarnings.length,
    charts: charts.length,
    files: [...files, 'summary.json'],
  };
  await write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
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
    message: `${w.message}${w.count === undefined ? '' : ` (×${w.count})`} — ${warningActionText(w.action, locale)}`,
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
