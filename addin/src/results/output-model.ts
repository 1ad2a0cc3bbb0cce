/**
 * What the pane writes into Excel, as plain data: the worker turns the core's results into
 * these (so only arrays cross the worker boundary) and the Excel glue writes them without
 * knowing any analysis.
 */

/** The three output sheets the add-in owns, one per analysis. */
export type OutputAnalysis = 'forecast' | 'segment' | 'aging';

/** How a column's values are shown; `text` columns are written as text (number format `@`). */
export type OutputColumnFormat = 'text' | 'money' | 'percent' | 'integer' | 'number' | 'date';

export type OutputCell = string | number | boolean | null;

export interface OutputColumn {
  label: string;
  format: OutputColumnFormat;
}

/** Cells of one column highlighted when their value is above a threshold (overdue, stuck). */
export interface OutputHighlight {
  column: number;
  greaterThan: number;
  fill: string;
  font: string;
}

export interface OutputTable {
  /** Stable id, e.g. `forecast-stages`; also the start of the Excel table's name. */
  id: string;
  title: string;
  columns: readonly OutputColumn[];
  rows: readonly (readonly OutputCell[])[];
  highlight?: OutputHighlight;
}

/**
 * `pareto`: columns, the second series a line on a secondary axis. `band`: the first series as
 * columns, the next two (P10, P90) as lines on the same axis around them.
 */
export type OutputChartType =
  'barClustered' | 'columnClustered' | 'columnStacked' | 'pareto' | 'band';

/** A native Excel chart over columns of one of the sheet's tables. */
export interface OutputChart {
  title: string;
  type: OutputChartType;
  /** Id of the table it plots. */
  table: string;
  /** Column index of the categories. */
  category: number;
  /** Column indices of the series. */
  series: readonly number[];
  /** At most this many first rows are plotted (a chart of 10,000 bars says nothing). */
  maxRows: number;
}

/** One warning as the Notes table shows it, with the source cell to select. */
export interface OutputNote {
  type: string;
  sheet: string | null;
  /** A1 address in the source sheet, e.g. `D17`; null when the warning names no cell. */
  address: string | null;
  message: string;
  action: string | null;
}

export interface OutputHeadline {
  label: string;
  value: string | number | null;
  format: OutputColumnFormat;
}

/** The as-of date a run used and where it came from, for the pane and the sheet's notes. */
export interface OutputAsOf {
  /** ISO date. */
  day: string;
  /** True when no date was set and the data's own day was used. */
  fromData: boolean;
  /** The Notes table's first row: its type and sentence, in the pane's language. */
  type: string;
  message: string;
}

/** Everything one analysis writes: one sheet of tables and charts, and its notes. */
export interface OutputSheet {
  analysis: OutputAnalysis;
  /** The default name in the pane's language. */
  name: string;
  headline: readonly OutputHeadline[];
  /** Null when the analysis has no as-of date (ABC classes alone). */
  asOf: OutputAsOf | null;
  tables: readonly OutputTable[];
  charts: readonly OutputChart[];
  notes: readonly OutputNote[];
  /** The Notes table's title and column labels, in the pane's language. */
  notesTitle: string;
  notesColumns: readonly string[];
}
