import type { TopLevelSpec } from 'vega-lite';
import {
  type AgingSection,
  type PlainSectionKey,
  agingStackedChart,
  agingStackedChartInput,
  forecastBandChart,
  forecastBandChartInput,
  funnelChart,
  funnelChartInput,
  NO_DATE_LABEL,
  paretoChart,
  paretoChartInput,
  PORTFOLIO_ZONES,
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
  topOverdueChartInput,
} from '../../core/index.js';
import type { ReportLocale, ReportSummaryItem } from '../report-html/report-model.js';
import { templateLineText } from './localized-report-text.js';
import type { ReportColumn, ReportColumnFormat, ReportDataTable } from './report-table.js';
import { uniqueNamePart } from './unique-names.js';

/** A chart of a report before rendering. */
export interface ReportChartSpec {
  /** File name in charts/ without extension, e.g. `forecast-funnel`. */
  id: string;
  title: string;
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
  const { locale } = options;
  const L = (key: PlainSectionKey<'report'>) => textFor(locale, `report.${key}`);
  const col = (key: PlainSectionKey<'report'>, format: ReportColumnFormat): ReportColumn => ({
    label: L(key),
    format,
  });
  const part = (name: ReportAnalysisName, sheets: string[]): ReportPart => ({
    name,
    title: L(name),
    sheetName: SHEET_NAMES[name],
    summary: [],
    headline: {},
    tables: [],
    charts: [],
    notes: [`${L('sheetsUsed')}: ${sheets.join(', ')}`],
  });
  const parts: ReportPart[] = [];

  if (analyses.forecast) {
    const { result: r } = analyses.forecast;
    const monthRanges = r.monthRanges;
    const p = part('forecast', analyses.forecast.sheets);
    p.notes.push(`${L('template')}: ${templateLineText(r.template, r.stages.length, locale)}`);
    p.headline = {
      openDeals: r.totals.count,
      pipelineAmount: r.totals.amount,
      weightedForecast: r.totals.weighted,
      p10: r.range.p10,
      p50: r.range.p50,
      p90: r.range.p90,
      wonAmount: r.won.amount,
      template: r.template.name,
    };
    p.summary = [
      { label: L('openDeals'), value: r.totals.count },
      { label: L('pipelineAmount'), value: r.totals.amount },
      { label: L('weightedForecast'), value: r.totals.weighted },
      { label: 'P10 – P90', value: `${fmt(r.range.p10)} – ${fmt(r.range.p90)}` },
      { label: L('wonAmount'), value: r.won.amount },
    ];
    const stageName = (s: { name: string; nameZh: string }) =>
      locale === 'zh' && s.nameZh !== '' ? s.nameZh : s.name;
    p.tables.push({
      id: 'forecast-stages',
      title: L('stages'),
      columns: [
        col('stage', 'text'),
        col('rate', 'percent'),
        col('deals', 'integer'),
        col('amount', 'money'),
        col('weighted', 'money'),
        col('conversion', 'percent'),
        col('daysInStage', 'number'),
      ],
      rows: [
        ...r.stages.map((s) => [
          stageName(s),
          s.rate,
          s.count,
          s.amount,
          s.weighted,
          s.conversion,
          s.avgDaysInStage,
        ]),
        [L('total'), null, r.totals.count, r.totals.amount, r.totals.weighted, null, null],
      ],
    });
    const ranges = new Map((monthRanges ?? []).map((m) => [m.month, m.range]));
    p.tables.push({
      id: 'forecast-months',
      title: L('months'),
      columns: [
        col('month', 'text'),
        col('deals', 'integer'),
        col('amount', 'money'),
        col('weighted', 'money'),
        { label: 'P10', format: 'money' },
        { label: 'P50', format: 'money' },
        { label: 'P90', format: 'money' },
      ],
      rows: r.byMonth.map((m) => {
        const range = ranges.get(m.key);
        return [
          m.name === NO_DATE_LABEL ? L('noDate') : m.name,
          m.count,
          m.amount,
          m.weighted,
          range?.p10 ?? null,
          range?.p50 ?? null,
          range?.p90 ?? null,
        ];
      }),
    });
    p.tables.push({
      id: 'forecast-owners',
      title: L('owners'),
      columns: [
        col('owner', 'text'),
        col('deals', 'integer'),
        col('amount', 'money'),
        col('weighted', 'money'),
      ],
      rows: r.byOwner.map((g) => [g.name, g.count, g.amount, g.weighted]),
    });
    p.charts.push({
      id: 'forecast-funnel',
      title: L('chartFunnel'),
      spec: funnelChart(funnelChartInput(r, locale), { locale, title: L('chartFunnel') }),
    });
    const band = forecastBandChartInput(r, monthRanges ?? []);
    if (band.months.length > 0)
      p.charts.push({
        id: 'forecast-band',
        title: L('chartForecast'),
        spec: forecastBandChart(band, { locale, title: L('chartForecast') }),
      });
    const conversion = stageConversionChartInput(r, locale);
    if (conversion.stages.some((s) => s.conversion !== null))
      p.charts.push({
        id: 'forecast-conversion',
        title: L('chartConversion'),
        spec: stageConversionChart(conversion, { locale, title: L('chartConversion') }),
      });
    parts.push(p);
  }

  if (analyses.abc) {
    const { result: r } = analyses.abc;
    const p = part('abc', analyses.abc.sheets);
    const a = r.classes.find((c) => c.class === 'A');
    p.headline = {
      customers: r.customers.length,
      total: r.total,
      aCustomers: a?.customers ?? 0,
      aValueShare: a?.valueShare ?? null,
      source: analyses.abc.source,
    };
    p.summary = [
      { label: L('customerCount'), value: r.customers.length },
      { label: L('value'), value: r.total },
      ...r.classes.map((c) => ({
        label: `${c.class}: ${L('customerCount')} / ${L('valueShare')}`,
        value: `${c.customers} / ${pct(c.valueShare)}`,
      })),
    ];
    p.tables.push({
      id: 'abc-classes',
      title: L('classes'),
      columns: [
        col('class', 'text'),
        col('customerCount', 'integer'),
        col('customerShare', 'percent'),
        col('value', 'money'),
        col('valueShare', 'percent'),
      ],
      rows: [
        ...r.classes.map((c) => [c.class, c.customers, c.customerShare, c.value, c.valueShare]),
        [L('total'), r.customers.length, null, r.total, null],
      ],
    });
    p.tables.push({
      id: 'abc-customers',
      title: L('customers'),
      columns: [
        col('rank', 'integer'),
        col('customer', 'text'),
        col('value', 'money'),
        col('share', 'percent'),
        col('cumulativeShare', 'percent'),
        col('class', 'text'),
      ],
      rows: r.customers.map((c) => [c.rank, c.id, c.value, c.share, c.cumulativeShare, c.class]),
    });
    const pareto = paretoChartInput(r);
    if (pareto.customers.length > 0)
      p.charts.push({
        id: 'abc-pareto',
        title: L('chartPareto'),
        spec: paretoChart(pareto, {
          locale,
          title: L('chartPareto'),
          aCut: r.cutPoints[0],
          bCut: r.cutPoints[1],
        }),
      });
    parts.push(p);
  }

  if (analyses.rfm) {
    const { result: r } = analyses.rfm;
    const p = part('rfm', analyses.rfm.sheets);
    p.notes.push(`${L('asOf')} ${r.asOf} (${r.mode})`);
    const top = [...r.segments].sort((x, y) => y.customers - x.customers)[0];
    p.headline = {
      customers: r.customers.length,
      asOf: r.asOf,
      largestSegment: top?.name ?? null,
      champions: r.segments.find((g) => g.segment === 'champions')?.customers ?? 0,
    };
    p.summary = [
      { label: L('customerCount'), value: r.customers.length },
      ...r.segments
        .filter((g) => g.customers > 0)
        .slice(0, 5)
        .map((g) => ({ label: locale === 'zh' ? g.nameZh : g.name, value: g.customers })),
    ];
    p.tables.push({
      id: 'rfm-segments',
      title: L('segments'),
      columns: [
        col('segment', 'text'),
        col('customerCount', 'integer'),
        col('customerShare', 'percent'),
        col('monetary', 'money'),
        col('monetaryShare', 'percent'),
      ],
      rows: r.segments.map((g) => [
        locale === 'zh' ? g.nameZh : g.name,
        g.customers,
        g.customerShare,
        g.monetary,
        g.monetaryShare,
      ]),
    });
    p.tables.push({
      id: 'rfm-customers',
      title: L('customers'),
      columns: [
        col('customer', 'text'),
        col('recency', 'integer'),
        col('frequency', 'integer'),
        col('monetary', 'money'),
        { label: 'R', format: 'integer' },
        { label: 'F', format: 'integer' },
        { label: 'M', format: 'integer' },
        col('segment', 'text'),
      ],
      rows: r.customers.map((c) => [
        c.id,
        c.recency,
        c.frequency,
        c.monetary,
        c.r,
        c.f,
        c.m,
        locale === 'zh' ? c.segmentNameZh : c.segmentName,
      ]),
    });
    if (r.grid.length > 0)
      p.charts.push({
        id: 'rfm-map',
        title: L('chartRfm'),
        spec: rfmSegmentMapChart(rfmSegmentMapChartInput(r), { locale, title: L('chartRfm') }),
      });
    parts.push(p);
  }

  if (analyses.portfolio) {
    const { result: r } = analyses.portfolio;
    const p = part('portfolio', analyses.portfolio.sheets);
    const zoneName = (zone: string) => {
      const z = PORTFOLIO_ZONES.find((x) => x.zone === zone);
      return locale === 'zh' && z ? z.nameZh : zone;
    };
    p.headline = {
      customers: r.customers.length,
      unclassified: r.unclassified.length,
      potential: r.zones.reduce((sum, z) => sum + z.potential, 0),
      attack: r.zones
        .filter((z) => z.strategy === 'attack')
        .reduce((sum, z) => sum + z.customers, 0),
      defend: r.zones
        .filter((z) => z.strategy === 'defend')
        .reduce((sum, z) => sum + z.customers, 0),
    };
    p.summary = r.zones.map((z) => ({ label: zoneName(z.zone), value: z.customers }));
    p.tables.push({
      id: 'portfolio-zones',
      title: L('zones'),
      columns: [
        col('zone', 'text'),
        col('strategy', 'text'),
        col('customerCount', 'integer'),
        col('potential', 'money'),
        col('ourRevenue', 'money'),
        col('headroom', 'money'),
        col('resources', 'number'),
      ],
      rows: r.zones.map((z) => [
        zoneName(z.zone),
        locale === 'zh' ? z.strategyZh : z.strategy,
        z.customers,
        z.potential,
        z.ourRevenue,
        z.headroom,
        z.resourcePercent,
      ]),
    });
    p.tables.push({
      id: 'portfolio-customers',
      title: L('customers'),
      columns: [
        col('customer', 'text'),
        col('potential', 'money'),
        col('ourShare', 'percent'),
        col('ourRevenue', 'money'),
        col('headroom', 'money'),
        col('zone', 'text'),
      ],
      rows: r.customers.map((c) => [
        c.id,
        c.potential,
        c.share,
        c.ourRevenue,
        c.headroom,
        zoneName(c.zone),
      ]),
    });
    if (r.customers.length > 0)
      p.charts.push({
        id: 'portfolio-scatter',
        title: L('chartPortfolio'),
        spec: portfolioScatterChart(portfolioScatterChartInput(r), {
          locale,
          title: L('chartPortfolio'),
        }),
      });
    parts.push(p);
  }

  if (analyses.aging) {
    const { result } = analyses.aging;
    const p = part('aging', analyses.aging.sheets);
    const sections = result.sections;
    const first: AgingSection | undefined = sections[0];
    p.headline = {
      currency: sections.map((s) => s.currency ?? '').join(', ') || null,
      open: sections.length === 1 && first ? first.totals.open : null,
      overdue: sections.length === 1 && first ? first.totals.overdue : null,
      overdueShare: sections.length === 1 && first ? first.totals.shareOverdue : null,
      dsoStandard: sections.length === 1 && first ? first.dso.standard : null,
      customers: sections.reduce((n, s) => n + s.customers.length, 0),
    };
    if (sections.length > 1) p.notes.push(analyses.aging.report.note ?? '');
    for (const s of sections) {
      const cur = s.currency ? ` ${s.currency}` : '';
      p.summary.push(
        { label: `${L('open')}${cur}`, value: s.totals.open },
        { label: `${L('overdue')}${cur}`, value: s.totals.overdue },
        { label: `${L('overdueShare')}${cur}`, value: pct(s.totals.shareOverdue) },
        {
          label: `${L('dsoStandard')}${cur}`,
          value: s.dso.standard === null ? '—' : round1(s.dso.standard),
        },
      );
    }
    const labels = first ? first.buckets.map((b) => b.label) : [];
    p.tables.push({
      id: 'aging-buckets',
      title: L('buckets'),
      columns: [
        col('currency', 'text'),
        col('bucket', 'text'),
        col('amount', 'money'),
        col('items', 'integer'),
      ],
      rows: sections.flatMap((s) => [
        ...s.buckets.map((b) => [s.currency ?? '', b.label, b.amount, b.count]),
        [s.currency ?? '', L('total'), s.totals.open, s.totals.openItems],
      ]),
    });
    p.tables.push({
      id: 'aging-customers',
      title: L('customers'),
      columns: [
        col('currency', 'text'),
        col('customer', 'text'),
        col('open', 'money'),
        col('overdue', 'money'),
        col('unapplied', 'money'),
        ...labels.map((label): ReportColumn => ({ label, format: 'money' })),
      ],
      rows: sections.flatMap((s) =>
        s.customers.map((c) => [
          s.currency ?? '',
          c.id,
          c.open,
          c.overdue,
          c.unapplied,
          ...labels.map((label) => c.buckets[label] ?? 0),
        ]),
      ),
    });
    p.tables.push({
      id: 'aging-priority',
      title: L('priority'),
      columns: [
        col('currency', 'text'),
        col('rank', 'integer'),
        col('customer', 'text'),
        col('owner', 'text'),
        col('overdue', 'money'),
        col('maxDaysPastDue', 'integer'),
        col('disputed', 'text'),
      ],
      rows: sections.flatMap((s) =>
        s.priority.map((e) => [
          s.currency ?? '',
          e.rank,
          e.customer,
          e.owner,
          e.overdue,
          e.maxDaysPastDue,
          e.disputed ? '✓' : '',
        ]),
      ),
    });
    const groupBy = options.agingGroupBy ?? 'customer';
    for (const s of sections) {
      const suffix = sections.length > 1 ? `-${safeName(s.currency ?? 'none')}` : '';
      const unit = s.currency ?? undefined;
      const stacked = agingStackedChartInput(s, groupBy);
      if (stacked.amounts.length > 0)
        p.charts.push({
          id: `aging-buckets${suffix}`,
          title: `${L('chartAging')}${unit ? ` (${unit})` : ''}`,
          spec: agingStackedChart(stacked, { locale, unit, title: L('chartAging') }),
        });
      const overdue = topOverdueChartInput(s);
      if (overdue.customers.some((c) => c.overdue > 0))
        p.charts.push({
          id: `aging-top-overdue${suffix}`,
          title: `${L('chartTopOverdue')}${unit ? ` (${unit})` : ''}`,
          spec: topOverdueChart(overdue, { locale, unit, title: L('chartTopOverdue') }),
        });
    }
    parts.push(p);
  }
  return parts;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function pct(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(1)}%`;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

function safeName(text: string): string {
  return uniqueNamePart(text);
}
