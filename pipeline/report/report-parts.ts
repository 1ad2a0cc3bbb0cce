import type { TopLevelSpec } from 'vega-lite';
import {
  type AgingDsoReason,
  type AgingSection,
  type PlainSectionKey,
  agingStackedChart,
  agingStackedChartInput,
  forecastBandChart,
  forecastBandChartInput,
  funnelChart,
  funnelChartInput,
  funnelChartMeasure,
  NO_DATE_LABEL,
  paretoChart,
  paretoChartInput,
  agingBucketName,
  segmentClassName,
  stageNameIn,
  portfolioScatterChart,
  portfolioScatterChartInput,
  type ReportAnalyses,
  type ReportAnalysisName,
  rfmSegmentMapChart,
  rfmSegmentMapChartInput,
  stageConversionChart,
  stageConversionChartInput,
  topOverdueChart,
  textFor,
  segmentSourceText,
  topOverdueChartInput,
  formatCount,
  formatDecimal,
  formatMoney,
  formatPercent,
} from '../../core/index.js';
import type { ReportLocale, ReportSummaryItem } from '../report-html/report-model.js';
import { addForecastExtras } from './forecast-extra-parts.js';
import { templateLineText } from './localized-report-text.js';
import type { ReportColumn, ReportColumnFormat, ReportDataTable } from './report-table.js';
import { uniqueNamePart } from './unique-names.js';

/** A chart of a report before rendering. */
export interface ReportChartSpec {
  /** File name in charts/ without extension, e.g. `forecast-funnel`. */
  id: string;
  /** The chart's title (inside the image too). */
  title: string;
  /** How to read the chart, and why when it shows something else than usual; never the title. */
  caption?: string;
  spec: TopLevelSpec;
}

/** Everything one analysis contributes to the report files. */
export interface ReportPart {
  name: ReportAnalysisName;
  title: string;
  /** Worksheet name in results.xlsx. */
  sheetName: string;
  summary: ReportSummaryItem[];
  /** Headline figures for summary.json and the index page. */
  headline: Record<string, number | string | null>;
  tables: ReportDataTable[];
  charts: ReportChartSpec[];
  notes: string[];
}

const SHEET_NAMES: Record<ReportAnalysisName, string> = {
  forecast: 'Forecast',
  abc: 'ABC',
  rfm: 'RFM',
  portfolio: 'Portfolio',
  aging: 'Aging',
};

/** A label of the report section of the text catalogue. */
type ReportLabelKey = PlainSectionKey<'report'>;

/** What every part builder needs: the locale and how labels and columns are made in it. */
interface PartContext {
  locale: ReportLocale;
  label: (key: ReportLabelKey) => string;
  column: (key: ReportLabelKey, format: ReportColumnFormat) => ReportColumn;
  /** An empty part of analysis `name`, noting the sheets it read. */
  part: (name: ReportAnalysisName, sheets: string[]) => ReportPart;
}

/**
 * The sections of a report from the analysis results: summary figures, tables and chart specs
 * (through the core/charts adapters), in report order, labelled in `locale`.
 *
 * @param analyses - the results of runReportAnalyses.
 * @param options - locale, aging chart grouping.
 * @returns one part per analysis that ran.
 */
export function reportParts(
  analyses: ReportAnalyses,
  options: { locale: ReportLocale; agingGroupBy?: 'customer' | 'owner' },
): ReportPart[] {
  const context = partContext(options.locale);
  const parts: ReportPart[] = [];
  if (analyses.forecast) parts.push(forecastPart(analyses.forecast, context));
  if (analyses.abc) parts.push(abcPart(analyses.abc, context));
  if (analyses.rfm) parts.push(rfmPart(analyses.rfm, context));
  const history = analyses.orderHistory;
  for (const part of parts) {
    if (history === null || (part.name !== 'abc' && part.name !== 'rfm')) continue;
    part.notes.push(segmentSourceText({ orderHistory: history }, options.locale)!);
    // The orders were taken from invoices or won deals: the headline says which, not 'orderLines'.
    if (part.name === 'abc') part.headline.source = history.source;
  }
  if (analyses.portfolio) parts.push(portfolioPart(analyses.portfolio, context));
  if (analyses.aging)
    parts.push(agingPart(analyses.aging, options.agingGroupBy ?? 'customer', context));
  return parts;
}

function partContext(locale: ReportLocale): PartContext {
  const label = (key: ReportLabelKey) => textFor(locale, `report.${key}`);
  return {
    locale,
    label,
    column: (key, format) => ({ label: label(key), format }),
    part: (name, sheets) => ({
      name,
      title: label(name),
      sheetName: SHEET_NAMES[name],
      summary: [],
      headline: {},
      tables: [],
      charts: [],
      notes: [`${label('sheetsUsed')}: ${sheetListText(sheets, locale)}`],
    }),
  };
}

type ForecastAnalysis = NonNullable<ReportAnalyses['forecast']>;

/** The forecast's owners table (result.byOwner); a breakdown by the owner column takes its place. */
export const FORECAST_OWNERS_TABLE_ID = 'forecast-owners';

function forecastPart(analysis: ForecastAnalysis, context: PartContext): ReportPart {
  const { label } = context;
  const { result: forecast } = analysis;
  const part = context.part('forecast', analysis.sheets);
  part.notes.push(
    `${label('template')}: ${templateLineText(forecast.template, forecast.stages.length, context.locale)}`,
  );
  part.headline = {
    openDeals: forecast.totals.count,
    pipelineAmount: forecast.totals.amount,
    weightedForecast: forecast.totals.weighted,
    p10: forecast.range.p10,
    p50: forecast.range.p50,
    p90: forecast.range.p90,
    wonAmount: forecast.won.amount,
    template: forecast.template.name,
  };
  part.summary = [
    { label: label('openDeals'), value: forecast.totals.count },
    { label: label('pipelineAmount'), value: formatMoney(forecast.totals.amount) },
    { label: label('weightedForecast'), value: formatMoney(forecast.totals.weighted) },
    {
      label: label('outcomeRange'),
      value: `${formatMoney(forecast.range.p10)} – ${formatMoney(forecast.range.p90)}`,
    },
    { label: label('wonAmount'), value: formatMoney(forecast.won.amount) },
  ];
  part.tables.push(forecastStageTable(forecast, context), forecastMonthTable(analysis, context), {
    id: FORECAST_OWNERS_TABLE_ID,
    title: label('owners'),
    columns: [
      context.column('owner', 'text'),
      context.column('deals', 'integer'),
      context.column('amount', 'money'),
      context.column('weighted', 'money'),
    ],
    rows: [
      ...forecast.byOwner.map((group) => [group.name, group.count, group.amount, group.weighted]),
      // Every open deal has one owner row (a blank owner its own), so these are the rows' sums.
      [label('total'), forecast.totals.count, forecast.totals.amount, forecast.totals.weighted],
    ],
    lastRowIsTotal: true,
  });
  addForecastExtras(part, forecast, context.locale);
  if (analysis.joined) addJoinedForecast(part, analysis.joined, context);
  part.charts.push(...forecastCharts(analysis, context));
  return part;
}

/**
 * What the joined lookup tables added: a note per join and the list-priced deals. The forecast
 * by their roll-up columns is shown with the config's breakdowns, as one list (addBreakdownParts).
 */
function addJoinedForecast(
  part: ReportPart,
  joined: NonNullable<ForecastAnalysis['joined']>,
  context: PartContext,
): void {
  const { locale } = context;
  for (const join of joined.joins)
    part.notes.push(
      textFor(locale, 'report.joinedTable', { ...join, columns: join.columns.join(', ') }),
    );
  if (joined.valuedAtListPrice > 0) {
    part.notes.push(
      textFor(locale, 'report.valuedAtListPrice', { count: joined.valuedAtListPrice }),
    );
    part.headline.valuedAtListPrice = joined.valuedAtListPrice;
  }
}

/** A list of sheets, or for many (a folder of daily files) the first, the last and the count. */
function sheetListText(sheets: readonly string[], locale: ReportLocale): string {
  if (sheets.length <= 5) return sheets.join(', ');
  return textFor(locale, 'report.sheetRange', {
    first: sheets[0]!,
    last: sheets[sheets.length - 1]!,
    count: sheets.length,
  });
}

/**
 * The stage table: template stages, then the "Unknown stage" row when open deals name a stage the
 * model lacks (they are in the total), then the total. When the file's probability column weighed
 * some deals, its per-stage value comes first as "Probability (from file)" and the template's
 * rate is labelled "Stage rate".
 */
function forecastStageTable(
  forecast: ForecastAnalysis['result'],
  context: PartContext,
): ReportDataTable {
  const { label, column, locale } = context;
  const stageName = (stage: { name: string; nameZh: string }) => stageNameIn(stage, locale);
  const { totals, unknownStage } = forecast;
  const stages = unknownStage
    ? [...forecast.stages, { ...unknownStage, conversion: null, avgDaysInStage: null }]
    : forecast.stages;
  const fromFile = stages.some((stage) => stage.probabilityFromFile !== null);
  return {
    id: 'forecast-stages',
    title: label('stages'),
    columns: [
      column('stage', 'text'),
      ...(fromFile ? [column('probabilityFromFile', 'percent')] : []),
      column(fromFile ? 'stageRate' : 'rate', 'percent'),
      column('deals', 'integer'),
      column('amount', 'money'),
      column('weighted', 'money'),
      column('conversion', 'percent'),
      column('daysInStage', 'number'),
    ],
    rows: [
      ...stages.map((stage) => [
        stageName(stage),
        ...(fromFile ? [stage.probabilityFromFile] : []),
        stage.rate,
        stage.count,
        stage.amount,
        stage.weighted,
        stage.conversion,
        stage.avgDaysInStage,
      ]),
      [
        label('total'),
        ...(fromFile ? [null] : []),
        null,
        totals.count,
        totals.amount,
        totals.weighted,
        null,
        null,
      ],
    ],
  };
}

function forecastMonthTable(analysis: ForecastAnalysis, context: PartContext): ReportDataTable {
  const { column } = context;
  const { totals, range } = analysis.result;
  const ranges = new Map(
    (analysis.result.monthRanges ?? []).map((month) => [month.month, month.range]),
  );
  return {
    id: 'forecast-months',
    title: context.label('months'),
    columns: [
      column('month', 'text'),
      column('deals', 'integer'),
      column('amount', 'money'),
      column('weighted', 'money'),
      { label: 'P10', format: 'money' },
      { label: 'P50', format: 'money' },
      { label: 'P90', format: 'money' },
    ],
    rows: [
      ...analysis.result.byMonth.map((month) => {
        const range = ranges.get(month.key);
        return [
          month.name === NO_DATE_LABEL ? context.label('noDate') : month.name,
          month.count,
          month.amount,
          month.weighted,
          range?.p10 ?? null,
          range?.p50 ?? null,
          range?.p90 ?? null,
        ];
      }),
      // Every open deal has one month row (no close date its own); the total's range is the
      // range of the whole open pipeline's outcome, not a sum of the months' ranges.
      [
        context.label('total'),
        totals.count,
        totals.amount,
        totals.weighted,
        range.p10,
        range.p50,
        range.p90,
      ],
    ],
    lastRowIsTotal: true,
  };
}

/** The funnel always; the band when some month has a range; conversion when a stage has one. */
function forecastCharts(analysis: ForecastAnalysis, context: PartContext): ReportChartSpec[] {
  const { label, locale } = context;
  const forecast = analysis.result;
  const funnel = funnelChartInput(forecast, locale);
  const charts: ReportChartSpec[] = [
    {
      id: 'forecast-funnel',
      title: label('chartFunnel'),
      caption: label(
        funnelChartMeasure(funnel.stages) === 'amount' ? 'captionFunnel' : 'captionFunnelCount',
      ),
      spec: funnelChart(funnel, { locale, title: label('chartFunnel') }),
    },
  ];
  const band = forecastBandChartInput(forecast, forecast.monthRanges ?? []);
  if (band.months.length > 0)
    charts.push({
      id: 'forecast-band',
      title: label('chartForecast'),
      caption: label('captionForecast'),
      spec: forecastBandChart(band, { locale, title: label('chartForecast') }),
    });
  const conversion = stageConversionChartInput(forecast, locale);
  if (conversion.stages.some((stage) => stage.conversion !== null))
    charts.push({
      id: 'forecast-conversion',
      title: label('chartConversion'),
      caption: label('captionConversion'),
      spec: stageConversionChart(conversion, { locale, title: label('chartConversion') }),
    });
  return charts;
}

function abcPart(analysis: NonNullable<ReportAnalyses['abc']>, context: PartContext): ReportPart {
  const { label, column, locale } = context;
  const { result: abc } = analysis;
  const part = context.part('abc', analysis.sheets);
  const classA = abc.classes.find((summary) => summary.class === 'A');
  part.headline = {
    customers: abc.customers.length,
    total: abc.total,
    aCustomers: classA?.customers ?? 0,
    aValueShare: classA?.valueShare ?? null,
    source: analysis.source,
  };
  part.summary = [
    { label: label('customerCount'), value: abc.customers.length },
    { label: label('value'), value: formatMoney(abc.total) },
    ...abc.classes.map((summary) => ({
      label: `${summary.class}: ${label('customerCount')} / ${label('valueShare')}`,
      value: `${formatCount(summary.customers)} / ${pct(summary.valueShare)}`,
    })),
  ];
  part.tables.push(
    {
      id: 'abc-classes',
      title: label('classes'),
      columns: [
        column('class', 'text'),
        column('customerCount', 'integer'),
        column('customerShare', 'percent'),
        column('value', 'money'),
        column('valueShare', 'percent'),
      ],
      rows: [
        ...abc.classes.map((summary) => [
          summary.class,
          summary.customers,
          summary.customerShare,
          summary.value,
          summary.valueShare,
        ]),
        [label('total'), abc.customers.length, null, abc.total, null],
      ],
    },
    {
      id: 'abc-customers',
      title: label('customers'),
      columns: [
        column('rank', 'integer'),
        column('customer', 'text'),
        column('value', 'money'),
        column('share', 'percent'),
        column('cumulativeShare', 'percent'),
        column('class', 'text'),
      ],
      rows: abc.customers.map((row) => [
        row.rank,
        row.id,
        row.value,
        row.share,
        row.cumulativeShare,
        row.class,
      ]),
    },
  );
  const pareto = paretoChartInput(abc);
  if (pareto.customers.length > 0)
    part.charts.push({
      id: 'abc-pareto',
      title: label('chartPareto'),
      caption: label('captionPareto'),
      spec: paretoChart(pareto, {
        locale,
        title: label('chartPareto'),
        aCut: abc.cutPoints[0],
        bCut: abc.cutPoints[1],
      }),
    });
  return part;
}

function rfmPart(analysis: NonNullable<ReportAnalyses['rfm']>, context: PartContext): ReportPart {
  const { label, locale } = context;
  const { result: rfm } = analysis;
  const part = context.part('rfm', analysis.sheets);
  part.notes.push(
    textFor(locale, 'report.rfmAsOf', {
      day: rfm.asOf,
      mode: textFor(locale, `cli.rfmMode_${rfm.mode}`),
    }),
  );
  const largest = [...rfm.segments].sort((a, b) => b.customers - a.customers)[0];
  part.headline = {
    customers: rfm.customers.length,
    asOf: rfm.asOf,
    largestSegment: largest === undefined ? null : locale === 'zh' ? largest.nameZh : largest.name,
    champions: rfm.segments.find((segment) => segment.segment === 'champions')?.customers ?? 0,
  };
  part.summary = [
    { label: label('customerCount'), value: rfm.customers.length },
    ...rfm.segments
      .filter((segment) => segment.customers > 0)
      .slice(0, 5)
      .map((segment) => ({
        label: locale === 'zh' ? segment.nameZh : segment.name,
        value: segment.customers,
      })),
  ];
  part.tables.push(...rfmTables(rfm, context));
  if (rfm.grid.length > 0)
    part.charts.push({
      id: 'rfm-map',
      title: label('chartRfm'),
      caption: label('captionRfm'),
      spec: rfmSegmentMapChart(rfmSegmentMapChartInput(rfm), { locale, title: label('chartRfm') }),
    });
  return part;
}

function rfmTables(
  rfm: NonNullable<ReportAnalyses['rfm']>['result'],
  context: PartContext,
): ReportDataTable[] {
  const { label, column, locale } = context;
  return [
    {
      id: 'rfm-segments',
      title: label('segments'),
      columns: [
        column('segment', 'text'),
        column('customerCount', 'integer'),
        column('customerShare', 'percent'),
        column('monetary', 'money'),
        column('monetaryShare', 'percent'),
      ],
      rows: rfm.segments.map((segment) => [
        locale === 'zh' ? segment.nameZh : segment.name,
        segment.customers,
        segment.customerShare,
        segment.monetary,
        segment.monetaryShare,
      ]),
    },
    {
      id: 'rfm-customers',
      title: label('customers'),
      columns: [
        column('customer', 'text'),
        column('recency', 'integer'),
        column('frequency', 'integer'),
        column('monetary', 'money'),
        { label: 'R', format: 'integer' },
        { label: 'F', format: 'integer' },
        { label: 'M', format: 'integer' },
        column('segment', 'text'),
      ],
      rows: rfm.customers.map((customer) => [
        customer.id,
        customer.recency,
        customer.frequency,
        customer.monetary,
        customer.r,
        customer.f,
        customer.m,
        locale === 'zh' ? customer.segmentNameZh : customer.segmentName,
      ]),
    },
  ];
}

type PortfolioAnalysis = NonNullable<ReportAnalyses['portfolio']>;

function portfolioPart(analysis: PortfolioAnalysis, context: PartContext): ReportPart {
  const { label, locale } = context;
  const { result: portfolio } = analysis;
  const part = context.part('portfolio', analysis.sheets);
  const customersOf = (strategy: string) =>
    portfolio.zones
      .filter((zone) => zone.strategy === strategy)
      .reduce((sum, zone) => sum + zone.customers, 0);
  part.headline = {
    customers: portfolio.customers.length,
    unclassified: portfolio.unclassified.length,
    potential: portfolio.zones.reduce((sum, zone) => sum + zone.potential, 0),
    attack: customersOf('attack'),
    defend: customersOf('defend'),
  };
  part.summary = portfolio.zones.map((zone) => ({
    label: zoneName(zone.zone, locale),
    value: zone.customers,
  }));
  part.tables.push(...portfolioTables(portfolio, context));
  if (portfolio.customers.length > 0)
    part.charts.push({
      id: 'portfolio-scatter',
      title: label('chartPortfolio'),
      caption: label('captionPortfolio'),
      spec: portfolioScatterChart(portfolioScatterChartInput(portfolio), {
        locale,
        title: label('chartPortfolio'),
      }),
    });
  return part;
}

/** A zone's name in the locale. */
function zoneName(zone: string, locale: ReportLocale): string {
  return segmentClassName('portfolio', zone, locale);
}

function portfolioTables(
  portfolio: PortfolioAnalysis['result'],
  context: PartContext,
): ReportDataTable[] {
  const { label, column, locale } = context;
  return [
    {
      id: 'portfolio-zones',
      title: label('zones'),
      columns: [
        column('zone', 'text'),
        column('strategy', 'text'),
        column('customerCount', 'integer'),
        column('potential', 'money'),
        column('ourRevenue', 'money'),
        column('headroom', 'money'),
        column('resources', 'number'),
      ],
      rows: portfolio.zones.map((zone) => [
        zoneName(zone.zone, locale),
        locale === 'zh' ? zone.strategyZh : zone.strategy,
        zone.customers,
        zone.potential,
        zone.ourRevenue,
        zone.headroom,
        zone.resourcePercent,
      ]),
    },
    {
      id: 'portfolio-customers',
      title: label('customers'),
      columns: [
        column('customer', 'text'),
        column('potential', 'money'),
        column('ourShare', 'percent'),
        column('ourRevenue', 'money'),
        column('headroom', 'money'),
        column('zone', 'text'),
      ],
      rows: portfolio.customers.map((customer) => [
        customer.id,
        customer.potential,
        customer.share,
        customer.ourRevenue,
        customer.headroom,
        zoneName(customer.zone, locale),
      ]),
    },
  ];
}

type AgingAnalysis = NonNullable<ReportAnalyses['aging']>;

function agingPart(
  analysis: AgingAnalysis,
  groupBy: 'customer' | 'owner',
  context: PartContext,
): ReportPart {
  const { label } = context;
  const part = context.part('aging', analysis.sheets);
  const sections = analysis.result.sections;
  // Single-currency figures only: amounts in different currencies are never added up.
  const single: AgingSection | undefined = sections.length === 1 ? sections[0] : undefined;
  part.headline = {
    currency: sections.map((section) => section.currency ?? '').join(', ') || null,
    currencies: sections.length,
    open: single ? single.totals.open : null,
    overdue: single ? single.totals.overdue : null,
    overdueShare: single ? single.totals.shareOverdue : null,
    dsoStandard: single ? single.dso.standard : null,
    customers: sections.reduce((count, section) => count + section.customers.length, 0),
  };
  if (sections.length > 1)
    part.notes.push(
      textFor(context.locale, 'report.currenciesApart', {
        count: sections.length,
        currencies: sections
          .map((section) => section.currency ?? textFor(context.locale, 'cli.blankCurrency'))
          .join(', '),
      }),
    );
  for (const section of sections) {
    const currency = section.currency ? ` ${section.currency}` : '';
    part.summary.push(
      { label: `${label('open')}${currency}`, value: formatMoney(section.totals.open) },
      { label: `${label('overdue')}${currency}`, value: formatMoney(section.totals.overdue) },
      overdueShareItem(section, currency, context),
      ...(section.totals.credit < 0
        ? [{ label: `${label('credits')}${currency}`, value: formatMoney(section.totals.credit) }]
        : []),
      dsoSummaryItem(section, currency, context),
    );
  }
  part.tables.push(...agingTables(sections, context));
  for (const section of sections)
    part.charts.push(...agingCharts(section, sections.length > 1, groupBy, context));
  return part;
}

function agingTables(sections: readonly AgingSection[], context: PartContext): ReportDataTable[] {
  const { label, column, locale } = context;
  // Bucket columns follow the first section's buckets (every section has the same ones).
  const bucketLabels = sections[0] ? sections[0].buckets.map((bucket) => bucket.label) : [];
  return [
    {
      id: 'aging-buckets',
      title: label('buckets'),
      columns: [
        column('currency', 'text'),
        column('bucket', 'text'),
        column('amount', 'money'),
        column('items', 'integer'),
      ],
      // What is owed per bucket (the aging chart's stacks), the credits on their own row (its
      // Credits bar), and the open balance they add up to.
      rows: sections.flatMap((section) => [
        ...section.buckets.map((bucket) => [
          section.currency ?? '',
          agingBucketName(bucket.label, locale),
          bucket.owed,
          bucket.count - bucket.creditCount,
        ]),
        ...(section.totals.credit < 0
          ? [
              [
                section.currency ?? '',
                label('credits'),
                section.totals.credit,
                section.buckets.reduce((items, bucket) => items + bucket.creditCount, 0),
              ],
            ]
          : []),
        [section.currency ?? '', label('total'), section.totals.open, section.totals.openItems],
      ]),
    },
    {
      id: 'aging-customers',
      title: label('customers'),
      columns: [
        column('currency', 'text'),
        column('customer', 'text'),
        column('open', 'money'),
        column('overdue', 'money'),
        column('credits', 'money'),
        column('unapplied', 'money'),
        ...bucketLabels.map((bucket): ReportColumn => ({
          label: agingBucketName(bucket, locale),
          format: 'money',
        })),
      ],
      // Open = Σ buckets + credits: the buckets hold what is owed (the aging chart's stacks; the
      // Current bucket is what is not yet due, so no column repeats it), the credits one column
      // apart (its Credits bar).
      rows: sections.flatMap((section) =>
        section.customers.map((customer) => [
          section.currency ?? '',
          customer.id,
          customer.open,
          customer.overdue,
          customer.credit,
          customer.unapplied,
          ...bucketLabels.map((bucket) => customer.buckets[bucket] ?? 0),
        ]),
      ),
    },
    agingPriorityTable(sections, context),
  ];
}

function agingPriorityTable(
  sections: readonly AgingSection[],
  context: PartContext,
): ReportDataTable {
  const { column } = context;
  return {
    id: 'aging-priority',
    title: context.label('priority'),
    columns: [
      column('currency', 'text'),
      column('rank', 'integer'),
      column('customer', 'text'),
      column('owner', 'text'),
      column('overdue', 'money'),
      column('maxDaysPastDue', 'integer'),
      column('disputed', 'text'),
    ],
    rows: sections.flatMap((section) =>
      section.priority.map((entry) => [
        section.currency ?? '',
        entry.rank,
        entry.customer,
        entry.owner,
        entry.overdue,
        entry.maxDaysPastDue,
        entry.disputed ? '✓' : '',
      ]),
    ),
  };
}

/** One section's charts: buckets when it has amounts, top overdue when someone is overdue. */
function agingCharts(
  section: AgingSection,
  severalCurrencies: boolean,
  groupBy: 'customer' | 'owner',
  context: PartContext,
): ReportChartSpec[] {
  const { label, locale } = context;
  const suffix = severalCurrencies ? `-${safeName(section.currency ?? 'none')}` : '';
  const unit = section.currency ?? undefined;
  const charts: ReportChartSpec[] = [];
  // With several currencies the title names its currency, so each image says which it shows.
  const titled = (key: ReportLabelKey) =>
    `${label(key)}${severalCurrencies && unit ? ` (${unit})` : ''}`;
  const stacked = agingStackedChartInput(section, groupBy);
  if (stacked.amounts.length > 0 || (stacked.credits?.length ?? 0) > 0)
    charts.push({
      id: `aging-buckets${suffix}`,
      title: titled('chartAging'),
      caption: label('captionAging'),
      spec: agingStackedChart(stacked, { locale, unit, title: titled('chartAging') }),
    });
  const overdue = topOverdueChartInput(section);
  if (overdue.customers.some((customer) => customer.overdue > 0))
    charts.push({
      id: `aging-top-overdue${suffix}`,
      title: titled('chartTopOverdue'),
      caption: label('captionTopOverdue'),
      spec: topOverdueChart(overdue, { locale, unit, title: titled('chartTopOverdue') }),
    });
  return charts;
}

/** The overdue share, or a dash saying why when nothing (or less than nothing) is open. */
function overdueShareItem(
  section: AgingSection,
  currency: string,
  context: PartContext,
): ReportSummaryItem {
  const itemLabel = `${context.label('overdueShare')}${currency}`;
  const share = section.totals.shareOverdue;
  if (share !== null) return { label: itemLabel, value: pct(share) };
  const why = section.totals.open < 0 ? 'shareCreditBalance' : 'shareNothingOpen';
  return { label: itemLabel, value: '—', note: context.label(why) };
}

/**
 * The DSO tile: standard DSO, or a dash with the reason when it is missing or meaningless (a
 * credit balance, nothing open and nothing sold, no sales in the window).
 */
function dsoSummaryItem(
  section: AgingSection,
  currency: string,
  context: PartContext,
): ReportSummaryItem {
  const itemLabel = `${context.label('dsoStandard')}${currency}`;
  const reason = section.dso.reason;
  if (section.dso.standard !== null && (reason === null || reason === 'sales-do-not-cover'))
    return { label: itemLabel, value: formatDecimal(section.dso.standard, 1) };
  return { label: itemLabel, value: '—', note: dsoReasonText(reason, section.dso.days, context) };
}

/** The reason of a missing DSO in the report's language. */
export function dsoReasonText(
  reason: AgingDsoReason | null,
  days: number,
  context: Pick<PartContext, 'locale'>,
): string {
  switch (reason) {
    case 'credit-balance':
      return textFor(context.locale, 'report.dsoCreditBalance');
    case 'nothing-open-no-sales':
      return textFor(context.locale, 'report.dsoNothingOpenNoSales', { days });
    case 'sales-do-not-cover':
      return textFor(context.locale, 'report.dsoSalesDoNotCover');
    default:
      return textFor(context.locale, 'report.dsoNoSalesInWindow', { days });
  }
}

function pct(share: number | null): string {
  return formatPercent(share);
}

function safeName(text: string): string {
  return uniqueNamePart(text);
}
