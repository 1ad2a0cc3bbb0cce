import type { DateInput } from '../columns/to-epoch-day.js';
import { toEpochDay } from '../columns/to-epoch-day.js';
import type { PlanSheetsResult } from './plan-sheets.js';
import { planSheets } from './plan-sheets.js';
import type { ReportConfig } from './report-config.js';
import type { ReportAnalyses } from './run-report-analyses.js';
import { runReportAnalyses } from './run-report-analyses.js';
import type { WorkbookInput } from './to-sheet-grids.js';
import { toSheetGrids } from './to-sheet-grids.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** The workbook's name when the caller gives none, as warnings name it. */
export const DEFAULT_WORKBOOK_FILE = 'workbook';

/**
 * Options of analyzeWorkbook: the as-of date, the workbook's name, and what the user said about
 * the sheets and the analyses (sheet kinds, column mappings, forecast, segments and aging
 * options: the keys of a `pipecast.json` config).
 */
export interface AnalyzeWorkbookOptions extends ReportConfig {
  /**
   * The day every analysis is measured at: `'2026-06-30'` or an epoch day. Default: the day after
   * the data's last recorded event (order line, invoice, payment, closed deal, last activity;
   * never an open deal's expected close date), reported in the result's `asOf`.
   */
  asOf?: DateInput | undefined;
  /** The workbook's name, put into every warning; default `'workbook'`. */
  file?: string;
}

/** Every analysis the workbook allowed, with the plan of which sheet fed which. */
export interface AnalyzeWorkbookResult extends ReportAnalyses {
  /** What each sheet was taken to hold (kind, header row, why) and the headers' language. */
  plan: PlanSheetsResult;
}

/**
 * Classifies a workbook's sheets, maps their columns and runs every analysis the data allows:
 * the funnel forecast (deals, with stage history when a sheet has it), ABC and RFM (order lines;
 * ABC from a customer list's revenue when there are no order lines), the attack/defend portfolio
 * (customers with potential and share) and receivables aging (invoices, payments optional).
 * Blank cells count as missing values, never as 0; messy cells are reported in `warnings`.
 *
 * @param sheets - the sheets in workbook order, each `{ name, values }` with values exactly as
 *   Excel's `Range.values` gives them (serial dates, `''` blanks, `'#N/A'` error text).
 * @param options - as-of date (default from the data), workbook name, sheet kinds, mappings, analysis options.
 * @returns the plan, one result per analysis (null when skipped or failed), the analyses skipped
 *   for lack of data and why, those that failed, and every warning (reading first, then each
 *   analysis' own, each placed by file, sheet, row and column).
 * @throws PipecastError when asOf is not an ISO date or epoch day; TypeError when sheets is not an
 *   array of `{ name, values }`.
 * @example
 * const result = analyzeWorkbook(
 *   [{ name: 'Deals', values: [['Deal', 'Stage', 'Amount', 'Close date'], ['D1', 'Compare', 1000, 46203]] }],
 *   { asOf: '2026-06-30' },
 * );
 * result.plan.sheets[0]?.kind; // 'deal'
 * result.forecast?.result.totals.weighted; // 300: 1000 × 30%, the six-stage template's Compare rate
 */
export function analyzeWorkbook(
  sheets: WorkbookInput,
  options: AnalyzeWorkbookOptions,
): AnalyzeWorkbookResult {
  if (options === null || typeof options !== 'object')
    throw new PipecastError(
      'invalid-option',
      'analyzeWorkbook: options must be an object (asOf, file, sheet kinds, mappings…)',
    );
  const { asOf: asOfInput, file = DEFAULT_WORKBOOK_FILE, ...config } = options;
  const asOf = asOfInput === undefined ? undefined : toEpochDay(asOfInput, 'asOf');
  const grids = toSheetGrids(sheets, file, 'analyzeWorkbook');
  const plan = planSheets(grids, config);
  const analyses = runReportAnalyses(grids, plan, { file, asOf, config });
  return { plan, ...analyses };
}
