/**
 * pipecast's core: funnel forecasts, customer segmentation and receivables aging over sheets as
 * Excel's `Range.values` gives them. Pure TypeScript: no file system, no clock, no console; runs
 * in Node, a browser or a Web Worker. This file is the public API; everything else is internal
 * (file readers have their own entry, `core/readers/index.ts`).
 */

// Whole workbooks: classify the sheets and run every analysis the data allows.
export { analyzeWorkbook, DEFAULT_WORKBOOK_FILE } from './workbook/analyze-workbook.js';
export { dataAsOf } from './workbook/data-as-of.js';
export { workbookAsOf } from './workbook/workbook-as-of.js';
export type { DataAsOf, DataAsOfInput } from './workbook/data-as-of.js';
export type { AnalyzeWorkbookOptions, AnalyzeWorkbookResult } from './workbook/analyze-workbook.js';
export { REPORT_ANALYSES, SKIP_REASONS } from './workbook/run-report-analyses.js';
export type {
  ForecastJoins,
  ReportAnalyses,
  ReportAnalysisName,
} from './workbook/run-report-analyses.js';
export type { DealTableJoin } from './workbook/join-deal-tables.js';
export { planSheets, type PlanSheetsResult, type SheetPlanEntry } from './workbook/plan-sheets.js';
export type { SheetValues } from './workbook/sheet-grid.js';
export type { WorkbookInput } from './workbook/to-sheet-grids.js';
export { parseReportConfig, ReportConfigError } from './workbook/report-config.js';
export type {
  ReportConfig,
  ReportRfmThresholds,
  ReportSheetKind,
} from './workbook/report-config.js';

// One analysis at a time, from sheets or records.
export { forecast } from './workbook/forecast.js';
export type {
  ForecastOptions,
  ForecastRecords,
  ForecastRun,
  ForecastSource,
} from './workbook/forecast.js';
export type { RunForecastResult } from './workbook/run-forecast.js';
export type { ForecastMonthRange } from './funnel/month-ranges.js';
export { stageNameIn } from './funnel/stage-name-in.js';
export { segment, SEGMENT_METHODS } from './workbook/segment.js';
export { segmentSourceText } from './workbook/segment-source-text.js';
export type { OrderHistoryNote } from './workbook/segment-orders.js';
export type {
  SegmentMethod,
  SegmentOptions,
  SegmentPeriod,
  SegmentRecords,
  SegmentResult,
} from './workbook/segment.js';
export type { RunAbcOptions, RunAbcResult } from './workbook/run-segments.js';
export { ageReceivables } from './workbook/age-receivables.js';
export type {
  AgeReceivablesOptions,
  AgingRun,
  ReceivableRecords,
} from './workbook/age-receivables.js';
export type { AgingReport } from './workbook/run-aging.js';
export type { AgingSheetReport } from './workbook/load-receivables.js';

// Per-row results as arquero tables, and breakdowns by any column of the source sheet.
export { FORECAST_DEAL_COLUMNS, forecastDealsTable } from './tables/forecast-deals-table.js';
export { forecastBreakdown } from './tables/forecast-breakdown.js';
export type { ForecastBreakdown } from './tables/forecast-breakdown.js';
export { forecastColumnReadAs } from './tables/forecast-column-read-as.js';
export { breakdownKey } from './tables/breakdown-rows.js';
export type { BreakdownRow } from './tables/breakdown-rows.js';
export type { ForecastPerDeal } from './funnel/forecast-funnel.js';
export { AGING_INVOICE_COLUMNS, agingInvoicesTable } from './tables/aging-invoices-table.js';
export { agingBreakdown, agingBreakdowns } from './tables/aging-breakdown.js';
export {
  customerColumnsDisagreeing,
  segmentCustomersTable,
  withCustomerColumns,
} from './tables/segment-customers-table.js';
export { addSegmentSources, CustomerColumnTally } from './tables/customer-columns.js';
export type { CustomerColumnRecord, CustomerColumns } from './tables/customer-columns.js';
export { segmentBreakdown } from './tables/segment-breakdown.js';
export { segmentBreakdownNotes } from './tables/segment-breakdown-notes.js';
export { notShownYet, onePerColumn } from './tables/one-per-column.js';
export type { SegmentBreakdown, SegmentBreakdownRow } from './tables/segment-breakdown.js';
export type { AgingBreakdown, AgingBreakdownRow } from './tables/aging-breakdown.js';

// Results and method options of the analyses.
export type { ForecastFunnelResult, ForecastStageRow } from './funnel/forecast-funnel.js';
export type { ForecastCategory } from './funnel/stage-templates.js';
export { parseStageTemplate } from './funnel/parse-stage-template.js';
export { LOST_STAGE_NAMES, STAGE_TEMPLATES, WON_STAGE_NAMES } from './funnel/stage-templates.js';
/** Close-month label of open deals without a close date, e.g. in forecast byMonth rows. */
export { NO_DATE_LABEL } from './funnel/weighted-pipeline.js';
/** Days without activity after which a forecast's hygiene lists an open deal. */
export { DEFAULT_NO_ACTIVITY_DAYS } from './funnel/hygiene.js';
export type { StageDefinition, StageTemplate, StageTemplateKey } from './funnel/stage-templates.js';
export type { AbcClass, AbcResult, AbcRow } from './segments/abc.js';
export type { RfmResult, RfmThresholds, RfmCustomer } from './segments/rfm.js';
export { PORTFOLIO_ZONES } from './segments/portfolio.js';
export { segmentClassName, type ClassifyingMethod } from './segments/segment-class-name.js';
export type { PortfolioResult, PortfolioRow, PortfolioZone } from './segments/portfolio.js';
export type {
  ScorecardCriterion,
  ScorecardResult,
  ScorecardScale,
  ScorecardTier,
} from './segments/scorecard.js';
export type { LifecycleResult } from './segments/lifecycle.js';
export type {
  AgeReceivablesResult,
  AgingCustomer,
  AgingDsoReason,
  AgingSection,
  AgingTotals,
} from './aging/age-receivables.js';
export type { AgingBasis } from './aging/aging-buckets.js';
export { agingBucketName } from './aging/aging-bucket-name.js';

// Sheets, columns and records: what a column-mapping screen needs.
export { inspectSheet } from './workbook/inspect-sheet.js';
export type {
  InspectedField,
  InspectSheetOptions,
  InspectSheetResult,
} from './workbook/inspect-sheet.js';
export { describeFields } from './columns/describe-fields.js';
export type { FieldDescription } from './columns/describe-fields.js';
export { guessRecordKind, RECORD_KINDS } from './columns/guess-record-kind.js';
export type { RecordKindCandidate } from './columns/guess-record-kind.js';
export type { ColumnMapping, ColumnMatches, SheetColumn } from './columns/match-columns.js';
export type { FieldType } from './columns/record-fields.js';
export { normalizeHeader } from './columns/normalize-header.js';
export type { MissingValues } from './columns/read-records.js';
export type {
  Customer,
  Deal,
  Invoice,
  OrderLine,
  Payment,
  RecordByKind,
  RecordKind,
  StageChange,
} from './columns/records.js';
export { cellText, isBlankCell } from './columns/cell-value.js';
export type { CellValue } from './columns/cell-value.js';
export type { DataWarning, DataWarningCode, WarningPlace } from './columns/data-warning.js';

// Dates: epoch days (whole days since 1970-01-01), ISO text and Excel serials.
export { toEpochDay } from './columns/to-epoch-day.js';
export type { DateInput } from './columns/to-epoch-day.js';
export {
  epochDayFromExcelSerial,
  epochDayFromIso,
  epochDayFromYmd,
  excelSerialFromEpochDay,
  isoFromEpochDay,
} from './columns/epoch-day.js';
export type { EpochDay } from './columns/epoch-day.js';

// Charts: Vega-Lite specs from the results (rendering is the front end's job).
export {
  agingStackedChartInput,
  topOverdueChartInput,
} from './charts/adapters/aging-chart-inputs.js';
export {
  forecastBandChartInput,
  funnelChartInput,
  stageConversionChartInput,
} from './charts/adapters/forecast-chart-inputs.js';
export {
  paretoChartInput,
  portfolioScatterChartInput,
  rfmSegmentMapChartInput,
} from './charts/adapters/segment-chart-inputs.js';
export { agingStackedChart } from './charts/aging-stacked-chart.js';
export type {
  AgingStackedChartInput,
  AgingStackedChartOptions,
} from './charts/aging-stacked-chart.js';
export { breakdownBarChart, DEFAULT_BREAKDOWN_BARS } from './charts/breakdown-bar-chart.js';
export type {
  BreakdownBarChartInput,
  BreakdownBarChartOptions,
  BreakdownBarValue,
} from './charts/breakdown-bar-chart.js';
export { forecastBandChart } from './charts/forecast-band-chart.js';
export type {
  ForecastBandChartInput,
  ForecastBandChartOptions,
} from './charts/forecast-band-chart.js';
export { funnelChart, funnelChartMeasure } from './charts/funnel-chart.js';
export type {
  FunnelChartInput,
  FunnelChartMeasure,
  FunnelChartOptions,
} from './charts/funnel-chart.js';
export { MAX_CHART_LABEL_CHARS, shortLabel, shortUniqueLabels } from './charts/chart-labels.js';
export { paretoChart } from './charts/pareto-chart.js';
export type { ParetoChartInput, ParetoChartOptions } from './charts/pareto-chart.js';
export { portfolioScatterChart } from './charts/portfolio-scatter-chart.js';
export type {
  PortfolioScatterChartInput,
  PortfolioScatterChartOptions,
} from './charts/portfolio-scatter-chart.js';
export { rfmSegmentMapChart } from './charts/rfm-segment-map-chart.js';
export type {
  RfmSegmentMapChartInput,
  RfmSegmentMapChartOptions,
} from './charts/rfm-segment-map-chart.js';
export { stageConversionChart } from './charts/stage-conversion-chart.js';
export type {
  StageConversionChartInput,
  StageConversionChartOptions,
} from './charts/stage-conversion-chart.js';
export { topOverdueChart } from './charts/top-overdue-chart.js';
export type { TopOverdueChartInput, TopOverdueChartOptions } from './charts/top-overdue-chart.js';
export type { ChartLocale } from './charts/chart-text.js';

// Errors, warnings and text
export {
  PipecastError,
  type PipecastErrorCode,
  type PipecastErrorPlace,
} from './errors/pipecast-error.js';
export {
  codedError,
  errorLine,
  detailText,
  errorText,
  lineableError,
  placeTextIn,
  type ErrorLeadCode,
  type LineableError,
} from './errors/error-line.js';
export {
  DEFAULT_LOCALE,
  LOCALES,
  TEXT_CATALOGUE,
  textFor,
  type Locale,
  type PlainSectionKey,
  type TextEntry,
  type TextKey,
  type TextParams,
  type TextPlaceholders,
  type TextSection,
  type TextSectionKey,
} from './text/catalogue.js';
export {
  actionTerm,
  coded,
  codedMessage,
  renderCoded,
  warningMessage,
  type CodedParam,
  type CodedText,
} from './text/coded-text.js';
export {
  formatCount,
  formatDecimal,
  formatMoney,
  formatMoneyCents,
  formatPercent,
  MISSING_FIGURE,
  moneyCents,
  roundMoney,
  withoutFloatNoise,
} from './text/format-number.js';
