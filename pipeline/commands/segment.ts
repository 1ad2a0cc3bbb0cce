import {
  CsvValueCache,
  loadSegmentRecords,
  ORDER_LINE_TALLY_FIELDS,
  OrderLineTally,
  planSheets,
  type SegmentRecordSource,
  sheetChoicesOf,
  WorkbookReadError,
} from '../../core/readers/index.js';
import {
  type Customer,
  type DataWarning,
  epochDayFromIso,
  type OrderLine,
  PipecastError,
  type RecordKind,
  type RfmThresholds,
  type ScorecardCriterion,
  type ScorecardResult,
  type ScorecardScale,
  type SegmentBreakdown,
  type SegmentResult,
  addSegmentSources,
  CustomerColumnTally,
  textFor,
  type Locale,
  type TextKey,
  segment,
  segmentSourceText,
  type SegmentRecords,
  type OrderHistoryNote,
  segmentClassName,
  formatCount,
  formatDecimal,
  formatMoney,
  formatPercent,
  type PlainSectionKey,
  type CodedText,
  coded,
  errorText,
  renderCoded,
} from '../../core/index.js';
import {
  chooseLocale,
  colon,
  LOCALE_OPTION,
  parseLocaleFlag,
  rowText,
  warningWithAction,
  sayIn,
} from '../cli-locale.js';
import type { CliIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { UsageError } from '../cli-io.js';
import { listInputFiles } from '../list-input-files.js';
import { readWorkbook, type SheetGrid } from '../read-workbook.js';
import { segmentBreakdowns, segmentBreakdownsText } from './segment-breakdowns.js';
import { cutTextTable, moreRowsLine, textTable } from '../render/text-table.js';
import { shownWarnings } from '../render/shown-warnings.js';
import { outputJson } from '../render/output-json.js';
import { errorLineOf } from '../failure-line.js';

export const SEGMENT_METHODS = ['abc', 'rfm', 'portfolio', 'scorecard'] as const;
export type SegmentMethod = (typeof SEGMENT_METHODS)[number];

/** Files read at once: enough to overlap disk reads with parsing, few enough to bound memory. */
export const DEFAULT_READ_CONCURRENCY = 8;
/** Rows per table in the text report. */
const TEXT_ROWS = 10;

const USAGE = `Usage: pipecast segment <file|folder...> --method abc|rfm|portfolio|scorecard [options]

Customer segmentation. abc and rfm read order lines (customer, invoice, date, amount or
quantity × unit price); abc also takes a customer list with a revenue column. portfolio and
scorecard read a customer list. Several files or folders (e.g. daily exports) are read together.

Options:
  --method M          abc, rfm, portfolio or scorecard (required)
  --as-of YYYY-MM-DD  RFM: the day recency is measured to; default the day after the last line
  --sheet NAME        read only this sheet of each workbook
  --config FILE       pipecast.json (docs/pipecast.schema.json): segments keys, locale; flags win
  --locale en|zh      language of the output; default from the config, else the headers
  --json              print one JSON object: {method, files, customers, summary, warnings}
                      (and breakdowns with --by)
  --by COLUMN         break the customers down by a column of the files (header text in
                      English or Chinese, or a column letter), repeatable: customers, revenue
                      and customers per class or segment per value. A customer list beside
                      the order lines gives its columns as they are, joined by customer id (its
                      value wins over the lines'); of order lines, a customer counts under its
                      most recent line's value (a note counts the customers whose lines
                      differ); the columns the figures are summed from (customer, invoice,
                      date, quantity, unit price, amount, margin) are not offered
  --by-column COLUMN  the same, for a column named "revenue" or "margin"
  --measure revenue|margin
                      ABC: the ranked measure (default revenue). The older spelling
                      --by revenue / --by margin still means it, with a note
  --cut-points A,B    ABC: cumulative-share cut points in percent (default 80,95)
  --currency CODE     ABC, RFM: rank only the orders in this currency. Orders in several
                      currencies (invoices taken as orders) are never added together: without
                      it such data is refused, naming the currencies
  --mode quintile|b2b RFM: rank scores (default) or fixed thresholds for few large accounts
  --recency a,b,c,d   RFM: fixed recency thresholds in days (b2b default 30,60,90,180)
  --frequency a,b,c,d RFM: fixed order-count thresholds (b2b default 2,4,6,12)
  --monetary a,b,c,d  RFM: fixed revenue thresholds (required with --mode b2b)
  --criteria LIST     scorecard: name:weight[:auto|score|min-max|rank][:low], comma separated,
                      weights in percent adding to 100; ':low' = lower is better. auto (default):
                      a column of 1–100 scores is read as is, any other is scaled by percentile rank
  --tiers customer|channel
                      scorecard: strategic/key/ordinary (default) or channel A/B/C/D
  -h, --help          show this help
`;

interface SegmentArgs {
  paths: string[];
  method: SegmentMethod;
  asOf: number | undefined;
  sheet: string | undefined;
  json: boolean;
  measure: 'revenue' | 'margin';
  currency: string | undefined;
  /** Columns to break down by (--by COLUMN). */
  by: string[];
  /** Notes for stderr, such as the older --by revenue spelling. */
  notes: CodedText[];
  cutPoints: [number, number] | undefined;
  mode: 'quintile' | 'b2b';
  thresholds: { recency?: RfmThresholds; frequency?: RfmThresholds; monetary?: RfmThresholds };
  criteria: ScorecardCriterion[] | undefined;
  tiers: 'customer' | 'channel';
  locale: Locale | undefined;
}

/** The `--json` shape. */
export interface SegmentOutput {
  method: SegmentMethod;
  files: string[];
  /** One row per customer: `id` first, then the method's fields. */
  customers: { id: string }[];
  summary: Record<string, unknown>;
  warnings: DataWarning[];
  /** With --by: the customers per value of each column named. */
  breakdowns?: SegmentBreakdown[];
  /** ABC and RFM with --currency: the only currency ranked. */
  currency?: string;
  /**
   * ABC and RFM: where the figures came from: order lines; else, as the report chooses, the
   * invoices or won deals taken as orders; else (ABC) a customer list's own column, named.
   */
  source?:
    | { kind: 'orderLines' }
    | ({ kind: 'invoices' | 'wonDeals' } & Omit<OrderHistoryNote, 'source'>)
    | { kind: 'customerList'; sheet: string | null; column: string | null };
}

/** `pipecast segment`: ABC, RFM, attack/defend portfolio or weighted scorecard over many files. */
export async function segmentCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseSegmentArgs(args);
  if (options === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  let files: string[];
  try {
    files = await listInputFiles(options.paths);
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    io.stderr(`pipecast segment: ${errorLineOf(error, options.locale ?? 'en')}\n`);
    return 1;
  }
  if (files.length === 0) {
    const locale = options.locale ?? 'en';
    const paths = options.paths.join(', ');
    io.stderr(`pipecast segment: ${textFor(locale, 'cli.noInputFiles', { paths })}\n`);
    return 1;
  }

  const kind: RecordKind =
    options.method === 'portfolio' || options.method === 'scorecard' ? 'customer' : 'orderLine';
  // RFM and ABC only need per-customer sums: order lines are counted as they are read and never
  // held, so a folder of many daily exports is read in little memory.
  const tally =
    kind === 'orderLine'
      ? new OrderLineTally(
          options.method === 'rfm' && options.asOf !== undefined ? { to: options.asOf } : {},
        )
      : undefined;
  // --by groups customers by their value of a column, gathered while the files are read.
  const columns = options.by.length > 0 ? new CustomerColumnTally(options.by) : undefined;
  const read = await readInputs(files, kind, options.sheet, tally, columns);
  const locale = options.locale ?? read.locale;
  io.useLocale?.(locale);
  for (const failure of read.failures)
    io.stderr(`pipecast segment: ${errorLineOf(failure, locale)}\n`);

  let lineCount = read.lines instanceof OrderLineTally ? read.lines.count : read.lines.length;
  let sheets: SheetGrid[] | undefined;
  if ((options.method === 'abc' || options.method === 'rfm') && lineCount === 0) {
    // No order lines: the files are read together, as the report reads them, for their invoices
    // or won deals (and, for ABC, a customer list) in the core's one choice of order history.
    sheets = await readAllSheets(files, options.sheet);
    lineCount = 1;
  }
  // The scorecard reads the list's sheets itself, so a criterion is checked against the columns
  // as they are headed (a misspelt or text column is refused, naming the columns).
  if (options.method === 'scorecard' && read.customers.length > 0)
    sheets = await readAllSheets(files, options.sheet);
  const noRecords = (): number => {
    const noun = kind === 'orderLine' ? kind : 'customer';
    const text = textFor(locale, `cli.noRecordsFound_${noun}`, { files: files.length });
    io.stderr(`pipecast segment: ${text}\n`);
    for (const w of read.warnings.slice(0, 5)) io.stderr(`  ${formatWarning(w, locale)}\n`);
    return 1;
  };
  if (lineCount === 0 && read.customers.length === 0) return noRecords();
  read.columns ??= columns;
  let run: ReturnType<typeof runMethod>;
  try {
    run = runMethod(options, files, sheets ?? recordsOf(read));
  } catch (error) {
    // Files read together that hold no orders of any kind: RFM has no order line to date.
    if (sheets !== undefined && error instanceof PipecastError && error.code === 'empty-input')
      return noRecords();
    throw error;
  }
  const output: SegmentOutput = {
    ...run.output,
    ...(options.currency === undefined || kind !== 'orderLine'
      ? {}
      : { currency: options.currency.toUpperCase() }),
    warnings:
      sheets === undefined ? [...read.warnings, ...run.output.warnings] : run.output.warnings,
  };
  if (sheets !== undefined && run.segmented.sheets.length === 0) return noRecords();
  if (output.customers.length === 0) {
    // A run that segments no one is not a success, whatever the tables would show (all zeros).
    io.stderr(`pipecast segment: ${textFor(locale, nothingToSegmentKey(options.method))}\n`);
    for (const w of output.warnings.slice(0, 5)) io.stderr(`  ${formatWarning(w, locale)}\n`);
    return 1;
  }
  if (options.by.length > 0) output.breakdowns = segmentBreakdowns(run.segmented, options.by);
  for (const note of options.notes) io.stderr(`pipecast segment: ${renderCoded(note, locale)}\n`);
  io.stdout(
    options.json
      ? `${outputJson(output)}\n`
      : formatText(output, locale) +
          segmentBreakdownsText(output.breakdowns ?? [], options.method, locale),
  );
  return read.failures.length > 0 ? 2 : 0;
}

interface ReadInputs {
  /** The order lines, or the tally that counted them as they were read. */
  lines: OrderLine[] | OrderLineTally;
  customers: Customer[];
  warnings: DataWarning[];
  failures: WorkbookReadError[];
  /** The language of the first file's headers. */
  locale: Locale;
  /** With --by, the records' other columns per customer, gathered while reading. */
  columns?: CustomerColumnTally | undefined;
}

/**
 * Reads every file with at most DEFAULT_READ_CONCURRENCY in flight and keeps the records in
 * file order, so the result does not depend on which read finished first. With a tally, each
 * file's order lines are added to it once the file is read, one file after another (the same
 * order), and then dropped: only one file's lines are held at a time.
 */
async function readInputs(
  files: readonly string[],
  kind: RecordKind,
  sheet: string | undefined,
  tally?: OrderLineTally,
  columns?: CustomerColumnTally,
): Promise<ReadInputs> {
  const perFile: {
    lines: OrderLine[];
    customers: Customer[];
    warnings: DataWarning[];
    sources: SegmentRecordSource[];
  }[] = [];
  let locale: Locale | undefined;
  const failures: (WorkbookReadError | undefined)[] = [];
  let next = 0;
  // Daily exports repeat the same customers, invoices and products: parse each text once.
  const valueCache = new CsvValueCache();
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      try {
        const grids: SheetGrid[] = await readWorkbook(file, sheet === undefined ? {} : { sheet });
        if (index === 0) locale = chooseLocale(undefined, grids);
        const planned = kind === 'orderLine' ? sheetChoicesOf(planSheets(grids)).choice : {};
        // Order lines from the sheets the report would take as order lines (not invoices).
        const out = loadSegmentRecords(
          grids,
          kind === 'orderLine' ? 'orderLine' : 'customer',
          planned,
          {
            valueCache,
            // Lines are only counted: their other columns (product, region) need no parsing.
            ...(tally === undefined ? {} : { fields: ORDER_LINE_TALLY_FIELDS }),
          },
        );
        // Each customer's other columns (--by) are gathered file by file too, in file order
        // (one file at a time with a tally; otherwise kept per file and added below).
        if (columns !== undefined && tally !== undefined) {
          addSegmentSources(columns, out.sources, out.lines, out.customers);
          // A customer list beside the lines gives its columns (Industry, Region), joined by id.
          const list = loadSegmentRecords(grids, 'customer', planned, { valueCache });
          addSegmentSources(columns, list.sources, [], list.customers);
        }
        if (tally !== undefined) {
          // Counted once the whole file is read (a file that fails half way adds nothing),
          // then dropped: only one file's lines are held at a time.
          for (const line of out.lines) tally.add(line);
          out.lines = [];
        }
        perFile[index] = {
          ...out,
          sources: columns !== undefined && tally === undefined ? out.sources : [],
        };
      } catch (error) {
        if (!(error instanceof WorkbookReadError)) throw error;
        failures[index] = error;
      }
    }
  };
  const concurrency = tally === undefined ? DEFAULT_READ_CONCURRENCY : 1;
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  const lines: OrderLine[] = [];
  const result: ReadInputs = {
    lines: tally ?? lines,
    customers: [],
    warnings: [],
    failures: [],
    locale: locale ?? 'en',
  };
  for (let i = 0; i < files.length; i++) {
    const f = perFile[i];
    if (f !== undefined) {
      if (columns !== undefined && tally === undefined)
        addSegmentSources(columns, f.sources, f.lines, f.customers);
      for (const l of f.lines) lines.push(l);
      for (const c of f.customers) result.customers.push(c);
      result.warnings.push(...f.warnings);
    }
    const failure = failures[i];
    if (failure !== undefined) result.failures.push(failure);
  }
  return result;
}

/** The method's output, and the segmentation it came from (for --by). */
function runMethod(
  options: SegmentArgs,
  files: string[],
  records: SegmentRecords | SheetGrid[],
): { output: SegmentOutput; segmented: SegmentResult } {
  const base = { method: options.method, files };
  // Warnings of order lines tallied across the files (31 lines without a customer id) name the
  // input, not the core's placeholder 'workbook'.
  const place = { file: files.length === 1 ? files[0] : `${files[0]} … ${files.at(-1)}` };
  // Sheets read together keep each customer's other columns for --by themselves.
  const perRow = Array.isArray(records) && options.by.length > 0 ? { perRow: true } : {};
  switch (options.method) {
    case 'abc': {
      const segmented = segment(records, {
        ...perRow,
        ...place,
        method: 'abc',
        by: options.measure,
        ...(options.cutPoints === undefined ? {} : { cutPoints: options.cutPoints }),
        ...(options.currency === undefined ? {} : { currency: options.currency }),
      });
      return {
        output: { ...base, ...abcOutput(segmented), source: sourceOf(segmented) },
        segmented,
      };
    }
    case 'rfm': {
      const segmented = segment(records, {
        ...perRow,
        ...place,
        method: 'rfm',
        ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
        ...(options.currency === undefined ? {} : { currency: options.currency }),
        mode: options.mode,
        thresholds: options.thresholds,
      });
      // The run's warnings hold the result's, each given the file it came from: those are listed.
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- taken out of the summary
      const { customers, warnings: resultWarnings, ...summary } = segmented.result;
      return {
        output: {
          ...base,
          customers,
          summary,
          warnings: segmented.warnings,
          source: sourceOf(segmented),
        },
        segmented,
      };
    }
    case 'portfolio': {
      const segmented = segment(records, { method: 'portfolio' });
      const { customers, warnings, ...summary } = segmented.result;
      return { output: { ...base, customers: [...customers], summary, warnings }, segmented };
    }
    case 'scorecard': {
      if (options.criteria === undefined) {
        throw new UsageError(coded('error.scorecardNeedsCriteria'));
      }
      let segmented;
      try {
        segmented = segment(records, {
          ...perRow,
          method: 'scorecard',
          criteria: options.criteria,
          tiers: options.tiers,
        });
      } catch (error) {
        // A criterion's column not in the list: the core's line, with its file and sheet.
        if (error instanceof PipecastError && error.code === 'missing-column') throw error;
        if (error instanceof PipecastError) throw new UsageError(errorText(error));
        throw error;
      }
      const { items: rows, warnings, ...summary } = segmented.result;
      return { output: { ...base, customers: rows, summary, warnings }, segmented };
    }
  }
}

/** The records given to segment(): the order lines (or their tally) and the customers read. */
function recordsOf(read: ReadInputs): SegmentRecords {
  return {
    lines: read.lines,
    customers: read.customers,
    ...(read.columns === undefined ? {} : { columns: read.columns.finish() }),
  };
}

/**
 * Every sheet of every file, read as one workbook (a CRM's tables one per file); a file that
 * cannot be read was already reported.
 */
async function readAllSheets(
  files: readonly string[],
  sheet: string | undefined,
): Promise<SheetGrid[]> {
  const sheets: SheetGrid[] = [];
  for (const file of files) {
    try {
      sheets.push(...(await readWorkbook(file, sheet === undefined ? {} : { sheet })));
    } catch (error) {
      if (!(error instanceof WorkbookReadError)) throw error;
    }
  }
  return sheets;
}

/** Where ABC's or RFM's figures came from, for --json. */
function sourceOf(
  run: Extract<SegmentResult, { method: 'abc' | 'rfm' }>,
): NonNullable<SegmentOutput['source']> {
  const history = run.orderHistory;
  if (history !== null)
    return { kind: history.source, sheets: history.sheets, lines: history.lines };
  if (run.method === 'abc' && run.source === 'customers')
    return {
      kind: 'customerList',
      sheet: run.rankedColumn?.sheet ?? null,
      column: run.rankedColumn?.header ?? null,
    };
  return { kind: 'orderLines' };
}

/** ABC classes: per customer its value, class, rank and shares; the class summary and curve. */
function abcOutput(
  run: Extract<SegmentResult, { method: 'abc' }>,
): Omit<SegmentOutput, 'method' | 'files'> {
  const { result } = run;
  const extra = run.counts === null ? {} : { counts: run.counts, returnsOnly: run.returnsOnly };
  return {
    customers: result.customers.map((row) => ({
      id: row.id,
      [result.by]: row.value,
      class: row.class,
      rank: row.rank,
      share: row.share,
      cumulativeShare: row.cumulativeShare,
    })),
    summary: {
      by: result.by,
      cutPoints: result.cutPoints,
      customers: result.customers.length,
      total: result.total,
      positiveTotal: result.positiveTotal,
      classes: result.classes,
      curve: result.curve,
      ...extra,
    },
    warnings: run.warnings,
  };
}

function parseSegmentArgs(args: string[]): SegmentArgs | 'help' {
  const { values, positionals } = parseCommandArgs('segment', args, {
    method: { type: 'string' },
    'as-of': { type: 'string' },
    sheet: { type: 'string' },
    json: { type: 'boolean', default: false },
    by: { type: 'string', multiple: true },
    'by-column': { type: 'string', multiple: true },
    measure: { type: 'string' },
    currency: { type: 'string' },
    'cut-points': { type: 'string' },
    mode: { type: 'string' },
    recency: { type: 'string' },
    frequency: { type: 'string' },
    monetary: { type: 'string' },
    criteria: { type: 'string' },
    tiers: { type: 'string' },
    ...LOCALE_OPTION,
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) {
    throw new UsageError(
      coded('error.seeHelp', { problem: coded('error.nameFilesOrFolders'), command: 'segment' }),
    );
  }
  const method = values.method;
  if (method === undefined || !(SEGMENT_METHODS as readonly string[]).includes(method)) {
    const methods = SEGMENT_METHODS.join(', ');
    throw new UsageError(
      method === undefined
        ? coded('error.methodRequired', { methods })
        : coded('error.unknownMethod', { method, methods }),
    );
  }
  let asOf: number | undefined;
  if (values['as-of'] !== undefined) {
    asOf = epochDayFromIso(values['as-of']);
    if (asOf === undefined) {
      throw new UsageError(coded('error.asOfValue', { value: values['as-of'] ?? '' }));
    }
  }
  const { measure, columns, notes } = measureAndColumns(values.measure, values.by ?? []);
  const cutPoints = parseCutPoints(values['cut-points']);
  const mode = values.mode ?? 'quintile';
  if (mode !== 'quintile' && mode !== 'b2b') {
    throw new UsageError(flagMustBe('--mode', 'quintile', 'b2b', mode));
  }
  const thresholds = parseRfmThresholds(values);
  if (mode === 'b2b' && thresholds.monetary === undefined) {
    throw new UsageError(coded('error.b2bNeedsMonetary'));
  }
  const tiers = values.tiers ?? 'customer';
  if (tiers !== 'customer' && tiers !== 'channel') {
    throw new UsageError(flagMustBe('--tiers', 'customer', 'channel', tiers));
  }
  return {
    paths: positionals,
    method: method as SegmentMethod,
    asOf,
    sheet: values.sheet,
    json: values.json,
    measure,
    currency: values.currency?.trim() || undefined,
    by: [...columns, ...(values['by-column'] ?? [])],
    notes,
    cutPoints,
    mode,
    thresholds,
    criteria: values.criteria === undefined ? undefined : parseCriteria(values.criteria),
    tiers,
    locale: parseLocaleFlag(values.locale),
  };
}

/**
 * --measure and the --by columns. --by revenue / --by margin was the ABC measure before --by
 * named columns: those two words keep that meaning (with a note), so no script's ABC changes
 * silently; --by-column names a column called Revenue or Margin.
 */
function measureAndColumns(
  measureFlag: string | undefined,
  byFlags: readonly string[],
): { measure: 'revenue' | 'margin'; columns: string[]; notes: CodedText[] } {
  const isMeasure = (text: string): text is 'revenue' | 'margin' =>
    text === 'revenue' || text === 'margin';
  if (measureFlag !== undefined && !isMeasure(measureFlag))
    throw new UsageError(flagMustBe('--measure', 'revenue', 'margin', measureFlag));
  const legacy = byFlags.map((by) => by.trim().toLowerCase()).filter(isMeasure);
  const measures = new Set([...(measureFlag === undefined ? [] : [measureFlag]), ...legacy]);
  if (measures.size > 1)
    throw new UsageError(`one ABC measure: --measure ${[...measures].join(' and --measure ')}`);
  return {
    measure: [...measures][0] ?? 'revenue',
    columns: byFlags.filter((by) => !isMeasure(by.trim().toLowerCase())),
    notes: legacy.map((word) => coded('cli.byIsNowMeasure', { word })),
  };
}

/** "--mode must be quintile or b2b, got 'x'" in the user's language. */
function flagMustBe(flag: string, first: string, second: string, value: string): CodedText {
  return coded('error.flagMustBe', { flag, first, second, value });
}

function numberList(flag: string, text: string, count: number): number[] {
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.length !== count || list.some((v) => !Number.isFinite(v))) {
    throw new UsageError(`${flag} needs ${count} comma-separated numbers, got '${text}'`);
  }
  return list;
}

function parseCriteria(text: string): ScorecardCriterion[] {
  return text.split(',').map((part) => {
    const [name, weightText, ...rest] = part.split(':').map((s) => s.trim());
    const weight = Number(weightText);
    if (!name || weightText === undefined || !Number.isFinite(weight)) {
      throw new UsageError(`--criteria item '${part}' must be name:weight[:scale][:low]`);
    }
    let scale: ScorecardScale | 'auto' = 'auto';
    let higherIsBetter = true;
    // The scale and the direction are both optional, so `year_established:40:low` reads as
    // "scaled from the column, smaller is better".
    for (const word of rest) {
      if (word === 'low' || word === 'high') higherIsBetter = word === 'high';
      else if (word === 'auto' || word === 'score' || word === 'min-max' || word === 'rank') {
        scale = word;
      } else {
        throw new UsageError(
          `--criteria '${name}': '${word}' is neither a scale (auto, score, min-max, rank) nor a direction (low, high)`,
        );
      }
    }
    return { name, weight, scale, higherIsBetter };
  });
}

function nothingToSegmentKey(
  method: SegmentMethod,
):
  | 'cli.nothingToSegment_portfolio'
  | 'cli.nothingToSegment_scorecard'
  | 'cli.nothingToSegment_orderLines' {
  if (method === 'portfolio') return 'cli.nothingToSegment_portfolio';
  if (method === 'scorecard') return 'cli.nothingToSegment_scorecard';
  return 'cli.nothingToSegment_orderLines';
}

/** One criterion as a sales manager reads it: weight, how its column became a score, direction. */
function scorecardCriterionLine(
  criterion: ScorecardResult['criteria'][number],
  locale: Locale,
): string {
  const scale = textFor(locale, `cli.scorecardScale_${criterion.scale}`);
  const why =
    criterion.scaleSource === 'given'
      ? ''
      : `${locale === 'zh' ? '' : ' '}${textFor(locale, `cli.scorecardScaleWhy_${criterion.scaleSource}`)}`;
  const direction = textFor(
    locale,
    criterion.higherIsBetter ? 'cli.higherIsBetter' : 'cli.lowerIsBetter',
  );
  return `${criterion.name} ${criterion.weight}%${colon(locale)}${scale}${why}${locale === 'zh' ? '，' : ', '}${direction}`;
}

function formatWarning(w: DataWarning, locale: Locale): string {
  const row = w.row === undefined ? undefined : rowText(w.row, locale);
  const where = [w.file, w.sheet, row, w.column].filter((p) => p !== undefined).join(' ');
  return `${where ? `${where}${colon(locale)}` : ''}${warningWithAction(w, locale)}`;
}

const pct = (value: number | null): string => formatPercent(value);
const money = (value: number): string => formatMoney(value);
const count = (value: number | undefined): string => formatCount(value);

/** The readable report: headline, the method's summary table, top customers, warnings. */
/** --cut-points A,B in percent, as fractions 0 < A < B ≤ 1. */
function parseCutPoints(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const cuts = numberList('--cut-points', text, 2);
  const cutPoints: [number, number] = [cuts[0]! / 100, cuts[1]! / 100];
  if (!(cutPoints[0] > 0 && cutPoints[0] < cutPoints[1] && cutPoints[1] <= 1)) {
    throw new UsageError(`--cut-points must be two percents 0 < A < B ≤ 100, got '${text}'`);
  }
  return cutPoints;
}

/** --recency, --frequency, --monetary: four ascending numbers each, when given. */
function parseRfmThresholds(
  values: Partial<Record<'recency' | 'frequency' | 'monetary', string>>,
): SegmentArgs['thresholds'] {
  const thresholds: SegmentArgs['thresholds'] = {};
  for (const name of ['recency', 'frequency', 'monetary'] as const) {
    const text = values[name];
    if (text === undefined) continue;
    const list = numberList(`--${name}`, text, 4);
    if (!list.every((value, i) => i === 0 || value > list[i - 1]!)) {
      throw new UsageError(`--${name} must be four ascending numbers, got '${text}'`);
    }
    thresholds[name] = list as unknown as RfmThresholds;
  }
  return thresholds;
}

/** A heading of a CLI table from the report section of the catalogue. */
const headingIn =
  (locale: Locale) =>
  (key: PlainSectionKey<'report'>): string =>
    textFor(locale, `report.${key}`);
const indent = '  ';

/** The method's summary table, as text. */
function methodSummaryLines(output: SegmentOutput, locale: Locale): string[] {
  if (output.method === 'abc') return abcSummaryLines(output.summary, locale);
  if (output.method === 'rfm') return rfmSummaryLines(output.summary, locale);
  if (output.method === 'portfolio') return portfolioSummaryLines(output.summary, locale);
  return scorecardSummaryLines(output.summary, locale);
}

/** ABC classes: customers and value per class. */
function abcSummaryLines(summary: SegmentOutput['summary'], locale: Locale): string[] {
  const heading = headingIn(locale);
  const classes = summary.classes as {
    class: string;
    customers: number;
    customerShare: number;
    value: number;
    valueShare: number | null;
  }[];
  return [
    textFor(locale, 'cli.abcHeadline', {
      by:
        locale === 'en'
          ? String(summary.by)
          : sayIn(locale)(`term.field_${String(summary.by)}` as TextKey),
      cuts: (summary.cutPoints as number[]).map((cut) => formatDecimal(cut * 100, 0)).join('/'),
    }),
    textTable(
      [
        heading('class'),
        heading('customerCount'),
        heading('customerShare'),
        heading('value'),
        heading('valueShare'),
      ],
      classes.map((row) => [
        row.class,
        count(row.customers),
        pct(row.customerShare),
        money(row.value),
        pct(row.valueShare),
      ]),
      { indent },
    ),
  ];
}

/** RFM segments: customers and monetary per segment. */
function rfmSummaryLines(summary: SegmentOutput['summary'], locale: Locale): string[] {
  const heading = headingIn(locale);
  const segments = summary.segments as {
    name: string;
    nameZh: string;
    customers: number;
    customerShare: number;
    monetary: number;
    monetaryShare: number | null;
  }[];
  const lines = [
    textFor(locale, 'cli.rfmHeadline', {
      day: String(summary.asOf),
      mode: sayIn(locale)(`cli.rfmMode_${String(summary.mode)}` as TextKey),
    }),
    textTable(
      [
        heading('segment'),
        heading('customerCount'),
        heading('customerShare'),
        heading('monetary'),
        heading('monetaryShare'),
      ],
      segments.map((segment) => [
        locale === 'zh' ? segment.nameZh : segment.name,
        count(segment.customers),
        pct(segment.customerShare),
        money(segment.monetary),
        pct(segment.monetaryShare),
      ]),
      { indent, rightFrom: 1 },
    ),
  ];
  const returnsOnly = summary.returnsOnly as unknown[];
  if (returnsOnly.length > 0)
    lines.push(
      `  ${textFor(locale, 'cli.returnsOnlyApart', { count: count(returnsOnly.length) })}`,
    );
  return lines;
}

/** Portfolio zones: customers, potential and resources per zone. */
function portfolioSummaryLines(summary: SegmentOutput['summary'], locale: Locale): string[] {
  const heading = headingIn(locale);
  const zones = summary.zones as {
    zone: string;
    nameZh: string;
    strategy: string;
    customers: number;
    potential: number;
    resourcePercent: number;
  }[];
  return [
    textFor(locale, 'cli.portfolioHeadline'),
    textTable(
      [
        heading('zone'),
        heading('strategy'),
        heading('customerCount'),
        heading('potential'),
        heading('resources'),
      ],
      zones.map((zone) => [
        segmentClassName('portfolio', zone.zone, locale),
        sayIn(locale)(`cli.strategy_${zone.strategy}` as TextKey),
        count(zone.customers),
        money(zone.potential),
        `${formatDecimal(zone.resourcePercent, 0)}%`,
      ]),
      { indent, rightFrom: 2 },
    ),
  ];
}

/** Scorecard criteria and tiers. */
function scorecardSummaryLines(summary: SegmentOutput['summary'], locale: Locale): string[] {
  const heading = headingIn(locale);
  const tiers = summary.tiers as {
    tier: string;
    nameZh: string | null;
    items: number;
    share: number;
  }[];
  return [
    textFor(locale, 'cli.scorecardHeadline'),
    ...(summary.criteria as ScorecardResult['criteria']).map(
      (criterion) => `  ${scorecardCriterionLine(criterion, locale)}`,
    ),
    textTable(
      [textFor(locale, 'addin.colTier'), heading('customerCount'), heading('share')],
      tiers.map((tier) => [tierName(tier, locale), count(tier.items), pct(tier.share)]),
      { indent },
    ),
  ];
}

/** A tier's name in the locale: a default tier's from the catalogue, an own tier's as given. */
function tierName(tier: { tier: string; nameZh: string | null }, locale: Locale): string {
  if (locale === 'zh' && tier.nameZh !== null) return tier.nameZh;
  return segmentClassName('scorecard', tier.tier, locale);
}

/** How a customer-table cell is shown: money, a count, a share, a score or text. */
type CellFormat = 'money' | 'count' | 'percent' | 'score' | 'text';

/** A catalogue heading of the customer table. */
type CliHeadingKey = `report.${PlainSectionKey<'report'>}` | `addin.${PlainSectionKey<'addin'>}`;

function cellOf(value: unknown, format: CellFormat): string {
  if (format === 'text' || typeof value !== 'number')
    return value === null || value === undefined ? '–' : String(value);
  if (format === 'money') return money(value);
  if (format === 'count') return count(value);
  if (format === 'score') return formatDecimal(value, 1);
  return pct(value);
}

/** The customer table of each method: its columns and the measure it is sorted by (largest first). */
const CUSTOMER_COLUMNS: Record<
  SegmentMethod,
  {
    sortBy: string;
    columns: {
      field: string;
      heading: CliHeadingKey;
      format: CellFormat;
    }[];
  }
> = {
  abc: {
    sortBy: 'value',
    columns: [
      { field: 'rank', heading: 'report.rank', format: 'count' },
      { field: 'id', heading: 'report.customer', format: 'text' },
      { field: 'value', heading: 'report.value', format: 'money' },
      { field: 'class', heading: 'report.class', format: 'text' },
      { field: 'share', heading: 'report.share', format: 'percent' },
      { field: 'cumulativeShare', heading: 'report.cumulativeShare', format: 'percent' },
    ],
  },
  rfm: {
    sortBy: 'monetary',
    columns: [
      { field: 'id', heading: 'report.customer', format: 'text' },
      { field: 'monetary', heading: 'report.monetary', format: 'money' },
      { field: 'frequency', heading: 'report.frequency', format: 'count' },
      { field: 'recency', heading: 'report.recency', format: 'count' },
      { field: 'segmentName', heading: 'report.segment', format: 'text' },
    ],
  },
  portfolio: {
    sortBy: 'potential',
    columns: [
      { field: 'id', heading: 'report.customer', format: 'text' },
      { field: 'potential', heading: 'report.potential', format: 'money' },
      { field: 'share', heading: 'report.ourShare', format: 'percent' },
      { field: 'ourRevenue', heading: 'report.ourRevenue', format: 'money' },
      { field: 'headroom', heading: 'report.headroom', format: 'money' },
      { field: 'zone', heading: 'report.zone', format: 'text' },
    ],
  },
  scorecard: {
    sortBy: 'total',
    columns: [
      { field: 'rank', heading: 'report.rank', format: 'count' },
      { field: 'id', heading: 'report.customer', format: 'text' },
      { field: 'total', heading: 'addin.colScore', format: 'score' },
      { field: 'tier', heading: 'addin.colTier', format: 'text' },
    ],
  },
};

/**
 * The customers as a table, largest first by what matters for the method (revenue for ABC,
 * monetary for RFM, potential for the portfolio, score for the scorecard), cut with a
 * "… and n more (see --json)" line.
 */
function customerTable(output: SegmentOutput, locale: Locale): string {
  const { sortBy, columns } = CUSTOMER_COLUMNS[output.method];
  const fieldOf = (customer: Record<string, unknown>, field: string): unknown => {
    if (field === 'value' && output.method === 'abc') return customer[String(output.summary.by)];
    if (field === 'segmentName' && locale === 'zh') return customer.segmentNameZh;
    if (field === 'zone') return segmentClassName('portfolio', String(customer.zone), locale);
    if (field === 'tier')
      return tierName(
        { tier: String(customer.tier), nameZh: (customer.tierZh as string | null) ?? null },
        locale,
      );
    return customer[field];
  };
  const measure = (customer: Record<string, unknown>): number => {
    const value = fieldOf(customer, sortBy);
    return typeof value === 'number' ? value : Number.NEGATIVE_INFINITY;
  };
  const rows = (output.customers as unknown as Record<string, unknown>[])
    .map((customer, order) => ({ customer, order }))
    .sort((a, b) => measure(b.customer) - measure(a.customer) || a.order - b.order)
    .map(({ customer }) =>
      columns.map((column) => cellOf(fieldOf(customer, column.field), column.format)),
    );
  const header = columns.map((column) =>
    column.field === 'value' && output.method === 'abc'
      ? textFor(locale, output.summary.by === 'margin' ? 'report.value' : 'report.revenueTotal')
      : textFor(locale, column.heading),
  );
  return cutTextTable(header, rows, {
    limit: TEXT_ROWS,
    indent: '  ',
    rightAligned: columns.map((column) => column.format !== 'text'),
    locale,
  });
}

function formatText(output: SegmentOutput, locale: Locale): string {
  const out: string[] = [
    textFor(locale, 'cli.segmentHeadline', {
      method: output.method,
      customers: count(output.customers.length),
      files: count(output.files.length),
    }),
  ];
  const counts = output.summary.counts as Record<string, number> | undefined;
  if (counts !== undefined) {
    out.push(
      `  ${textFor(locale, 'cli.orderLineCounts', {
        lines: count(counts.lines),
        withoutCustomer: count(counts.linesWithoutCustomer),
        cancellations: count(counts.cancellationLines),
        customers: count(counts.customers),
      })}`,
    );
  }
  const source = output.source;
  if (source !== undefined && source.kind !== 'orderLines') {
    const text = segmentSourceText(
      source.kind === 'customerList'
        ? {
            orderHistory: null,
            rankedColumn:
              source.sheet === null || source.column === null
                ? null
                : { sheet: source.sheet, header: source.column },
          }
        : { orderHistory: { ...source, source: source.kind } },
      locale,
    );
    if (text !== null) out.push(`  ${text}`);
  }
  if (output.currency !== undefined)
    out.push(`  ${textFor(locale, 'cli.onlyCurrency', { currency: output.currency })}`);
  out.push('');
  out.push(...methodSummaryLines(output, locale));
  out.push('', customerTable(output, locale));
  if (output.warnings.length > 0) {
    out.push('', textFor(locale, 'cli.warningsHeading', { count: count(output.warnings.length) }));
    const { shown, hidden } = shownWarnings(output.warnings, 20);
    for (const warning of shown) out.push(`  ${formatWarning(warning, locale)}`);
    if (hidden > 0) out.push(`  ${moreRowsLine(hidden, locale)}`);
  }
  return `${out.join('\n')}\n`;
}
