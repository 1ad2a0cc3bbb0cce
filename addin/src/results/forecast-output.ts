import type { ForecastRun } from '../../../core/index.js';
import { isoFromEpochDay, stageNameIn } from '../../../core/index.js';
import type { AddinLocale, AddinTextKey } from '../text/addin-text.js';
import { addinText } from '../text/addin-text.js';
import type {
  OutputChart,
  OutputColumn,
  OutputColumnFormat,
  OutputNote,
  OutputSheet,
  OutputTable,
} from './output-model.js';
import type { NotePlaces } from './notes-of.js';
import { asOfNote, notesOf, notesColumns } from './notes-of.js';

/** Deals a month or more past their date or norm are highlighted in the hygiene list. */
const HYGIENE_HIGHLIGHT_DAYS = 30;
/**
 * Deals listed per hygiene list, most overdue first. A list of a large pipeline can hold most
 * of its deals; past this many a manager filters the deal sheet instead, and a row says how
 * many more there are.
 */
export const MAX_HYGIENE_ROWS = 1000;
/**
 * Deal rows up to which the pane works out P10/P50/P90 per close month: one simulation per
 * month roughly doubles the analysis time of a large pipeline (about 0.8 s more for 100,000
 * deals), past which the months keep their weighted amounts and a note says where the ranges are.
 */
export const MONTH_RANGE_MAX_ROWS = 50_000;
export const OVERDUE_FILL = '#F8D7DA';
export const OVERDUE_FONT = '#842029';

/** A column labelled from the catalogue. */
export function columnOf(
  locale: AddinLocale,
  key: AddinTextKey,
  format: OutputColumnFormat,
): OutputColumn {
  return { label: addinText(locale, key), format };
}

/**
 * The Forecast sheet of a forecast run: stages (amount and weighted beside the stage, for the
 * funnel chart), close months, owners, and the deals to look at (past close,
 * stuck, no activity), with charts of the stages and months and a note per warning.
 * `sourceRows`: the rows the pane sent, named in the note when it left out the month ranges.
 */
export function forecastOutput(
  run: ForecastRun,
  locale: AddinLocale,
  places: NotePlaces,
  sourceRows: number,
): OutputSheet {
  const text = (key: AddinTextKey) => addinText(locale, key);
  const r = run.result;
  const stages = stagesTable(run, locale);
  const months = monthsTable(run, locale);
  const owners: OutputTable = {
    id: 'forecast-owners',
    title: text('tableOwners'),
    columns: [
      columnOf(locale, 'colOwner', 'text'),
      columnOf(locale, 'colWeighted', 'money'),
      columnOf(locale, 'colAmount', 'money'),
      columnOf(locale, 'colDeals', 'integer'),
    ],
    rows: r.byOwner.map((g) => [g.name, g.weighted, g.amount, g.count]),
  };
  return {
    analysis: 'forecast',
    name: text('sheetForecast'),
    headline: [
      { label: text('headlineOpenDeals'), value: r.totals.count, format: 'integer' },
      { label: text('headlinePipeline'), value: r.totals.amount, format: 'money' },
      { label: text('headlineWeighted'), value: r.totals.weighted, format: 'money' },
      {
        label: text('headlineRange'),
        value: `${formatMoney(r.range.p10)} – ${formatMoney(r.range.p90)}`,
        format: 'text',
      },
    ],
    asOf: asOfNote(isoFromEpochDay(run.asOf.day), run.asOf.source === 'data', locale),
    tables: [stages, months, owners, hygieneTable(run, locale)],
    charts: [
      {
        title: text('chartFunnel'),
        type: 'barClustered',
        table: stages.id,
        category: 0,
        series: [1, 2],
        maxRows: r.stages.length,
      },
      monthsChart(run, months, locale),
    ],
    notes: [...monthRangesNotes(run, sourceRows, locale), ...notesOf(run.warnings, places, locale)],
    notesTitle: text('tableNotes'),
    notesColumns: notesColumns(locale),
  };
}

function stagesTable(run: ForecastRun, locale: AddinLocale): OutputTable {
  const r = run.result;
  const stageName = (s: { name: string; nameZh: string }) => stageNameIn(s, locale);
  return {
    id: 'forecast-stages',
    title: addinText(locale, 'tableStages'),
    columns: [
      columnOf(locale, 'colStage', 'text'),
      columnOf(locale, 'colAmount', 'money'),
      columnOf(locale, 'colWeighted', 'money'),
      columnOf(locale, 'colRate', 'percent'),
      columnOf(locale, 'colDeals', 'integer'),
      columnOf(locale, 'colConversion', 'percent'),
      columnOf(locale, 'colDaysInStage', 'number'),
    ],
    rows: [
      // Open deals in a stage the model lacks are in the total: their own row keeps it adding up
      // (after the stages, so the funnel chart's maxRows leaves it out).
      ...(r.unknownStage
        ? [...r.stages, { ...r.unknownStage, conversion: null, avgDaysInStage: null }]
        : r.stages
      ).map((s) => [
        stageName(s),
        s.amount,
        s.weighted,
        s.rate,
        s.count,
        s.conversion,
        s.avgDaysInStage,
      ]),
      [
        addinText(locale, 'colTotal'),
        r.totals.amount,
        r.totals.weighted,
        null,
        r.totals.count,
        null,
        null,
      ],
    ],
  };
}

/**
 * Close months; with the run's per-month ranges, P10 and P90 beside the weighted amount (the
 * band chart plots those three adjacent columns) and P50 after them.
 */
function monthsTable(run: ForecastRun, locale: AddinLocale): OutputTable {
  const monthRanges = run.result.monthRanges;
  const ranges = new Map((monthRanges ?? []).map((m) => [m.month, m.range]));
  const rangeColumns: OutputColumn[] =
    monthRanges === undefined
      ? []
      : [
          { label: 'P10', format: 'money' },
          { label: 'P90', format: 'money' },
          { label: 'P50', format: 'money' },
        ];
  return {
    id: 'forecast-months',
    title: addinText(locale, 'tableMonths'),
    columns: [
      columnOf(locale, 'colMonth', 'text'),
      columnOf(locale, 'colWeighted', 'money'),
      ...rangeColumns,
      columnOf(locale, 'colAmount', 'money'),
      columnOf(locale, 'colDeals', 'integer'),
    ],
    rows: run.result.byMonth.map((m) => {
      const range = ranges.get(m.key);
      const spread =
        monthRanges === undefined
          ? []
          : [range?.p10 ?? null, range?.p90 ?? null, range?.p50 ?? null];
      return [m.name, m.weighted, ...spread, m.amount, m.count];
    }),
  };
}

/** The months chart: a P10–P90 band around the weighted columns when the run has the ranges. */
function monthsChart(run: ForecastRun, months: OutputTable, locale: AddinLocale): OutputChart {
  const band = run.result.monthRanges !== undefined;
  return {
    title: addinText(locale, band ? 'chartMonthsBand' : 'chartMonths'),
    type: band ? 'band' : 'columnClustered',
    table: months.id,
    category: 0,
    series: band ? [1, 2, 3] : [1],
    maxRows: 36,
  };
}

/** Why the months have no P10–P90 columns, when the pane left them out for a large source. */
function monthRangesNotes(run: ForecastRun, rows: number, locale: AddinLocale): OutputNote[] {
  if (run.result.monthRanges !== undefined) return [];
  const message = addinText(locale, 'monthRangesSkipped', {
    rows: rows.toLocaleString('en-US'),
    max: MONTH_RANGE_MAX_ROWS.toLocaleString('en-US'),
  });
  return [{ type: 'month-ranges', sheet: null, address: null, message, action: null }];
}

function hygieneTable(run: ForecastRun, locale: AddinLocale): OutputTable {
  const { hygiene } = run.result;
  const lists = [
    ['issuePastClose', hygiene.pastClose],
    ['issueStuck', hygiene.stuck],
    ['issueNoActivity', hygiene.noActivity],
  ] as const;
  return {
    id: 'forecast-hygiene',
    title: addinText(locale, 'tableHygiene'),
    columns: [
      columnOf(locale, 'colDeal', 'text'),
      columnOf(locale, 'colIssue', 'text'),
      columnOf(locale, 'colStage', 'text'),
      columnOf(locale, 'colOwner', 'text'),
      columnOf(locale, 'colAmount', 'money'),
      columnOf(locale, 'colDays', 'integer'),
    ],
    rows: lists.flatMap(([issue, deals]) => {
      const shown = deals
        .slice(0, MAX_HYGIENE_ROWS)
        .map((d) => [d.id, addinText(locale, issue), d.stage, d.owner, d.amount, d.days]);
      const more = deals.length - shown.length;
      if (more > 0)
        shown.push([
          addinText(locale, 'moreRows', { count: more }),
          addinText(locale, issue),
          null,
          null,
          null,
          null,
        ]);
      return shown;
    }),
    highlight: {
      column: 5,
      greaterThan: HYGIENE_HIGHLIGHT_DAYS,
      fill: OVERDUE_FILL,
      font: OVERDUE_FONT,
    },
  };
}

/** Money for a headline: grouped thousands, at most two decimals. */
export function formatMoney(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
