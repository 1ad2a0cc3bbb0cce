import {
  ageReceivables,
  agingBreakdowns,
  agingBucketName,
  codedError,
  forecast,
  forecastBreakdown,
  forecastColumnReadAs,
  type ForecastBreakdown,
  type ReportConfig,
  segment,
  segmentBreakdown,
  segmentBreakdownNotes,
  segmentClassName,
  textFor,
} from '../../core/index.js';
import type { SheetGrid } from '../read-workbook.js';
import type { ReportLocale } from '../report-html/report-model.js';
import type { ReportColumn } from './report-table.js';

/** One breakdown as the report shows it: measure columns and one row per value. */
export interface BreakdownTable {
  /** The sheet column it resolved to: its header as typed (its letter when blank), for titles. */
  column: string;
  /** The column's index (core breakdowns' `columnIndex`): one breakdown per column. */
  columnIndex: number;
  /** The currency of an aging breakdown of a ledger in several (one table each), for its title and file. */
  currency?: string | null;
  /**
   * Lines under the table, such as how many customers' lines differ in the column, or how many
   * are blank in it because the customer list lacks them.
   */
  notes?: readonly string[];
  /** A forecast column's field as the core read it (core forecastColumnReadAs), e.g. 'owner'. */
  readAs?: string;
  measures: readonly ReportColumn[];
  /** The measure the chart draws, an index into `measures`: the one the rows are ordered by. */
  charted: number;
  rows: readonly { key: string | null; values: readonly number[] }[];
}

/** A breakdown by one column: one table, or for an aging in several currencies one per currency. */
export type TablesOf = (column: string) => BreakdownTable[];

/** What the breakdowns of one report are made from. */
export interface BreakdownContext {
  sheets: SheetGrid[];
  file: string;
  asOf: number | undefined;
  config: ReportConfig;
  locale: ReportLocale;
  /** The forecast by the joined tables' roll-up columns (manager, sector), made with the report's. */
  rollups: readonly ForecastBreakdown[];
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

/**
 * A forecast breakdown as a table: deals, amount, weighted, in the order the CLI prints them;
 * the chart draws the weighted amount, which the rows are ordered by.
 */
export function forecastBreakdownTable(
  breakdown: ForecastBreakdown,
  locale: ReportLocale,
): BreakdownTable {
  const label = (key: 'deals' | 'amount' | 'weighted'): string => textFor(locale, `report.${key}`);
  return {
    column: breakdown.column,
    columnIndex: breakdown.columnIndex,
    measures: [
      { label: label('deals'), format: 'integer' },
      { label: label('amount'), format: 'money' },
      { label: label('weighted'), format: 'money' },
    ],
    charted: 2,
    rows: breakdown.rows.map((row) => ({
      key: row.key,
      values: [row.count, row.amount, row.weighted],
    })),
  };
}

/**
 * The config's forecast breakdowns: the forecast is run again from the sheets with its rows kept
 * (the report's own run keeps them only for the roll-ups), once, on the first column asked for.
 */
export function forecastTables(context: BreakdownContext): TablesOf {
  const { config, locale } = context;
  const options = config.forecast ?? {};
  let run: ReturnType<typeof forecast> | undefined;
  const runOnce = (): NonNullable<typeof run> => {
    run ??= forecast(context.sheets, {
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
    if (run === null) throw codedError('invalid-input', {}, 'report.skipForecast');
    return run;
  };
  return (column) => {
    const table = forecastBreakdownTable(forecastBreakdown(runOnce(), column), locale);
    const readAs = forecastColumnReadAs(runOnce(), column);
    return [readAs === undefined ? table : { ...table, readAs }];
  };
}

/**
 * Per currency, the open balance, what is owed per bucket and the credits apart (core
 * agingBreakdowns), the columns of the aging's own buckets table, whose totals they add up to.
 */
export function agingTables(context: BreakdownContext): TablesOf {
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
  const several = (run.result?.sections.length ?? 0) > 1;
  return (column) =>
    agingBreakdowns(run, column).map((breakdown): BreakdownTable => {
      const buckets = Object.keys(breakdown.rows[0]?.buckets ?? {});
      return {
        column: breakdown.column,
        columnIndex: breakdown.columnIndex,
        ...(several ? { currency: breakdown.currency } : {}),
        measures: [
          { label: textFor(locale, 'report.items'), format: 'integer' },
          { label: textFor(locale, 'report.open'), format: 'money' },
          ...buckets.map((bucket): ReportColumn => ({
            label: agingBucketName(bucket, locale),
            format: 'money',
          })),
          { label: textFor(locale, 'report.credits'), format: 'money' },
        ],
        charted: 1,
        rows: breakdown.rows.map((row) => ({
          key: row.key,
          values: [
            row.count,
            row.open,
            ...buckets.map((bucket) => row.buckets[bucket] ?? 0),
            row.credits,
          ],
        })),
      };
    });
}

export function segmentTables(context: BreakdownContext): TablesOf {
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
    const notes = segmentBreakdownNotes(breakdown, locale);
    const table: BreakdownTable = {
      column: breakdown.column,
      columnIndex: breakdown.columnIndex,
      ...(notes.length === 0 ? {} : { notes }),
      measures: [
        { label: textFor(locale, 'report.customerCount'), format: 'integer' },
        { label: textFor(locale, 'report.revenueTotal'), format: 'money' },
        ...classes.map((name): ReportColumn => ({
          label: segmentClassName('abc', name, locale),
          format: 'integer',
        })),
      ],
      charted: 1,
      rows: breakdown.rows.map((row) => ({
        key: row.key,
        values: [row.count, row.revenue, ...classes.map((name) => row.classes[name] ?? 0)],
      })),
    };
    return [table];
  };
}
