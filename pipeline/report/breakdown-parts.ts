import type { TopLevelSpec } from 'vega-lite';
import {
  ageReceivables,
  agingBucketName,
  segmentClassName,
  agingBreakdown,
  forecast,
  forecastBreakdown,
  formatCount,
  PipecastError,
  segment,
  segmentBreakdown,
  shortUniqueLabels,
  textFor,
  type ReportConfig,
} from '../../core/index.js';
import type { SheetGrid } from '../read-workbook.js';
import type { ReportLocale } from '../report-html/report-model.js';
import type { ReportPart } from './report-parts.js';
import type { ReportColumn } from './report-table.js';
import { breakdownFileName } from './breakdown-file-name.js';

/** Bars in a breakdown chart: the largest values; the table and CSV have every row. */
const CHART_BARS = 20;

/** One breakdown as the report shows it: measure columns and one row per value. */
interface BreakdownTable {
  column: string;
  /** A line under the table, such as how many customers' lines differ in the column. */
  note?: string;
  measures: readonly ReportColumn[];
  rows: readonly { key: string | null; values: readonly number[] }[];
}

interface BreakdownContext {
  sheets: SheetGrid[];
  file: string;
  asOf: number | undefined;
  config: ReportConfig;
  locale: ReportLocale;
}

/**
 * Adds the config's `breakdowns` to the report's parts: per column, a table (an HTML table, a
 * range on the analysis's sheet of results.xlsx, `<analysis>-by-<column>.csv`, see
 * breakdownFileName) and a bar chart of its first measure; a column named twice (in two
 * languages) is shown once, and in place of a joined table's roll-up of it. The analyses are run
 * again from the sheets with their rows kept (the report's own runs do not keep them), with the
 * config's sheets, mappings and options. A column the sheet lacks is noted in the part, not a
 * failure of the report.
 *
 * @param parts - the report's parts; forecast, abc and aging get the breakdowns.
 * @param context - the workbook's sheets, its file name, the as-of day, the config and locale.
 */
export function addBreakdownParts(parts: ReportPart[], context: BreakdownContext): void {
  const wanted = context.config.breakdowns ?? {};
  const partOf = (name: string): ReportPart | undefined => parts.find((p) => p.name === name);
  const forecastPart = partOf('forecast');
  if (forecastPart && wanted.forecast?.length)
    addTables(forecastPart, wanted.forecast, context, forecastTables(context));
  const agingPart = partOf('aging');
  if (agingPart && wanted.aging?.length)
    addTables(agingPart, wanted.aging, context, agingTables(context));
  const abcPart = partOf('abc');
  if (abcPart && wanted.segments?.length)
    addTables(abcPart, wanted.segments, context, segmentTables(context));
}

function sheetChoice(config: ReportConfig): {
  kinds?: NonNullable<ReportConfig['sheets']>;
  mappings?: NonNullable<ReportConfig['mappings']>;
} {
  return {
    ...(config.sheets === undefined ? {} : { kinds: config.sheets }),
    ...(config.mappings === undefined ? {} : { mappings: config.mappings }),
  };
}

function forecastTables(context: BreakdownContext): (column: string) => BreakdownTable {
  const { config, locale } = context;
  const options = config.forecast ?? {};
  const run = forecast(context.sheets, {
    ...sheetChoice(config),
    asOf: context.asOf,
    file: context.file,
    ...(options.template === undefined ? {} : { template: options.template }),
    ...(options.quota === undefined ? {} : { quota: options.quota }),
    ...(options.smallOrderThreshold === undefined
      ? {}
      : { smallOrderThreshold: options.smallOrderThreshold }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    perRow: true,
  });
  const label = (key: 'deals' | 'amount' | 'weighted'): string => textFor(locale, `report.${key}`);
  return (column) => {
    if (run === null) throw new PipecastError('invalid-input', 'no deals');
    const breakdown = forecastBreakdown(run, column);
    return {
      column: breakdown.column,
      measures: [
        { label: label('deals'), format: 'integer' },
        { label: label('weighted'), format: 'money' },
        { label: label('amount'), format: 'money' },
      ],
      rows: breakdown.rows.map((row) => ({
        key: row.key,
        values: [row.count, row.weighted, row.amount],
      })),
    };
  };
}

function agingTables(context: BreakdownContext): (column: string) => BreakdownTable {
  const { config, locale } = context;
  const options = config.aging ?? {};
  const run = ageReceivables(context.sheets, {
    ...sheetChoice(config),
    asOf: context.asOf,
    file: context.file,
    ...(options.by === undefined ? {} : { by: options.by }),
    ...(options.buckets === undefined ? {} : { buckets: options.buckets }),
    ...(options.currency === undefined ? {} : { currency: options.currency }),
    perRow: true,
  });
  return (column) => {
    const breakdown = agingBreakdown(run, column);
    const buckets = Object.keys(breakdown.rows[0]?.buckets ?? {});
    return {
      column: breakdown.column,
      measures: [
        { label: textFor(locale, 'report.items'), format: 'integer' },
        { label: textFor(locale, 'report.open'), format: 'money' },
        ...buckets.map((bucket): ReportColumn => ({
          label: agingBucketName(bucket, locale),
          format: 'money',
        })),
      ],
      rows: breakdown.rows.map((row) => ({
        key: row.key,
        values: [row.count, row.open, ...buckets.map((bucket) => row.buckets[bucket] ?? 0)],
      })),
    };
  };
}

function segmentTables(context: BreakdownContext): (column: string) => BreakdownTable {
  const { config, locale } = context;
  const options = config.segments ?? {};
  const segmented = segment(context.sheets, {
    ...sheetChoice(config),
    method: 'abc',
    file: context.file,
    ...(options.measure === undefined ? {} : { by: options.measure }),
    ...(options.cutPoints === undefined ? {} : { cutPoints: options.cutPoints }),
    perRow: true,
  });
  return (column) => {
    const breakdown = segmentBreakdown(segmented, column);
    const classes = Object.keys(breakdown.rows[0]?.classes ?? {});
    const differ = { column: breakdown.column, customers: formatCount(breakdown.disagreeing) };
    return {
      column: breakdown.column,
      ...(breakdown.disagreeing === 0
        ? {}
        : { note: textFor(locale, 'report.customerColumnsDiffer', differ) }),
      measures: [
        { label: textFor(locale, 'report.customerCount'), format: 'integer' },
        { label: textFor(locale, 'report.revenueTotal'), format: 'money' },
        ...classes.map((name): ReportColumn => ({
          label: segmentClassName('abc', name, locale),
          format: 'integer',
        })),
      ],
      rows: breakdown.rows.map((row) => ({
        key: row.key,
        values: [row.count, row.revenue, ...classes.map((name) => row.classes[name] ?? 0)],
      })),
    };
  };
}

function addTables(
  part: ReportPart,
  columns: readonly string[],
  context: BreakdownContext,
  tableOf: (column: string) => BreakdownTable,
): void {
  const { locale } = context;
  const done = new Set<string>();
  for (const column of columns) {
    let breakdown: BreakdownTable;
    try {
      breakdown = tableOf(column);
    } catch (error) {
      if (!(error instanceof PipecastError)) throw error;
      part.notes.push(
        textFor(locale, 'report.breakdownNotMade', { column, reason: error.message }),
      );
      continue;
    }
    // A column named twice ("Region", "区域") is broken down once; a joined table's roll-up of
    // it (a table without a chart) gives way to the breakdown, which has one.
    if (done.has(breakdown.column)) continue;
    done.add(breakdown.column);
    const rollUp = part.tables.findIndex((table) => table.columns[0]?.label === breakdown.column);
    if (rollUp >= 0) part.tables.splice(rollUp, 1);
    const title = textFor(locale, 'report.breakdownBy', { column: breakdown.column });
    const id = breakdownFileName(part.name, breakdown.column, partIds(part));
    const blank = textFor(locale, 'report.blankValue');
    const keyOf = (key: string | null): string => key ?? blank;
    part.tables.push({
      id,
      title,
      columns: [{ label: breakdown.column, format: 'text' }, ...breakdown.measures],
      rows: breakdown.rows.map((row) => [keyOf(row.key), ...row.values]),
    });
    part.charts.push({ id, title, spec: breakdownChart(title, breakdown, keyOf) });
    if (breakdown.note !== undefined) part.notes.push(breakdown.note);
  }
}

/** The ids the part's tables and charts have (each names files of the report). */
function partIds(part: ReportPart): string[] {
  return [...part.tables.map((table) => table.id), ...part.charts.map((chart) => chart.id)];
}

/** Horizontal bars of the first money measure, largest on top, the largest CHART_BARS values. */
function breakdownChart(
  title: string,
  breakdown: BreakdownTable,
  keyOf: (key: string | null) => string,
): TopLevelSpec {
  const measure = breakdown.measures[1];
  const shown = breakdown.rows.slice(0, CHART_BARS);
  // Keys come from cells: cut to chart labels so a huge cell cannot balloon the SVG.
  const labels = shortUniqueLabels(shown.map((row) => keyOf(row.key)));
  const values = shown.map((row, i) => ({ key: labels[i] ?? '', value: row.values[1] ?? 0 }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 480,
    height: Math.max(60, values.length * 22),
    data: { values },
    mark: { type: 'bar', color: '#4c78a8', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'key', type: 'nominal', sort: null, title: breakdown.column },
      x: {
        field: 'value',
        type: 'quantitative',
        title: measure?.label ?? '',
        axis: { format: ',.0f' },
      },
    },
  };
}
