import type { DataWarning } from '../../core/columns/data-warning.js';
import type { ReadRecordsResult } from '../../core/columns/read-records.js';
import { RecordTable } from '../../core/columns/record-table.js';
import type { Invoice, Payment, RecordByKind } from '../../core/columns/records.js';
import type { SheetGrid } from '../read-workbook.js';
import type { SheetChoice } from './sheet-choice.js';
import { readSheetAs } from './sheet-choice.js';

/** How one sheet was read. */
export interface AgingSheetReport {
  sheet: string;
  kind: 'invoice' | 'payment' | null;
  headerRow: number | null;
  rowsRead: number;
  rowsDropped: number;
  records: number;
}

export interface LoadReceivablesOptions extends SheetChoice {
  /** Read every sheet as invoices (the user named the one sheet to age). */
  forceInvoices?: boolean;
  /**
   * Collect the records in tables (invoiceTable, paymentTable) instead of objects (invoices and
   * payments stay empty): what ageReceivables reads fastest, a few typed arrays for a million rows.
   */
  table?: boolean;
}

export interface LoadReceivablesResult {
  invoices: Invoice[];
  payments: Payment[];
  /** With LoadReceivablesOptions.table: every invoice sheet's records, in workbook order. */
  invoiceTable?: RecordTable<Invoice>;
  /** With LoadReceivablesOptions.table: every payment sheet's records, in workbook order. */
  paymentTable?: RecordTable<Payment>;
  /** One entry per sheet looked at, in workbook order. */
  sheets: AgingSheetReport[];
  warnings: DataWarning[];
  invoiceSheets: string[];
  paymentSheets: string[];
}

const PAYMENT_SHEET = /pay|receipt|remit|collection|cash|回款|收款|付款|核销|到账/i;
const INVOICE_SHEET = /invoice|billing|receivable|\bar\b|发票|应收|开票/i;
const INVOICE_ONLY_FIELDS = new Set([
  'dueDate',
  'terms',
  'paidDate',
  'paidAmount',
  'balance',
  'disputed',
  'creditLimit',
  'owner',
]);

/**
 * Reads the invoices and payments of a workbook. Each sheet is read as invoices or payments,
 * whichever its headers fit (a sheet the user named is read as that kind; other named kinds are
 * left out); a sheet that fits neither gets a "sheet skipped" warning.
 *
 * @param grids - the workbook's sheets.
 * @param options - sheet kinds and mappings, or forceInvoices.
 * @returns invoices, payments, how each sheet was read, and the reading warnings.
 */
export function loadReceivables(
  grids: readonly SheetGrid[],
  options: LoadReceivablesOptions = {},
): LoadReceivablesResult {
  const out: LoadReceivablesResult = {
    invoices: [],
    payments: [],
    sheets: [],
    warnings: [],
    invoiceSheets: [],
    paymentSheets: [],
  };
  const invoiceTables: RecordTable<Invoice>[] = [];
  const paymentTables: RecordTable<Payment>[] = [];
  for (const grid of grids) {
    const named = options.kinds?.[grid.sheet];
    if (named !== undefined && named !== 'invoice' && named !== 'payment') continue;
    const read = readSheet(grid, options, named);
    out.warnings.push(...read.warnings);
    out.sheets.push(read.report);
    if (read.invoices) {
      for (const r of read.invoices) out.invoices.push(r);
      if (read.invoiceTable) invoiceTables.push(read.invoiceTable);
      out.invoiceSheets.push(grid.sheet);
    }
    if (read.payments) {
      for (const r of read.payments) out.payments.push(r);
      if (read.paymentTable) paymentTables.push(read.paymentTable);
      out.paymentSheets.push(grid.sheet);
    }
  }
  if (options.table === true) {
    out.invoiceTable = joinTables('invoice', invoiceTables);
    out.paymentTable = joinTables('payment', paymentTables);
  }
  return out;
}

/** One table of the records of several, in order (the one itself when there is one). */
function joinTables<K extends 'invoice' | 'payment'>(
  kind: K,
  tables: readonly RecordTable<RecordByKind[K]>[],
): RecordTable<RecordByKind[K]> {
  if (tables.length === 1) return tables[0] as RecordTable<RecordByKind[K]>;
  const joined = new RecordTable<RecordByKind[K]>(
    kind,
    tables.reduce((n, t) => n + t.size, 0),
  );
  const fields = joined.fields;
  for (const table of tables) {
    const rows = table.rows();
    for (let i = 0; i < table.size; i++) {
      joined.beginRow(rows[i] as number);
      for (let f = 0; f < fields.length; f++) {
        const value = table.get(f, i);
        if (value !== undefined) joined.set(f, value);
      }
      joined.commitRow();
    }
  }
  return joined;
}

interface SheetRead {
  report: AgingSheetReport;
  invoices?: Invoice[];
  payments?: Payment[];
  invoiceTable?: RecordTable<Invoice>;
  paymentTable?: RecordTable<Payment>;
  warnings: DataWarning[];
}

/**
 * Reads a sheet as invoices or payments, whichever its headers fit (both readRecords results are
 * compared by missing required columns; a tie goes by the sheet name, then by invoice-only columns).
 */
function readSheet(
  grid: SheetGrid,
  options: LoadReceivablesOptions,
  named: 'invoice' | 'payment' | undefined,
): SheetRead {
  if (named === 'payment')
    return asRead(grid, 'payment', readSheetAs(grid, 'payment', options, tableOption(options)));
  const forceInvoices = options.forceInvoices === true || named === 'invoice';
  const inv = readSheetAs(grid, 'invoice', options, tableOption(options));
  const fits = (r: ReadRecordsResult<unknown>) =>
    r.headerRow !== undefined && r.columns.missingRequired.length === 0;
  if (forceInvoices || (fits(inv) && !PAYMENT_SHEET.test(grid.sheet))) {
    const pay = forceInvoices
      ? undefined
      : readSheetAs(grid, 'payment', options, tableOption(options));
    const invoiceLike =
      INVOICE_SHEET.test(grid.sheet) ||
      inv.columns.matched.some((m) => INVOICE_ONLY_FIELDS.has(m.field)) ||
      pay === undefined ||
      !fits(pay);
    if (invoiceLike) return asRead(grid, 'invoice', inv);
    return asRead(grid, 'payment', pay);
  }
  const pay = readSheetAs(grid, 'payment', options, tableOption(options));
  if (fits(pay)) return asRead(grid, 'payment', pay);
  if (fits(inv)) return asRead(grid, 'invoice', inv);
  return {
    report: {
      sheet: grid.sheet,
      kind: null,
      headerRow: null,
      rowsRead: 0,
      rowsDropped: 0,
      records: 0,
    },
    warnings: [
      {
        code: 'missing-required-column',
        message: `sheet skipped: its headers fit neither invoices (missing ${inv.columns.missingRequired.join(', ') || 'a header row'}) nor payments (missing ${pay.columns.missingRequired.join(', ') || 'a header row'})`,
        file: grid.file,
        sheet: grid.sheet,
        action: 'sheet skipped',
      },
    ],
  };
}

function asRead(
  grid: SheetGrid,
  kind: 'invoice' | 'payment',
  read: ReadRecordsResult<Invoice> | ReadRecordsResult<Payment>,
): SheetRead {
  const report: AgingSheetReport = {
    sheet: grid.sheet,
    kind,
    headerRow: read.headerRow ?? null,
    rowsRead: read.rowsRead,
    rowsDropped: read.rowsDropped,
    records: read.table?.size ?? read.records.length,
  };
  const warnings = [...read.warnings];
  // Blank optional cells are not errors, but a user should know the columns aging uses are patchy.
  for (const [field, missing] of Object.entries(read.missing)) {
    if (missing.count === 0) continue;
    warnings.push({
      code: 'missing-value',
      message: `${missing.count} blank ${field} cell(s) (first rows ${missing.rows.join(', ')})`,
      file: grid.file,
      sheet: grid.sheet,
      column: read.columns.matched.find((m) => m.field === field)?.header,
      row: missing.rows[0],
      action: 'none',
      count: missing.count,
    });
  }
  if (kind === 'invoice') {
    const table = read.table as RecordTable<Invoice> | undefined;
    return {
      report,
      warnings,
      invoices: read.records as Invoice[],
      ...(table && { invoiceTable: table }),
    };
  }
  const table = read.table as RecordTable<Payment> | undefined;
  return {
    report,
    warnings,
    payments: read.records as Payment[],
    ...(table && { paymentTable: table }),
  };
}

/** The sheet read options that collect a table when asked to. */
function tableOption(options: LoadReceivablesOptions): { table?: boolean } {
  return options.table === true ? { table: true } : {};
}
