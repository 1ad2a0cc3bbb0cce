import {
  DEFAULT_NO_ACTIVITY_DAYS,
  type ForecastFunnelResult,
  formatCount,
  formatDecimal,
  formatMoney,
  type PlainSectionKey,
  textFor,
} from '../../core/index.js';
import type { ReportLocale, ReportSummaryItem } from '../report-html/report-model.js';
import { bottleneckLineText, cycleVelocityText, winRatesLineText } from './forecast-kpi-text.js';
import type { ReportPart } from './report-parts.js';
import type { ReportColumn, ReportColumnFormat, ReportDataTable } from './report-table.js';

type HygieneDeal = ForecastFunnelResult['hygiene']['pastClose'][number];
type HygieneList = 'pastClose' | 'stuck' | 'noActivity';

/**
 * What the forecast section shows beyond the funnel tables, as `pipecast forecast` prints it
 * (README's promise for Forecast): the commit and best-case roll-ups, quota coverage and gap when
 * a quota is given, the bottleneck, cycle and velocity, the forecast categories, the learned win
 * rates, and the hygiene lists (past close date, stuck, no activity), largest amounts first.
 * Slippage needs an earlier export of the pipeline, which a report does not take.
 *
 * @param part - the forecast part; its headline, summary, notes and tables are added to.
 * @param forecast - the report's forecast result.
 * @param locale - the report language.
 */
export function addForecastExtras(
  part: ReportPart,
  forecast: ForecastFunnelResult,
  locale: ReportLocale,
): void {
  const words = partWords(locale);
  addRollups(part, forecast, words);
  if (forecast.quota) addQuota(part, forecast.quota.total, words);
  part.notes.push(...kpiNotes(forecast, words));
  if (forecast.categories.categories.some((row) => row.count > 0))
    part.tables.push(categoriesTable(forecast, words));
  if (forecast.winRates.overall.closed > 0) part.tables.push(winRatesTable(forecast, words));
  part.notes.push(hygieneSummary(forecast, words));
  for (const list of HYGIENE_LISTS) {
    const deals = forecast.hygiene[list.name];
    if (deals.length > 0) part.tables.push(hygieneTable(list, deals, words));
    const note = hygieneListNote(list, forecast, words);
    if (note !== null) part.notes.push(note);
  }
}

/** The locale and the report catalogue's labels and columns in it. */
interface PartWords {
  locale: ReportLocale;
  label: (key: PlainSectionKey<'report'>) => string;
  column: (key: PlainSectionKey<'report'>, format: ReportColumnFormat) => ReportColumn;
}

function partWords(locale: ReportLocale): PartWords {
  const label = (key: PlainSectionKey<'report'>) => textFor(locale, `report.${key}`);
  return { locale, label, column: (key, format) => ({ label: label(key), format }) };
}

/** Commit and best-case forecasts (DOMAIN.md section 1 roll-ups) beside the weighted forecast. */
function addRollups(part: ReportPart, forecast: ForecastFunnelResult, words: PartWords): void {
  const { commitForecast, bestCaseForecast } = forecast.categories.rollups;
  part.headline = withEntriesAfter(part.headline, 'weightedForecast', {
    commitForecast,
    bestCaseForecast,
  });
  const weightedAt = part.summary.findIndex(
    (item) => item.label === words.label('weightedForecast'),
  );
  part.summary.splice(
    weightedAt < 0 ? part.summary.length : weightedAt + 1,
    0,
    { label: words.label('commitForecast'), value: formatMoney(commitForecast) },
    { label: words.label('bestCaseForecast'), value: formatMoney(bestCaseForecast) },
  );
}

/** The headline with `added` right after `field` (at the end when it lacks `field`). */
function withEntriesAfter(
  headline: ReportPart['headline'],
  field: string,
  added: ReportPart['headline'],
): ReportPart['headline'] {
  const entries = Object.entries(headline);
  const at = entries.findIndex(([key]) => key === field);
  entries.splice(at < 0 ? entries.length : at + 1, 0, ...Object.entries(added));
  return Object.fromEntries(entries);
}

type QuotaTotal = NonNullable<ForecastFunnelResult['quota']>['total'];

/** Quota, coverage and gap tiles, each saying what it divides or subtracts. */
function addQuota(part: ReportPart, total: QuotaTotal, words: PartWords): void {
  const { label, locale } = words;
  part.headline.quota = total.quota;
  part.headline.quotaCoverage = total.coverage;
  part.headline.quotaGap = total.gap;
  const coverage: ReportSummaryItem =
    total.coverage === null
      ? {
          label: label('quotaCoverage'),
          value: '—',
          note: textFor(locale, 'report.quotaCoverageNone', { closed: formatMoney(total.closed) }),
        }
      : {
          label: label('quotaCoverage'),
          value: `${formatDecimal(total.coverage, 2)}×`,
          note: textFor(locale, 'report.quotaCoverageNote', {
            pipeline: formatMoney(total.pipeline),
            remaining: formatMoney(total.remaining),
          }),
        };
  part.summary.push({ label: label('quota'), value: formatMoney(total.quota) }, coverage, {
    label: label('quotaGap'),
    value: formatMoney(total.gap),
    note: label('quotaGapNote'),
  });
}

/** Bottleneck, cycle and velocity, what the win rates rest on, the unqualified deals. */
function kpiNotes(forecast: ForecastFunnelResult, words: PartWords): string[] {
  const { locale } = words;
  const bottleneck = bottleneckLineText(forecast, locale);
  const unqualified = forecast.categories.unqualified.length;
  return [
    ...(bottleneck === null ? [] : [bottleneck]),
    cycleVelocityText(forecast, locale),
    ...(forecast.winRates.overall.closed > 0 ? [winRatesLineText(forecast, locale)] : []),
    ...(unqualified > 0
      ? [textFor(locale, 'report.unqualifiedNote', { count: formatCount(unqualified) })]
      : []),
  ];
}

/** Pipeline, Best case, Commit, Closed and Omitted: deals, amount, weighted amount. */
function categoriesTable(forecast: ForecastFunnelResult, words: PartWords): ReportDataTable {
  const { column, locale } = words;
  return {
    id: 'forecast-categories',
    title: words.label('categories'),
    columns: [
      column('category', 'text'),
      column('deals', 'integer'),
      column('amount', 'money'),
      column('weighted', 'money'),
    ],
    rows: forecast.categories.categories.map((row) => [
      locale === 'zh' ? row.nameZh : row.name,
      row.count,
      row.amount,
      row.weighted,
    ]),
  };
}

/**
 * Per stage: the template's rate (blank when the forecast's rate is not the template's), the rate
 * learned from closed deals, and the won and closed deals it rests on; a column marks the rates
 * shrunk toward their prior when some are.
 */
function winRatesTable(forecast: ForecastFunnelResult, words: PartWords): ReportDataTable {
  const { column, locale } = words;
  const stageRow = new Map(forecast.stages.map((stage) => [stage.key, stage]));
  const shrunk = forecast.winRates.stages.some((rate) => rate.shrunk);
  return {
    id: 'forecast-win-rates',
    title: words.label('winRates'),
    columns: [
      column('stage', 'text'),
      column('templateRate', 'percent'),
      column('learnedRate', 'percent'),
      column('wonDeals', 'integer'),
      column('closedDeals', 'integer'),
      ...(shrunk ? [column('shrunk', 'text')] : []),
    ],
    rows: forecast.winRates.stages.map((rate) => {
      const stage = stageRow.get(rate.stageKey);
      const fromTemplate = stage?.rateSource === 'template' || stage?.rateSource === 'user';
      return [
        locale === 'zh' && rate.nameZh !== '' ? rate.nameZh : rate.name,
        fromTemplate ? stage.rate : null,
        rate.rate,
        rate.won,
        rate.closed,
        ...(shrunk ? [rate.shrunk ? '✓' : ''] : []),
      ];
    }),
  };
}

interface HygieneListInfo {
  name: HygieneList;
  id: string;
  sinceColumn: PlainSectionKey<'report'>;
  daysColumn: PlainSectionKey<'report'>;
  uncheckedField: keyof ForecastFunnelResult['hygiene']['unchecked'];
  missingDate: PlainSectionKey<'report'>;
}

const HYGIENE_LISTS: readonly HygieneListInfo[] = [
  {
    name: 'pastClose',
    id: 'forecast-past-close',
    sinceColumn: 'closeDate',
    daysColumn: 'daysPastClose',
    uncheckedField: 'closeDate',
    missingDate: 'hygieneNoCloseDate',
  },
  {
    name: 'stuck',
    id: 'forecast-stuck',
    sinceColumn: 'inStageSince',
    daysColumn: 'daysStuck',
    uncheckedField: 'stageEntered',
    missingDate: 'hygieneNoStageEntered',
  },
  {
    name: 'noActivity',
    id: 'forecast-no-activity',
    sinceColumn: 'lastActivity',
    daysColumn: 'daysNoActivity',
    uncheckedField: 'lastActivity',
    missingDate: 'hygieneNoLastActivity',
  },
];

function hygieneListTitle(list: HygieneList, words: PartWords): string {
  if (list === 'pastClose') return words.label('hygienePastClose');
  if (list === 'stuck') return words.label('hygieneStuck');
  return textFor(words.locale, 'report.hygieneNoActivity', { days: DEFAULT_NO_ACTIVITY_DAYS });
}

/** "Hygiene: 11 past close date, 0 stuck, 26 without activity for over 30 days; …". */
function hygieneSummary(forecast: ForecastFunnelResult, words: PartWords): string {
  const { hygiene } = forecast;
  return textFor(words.locale, 'report.hygieneSummary', {
    pastClose: formatCount(hygiene.pastClose.length),
    stuck: formatCount(hygiene.stuck.length),
    noActivity: formatCount(hygiene.noActivity.length),
    days: DEFAULT_NO_ACTIVITY_DAYS,
  });
}

/**
 * One list's deals, largest amount first (blank amounts last), then most days; the page shows the
 * first rows and says how many more the CSV and results.xlsx hold.
 */
function hygieneTable(
  list: HygieneListInfo,
  deals: readonly HygieneDeal[],
  words: PartWords,
): ReportDataTable {
  const { column } = words;
  const stuck = list.name === 'stuck';
  const sorted = [...deals].sort(
    (a, b) =>
      (b.amount ?? -Infinity) - (a.amount ?? -Infinity) ||
      b.days - a.days ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    id: list.id,
    title: `${hygieneListTitle(list.name, words)} (${formatCount(deals.length)})`,
    columns: [
      column('deal', 'text'),
      column('owner', 'text'),
      column('stage', 'text'),
      column('amount', 'money'),
      column(list.sinceColumn, 'text'),
      column(list.daysColumn, 'integer'),
      ...(stuck ? [column('stageNormDays', 'integer')] : []),
    ],
    rows: sorted.map((deal) => [
      deal.id,
      deal.owner ?? '',
      deal.stage,
      deal.amount,
      deal.since,
      deal.days,
      ...(stuck ? [deal.normDays ?? null] : []),
    ]),
  };
}

/** "Stuck in stage: none; 54 open deals not checked (no stage-entered date)", or null. */
function hygieneListNote(
  list: HygieneListInfo,
  forecast: ForecastFunnelResult,
  words: PartWords,
): string | null {
  const { locale } = words;
  const unchecked = forecast.hygiene.unchecked[list.uncheckedField];
  const parts = [
    ...(forecast.hygiene[list.name].length === 0 ? [words.label('hygieneNone')] : []),
    ...(unchecked > 0
      ? [
          textFor(locale, 'report.hygieneUnchecked', {
            count: formatCount(unchecked),
            date: words.label(list.missingDate),
          }),
        ]
      : []),
  ];
  if (parts.length === 0) return null;
  return textFor(locale, 'report.hygieneListNote', {
    list: hygieneListTitle(list.name, words),
    text: parts.join(locale === 'zh' ? '；' : '; '),
  });
}
