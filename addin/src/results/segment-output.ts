import type {
  PortfolioResult,
  RfmResult,
  ScorecardResult,
  SegmentResult,
} from '../../../core/index.js';
import { segmentClassName, segmentSourceText } from '../../../core/index.js';
import type { AddinLocale, AddinTextKey } from '../text/addin-text.js';
import { addinText } from '../text/addin-text.js';
import { columnOf } from './forecast-output.js';
import type { NotePlaces } from './notes-of.js';
import { notesColumns, notesOf } from './notes-of.js';
import type { OutputChart, OutputHeadline, OutputSheet, OutputTable } from './output-model.js';

type AbcRun = Extract<SegmentResult, { method: 'abc' }>;

/** The segment runs of one pane run: ABC always, RFM with order lines, portfolio with potentials. */
export interface SegmentRuns {
  abc: AbcRun | null;
  rfm: RfmResult | null;
  portfolio: PortfolioResult | null;
  /** With a customer list and the user's criteria. */
  scorecard: ScorecardResult | null;
}

/** Customers plotted in the Pareto chart: the head of the list, where the classes are decided. */
const PARETO_ROWS = 50;

/**
 * The Segments sheet: ABC classes and customers (Pareto chart), RFM segments and customers
 * (segment counts chart), the portfolio's zones and customers, and a note per warning.
 */
export function segmentOutput(
  runs: SegmentRuns,
  warnings: Parameters<typeof notesOf>[0],
  locale: AddinLocale,
  places: NotePlaces,
): OutputSheet {
  const text = (key: AddinTextKey) => addinText(locale, key);
  const tables: OutputTable[] = [];
  const charts: OutputChart[] = [];
  const headline: OutputHeadline[] = [];
  if (runs.abc) addAbc(runs.abc, locale, { tables, charts, headline });
  if (runs.rfm) addRfm(runs.rfm, locale, { tables, charts, headline });
  if (runs.portfolio) addPortfolio(runs.portfolio, locale, tables);
  if (runs.scorecard) tables.push(scorecardTable(runs.scorecard, locale));
  return {
    analysis: 'segment',
    name: text('sheetSegments'),
    headline,
    // ABC has no as-of date; the caller adds RFM's, knowing whether the user set it.
    asOf: null,
    tables,
    charts,
    notes: [...sourceNotes(runs.abc, locale), ...notesOf(warnings, places, locale)],
    notesTitle: text('tableNotes'),
    notesColumns: notesColumns(locale),
  };
}

/**
 * Where ABC's (and RFM's) figures came from when not order lines: the invoices or won deals taken
 * as orders, or the customer list's own column, as the CLI and the report say it.
 */
function sourceNotes(run: AbcRun | null, locale: AddinLocale): OutputSheet['notes'] {
  const message = run === null ? null : segmentSourceText(run, locale);
  if (run === null || message === null) return [];
  const sheet = run.orderHistory?.sheets[0] ?? run.rankedColumn?.sheet ?? null;
  return [{ type: 'order-source', sheet, address: null, message, action: null }];
}

interface SheetParts {
  tables: OutputTable[];
  charts: OutputChart[];
  headline: OutputHeadline[];
}

function addAbc(run: AbcRun, locale: AddinLocale, parts: SheetParts): void {
  const r = run.result;
  const classA = r.classes.find((c) => c.class === 'A');
  parts.headline.push(
    { label: addinText(locale, 'headlineCustomers'), value: r.customers.length, format: 'integer' },
    {
      label: addinText(locale, 'headlineClassA'),
      value: classA?.customers ?? 0,
      format: 'integer',
    },
  );
  parts.tables.push({
    id: 'abc-classes',
    title: addinText(locale, 'tableClasses'),
    columns: [
      columnOf(locale, 'colClass', 'text'),
      columnOf(locale, 'colCustomers', 'integer'),
      columnOf(locale, 'colCustomerShare', 'percent'),
      columnOf(locale, 'colValue', 'money'),
      columnOf(locale, 'colValueShare', 'percent'),
    ],
    rows: r.classes.map((c) => [c.class, c.customers, c.customerShare, c.value, c.valueShare]),
  });
  const customers: OutputTable = {
    id: 'abc-customers',
    title: addinText(locale, 'tableAbcCustomers'),
    columns: [
      columnOf(locale, 'colCustomer', 'text'),
      columnOf(locale, 'colValue', 'money'),
      columnOf(locale, 'colCumulativeShare', 'percent'),
      columnOf(locale, 'colShare', 'percent'),
      columnOf(locale, 'colClass', 'text'),
      columnOf(locale, 'colRank', 'integer'),
    ],
    rows: r.customers.map((c) => [c.id, c.value, c.cumulativeShare, c.share, c.class, c.rank]),
  };
  parts.tables.push(customers);
  parts.charts.push({
    title: addinText(locale, 'chartPareto'),
    type: 'pareto',
    table: customers.id,
    category: 0,
    series: [1, 2],
    maxRows: PARETO_ROWS,
  });
}

function addRfm(r: RfmResult, locale: AddinLocale, parts: SheetParts): void {
  const name = (g: { name: string; nameZh: string }) => (locale === 'zh' ? g.nameZh : g.name);
  const segments: OutputTable = {
    id: 'rfm-segments',
    title: addinText(locale, 'tableRfmSegments'),
    columns: [
      columnOf(locale, 'colSegment', 'text'),
      columnOf(locale, 'colCustomers', 'integer'),
      columnOf(locale, 'colCustomerShare', 'percent'),
      columnOf(locale, 'colMonetary', 'money'),
      columnOf(locale, 'colValueShare', 'percent'),
    ],
    rows: r.segments.map((g) => [
      name(g),
      g.customers,
      g.customerShare,
      g.monetary,
      g.monetaryShare,
    ]),
  };
  parts.tables.push(segments, {
    id: 'rfm-customers',
    title: addinText(locale, 'tableRfmCustomers'),
    columns: [
      columnOf(locale, 'colCustomer', 'text'),
      columnOf(locale, 'colRecency', 'integer'),
      columnOf(locale, 'colFrequency', 'integer'),
      columnOf(locale, 'colMonetary', 'money'),
      { label: 'R', format: 'integer' },
      { label: 'F', format: 'integer' },
      { label: 'M', format: 'integer' },
      columnOf(locale, 'colSegment', 'text'),
    ],
    rows: r.customers.map((c) => [
      c.id,
      c.recency,
      c.frequency,
      c.monetary,
      c.r,
      c.f,
      c.m,
      locale === 'zh' ? c.segmentNameZh : c.segmentName,
    ]),
  });
  parts.charts.push({
    title: addinText(locale, 'chartSegments'),
    type: 'columnClustered',
    table: segments.id,
    category: 0,
    series: [1],
    maxRows: r.segments.length,
  });
}

function addPortfolio(r: PortfolioResult, locale: AddinLocale, tables: OutputTable[]): void {
  const zoneName = (zone: string) => segmentClassName('portfolio', zone, locale);
  tables.push({
    id: 'portfolio-customers',
    title: addinText(locale, 'tablePortfolio'),
    columns: [
      columnOf(locale, 'colCustomer', 'text'),
      columnOf(locale, 'colPotential', 'money'),
      columnOf(locale, 'colOurShare', 'percent'),
      columnOf(locale, 'colZone', 'text'),
    ],
    rows: r.customers.map((c) => [c.id, c.potential, c.share, zoneName(c.zone)]),
  });
}

function scorecardTable(r: ScorecardResult, locale: AddinLocale): OutputTable {
  return {
    id: 'scorecard-customers',
    title: addinText(locale, 'tableScorecard'),
    columns: [
      columnOf(locale, 'colCustomer', 'text'),
      columnOf(locale, 'colScore', 'number'),
      columnOf(locale, 'colRank', 'integer'),
      columnOf(locale, 'colTier', 'text'),
    ],
    rows: r.items.map((item) => [
      item.name ?? item.id,
      item.total,
      item.rank,
      locale === 'zh' && item.tierZh !== null
        ? item.tierZh
        : segmentClassName('scorecard', item.tier, locale),
    ]),
  };
}
