import type { Locale } from '../../core/index.js';

/** Language of the fixed report wording (headings, captions); data is shown as typed. */
export type ReportLocale = Locale;

/** One label/value pair of a section summary, e.g. {label: 'Weighted forecast', value: 364.8}. */
export interface ReportSummaryItem {
  label: string;
  value: string | number;
  /** Why the value is missing or unusual, shown small under it (e.g. why DSO is a dash). */
  note?: string;
}

/** A rendered chart: `svg` is the output of renderChart (vega's SVG, text escaped by vega). */
export interface ReportChart {
  id: string;
  /** The chart's title; the image shows it, so the page uses it only as the figure's label. */
  title: string;
  /** How to read the chart (shown under it); a caption equal to the title is not shown. */
  caption?: string;
  svg: string;
}

/** A table cell: text, number (formatted with grouping) or blank. */
export type ReportCell = string | number | boolean | null;

/** A summary table of a section. */
export interface ReportTable {
  title: string;
  columns: readonly string[];
  rows: readonly (readonly ReportCell[])[];
  /** Columns of figures (already formatted as text), right-aligned; default: cells that are numbers. */
  numericColumns?: readonly boolean[];
}

/** One analysis section of the report. */
export interface ReportSection {
  /** Anchor id; characters other than letters, digits, - and _ are replaced. */
  id: string;
  title: string;
  summary: readonly ReportSummaryItem[];
  charts: readonly ReportChart[];
  tables: readonly ReportTable[];
  /** Free text shown under the heading (e.g. which template or as-of rule was used). */
  notes?: readonly string[];
}

/** A data warning, e.g. {where: 'Deals!E12', message: 'amount "12,3x" unreadable; row skipped'}. */
export interface ReportWarning {
  where: string;
  message: string;
}

/** An analysis the data did not allow, with the reason. */
export interface ReportSkipped {
  analysis: string;
  reason: string;
}

/** Everything one report page shows. */
export interface ReportModel {
  title: string;
  subtitle?: string;
  /** As-of date of the analyses, ISO `YYYY-MM-DD`. */
  generatedFor: string;
  locale?: ReportLocale;
  sections: readonly ReportSection[];
  warnings: readonly ReportWarning[];
  skipped: readonly ReportSkipped[];
}

/** One workbook in the index page. */
export interface ReportIndexEntry {
  /** Input file name as shown. */
  name: string;
  /** 'nothing': a report was written but no analysis found its data. */
  status: 'ok' | 'nothing' | 'error';
  /** Relative link to the workbook's report.html (ok entries). */
  href?: string;
  /** Why the file failed (error entries), or a one-line note. */
  message?: string;
  summary?: readonly ReportSummaryItem[];
}
