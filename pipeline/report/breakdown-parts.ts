import type { TopLevelSpec } from 'vega-lite';
import {
  breakdownBarChart,
  errorText,
  renderCoded,
  moneyCents,
  PipecastError,
  textFor,
  type ReportConfig,
  notShownYet,
} from '../../core/index.js';
import type { ReportLocale } from '../report-html/report-model.js';
import { FORECAST_OWNERS_TABLE_ID, type ReportPart } from './report-parts.js';
import type { ReportDataTable } from './report-table.js';
import {
  agingTables,
  type BreakdownContext,
  type BreakdownTable,
  forecastBreakdownTable,
  type TablesOf,
  forecastTables,
  segmentTables,
} from './breakdown-tables.js';
import { breakdownKeyHeading } from '../render/breakdown-key-heading.js';
import { breakdownFileName } from './breakdown-file-name.js';

/** Plot width of a breakdown chart: beside its labels, it fits the report page. */
const CHART_WIDTH = 480;

/** One breakdown to show: the column as named, how its tables are made, whether they are charted. */
interface WantedBreakdown {
  by: string;
  tables: () => BreakdownTable[];
  chart: boolean;
}

/**
 * Adds the breakdowns to the report's parts, as one list per analysis: first the config's
 * `breakdowns`, in its order, each a table and a bar chart; then, for the forecast, the joined
 * tables' roll-up columns (a rep's manager, an account's sector) the config did not name, a
 * table each. A column named twice (by the config and a roll-up, or by its header and its
 * letter) is shown once: names are matched to sheet columns as headers are (normalizeHeader),
 * and two names are one breakdown when they find the same sheet column. A forecast breakdown by
 * the column the core read as the deals' owner (core forecastColumnReadAs) replaces the
 * built-in Owners table, which it repeats row for row. Every table ends with
 * a Total row, the sum of its rows (the analysis' totals); each is an HTML table, a range on the
 * analysis' sheet of results.xlsx and `<analysis>-by-<column>.csv`; for an aging in several
 * currencies, one per currency (`aging-by-<column>-<currency>.csv`), as the aging's own tables
 * never add currencies up. A column the sheet lacks is noted in the part, not a failure of the
 * report.
 *
 * @param parts - the report's parts; forecast, abc and aging get the breakdowns.
 * @param context - the sheets, file name, as-of day, config, locale and the forecast's roll-ups.
 */
export function addBreakdownParts(parts: readonly ReportPart[], context: BreakdownContext): void {
  const wanted: NonNullable<ReportConfig['breakdowns']> = context.config.breakdowns ?? {};
  const rollups = context.rollups.map((rollup): WantedBreakdown => ({
    by: rollup.by,
    tables: () => [forecastBreakdownTable(rollup, context.locale)],
    chart: false,
  }));
  for (const part of parts) {
    if (part.name === 'forecast')
      addTables(part, context, [
        ...configured(wanted.forecast, () => forecastTables(context)),
        ...rollups,
      ]);
    else if (part.name === 'aging')
      addTables(
        part,
        context,
        configured(wanted.aging, () => agingTables(context)),
      );
    else if (part.name === 'abc')
      addTables(
        part,
        context,
        configured(wanted.segments, () => segmentTables(context)),
      );
  }
}

/**
 * The config's columns of one analysis, charted; the analysis is run again (tablesOf) only when
 * the config names a column.
 */
function configured(
  columns: readonly string[] | undefined,
  tablesOf: () => TablesOf,
): WantedBreakdown[] {
  if (!columns?.length) return [];
  const tablesOfColumn = tablesOf();
  return columns.map((by) => ({ by, tables: () => tablesOfColumn(by), chart: true }));
}

function addTables(
  part: ReportPart,
  context: BreakdownContext,
  breakdowns: readonly WantedBreakdown[],
): void {
  const { locale } = context;
  const shown = new Set<number>();
  for (const wanted of breakdowns) {
    let tables: BreakdownTable[];
    try {
      tables = wanted.tables();
    } catch (error) {
      if (!(error instanceof PipecastError)) throw error;
      part.notes.push(
        textFor(locale, 'report.breakdownNotMade', {
          column: wanted.by,
          reason: renderCoded(errorText(error), locale),
        }),
      );
      continue;
    }
    // The sheet column found, not the name as typed: "Sector", "sector" and "F" are one column,
    // and two columns headed alike are two (their file names get -2, see breakdownFileName).
    for (const breakdown of notShownYet(tables, shown))
      addTable(part, breakdown, wanted.chart, locale);
  }
}

/**
 * One breakdown's table, and its chart when charted. A forecast breakdown by the column the core
 * read as the deals' owner groups them as the Owners table does: it takes that table's place
 * (with its chart and Total row), and the Owners table goes, from the page, results.xlsx and
 * the CSVs alike.
 */
function addTable(
  part: ReportPart,
  breakdown: BreakdownTable,
  chart: boolean,
  locale: ReportLocale,
): void {
  const taken = [...part.tables, ...part.charts].map((item) => item.id);
  const table = breakdownDataTable(part.name, breakdown, locale, taken);
  const owners =
    breakdown.readAs === 'owner'
      ? part.tables.findIndex((shown) => shown.id === FORECAST_OWNERS_TABLE_ID)
      : -1;
  if (owners >= 0) part.tables.splice(owners, 1, table);
  else part.tables.push(table);
  if (chart)
    part.charts.push({
      id: table.id,
      title: table.title,
      spec: breakdownChart(table.title, breakdown, locale),
    });
  part.notes.push(...(breakdown.notes ?? []));
}

/**
 * The breakdown as a report table: a row per value, then the Total row. An aging breakdown of one
 * currency of several is titled and named with it, as the aging's per-currency charts ('none'
 * in the file name for invoices without one).
 */
function breakdownDataTable(
  analysis: string,
  breakdown: BreakdownTable,
  locale: ReportLocale,
  taken: readonly string[],
): ReportDataTable {
  const { currency } = breakdown;
  const by = textFor(locale, 'report.breakdownBy', { column: breakdown.column });
  const named =
    currency === undefined ? breakdown.column : `${breakdown.column}-${currency ?? 'none'}`;
  const blank = textFor(locale, 'report.blankValue');
  return {
    id: breakdownFileName(analysis, named, taken),
    title: currency ? `${by} (${currency})` : by,
    columns: [
      {
        label: breakdownKeyHeading(
          breakdown.column,
          breakdown.columnIndex,
          breakdown.measures.map((measure) => measure.label),
        ),
        format: 'text',
      },
      ...breakdown.measures,
    ],
    rows: [
      ...breakdown.rows.map((row) => [row.key ?? blank, ...row.values]),
      [textFor(locale, 'report.total'), ...totalsOf(breakdown)],
    ],
    lastRowIsTotal: true,
  };
}

/**
 * The column sums of the rows: counts as they are, money in whole cents (as the CLI's Total
 * row), so the total is the sum of the amounts shown. The rows of a breakdown add up exactly to
 * the analysis' totals, so this is them too.
 */
function totalsOf(breakdown: BreakdownTable): number[] {
  return breakdown.measures.map((measure, m) => {
    const money = measure.format === 'money';
    let sum = 0;
    for (const row of breakdown.rows) {
      const value = row.values[m] ?? 0;
      sum += money ? moneyCents(value) : value;
    }
    return money ? sum / 100 : sum;
  });
}

/** Bars of the charted measure, the largest values; the table lists every value. */
function breakdownChart(
  title: string,
  breakdown: BreakdownTable,
  locale: ReportLocale,
): TopLevelSpec {
  const blank = textFor(locale, 'report.blankValue');
  return breakdownBarChart(
    {
      column: breakdown.column,
      measure: breakdown.measures[breakdown.charted]?.label ?? '',
      values: breakdown.rows.map((row) => ({
        key: row.key ?? blank,
        amount: row.values[breakdown.charted] ?? 0,
      })),
    },
    { title, locale, width: CHART_WIDTH },
  );
}
