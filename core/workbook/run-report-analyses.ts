import type { AgeReceivablesOptions } from '../aging/age-receivables.js';
import type { DataWarning } from '../columns/data-warning.js';
import type { EpochDay } from '../columns/epoch-day.js';
import type { PortfolioResult } from '../segments/portfolio.js';
import type { RfmResult } from '../segments/rfm.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { currencyRefusal } from '../segments/one-currency.js';
import { textFor } from '../text/catalogue.js';
import type { LoadDealsResult } from './load-deals.js';
import { loadDeals } from './load-deals.js';
import type { LoadReceivablesResult } from './load-receivables.js';
import { loadReceivables } from './load-receivables.js';
import type { DataAsOf } from './data-as-of.js';
import { dataAsOf } from './data-as-of.js';
import type { LoadSegmentRecordsResult } from './load-segment-records.js';
import { loadSegmentRecords } from './load-segment-records.js';
import type { RunAgingResult } from './run-aging.js';
import { runAging } from './run-aging.js';
import type { RunForecastResult } from './run-forecast.js';
import { forecastDealsOf, runForecast } from './run-forecast.js';
import type { RunAbcResult } from './run-segments.js';
import { runAbc, runPortfolio, runRfm } from './run-segments.js';
import type { SheetChoice } from './sheet-choice.js';
import type { SheetGrid } from './sheet-grid.js';
import type { PlanSheetsResult } from './plan-sheets.js';
import type { DealTableJoin } from './join-deal-tables.js';
import type { OrderHistoryNote } from './segment-orders.js';
import { ordersOrHistory, sheetChoicesOf } from './segment-orders.js';
import { joinDealTables } from './join-deal-tables.js';
import type { ForecastBreakdown } from '../tables/forecast-breakdown.js';
import { forecastBreakdown } from '../tables/forecast-breakdown.js';
import type { ForecastRun } from './forecast.js';
import { forecastSourceOf, keepDealSheet } from './forecast-source.js';
import type { ReportConfig } from './report-config.js';

/** The analyses of a report, in report order. */
export const REPORT_ANALYSES = ['forecast', 'abc', 'rfm', 'portfolio', 'aging'] as const;
export type ReportAnalysisName = (typeof REPORT_ANALYSES)[number];

/** Every analysis the workbook allowed, with the sheets each read. */
export interface ReportAnalyses {
  forecast: (RunForecastResult & { sheets: string[]; joined: ForecastJoins | null }) | null;
  abc: (RunAbcResult & { sheets: string[] }) | null;
  rfm: { result: RfmResult; sheets: string[] } | null;
  portfolio: { result: PortfolioResult; sheets: string[] } | null;
  aging: (RunAgingResult & { sheets: string[] }) | null;
  /** Analyses not run, with the reason in the user's terms. */
  skipped: { analysis: ReportAnalysisName; reason: string }[];
  /** Analyses that threw: a bug or a config value the analysis refused. */
  failed: { analysis: ReportAnalysisName; reason: string }[];
  /** Reading warnings, then each analysis' own, in report order. */
  warnings: DataWarning[];
  /**
   * The day every analysis was measured at: the one given ('option'), or the day after the
   * data's last recorded event ('data', with that event); day null when neither exists.
   */
  asOf: { day: EpochDay | null; source: 'option' | 'data'; lastEvent: DataAsOf | null };
  /**
   * Where ABC and RFM took their orders from when the workbook has no order lines: its invoices,
   * else its won deals (see orderHistoryOf); null when it has order lines or neither.
   */
  orderHistory: OrderHistoryNote | null;
}

/** The lookup tables joined to the forecast's deals, and the forecast by their roll-up columns. */
export interface ForecastJoins {
  joins: DealTableJoin[];
  /** Open deals without an amount valued at their product's list price. */
  valuedAtListPrice: number;
  /** The forecast by each joined roll-up column (a rep's manager and office, an account's sector). */
  breakdowns: ForecastBreakdown[];
}

export interface RunReportAnalysesOptions {
  file: string;
  /** Default: the day after the last recorded event of the data (see dataAsOf). */
  asOf?: EpochDay | undefined;
  config: ReportConfig;
}

/** Why the dated analyses cannot run when no as-of day was given and the data has no date. */
const NO_AS_OF =
  'no as-of date: the data has no dated order line, invoice, payment or deal event; give one (--as-of YYYY-MM-DD)';

/**
 * Why each analysis could not run, naming the columns it needs (English and Chinese examples);
 * the text catalogue has them in every language (`report.skip*`).
 */
export const SKIP_REASONS: Readonly<Record<ReportAnalysisName, string>> = {
  forecast: textFor('en', 'report.skipForecast'),
  abc: textFor('en', 'report.skipAbc'),
  rfm: textFor('en', 'report.skipRfm'),
  portfolio: textFor('en', 'report.skipPortfolio'),
  aging: textFor('en', 'report.skipAging'),
};

/**
 * Runs every analysis the workbook's sheets allow, each sheet read once per kind it holds:
 * forecast (deals, with a stage-history sheet when there is one), ABC and RFM (order lines; ABC
 * from a customer list's revenue when there are no order lines), portfolio (customers with
 * potential and share) and aging (invoices, payments optional).
 *
 * @param sheets - the workbook's sheets.
 * @param plan - what each sheet holds (planSheets).
 * @param options - file name, as-of day and config.
 * @returns the results, the skipped and failed analyses, and every warning.
 */
export function runReportAnalyses(
  sheets: readonly SheetGrid[],
  plan: PlanSheetsResult,
  options: RunReportAnalysesOptions,
): ReportAnalyses {
  const out: ReportAnalyses = {
    forecast: null,
    abc: null,
    rfm: null,
    portfolio: null,
    aging: null,
    skipped: [],
    failed: [],
    warnings: [],
    asOf: { day: options.asOf ?? null, source: 'option', lastEvent: null },
    orderHistory: null,
  };
  const choices = sheetChoicesOf(plan, options.config.mappings);
  const attempt = (analysis: ReportAnalysisName, run: () => void): void => {
    try {
      run();
    } catch (error) {
      out.failed.push({
        analysis,
        reason: error instanceof PipecastError ? error.oneLine() : (error as Error).message,
      });
    }
  };
  // Everything is read first, so the as-of default can come from every kind of record.
  let deals: LoadDealsResult | undefined;
  let receivables: LoadReceivablesResult | undefined;
  const joined = joinDealTables(sheets, choices.choice, plan);
  out.warnings.push(...joined.warnings);
  attempt('forecast', () => (deals = loadDeals(joined.sheets, choices.choice)));
  attempt('aging', () => (receivables = loadReceivables(sheets, choices.receivableChoice)));
  const history = ordersOrHistory(
    loadSegmentRecords(sheets, 'orderLine', choices.choice),
    deals,
    receivables,
  );
  const { orders } = history;
  out.orderHistory = history.from;
  const customers = loadSegmentRecords(sheets, 'customer', choices.choice);
  out.warnings.push(...orders.warnings, ...customers.warnings);
  if (options.asOf === undefined) {
    const fromData = dataAsOf({
      ...(deals === undefined ? {} : { deals: deals.deals.table ?? deals.deals.records }),
      lines: orders.lines,
      ...(receivables === undefined
        ? {}
        : { invoices: receivables.invoices, payments: receivables.payments }),
    });
    out.asOf = { day: fromData?.asOf ?? null, source: 'data', lastEvent: fromData ?? null };
  }
  const context: AnalysisContext = { sheets, ...options, asOf: out.asOf.day, ...choices, joined };
  const failedToLoad = new Set(out.failed.map((f) => f.analysis));
  const segmentInput = { orders, customers };
  if (!failedToLoad.has('forecast')) attempt('forecast', () => addForecast(context, deals, out));
  attempt('abc', () => addAbc(context, segmentInput, out));
  attempt('rfm', () => addRfm(context, segmentInput, out));
  attempt('portfolio', () => addPortfolio(segmentInput, out));
  if (!failedToLoad.has('aging')) attempt('aging', () => addAging(context, receivables, out));
  out.warnings = placedAndUnique(out.warnings, options.file);
  return out;
}

/** What every analysis of one workbook reads. */
interface AnalysisContext extends Omit<RunReportAnalysesOptions, 'asOf'> {
  sheets: readonly SheetGrid[];
  /** Null when none was given and the data has no date: the dated analyses fail with NO_AS_OF. */
  asOf: EpochDay | null;
  /** Sheet kinds from the plan and the config's mappings. */
  choice: SheetChoice;
  /** The same, with receivable sheets found by headers left unnamed (see sheetChoicesOf). */
  receivableChoice: SheetChoice;
  /** Lookup tables joined to the deals (joinDealTables). */
  joined: ReturnType<typeof joinDealTables>;
}

interface SegmentInput {
  orders: LoadSegmentRecordsResult;
  customers: LoadSegmentRecordsResult;
}

function addForecast(
  context: AnalysisContext,
  loaded: LoadDealsResult | undefined,
  out: ReportAnalyses,
): void {
  if (!loaded) {
    out.skipped.push({ analysis: 'forecast', reason: SKIP_REASONS.forecast });
    return;
  }
  const options = context.config.forecast ?? {};
  const { joins, rollups, valuedAtListPrice } = context.joined;
  const joinedDeals = joins.length > 0 && loaded.deals.grid.sheet === context.joined.dealSheet;
  const run = runForecast(forecastDealsOf(loaded), {
    asOf: datedAsOf(context),
    template: options.template,
    quota: options.quota,
    smallOrderThreshold: options.smallOrderThreshold,
    seed: options.seed,
    monthRanges: true,
    // Per-deal values only when there are joined columns to break the forecast down by.
    perDeal: joinedDeals && rollups.length > 0,
  });
  const breakdowns = joinedDeals
    ? rollups.map((by) => forecastBreakdown(runOf(run, loaded, datedAsOf(context)), by))
    : [];
  out.forecast = {
    ...run,
    sheets: [
      loaded.deals.grid.sheet,
      ...(joinedDeals ? joins.map((join) => join.sheet) : []),
      ...(loaded.history ? [loaded.history.grid.sheet] : []),
    ],
    joined: joinedDeals ? { joins, valuedAtListPrice, breakdowns } : null,
  };
  out.warnings.push(...run.warnings);
}

/** The report's forecast as forecastBreakdown reads it: with its sheet and that sheet's header. */
function runOf(run: RunForecastResult, loaded: LoadDealsResult, asOf: EpochDay): ForecastRun {
  const forecastRun: ForecastRun = {
    ...run,
    source: forecastSourceOf(loaded),
    asOf: { day: asOf, source: 'option' },
  };
  keepDealSheet(forecastRun, loaded);
  return forecastRun;
}

function addAbc(context: AnalysisContext, input: SegmentInput, out: ReportAnalyses): void {
  const { orders, customers } = input;
  const options = context.config.segments ?? {};
  const by = options.measure ?? 'revenue';
  const ranked = customers.customers.some((c) => c[by] !== undefined);
  if (orders.lines.length === 0 && !ranked) {
    out.skipped.push({ analysis: 'abc', reason: SKIP_REASONS.abc });
    return;
  }
  // Orders in several currencies are not ranked together: skipped with the reason and the fix.
  const refused = currencyRefusal(orders.lines, options.currency, 'abc');
  if (refused !== null) {
    out.skipped.push({ analysis: 'abc', reason: refused });
    return;
  }
  const run = runAbc(
    { lines: orders.lines, customers: customers.customers },
    {
      by,
      ...(options.cutPoints === undefined ? {} : { cutPoints: options.cutPoints }),
      ...(options.currency === undefined ? {} : { currency: options.currency }),
    },
  );
  out.abc = { ...run, sheets: run.source === 'orderLines' ? orders.sheets : customers.sheets };
  out.warnings.push(...run.warnings);
}

function addRfm(context: AnalysisContext, input: SegmentInput, out: ReportAnalyses): void {
  const { orders } = input;
  if (orders.lines.length === 0) {
    out.skipped.push({ analysis: 'rfm', reason: SKIP_REASONS.rfm });
    return;
  }
  const options = context.config.segments ?? {};
  const refused = currencyRefusal(orders.lines, options.currency, 'rfm');
  if (refused !== null) {
    out.skipped.push({ analysis: 'rfm', reason: refused });
    return;
  }
  const result = runRfm(orders.lines, {
    asOf: datedAsOf(context),
    ...(options.rfmMode === undefined ? {} : { mode: options.rfmMode }),
    ...(options.rfmThresholds === undefined ? {} : { thresholds: options.rfmThresholds }),
    ...(options.currency === undefined ? {} : { currency: options.currency }),
  });
  out.rfm = { result, sheets: orders.sheets };
  out.warnings.push(...result.warnings);
}

function addPortfolio(input: SegmentInput, out: ReportAnalyses): void {
  const { customers } = input;
  const usable = customers.customers.some(
    (c) => c.potential !== undefined && c.share !== undefined,
  );
  if (!usable) {
    out.skipped.push({ analysis: 'portfolio', reason: SKIP_REASONS.portfolio });
    return;
  }
  const result = runPortfolio(customers.customers);
  out.portfolio = { result, sheets: customers.sheets };
  out.warnings.push(...result.warnings);
}

function addAging(
  context: AnalysisContext,
  loaded: LoadReceivablesResult | undefined,
  out: ReportAnalyses,
): void {
  if (loaded === undefined || loaded.invoiceSheets.length === 0) {
    out.skipped.push({ analysis: 'aging', reason: SKIP_REASONS.aging });
    return;
  }
  const config = context.config.aging ?? {};
  const options: AgeReceivablesOptions = { asOf: datedAsOf(context), invoiceLines: 'none' };
  if (config.by !== undefined) options.by = config.by;
  if (config.buckets !== undefined) options.buckets = config.buckets;
  if (config.provisionRates !== undefined) options.provisionRates = config.provisionRates;
  if (config.netMargin !== undefined) options.netMargin = config.netMargin;
  if (config.currency !== undefined) options.currency = config.currency;
  if (config.dsoDays !== undefined) options.dsoDays = config.dsoDays;
  const run = runAging(context.file, loaded, options);
  out.aging = { ...run, sheets: [...loaded.invoiceSheets, ...loaded.paymentSheets] };
  out.warnings.push(...run.report.warnings);
}

function datedAsOf(context: AnalysisContext): EpochDay {
  if (context.asOf === null) throw new PipecastError('invalid-option', NO_AS_OF);
  return context.asOf;
}

/**
 * Analyses that share inputs (ABC and RFM read the same order lines) raise the same warning
 * twice: keep the first. A warning without a file gets the workbook's name so the report can say
 * where it came from.
 */
function placedAndUnique(warnings: readonly DataWarning[], file: string): DataWarning[] {
  const seen = new Set<string>();
  const out: DataWarning[] = [];
  for (const w of warnings) {
    const placed = w.file === undefined ? { ...w, file } : w;
    const key = JSON.stringify([
      placed.code,
      placed.message,
      placed.file,
      placed.sheet,
      placed.row,
      placed.column,
    ]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(placed);
  }
  return out;
}
