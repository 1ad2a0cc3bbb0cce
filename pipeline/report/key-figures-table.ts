import {
  MISSING_FIGURE,
  type PlainSectionKey,
  type ReportAnalysisName,
  roundMoney,
  textFor,
} from '../../core/index.js';
import type { ReportLocale } from '../report-html/report-model.js';
import { formattedNumber, type ReportColumnFormat, type ReportDataTable } from './report-table.js';

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
    commitForecast: { label: 'commitForecast', format: 'money' },
    bestCaseForecast: { label: 'bestCaseForecast', format: 'money' },
    p10: { label: 'outcomeP10', format: 'money' },
    p50: { label: 'outcomeP50', format: 'money' },
    p90: { label: 'outcomeP90', format: 'money' },
    wonAmount: { label: 'wonAmount', format: 'money' },
    template: { label: 'template', format: 'text' },
    valuedAtListPrice: { label: 'dealsAtListPrice', format: 'integer' },
    quota: { label: 'quota', format: 'money' },
    quotaCoverage: { label: 'quotaCoverage', format: 'number' },
    quotaGap: { label: 'quotaGap', format: 'money' },
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
    currencies: { label: 'currencyCount', format: 'integer' },
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
  /** What a missing value reads as, when there is a reason to say (e.g. several currencies). */
  missing?: string;
}

/** Aging figures kept per currency: on a file with several currencies the index says so. */
const PER_CURRENCY_FIGURES = new Set(['open', 'overdue', 'overdueShare', 'dsoStandard']);

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
  const currencies = analysis === 'aging' ? headline.currencies : undefined;
  const severalCurrencies =
    typeof currencies === 'number' && currencies > 1
      ? textFor(locale, 'report.severalCurrencies', { count: currencies })
      : undefined;
  return Object.entries(headline).map(([field, value]): KeyFigureItem => {
    const figure = KEY_FIGURES[analysis][field];
    const item: KeyFigureItem =
      figure === undefined
        ? { label: field, format: typeof value === 'number' ? 'number' : 'text', value }
        : {
            label: textFor(locale, `report.${figure.label}`),
            format: figure.format,
            value: field === 'source' ? revenueSourceWords(value, locale) : value,
          };
    if (value === null && severalCurrencies !== undefined && PER_CURRENCY_FIGURES.has(field))
      item.missing = severalCurrencies;
    return item;
  });
}

/**
 * The headline as summary.json stores it: money figures rounded to cents by the money rule, so
 * a sum taken in floats is written as the cents it means (`169543.8`, not `169543.80000000002`).
 *
 * @param analysis - the analysis the figures belong to.
 * @param headline - its headline figures.
 * @returns a new headline; the given one is not changed.
 */
export function finishedHeadline(
  analysis: ReportAnalysisName,
  headline: Readonly<Record<string, number | string | null>>,
): Record<string, number | string | null> {
  return Object.fromEntries(
    Object.entries(headline).map(([field, value]) => [
      field,
      typeof value === 'number' && KEY_FIGURES[analysis][field]?.format === 'money'
        ? roundMoney(value)
        : value,
    ]),
  );
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

/**
 * A figure as a reader sees it, with the same rules as results.xlsx's number formats: money
 * "3,245,285.50", a share "80.8%", a count "40", a number "42.5"; a missing figure "–", or why it
 * is missing ("2 currencies: see each").
 *
 * @param item - a labelled figure.
 * @returns its text.
 */
export function keyFigureText(item: KeyFigureItem): string {
  const { value, format } = item;
  if (value === null) return item.missing ?? MISSING_FIGURE;
  if (typeof value === 'string' || format === 'text') return String(value);
  return formattedNumber(value, format);
}

const REVENUE_SOURCE_WORDS = {
  orderLines: 'revenueFromOrderLines',
  invoices: 'revenueFromInvoices',
  wonDeals: 'revenueFromWonDeals',
  customers: 'revenueFromCustomers',
} as const;

/** ABC's `source` code ('orderLines', 'wonDeals', …) as the words a reader sees. */
function revenueSourceWords(
  value: number | string | null,
  locale: ReportLocale,
): number | string | null {
  const key =
    typeof value === 'string' && Object.hasOwn(REVENUE_SOURCE_WORDS, value)
      ? REVENUE_SOURCE_WORDS[value as keyof typeof REVENUE_SOURCE_WORDS]
      : undefined;
  return key === undefined ? value : textFor(locale, `report.${key}`);
}
