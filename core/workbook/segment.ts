import type { DataWarning } from '../columns/data-warning.js';
import type { Customer, OrderLine } from '../columns/records.js';
import type { DateInput } from '../columns/to-epoch-day.js';
import { toEpochDay } from '../columns/to-epoch-day.js';
import type { LifecycleOptions, LifecycleResult } from '../segments/lifecycle.js';
import { lifecycle } from '../segments/lifecycle.js';
import type { PortfolioOptions, PortfolioResult } from '../segments/portfolio.js';
import { portfolio } from '../segments/portfolio.js';
import type { RfmOptions, RfmResult } from '../segments/rfm.js';
import type { ScorecardOptions, ScorecardResult } from '../segments/scorecard.js';
import { normalizeHeader } from '../columns/normalize-header.js';
import { scorecard } from '../segments/scorecard.js';
import { OrderLineTally } from '../segments/tally-order-lines.js';
import { DEFAULT_WORKBOOK_FILE } from './analyze-workbook.js';
import { loadSegmentRecords } from './load-segment-records.js';
import type { RunAbcOptions, RunAbcResult } from './run-segments.js';
import { runAbc, runRfm } from './run-segments.js';
import {
  checkCriteriaColumns,
  customerListHeaders,
  normalizedCriteria,
  scorecardItemsOf,
} from './scorecard-items.js';
import type { SheetChoice } from './sheet-choice.js';
import type { WorkbookInput } from './to-sheet-grids.js';
import { toSheetGrids } from './to-sheet-grids.js';
import type { CustomerColumns } from '../tables/customer-columns.js';
import { addSegmentSources, CustomerColumnTally } from '../tables/customer-columns.js';
import type { LoadSegmentRecordsResult, SegmentRecordSource } from './load-segment-records.js';
import type { OrderHistoryNote } from './segment-orders.js';
import { readSegmentOrders } from './segment-orders.js';
import { PipecastError, type PipecastErrorPlace } from '../errors/pipecast-error.js';

/** The segmentation methods of segment(). */
export const SEGMENT_METHODS = ['abc', 'rfm', 'portfolio', 'scorecard', 'lifecycle'] as const;
export type SegmentMethod = (typeof SEGMENT_METHODS)[number];

/**
 * Records to segment: order lines (ABC, RFM, lifecycle; for RFM and ABC also a tally filled
 * while reading them) and a customer list (portfolio, scorecard; ABC when there are no lines).
 */
export interface SegmentRecords {
  lines?: readonly OrderLine[] | OrderLineTally;
  customers?: readonly Customer[];
  /** The records' other columns per customer, gathered while reading them (CustomerColumnTally). */
  columns?: CustomerColumns;
}

/** A period of whole days, both ends inclusive, as dates or epoch days. */
export interface SegmentPeriod {
  from: DateInput;
  to: DateInput;
}

interface SegmentCommonOptions extends SheetChoice {
  /** The workbook's name, for warnings, when the input is sheets; default `'workbook'`. */
  file?: string;
  /**
   * Keep each customer's value of the sheets' other columns, for `segmentCustomersTable` and
   * `segmentBreakdown`.
   */
  perRow?: boolean;
}

/** Options of segment(): the method and that method's own options. */
export type SegmentOptions = SegmentCommonOptions &
  (
    | ({ method: 'abc' } & RunAbcOptions)
    | ({
        method: 'rfm';
        /** Recency is measured to this day; default the day after the last order line. */
        asOf?: DateInput;
        /** First day counted; default all history. */
        from?: DateInput;
        /** Score only the orders in this currency; required when the orders are in several. */
        currency?: string;
      } & Omit<RfmOptions, 'asOf' | 'from'>)
    | ({ method: 'portfolio' } & PortfolioOptions)
    | ({ method: 'scorecard' } & ScorecardOptions)
    | ({
        method: 'lifecycle';
        previous: SegmentPeriod;
        current: SegmentPeriod;
      } & Pick<LifecycleOptions, 'targets'>)
  );

interface SegmentRunBase {
  /** Reading warnings (for sheets), then the method's own. */
  warnings: DataWarning[];
  /** Sheets that gave records, when the input was sheets. */
  sheets: string[];
  /**
   * ABC and RFM from sheets without order lines: the invoices or won deals taken as orders
   * instead, as the report takes them; null when there were order lines (or records were given).
   */
  orderHistory: OrderHistoryNote | null;
  /**
   * ABC from a customer list: the sheet and header of the column ranked (a customer's own
   * figure, such as its annual revenue, not our sales to it); null otherwise.
   */
  rankedColumn: { sheet: string; header: string } | null;
  /**
   * With perRow (or columns given with the records), each customer's value of the other columns
   * of the sheets read; not enumerable.
   */
  readonly customerColumns?: CustomerColumns;
}

/** What segment() returns, by method. */
export type SegmentResult =
  | (SegmentRunBase & { method: 'abc' } & Omit<RunAbcResult, 'warnings'>)
  | (SegmentRunBase & { method: 'rfm'; result: RfmResult })
  | (SegmentRunBase & { method: 'portfolio'; result: PortfolioResult })
  | (SegmentRunBase & { method: 'scorecard'; result: ScorecardResult })
  | (SegmentRunBase & { method: 'lifecycle'; result: LifecycleResult });

/** The result segment() gives for one method. */
export type SegmentResultOf<M extends SegmentMethod> = Extract<SegmentResult, { method: M }>;

interface SegmentInputRead {
  lines: readonly OrderLine[] | OrderLineTally;
  customers: readonly Customer[];
  warnings: DataWarning[];
  sheets: string[];
  sources: SegmentRecordSource[];
  columns?: CustomerColumns;
  /**
   * With perRow, the customer list read beside order lines (or the invoices or won deals taken
   * as orders), for its columns only: it adds no figures, sheets or warnings to ABC or RFM.
   */
  customerList?: Pick<LoadSegmentRecordsResult, 'customers' | 'sources'>;
  orderHistory: OrderHistoryNote | null;
  /** The file of the sheet the order history came from, for warnings and errors. */
  historyFile?: string;
}

/**
 * Segments customers by one method: ABC (Pareto classes of revenue or margin), RFM (recency,
 * frequency, monetary scores and segments), the attack/defend portfolio (potential × share), a
 * weighted scorecard of a customer list, or lifecycle KPIs between two periods. From sheets it
 * reads the order lines and/or the customer list the method needs (headers in English or Chinese).
 *
 * @param input - the sheets of a workbook (`{ name, values }` as `Range.values` gives them), or
 *   records `{ lines, customers }`.
 * @param options - `method` and that method's options; dates as `'YYYY-MM-DD'` or epoch days.
 * @returns the method's result, the reading and analysis warnings, and the sheets read.
 * @throws PipecastError for a bad date option or a method option the method refuses (e.g. scorecard
 *   weights not adding to 100); TypeError for an unknown method or lifecycle over a tally.
 * @example
 * segment({ lines: [{ customer: 'C1', date: 20600, amount: 500, row: 2 }] }, { method: 'rfm', asOf: '2026-06-30' })
 *   .result.customers[0]?.segment; // 'lost': a lone customer scores R = F = M = 1 in quintile mode
 */
export function segment<O extends SegmentOptions>(
  input: WorkbookInput | SegmentRecords,
  options: O,
): SegmentResultOf<O['method']> {
  return segmentBy(input, options) as SegmentResultOf<O['method']>;
}

function segmentBy(input: WorkbookInput | SegmentRecords, options: SegmentOptions): SegmentResult {
  if (!(SEGMENT_METHODS as readonly string[]).includes(options?.method))
    throw new PipecastError(
      'invalid-option',
      `segment: method must be one of ${SEGMENT_METHODS.join(', ')}, got ${JSON.stringify(options?.method)}`,
    );
  const read = readSegmentInput(input, options);
  const segmented = segmentRead(read, options);
  placeWarnings(segmented.warnings, read, options);
  const columns = read.columns ?? (options.perRow === true ? customerColumnsOf(read) : undefined);
  if (columns !== undefined)
    Object.defineProperty(segmented, 'customerColumns', { value: columns, enumerable: false });
  return segmented;
}

/** The file and sheet a segmentation read (its first source sheet), for warnings and errors. */
function placeOf(read: SegmentInputRead, options: SegmentOptions): PipecastErrorPlace {
  const source = read.sources[0]?.grid;
  if (source) return { file: source.file, sheet: source.sheet };
  const file = read.historyFile ?? options.file ?? DEFAULT_WORKBOOK_FILE;
  return read.sheets[0] === undefined ? { file } : { file, sheet: read.sheets[0] };
}

/**
 * Gives every warning that lacks one the place of the sheet read: the methods' own warnings
 * (a customer without an id, a blank revenue) come from that sheet's records. Mutates the list.
 */
function placeWarnings(
  warnings: DataWarning[],
  read: SegmentInputRead,
  options: SegmentOptions,
): void {
  const place = placeOf(read, options);
  warnings.forEach((warning, index) => {
    if (warning.file === undefined && warning.sheet === undefined)
      warnings[index] = { ...place, ...warning };
  });
}

function segmentRead(read: SegmentInputRead, options: SegmentOptions): SegmentResult {
  const base = {
    warnings: read.warnings,
    sheets: read.sheets,
    orderHistory: read.orderHistory,
    rankedColumn: null,
  };
  const place = placeOf(read, options);
  switch (options.method) {
    case 'abc': {
      const { by, cutPoints, currency } = options;
      const run = runAbc(
        read,
        {
          ...(by === undefined ? {} : { by }),
          ...(cutPoints === undefined ? {} : { cutPoints }),
          ...(currency === undefined ? {} : { currency }),
        },
        place,
      );
      return {
        ...base,
        ...run,
        method: 'abc',
        rankedColumn: run.source === 'customers' ? rankedColumnOf(read, by ?? 'revenue') : null,
        warnings: [...read.warnings, ...run.warnings],
      };
    }
    case 'rfm': {
      const { asOf, from, ...rest } = methodOptions(options);
      const result = runRfm(
        read.lines,
        {
          ...rest,
          ...(asOf === undefined ? {} : { asOf: toEpochDay(asOf, 'asOf') }),
          ...(from === undefined ? {} : { from: toEpochDay(from, 'from') }),
        },
        place,
      );
      return { ...base, method: 'rfm', result, warnings: [...read.warnings, ...result.warnings] };
    }
    case 'portfolio': {
      const result = portfolio(read.customers, methodOptions(options));
      return {
        ...base,
        method: 'portfolio',
        result,
        warnings: [...read.warnings, ...result.warnings],
      };
    }
    case 'scorecard': {
      const items = scorecardItemsOf(read.customers);
      // A criterion naming a column read as a field takes the field, as the items key it.
      const fields = fieldsByHeader(read.sources);
      const criteria = normalizedCriteria(options.criteria).map((criterion) => {
        const field = fields.get(criterion.column ?? '');
        return field === undefined ? criterion : { ...criterion, column: field };
      });
      const headers = customerListHeaders(read.sources, read.customers);
      if (items.length > 0) checkCriteriaColumns(criteria, items, headers, fields, place);
      const result = scorecard(items, {
        criteria,
        ...(options.tiers === undefined ? {} : { tiers: options.tiers }),
      });
      return {
        ...base,
        method: 'scorecard',
        result,
        warnings: [...read.warnings, ...result.warnings],
      };
    }
    case 'lifecycle': {
      if (read.lines instanceof OrderLineTally)
        throw new PipecastError(
          'invalid-input',
          'segment: lifecycle needs the order lines themselves, not a tally',
        );
      const result = lifecycle(read.lines, {
        previous: toPeriod(options.previous, 'previous'),
        current: toPeriod(options.current, 'current'),
        ...(options.targets === undefined ? {} : { targets: options.targets }),
      });
      return {
        ...base,
        method: 'lifecycle',
        result,
        warnings: [...read.warnings, ...result.warnings],
      };
    }
  }
}

/** Normalised header → the customer field its column was read as ("purchasepotential" → "potential"). */
function fieldsByHeader(sources: readonly SegmentRecordSource[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const source of sources)
    for (const matched of source.matched)
      fields.set(normalizeHeader(matched.header), matched.field);
  return fields;
}

/** The customer list's column ABC ranked, as its sheet names it. */
function rankedColumnOf(
  read: SegmentInputRead,
  by: 'revenue' | 'margin',
): SegmentRunBase['rankedColumn'] {
  for (const source of read.sources) {
    const column = source.matched.find((matched) => matched.field === by);
    if (column !== undefined) return { sheet: source.grid.sheet, header: column.header };
  }
  return null;
}

/** The options of the method itself, without the method's name and how to read sheets. */
function methodOptions<T extends SegmentOptions>(
  options: T,
): Omit<T, 'method' | 'file' | 'kinds' | 'mappings'> {
  const own: Record<string, unknown> = { ...options };
  for (const key of ['method', 'file', 'kinds', 'mappings']) delete own[key];
  return own as Omit<T, 'method' | 'file' | 'kinds' | 'mappings'>;
}

function toPeriod(period: SegmentPeriod, name: string): { from: number; to: number } {
  return {
    from: toEpochDay(period?.from, `${name}.from`),
    to: toEpochDay(period?.to, `${name}.to`),
  };
}

/**
 * Each customer's value of the other columns of the sheets read (one value per customer), the
 * customer list's joined by id when there is one beside the orders.
 */
function customerColumnsOf(read: SegmentInputRead): CustomerColumns {
  const tally = new CustomerColumnTally();
  const lines = Array.isArray(read.lines) ? (read.lines as readonly OrderLine[]) : [];
  addSegmentSources(tally, read.sources, lines, read.customers);
  if (read.customerList !== undefined)
    addSegmentSources(tally, read.customerList.sources, [], read.customerList.customers);
  return tally.finish();
}

/** The records the method needs: as given, or read from the sheets (lines, customers or both). */
function readSegmentInput(
  input: WorkbookInput | SegmentRecords,
  options: SegmentOptions,
): SegmentInputRead {
  if (!Array.isArray(input)) {
    const records = input as SegmentRecords;
    return {
      lines: records.lines ?? [],
      customers: records.customers ?? [],
      warnings: [],
      sheets: [],
      sources: [],
      ...(records.columns === undefined ? {} : { columns: records.columns }),
      orderHistory: null,
    };
  }
  const grids = toSheetGrids(input, options.file ?? DEFAULT_WORKBOOK_FILE, 'segment');
  const choice: SheetChoice = {
    ...(options.kinds === undefined ? {} : { kinds: options.kinds }),
    ...(options.mappings === undefined ? {} : { mappings: options.mappings }),
  };
  if (options.method === 'abc' || options.method === 'rfm')
    return readOrders(grids, options, choice);
  const wantsLines = options.method === 'lifecycle';
  const lines = wantsLines ? loadSegmentRecords(grids, 'orderLine', choice) : undefined;
  const customers = wantsLines ? undefined : loadSegmentRecords(grids, 'customer', choice);
  return {
    lines: lines?.lines ?? [],
    customers: customers?.customers ?? [],
    warnings: [...(lines?.warnings ?? []), ...(customers?.warnings ?? [])],
    sheets: [...(lines?.sheets ?? []), ...(customers?.sheets ?? [])],
    sources: [...(lines?.sources ?? []), ...(customers?.sources ?? [])],
    orderHistory: null,
  };
}

/**
 * ABC's and RFM's orders as the report finds them (readSegmentOrders): order lines, else
 * invoices, else won deals; ABC ranks a customer list's revenue only when there are none. With
 * perRow and orders, the customer list is read for its columns alone.
 */
function readOrders(
  grids: Parameters<typeof readSegmentOrders>[0],
  options: SegmentOptions,
  choice: SheetChoice,
): SegmentInputRead {
  const { orders, from, choice: planned } = readSegmentOrders(grids, choice);
  const customers =
    options.method === 'abc' && orders.lines.length === 0
      ? loadSegmentRecords(grids, 'customer', planned)
      : undefined;
  const customerList =
    options.perRow === true && orders.lines.length > 0
      ? loadSegmentRecords(grids, 'customer', planned)
      : undefined;
  return {
    ...(customerList === undefined ? {} : { customerList }),
    lines: orders.lines,
    customers: customers?.customers ?? [],
    warnings: [...orders.warnings, ...(customers?.warnings ?? [])],
    sheets: [...orders.sheets, ...(customers?.sheets ?? [])],
    sources: [...orders.sources, ...(customers?.sources ?? [])],
    orderHistory: from,
    ...historyFileOf(grids, from),
  };
}

function historyFileOf(
  grids: Parameters<typeof readSegmentOrders>[0],
  from: OrderHistoryNote | null,
): { historyFile?: string } {
  const grid = from === null ? undefined : grids.find((g) => g.sheet === from.sheets[0]);
  return grid === undefined ? {} : { historyFile: grid.file };
}
