import type { TopLevelSpec } from 'vega-lite';
import { agingStackedChart } from '../../../core/charts/aging-stacked-chart.js';
import type { AgingStackedChartInput } from '../../../core/charts/aging-stacked-chart.js';
import { breakdownBarChart } from '../../../core/charts/breakdown-bar-chart.js';
import type { BreakdownBarChartInput } from '../../../core/charts/breakdown-bar-chart.js';
import type { ChartLocale } from '../../../core/charts/chart-text.js';
import { forecastBandChart } from '../../../core/charts/forecast-band-chart.js';
import type { ForecastBandChartInput } from '../../../core/charts/forecast-band-chart.js';
import { funnelChart } from '../../../core/charts/funnel-chart.js';
import type { FunnelChartInput } from '../../../core/charts/funnel-chart.js';
import { paretoChart } from '../../../core/charts/pareto-chart.js';
import type { ParetoChartInput } from '../../../core/charts/pareto-chart.js';
import { portfolioScatterChart } from '../../../core/charts/portfolio-scatter-chart.js';
import type { PortfolioScatterChartInput } from '../../../core/charts/portfolio-scatter-chart.js';
import { rfmSegmentMapChart } from '../../../core/charts/rfm-segment-map-chart.js';
import type { RfmSegmentMapChartInput } from '../../../core/charts/rfm-segment-map-chart.js';
import { stageConversionChart } from '../../../core/charts/stage-conversion-chart.js';
import type { StageConversionChartInput } from '../../../core/charts/stage-conversion-chart.js';
import { topOverdueChart } from '../../../core/charts/top-overdue-chart.js';
import type { TopOverdueChartInput } from '../../../core/charts/top-overdue-chart.js';

/** A customer name that must show as text everywhere, never as markup. */
export const MALICIOUS_NAME = '<img src=x onerror=alert(1)>';

/** DOMAIN.md reference case: six-stage template, 18 open deals, amounts in 10k EUR. */
export const FUNNEL_INPUT: FunnelChartInput = {
  stages: [
    { stage: '兴趣(客户分析)', amount: 300, weighted: 15, count: 5 }, // 300 × 5%
    { stage: 'Brewing', amount: 240, weighted: 24, count: 4 }, // 240 × 10%
    { stage: 'Design', amount: 176, weighted: 35.2, count: 3 }, // 176 × 20%
    { stage: 'Compare', amount: 464, weighted: 139.2, count: 2 }, // 464 × 30%
    { stage: 'Commit', amount: 146, weighted: 73, count: 2 }, // 146 × 50%
    { stage: 'Use', amount: 98, weighted: 78.4, count: 2 }, // 98 × 80%
  ],
};

export const FORECAST_INPUT: ForecastBandChartInput = {
  months: [
    { month: '2024-05', weighted: 90, p10: 20, p50: 80, p90: 170 },
    { month: '2024-03', weighted: 120, p10: 40, p50: 110, p90: 210 },
    { month: '2024-04', weighted: 64.8, p10: 0, p50: 50, p90: 146 },
    { month: '2024-06', weighted: 90, p10: 15, p50: 73, p90: 160 },
  ],
};

export const CONVERSION_INPUT: StageConversionChartInput = {
  stages: [
    { stage: '兴趣', conversion: 0.8 },
    { stage: '酝酿', conversion: 0.75 },
    { stage: 'Design', conversion: 0.2, bottleneck: true },
    { stage: 'Compare', conversion: 0.5 },
    { stage: 'Commit', conversion: 0.9 },
    { stage: 'Use', conversion: null },
  ],
};

export const PARETO_INPUT: ParetoChartInput = {
  customers: [
    { customer: '华东机电', revenue: 500, abcClass: 'A' },
    { customer: 'Acme GmbH', revenue: 250, abcClass: 'A' },
    { customer: MALICIOUS_NAME, revenue: 100, abcClass: 'A' },
    { customer: 'Bolt & Nut', revenue: 80, abcClass: 'B' },
    { customer: '北方重工', revenue: 40, abcClass: 'B' },
    { customer: 'Cobalt', revenue: 20, abcClass: 'C' },
    { customer: 'Delta', revenue: 10, abcClass: 'C' },
    { customer: 'Echo', revenue: 0, abcClass: 'C' },
  ],
};

const RFM_GRID: readonly (readonly string[])[] = [
  // rows R = 5 … 1, columns FM = 1 … 5 (DOMAIN.md segment grid)
  ['New', 'Potential loyalist', 'Potential loyalist', 'Champions', 'Champions'],
  ['Promising', 'Potential loyalist', 'Potential loyalist', 'Loyal', 'Champions'],
  ['About to sleep', 'About to sleep', 'Need attention', 'Loyal', 'Loyal'],
  ['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose"],
  ['Lost', 'Lost', 'Hibernating', 'At risk', "Can't lose"],
];

export const RFM_INPUT: RfmSegmentMapChartInput = {
  cells: RFM_GRID.flatMap((row, i) =>
    row.map((segment, j) => ({ r: 5 - i, fm: j + 1, segment, count: ((i * 5 + j) * 7) % 13 })),
  ),
};

export const PORTFOLIO_INPUT: PortfolioScatterChartInput = {
  customers: [
    { customer: '华东机电', potential: 900, share: 0.15, zone: 'acquire' },
    { customer: 'Acme GmbH', potential: 800, share: 0.7, zone: 'retain' },
    { customer: MALICIOUS_NAME, potential: 450, share: 0.45, zone: 'disrupt' },
    { customer: 'Bolt & Nut', potential: 150, share: 0.8, zone: 'maintain' },
    { customer: '北方重工', potential: 120, share: 0.1, zone: 'abandon' },
    { customer: 'Cobalt', potential: 500, share: 0.35, zone: 'disrupt' },
  ],
};

const AGING_BUCKETS = ['Current', '1–30', '31–60', '61–90', '91–180', '181+'];

export const AGING_INPUT: AgingStackedChartInput = {
  buckets: AGING_BUCKETS,
  groupBy: 'customer',
  amounts: [
    { group: '华东机电', bucket: 'Current', amount: 500 },
    { group: '华东机电', bucket: '31–60', amount: 300 },
    { group: 'Acme GmbH', bucket: 'Current', amount: 200 },
    { group: 'Acme GmbH', bucket: '1–30', amount: 150 },
    { group: MALICIOUS_NAME, bucket: '61–90', amount: 260 },
    { group: 'Bolt & Nut', bucket: '91–180', amount: 90 },
    { group: '北方重工', bucket: '181+', amount: 70 },
    { group: 'Cobalt', bucket: '1–30', amount: 20 },
    { group: 'Delta', bucket: '181+', amount: 10 },
  ],
};

export const TOP_OVERDUE_INPUT: TopOverdueChartInput = {
  customers: [
    { customer: '华东机电', overdue: 300, daysLate: 40 },
    { customer: 'Acme GmbH', overdue: 150, daysLate: 12 },
    { customer: MALICIOUS_NAME, overdue: 260, daysLate: 75 },
    { customer: 'Bolt & Nut', overdue: 90, daysLate: 120 },
    { customer: '北方重工', overdue: 70, daysLate: 200 },
    { customer: 'Current Only Ltd', overdue: 0 },
  ],
};

/** A forecast by region as a report breaks it down: six values, a blank cell among them. */
export const BREAKDOWN_INPUT: BreakdownBarChartInput = {
  column: 'Region',
  measure: 'Weighted',
  values: [
    { key: '华东', amount: 173050 },
    { key: 'North', amount: 187050 },
    { key: MALICIOUS_NAME, amount: 84100 },
    { key: '(blank)', amount: 78700 },
    { key: 'South', amount: 0.35 },
    { key: 'West', amount: 120.1 },
  ],
};

/** A named chart spec, as a report would hold it. */
export interface SampleChart {
  id: string;
  spec: TopLevelSpec;
}

/** Every chart kind of one report, built from the fixtures above. */
export function sampleCharts(locale: ChartLocale): SampleChart[] {
  const unit = locale === 'zh' ? '万欧元' : '10k EUR';
  return [
    { id: 'funnel', spec: funnelChart(FUNNEL_INPUT, { locale, unit }) },
    { id: 'forecast', spec: forecastBandChart(FORECAST_INPUT, { locale, unit }) },
    { id: 'conversion', spec: stageConversionChart(CONVERSION_INPUT, { locale }) },
    { id: 'pareto', spec: paretoChart(PARETO_INPUT, { locale }) },
    { id: 'rfm', spec: rfmSegmentMapChart(RFM_INPUT, { locale }) },
    { id: 'portfolio', spec: portfolioScatterChart(PORTFOLIO_INPUT, { locale, unit }) },
    { id: 'aging', spec: agingStackedChart(AGING_INPUT, { locale, unit, topN: 4 }) },
    { id: 'top-overdue', spec: topOverdueChart(TOP_OVERDUE_INPUT, { locale, unit }) },
    { id: 'breakdown', spec: breakdownBarChart(BREAKDOWN_INPUT, { locale, unit, topN: 4 }) },
  ];
}
