import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import {
  ageReceivables,
  coded,
  agingInvoicesTable,
  epochDayFromIso,
  forecast,
  isoFromEpochDay,
  type Locale,
  forecastDealsTable,
  segment,
  customerColumnsDisagreeing,
  formatCount,
  PipecastError,
  segmentCustomersTable,
  textFor,
  withCustomerColumns,
  workbookAsOf,
} from '../../core/index.js';
import { chooseLocale, LOCALE_OPTION, parseLocaleFlag } from '../cli-locale.js';
import { WorkbookReadError } from '../../core/readers/index.js';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../cli-io.js';
import { parseCommandArgs, singleOperand } from '../parse-command-args.js';
import type { SheetGrid } from '../read-workbook.js';
import { readInputPath } from '../read-input-path.js';
import { checkOutputDir } from '../report/batch/check-output-dir.js';
import { exportBytes } from './export-tables.js';
import { errorLineOf } from '../failure-line.js';

const USAGE = `Usage: pipecast export <file|folder> --out DIR [--format csv|arrow] [--as-of YYYY-MM-DD] [--sheet NAME]
                       [--locale en|zh]

Writes the per-row results, each followed by every column of its sheet, for DuckDB, Polars,
pandas or Spark: DIR/deals.csv (or .arrow) when the file holds a pipeline (each deal's stage,
status, rate, amount, weighted amount, category and flags), DIR/invoices.csv when it holds
invoices (each open invoice's open balance, days past due and bucket, in its own currency; a
ledger's customers are in it) and DIR/customers.csv when it holds order lines (each customer's
ABC class and RFM scores and segment, recency to --as-of, then the lines' other columns, such
as Country, with the customer's most recent line's value, and a customer list's columns, such
as Industry, joined by customer id; the columns the figures are summed from are left out, and a
note counts the customers whose lines differ in a column).
Arrow files are Arrow IPC (stream format). Exits 1 only when no table could be written.

Options:
  --out DIR         the folder to write to (never an input's folder)
  --format F        csv (default) or arrow
  --as-of DATE      the day the forecast, the aging and RFM recency are measured at (default:
                    the day after the last recorded event in the data, as every command does)
  --sheet NAME      the pipeline sheet (default: the first sheet that reads as deals)
  --config FILE     pipecast.json (docs/pipecast.schema.json): its locale is used
  --locale en|zh    language of the messages; default from the config, else the headers
  -h, --help        show this help
`;

/** `pipecast export`: per-row results as CSV or Arrow files. */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, {
    out: { type: 'string' },
    format: { type: 'string', default: 'csv' },
    'as-of': { type: 'string' },
    sheet: { type: 'string' },
    ...LOCALE_OPTION,
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const file = singleOperand('export', positionals, 'pipeline');
  const format = values.format;
  if (format !== 'csv' && format !== 'arrow')
    throw new UsageError(coded('error.formatValue', { value: String(format) }));
  if (values.out === undefined) throw new UsageError(coded('error.outFolderRequired'));
  const asOfGiven = values['as-of'] === undefined ? undefined : epochDayFromIso(values['as-of']);
  if (values['as-of'] !== undefined && asOfGiven === undefined)
    throw new UsageError(coded('error.asOfValue', { value: values['as-of'] }));
  await checkOutputDir(values.out, { paths: [file], files: [file] });
  let sheets: SheetGrid[];
  let fromData: ReturnType<typeof workbookAsOf>;
  try {
    sheets = await readInputPath(file, { sheet: values.sheet });
    fromData = asOfGiven === undefined ? workbookAsOf(sheets) : undefined;
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    io.stderr(`pipecast export: ${errorLineOf(error, parseLocaleFlag(values.locale) ?? 'en')}\n`);
    return 1;
  }
  const locale = chooseLocale(parseLocaleFlag(values.locale), sheets);
  io.useLocale?.(locale);
  const asOf = asOfGiven ?? fromData?.asOf;
  if (asOf === undefined) {
    io.stderr(`pipecast export: ${file}: ${textFor(locale, 'cli.noAsOf')}\n`);
    return 1;
  }
  io.stdout(`${asOfLine(asOf, fromData, locale)}\n`);
  const { tables, differ } = perRowTables(sheets, asOf, file);
  if (tables.length === 0) {
    io.stderr(`pipecast export: ${textFor(locale, 'cli.exportNothing', { file })}\n`);
    return 1;
  }
  await mkdir(values.out, { recursive: true });
  for (const { name, rows } of tables) {
    const target = join(values.out, `${name}.${format}`);
    await writeFile(target, exportBytes(rows, format));
    const what = textFor(
      locale,
      name === 'deals'
        ? 'report.kindDeal'
        : name === 'invoices'
          ? 'report.kindInvoice'
          : 'report.kindCustomer',
    );
    const line = textFor(locale, 'cli.exportWritten', {
      target,
      rows: rows.numRows(),
      name: what,
      columns: rows.numCols(),
    });
    io.stdout(`${line}\n`);
    for (const { column, customers } of differ ?? [])
      if (name === 'customers')
        io.stdout(
          `  ${textFor(locale, 'report.customerColumnsDiffer', { column, customers: formatCount(customers) })}\n`,
        );
  }
  return 0;
}

/** The as-of day, and when it was taken from the data, the last event that set it. */
function asOfLine(asOf: number, fromData: ReturnType<typeof workbookAsOf>, locale: Locale): string {
  if (fromData === undefined) return textFor(locale, 'cli.asOf', { day: isoFromEpochDay(asOf) });
  return textFor(locale, 'cli.exportAsOfFromData', {
    day: isoFromEpochDay(asOf),
    lastEvent: isoFromEpochDay(fromData.lastEvent),
  });
}

/** The per-row tables the workbook allows: its deals, its open invoices, or both. */
function perRowTables(
  sheets: SheetGrid[],
  asOf: number,
  file: string,
): {
  tables: { name: string; rows: ColumnTable }[];
  /** The customers table's columns where customers' lines differ. */
  differ?: { column: string; customers: number }[];
} {
  const tables: { name: string; rows: ColumnTable }[] = [];
  const run = forecast(sheets, { asOf, file, perRow: true });
  if (run !== null) tables.push({ name: 'deals', rows: forecastDealsTable(run) });
  const aging = ageReceivables(sheets, { asOf, file, perRow: true });
  if (aging.report !== null && (aging.invoiceGrids?.length ?? 0) > 0)
    tables.push({ name: 'invoices', rows: agingInvoicesTable(aging) });
  // A ledger reads as order lines too (customer, invoice, date, amount): its customers are
  // left to the aging's invoices table.
  const invoiceSheets = new Set((aging.invoiceGrids ?? []).map((grid) => grid.sheet));
  const customers = customersTable(sheets, asOf, file, invoiceSheets);
  if (customers === null) return { tables };
  tables.push({ name: 'customers', rows: customers.rows });
  return { tables, differ: customers.differ };
}

/** The ABC columns of the customers table, named apart from RFM's and the sheets' own. */
const ABC_COLUMNS = {
  value: 'abcRevenue',
  rank: 'abcRank',
  share: 'abcShare',
  cumulativeShare: 'abcCumulativeShare',
  class: 'abcClass',
};

/**
 * One row per customer of the order lines: ABC by revenue (class, rank, shares) joined by id
 * to RFM (recency to as-of, frequency, monetary, scores, segment, last order), then the lines'
 * other columns (each customer's most recent line's value) and a customer list's, joined by id
 * (core withCustomerColumns); null when
 * the workbook holds no order lines. A customer with only returns has an ABC row but no RFM
 * scores.
 */
function customersTable(
  sheets: SheetGrid[],
  asOf: number,
  file: string,
  invoiceSheets: ReadonlySet<string>,
): { rows: ColumnTable; differ: { column: string; customers: number }[] } | null {
  const rfm = rfmOfOrders(sheets, asOf, file, invoiceSheets);
  if (
    rfm === null ||
    rfm.result.customers.length === 0 ||
    rfm.sheets.every((sheet) => invoiceSheets.has(sheet))
  )
    return null;
  const abc = segmentCustomersTable(segment(sheets, { method: 'abc', file }), {
    sourceColumns: false,
  }).rename(ABC_COLUMNS);
  const joined = abc.join_left(segmentCustomersTable(rfm, { sourceColumns: false }), 'id');
  return { rows: withCustomerColumns(joined, rfm), differ: customerColumnsDisagreeing(rfm) };
}

/**
 * RFM of the orders, or null for a ledger in several currencies: only invoices taken as orders
 * carry a currency, so RFM refuses such a ledger, whose customers are left to the invoices table
 * anyway, as a ledger's in one currency are.
 */
function rfmOfOrders(
  sheets: SheetGrid[],
  asOf: number,
  file: string,
  invoiceSheets: ReadonlySet<string>,
) {
  try {
    return segment(sheets, { method: 'rfm', asOf, file, perRow: true });
  } catch (error) {
    const refused = error instanceof PipecastError && error.text?.key === 'error.segmentCurrencies';
    if (refused && invoiceSheets.has(error.place.sheet ?? '')) return null;
    throw error;
  }
}
