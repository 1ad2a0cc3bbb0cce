import { type PlainSectionKey, type ReportAnalysisName, textFor } from '../../core/index.js';
import type { ReportLocale } from '../report-html/report-model.js';
import type { ReportColumnFormat, ReportDataTable } from './report-table.js';

/** How one headline figure is labelled (a `report` catalogue key) and shown. */
interface KeyFigure {
  label: PlainSectionKey<'report'>;
  format: ReportColumnFormat;
}

/**
 * Every headline figure of summary.json by analysis and field: the words a reader sees for it
 * and how its number is shown. A field missing here is still shown, under the analysis's own
 * name, so a new figure is never dropped.
 */
const KEY_FIGURES: Record<ReportAnalysisName, Record<string, KeyFigure>> = {
  forecast: {
    openDeals: { label: 'openDeals', format: 'integer' },
    pipelineAmount: { label: 'pipelineAmount', format: 'money' },
    weightedForecast: { label: 'weightedForecast', format: 'money' },
    p10: { label: 'outcomeP10', format: 'money' },
    p50: { label: 'outcomeP50', format: 'money' },
    p90: { label: 'outcomeP90', format: 'money' },
    wonAmount: { label: 'wonAmount', format: 'money' },
    template: { label: 'template', format: 'text' },
    valuedAtListPrice: { label: 'dealsAtListPrice', format: 'integer' },
  },
  abc: {
    customers: { label: 'customerCount', format: 'integer' },
    total: { label: 'revenueTotal', format: 'money' },
    aCustomers: { label: 'aCustomers', format: 'integer' },
    aValueShare: { label: 'aValueShare', format: 'percent' },
    source: { label: 'revenueSource', format: 'text' },
  },
  rfm: {
    customers: { label: 'customerCount', format: 'integer' },
    asOf: { label: 'asOf', format: 'text' },
    largestSegment: { label: 'largestSegment', format: 'text' },
    champions: { label: 'champions', format: 'integer' },
  },
  portfolio: {
    customers: { label: 'customerCount', format: 'integer' },
    unclassified: { label: 'unclassified', format: 'integer' },
    potential: { label: 'potential', format: 'money' },
    attack: { label: 'attackCustomers', format: 'integer' },
    defend: { label: 'defendCustomers', format: 'integer' },
  },
  aging: {
    currency: { label: 'currency', format: 'text' },
    open: { label: 'open', format: 'money' },
    overdue: { label: 'overdue', format: 'money' },
    overdueShare: { label: 'overdueShare', format: 'percent' },
    dsoStandard: { label: 'dsoStandard', format: 'number' },
    customers: { label: 'customerCount', format: 'integer' },
  },
};

/** One labelled headline figure, its number format and value. */
export interface KeyFigureItem {
  label: string;
  format: ReportColumnFormat;
  value: number | string | null;
}

/**
 * The headline figures of one analysis with the words a reader sees for them, in the order the
 * analysis lists them: `aValueShare` becomes "A share of revenue" (percent).
 *
 * @param analysis - the analysis the figures belong to.
 * @param headline - its headline figures as in summary.json.
 * @param locale - the report language.
 * @returns one item per figure.
 */
export function keyFigureItems(
  analysis: ReportAnalysisName,
  headline: Readonly<Record<string, number | string | null>>,
  locale: ReportLocale,
): KeyFigureItem[] {
  return Object.entries(headline).map(([field, value]) => {
    const figure = KEY_FIGURES[analysis][field];
    return figure === undefined
      ? { label: field, format: typeof value === 'number' ? 'number' : 'text', value }
      : { label: textFor(locale, `report.${figure.label}`), format: figure.format, value };
  });
}

/**
 * The headline figures as a one-row table, one column per figure with its own number format, so
 * results.xlsx shows every figure of summary.json on the analysis's sheet.
 *
 * @param analysis - the analysis the figures belong to.
 * @param headline - its headline figures as in summary.json.
 * @param locale - the report language.
 * @returns a table titled "Key figures" with id `<analysis>-key-figures`.
 */
export function keyFiguresTable(
  analysis: ReportAnalysisName,
  headline: Readonly<Record<string, number | string | null>>,
  locale: ReportLocale,
): ReportDataTable {
  const items = keyFigureItems(analysis, headline, locale);
  return {
    id: `${analysis}-key-figures`,
    title: textFor(locale, 'report.keyFigures'),
    columns: items.map((item) => ({ label: item.label, format: item.format })),
    rows: [items.map((item) => item.value)],
  };
}

const FIGURE_FORMATS: Record<Exclude<ReportColumnFormat, 'text' | 'percent'>, Intl.NumberFormat> = {
  money: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  integer: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
  number: new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/**
 * A figure as a reader sees it, with the same rules as results.xlsx's number formats: money
 * "3,245,285.50", a share "80.8%", a count "40", a number "42.5"; a missing figure "–".
 *
 * @param item - a labelled figure.
 * @returns its text.
 */
export function keyFigureText(item: KeyFigureItem): string {
  const { value, format } = item;
  if (value === null) return '–';
  if (typeof value === 'string' || format === 'text') return String(value);
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
  return FIGURE_FORMATS[format].format(value);
}
