import type { AgingRun, ForecastRun, SegmentResult } from '../../../core/index.js';
import {
  agingBreakdowns,
  forecastBreakdown,
  errorLine,
  PipecastError,
  segmentBreakdown,
  notShownYet,
} from '../../../core/index.js';
import type { AddinLocale } from '../text/addin-text.js';
import { addinText } from '../text/addin-text.js';
import { columnOf } from './forecast-output.js';
import type {
  OutputCell,
  OutputChart,
  OutputColumn,
  OutputNote,
  OutputTable,
} from './output-model.js';

/**
 * Values listed per breakdown, largest first. A column of ids or dates can have as many values
 * as there are deals; past this many the rest go into one row, as in the hygiene lists.
 */
export const MAX_BREAKDOWN_ROWS = 1000;

/** Values plotted per breakdown chart: the largest; the table below it lists them all. */
export const BREAKDOWN_CHART_ROWS = 20;

/** The tables, charts and notes the "Break down by" columns add to an output sheet. */
export interface BreakdownParts {
  tables: OutputTable[];
  charts: OutputChart[];
  /** One per column that could not be broken down, saying why. */
  notes: OutputNote[];
}

/** One breakdown as a table: its key column's label, measure columns and rows. */
interface BreakdownShape {
  /**
   * The sheet column the core found for the name ticked (its index, as two columns may share a
   * header): one table per sheet column.
   */
  columnIndex: number;
  /** The currency of an aging breakdown of a ledger in several (one table each), for its titles. */
  currency?: string;
  /** The chart plots the first `charted` measures (an Excel chart takes adjacent columns). */
  charted: number;
  measures: readonly OutputColumn[];
  rows: readonly { key: string | null; cells: readonly OutputCell[] }[];
  total: readonly OutputCell[];
}

/**
 * The forecast per value of each chosen column (core `forecastBreakdown`: deals, amount and
 * weighted of the funnel's deals, adding up to the totals), a table and a bar chart each.
 */
export function forecastBreakdownParts(
  run: ForecastRun,
  columns: readonly string[],
  locale: AddinLocale,
): BreakdownParts {
  const { totals } = run.result;
  return partsOf(columns, locale, 'forecast', (by) => {
    const breakdown = forecastBreakdown(run, by);
    const shape: BreakdownShape = {
      columnIndex: breakdown.columnIndex,
      charted: 1,
      measures: [
        columnOf(locale, 'colWeighted', 'money'),
        columnOf(locale, 'colAmount', 'money'),
        columnOf(locale, 'colDeals', 'integer'),
      ],
      rows: breakdown.rows.map((row) => ({
        key: row.key,
        cells: [row.weighted, row.amount, row.count],
      })),
      // The rows add up exactly to the funnel's totals (core forecastBreakdown).
      total: [totals.weighted, totals.amount, totals.count],
    };
    return [shape];
  });
}

/**
 * The open receivables per value of each chosen column (core `agingBreakdowns`: what is owed
 * per bucket, the credits apart, the open balance and the items, as the Aging buckets table
 * shows them), a table and a stacked chart of the buckets each; a ledger of several currencies
 * gets one per currency, titled with it.
 */
export function agingBreakdownParts(
  run: AgingRun,
  columns: readonly string[],
  locale: AddinLocale,
): BreakdownParts {
  const labels = run.result?.buckets.map((bucket) => bucket.label) ?? [];
  const several = (run.result?.sections.length ?? 0) > 1;
  return partsOf(columns, locale, 'aging', (by) =>
    agingBreakdowns(run, by).map((breakdown) => {
      const sum = (pick: (row: (typeof breakdown.rows)[number]) => number) =>
        breakdown.rows.reduce((total, row) => total + pick(row), 0);
      const unit = breakdown.currency === null ? '' : ` (${breakdown.currency})`;
      return {
        columnIndex: breakdown.columnIndex,
        ...(several && breakdown.currency !== null ? { currency: breakdown.currency } : {}),
        charted: labels.length,
        measures: [
          ...labels.map((label): OutputColumn => ({ label, format: 'money' })),
          columnOf(locale, 'colCredits', 'money'),
          { label: `${addinText(locale, 'colOpen')}${unit}`, format: 'money' },
          columnOf(locale, 'colItems', 'integer'),
        ],
        rows: breakdown.rows.map((row) => ({
          key: row.key,
          cells: [
            ...labels.map((label) => row.buckets[label] ?? 0),
            row.credits,
            row.open,
            row.count,
          ],
        })),
        total: [
          ...labels.map((label) => roundCents(sum((row) => row.buckets[label] ?? 0))),
          roundCents(sum((row) => row.credits)),
          roundCents(sum((row) => row.open)),
          sum((row) => row.count),
        ],
      };
    }),
  );
}

/**
 * The customers per value of each chosen column (core `segmentBreakdown` of the ABC run: a
 * customer counts under its value in the customers table: its most recent line's), with their
 * value and the customers per class.
 */
export function segmentBreakdownParts(
  abc: SegmentResult,
  columns: readonly string[],
  locale: AddinLocale,
): BreakdownParts {
  return partsOf(columns, locale, 'segment', (by) => {
    const breakdown = segmentBreakdown(abc, by);
    const classes = [...new Set(breakdown.rows.flatMap((row) => Object.keys(row.classes)))].sort();
    const sum = (pick: (row: (typeof breakdown.rows)[number]) => number) =>
      breakdown.rows.reduce((total, row) => total + pick(row), 0);
    const shape: BreakdownShape = {
      columnIndex: breakdown.columnIndex,
      charted: 0,
      measures: [
        columnOf(locale, 'colCustomers', 'integer'),
        columnOf(locale, 'colValue', 'money'),
        ...classes.map((name): OutputColumn => ({ label: name, format: 'integer' })),
      ],
      rows: breakdown.rows.map((row) => ({
        key: row.key,
        cells: [row.count, row.revenue, ...classes.map((name) => row.classes[name] ?? 0)],
      })),
      total: [
        sum((row) => row.count),
        roundCents(sum((row) => row.revenue)),
        ...classes.map((name) => sum((row) => row.classes[name] ?? 0)),
      ],
    };
    return [shape];
  });
}

/**
 * Each column's breakdown as a table under "By <column>" (blank values as their own "(blank)"
 * row, a Total row last) with a chart of its largest values, once per sheet column; a column
 * the core refuses becomes a note with the core's reason, so the rest of the run still gets
 * written.
 */
function partsOf(
  columns: readonly string[],
  locale: AddinLocale,
  analysis: 'forecast' | 'aging' | 'segment',
  shape: (by: string) => BreakdownShape[],
): BreakdownParts {
  const parts: BreakdownParts = { tables: [], charts: [], notes: [] };
  const shown = new Set<number>();
  for (const by of columns) {
    let shapes: BreakdownShape[];
    try {
      shapes = shape(by);
    } catch (error) {
      if (!(error instanceof PipecastError)) throw error;
      const reason = locale === 'en' ? error.message : errorLine(error, locale);
      const message = addinText(locale, 'breakdownNotMade', { column: by, reason });
      parts.notes.push({ type: error.code, sheet: null, address: null, message, action: null });
      continue;
    }
    // Names that find one sheet column (a saved "Owner" and "owner", a header offered twice)
    // make one table, where first named; as `pipecast --by` and the report.
    const fresh = notShownYet(shapes, shown);
    for (const shaped of fresh) {
      const id = `${analysis}-by-${parts.tables.length + 1}`;
      // Labelled with the header as the user ticked it.
      const table = breakdownTable(id, by, shaped, locale);
      parts.tables.push(table);
      const chart = breakdownChart(analysis, table, by, shaped, locale);
      if (chart !== null) parts.charts.push(chart);
    }
  }
  return parts;
}

/** A title with the breakdown's currency after it, when the ledger has several. */
function withCurrency(title: string, shaped: BreakdownShape): string {
  return shaped.currency === undefined ? title : `${title} (${shaped.currency})`;
}

function breakdownTable(
  id: string,
  column: string,
  shaped: BreakdownShape,
  locale: AddinLocale,
): OutputTable {
  const measureLabels = new Set(shaped.measures.map((m) => m.label));
  // An Excel table's headers are unique: a key column named like a measure gets a suffix, as
  // Excel itself would give it.
  const keyLabel = measureLabels.has(column) ? `${column}2` : column;
  return {
    id,
    title: withCurrency(addinText(locale, 'tableBreakdown', { column }), shaped),
    columns: [{ label: keyLabel, format: 'text' }, ...shaped.measures],
    rows: [
      ...shaped.rows
        .slice(0, MAX_BREAKDOWN_ROWS)
        .map((row) => [row.key ?? addinText(locale, 'blankKey'), ...row.cells]),
      ...restRow(shaped, locale),
      [addinText(locale, 'colTotal'), ...shaped.total],
    ],
  };
}

/**
 * Past MAX_BREAKDOWN_ROWS values (a column of ids, say), one "… and N more" row with the sums
 * of the values not listed, so the rows still add up to the Total row.
 */
function restRow(shaped: BreakdownShape, locale: AddinLocale): OutputCell[][] {
  const rest = shaped.rows.slice(MAX_BREAKDOWN_ROWS);
  if (rest.length === 0) return [];
  const sums = shaped.measures.map((_, m) =>
    roundCents(rest.reduce((sum, row) => sum + Number(row.cells[m] ?? 0), 0)),
  );
  return [[addinText(locale, 'moreRows', { count: rest.length.toLocaleString('en-US') }), ...sums]];
}

/** Weighted per value for the forecast, the buckets stacked for aging; none for segments. */
function breakdownChart(
  analysis: 'forecast' | 'aging' | 'segment',
  table: OutputTable,
  column: string,
  shaped: BreakdownShape,
  locale: AddinLocale,
): OutputChart | null {
  const maxRows = Math.min(BREAKDOWN_CHART_ROWS, shaped.rows.length);
  if (maxRows === 0 || shaped.charted === 0 || analysis === 'segment') return null;
  const forecast = analysis === 'forecast';
  return {
    title: withCurrency(
      addinText(locale, forecast ? 'chartBreakdown' : 'chartAgingBreakdown', { column }),
      shaped,
    ),
    type: forecast ? 'barClustered' : 'columnStacked',
    table: table.id,
    category: 0,
    series: Array.from({ length: shaped.charted }, (_, m) => m + 1),
    maxRows,
  };
}

/** Sums of rounded amounts, back to cents (binary fractions drift past the second decimal). */
function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
