import { type CodedText, coded, codedMessage, fieldTerm } from '../text/coded-text.js';
import type { DataWarning } from '../columns/data-warning.js';
import type { ReadRecordsResult } from '../columns/read-records.js';
import type { Invoice, Payment } from '../columns/records.js';
import type { SegmentRecordSource } from './load-segment-records.js';
import type { SheetGrid } from './sheet-grid.js';
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
}

export interface LoadReceivablesResult {
  invoices: Invoice[];
  payments: Payment[];
  /** One entry per sheet looked at, in workbook order. */
  sheets: AgingSheetReport[];
  warnings: DataWarning[];
  invoiceSheets: string[];
  /** The invoice sheets with their header rows and columns, for the customers' other columns. */
  invoiceSources: SegmentRecordSource[];
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
    invoiceSources: [],
    paymentSheets: [],
  };
  for (const grid of grids) {
    const named = options.kinds?.[grid.sheet];
    if (named !== undefined && named !== 'invoice' && named !== 'payment') continue;
    const read = readSheet(grid, options, named);
    out.warnings.push(...read.warnings);
    out.sheets.push(read.report);
    if (read.invoices) {
      for (const r of read.invoices) out.invoices.push(r);
      out.invoiceSheets.push(grid.sheet);
      out.invoiceSources.push({
        grid,
        headerRow: read.report.headerRow,
        matched: read.matched,
        count: read.invoices.length,
        history: 'invoice',
      });
    }
    if (read.payments) {
      for (const r of read.payments) out.payments.push(r);
      out.paymentSheets.push(grid.sheet);
    }
  }
  return out;
}

interface SheetRead {
  report: AgingSheetReport;
  invoices?: Invoice[];
  payments?: Payment[];
  /** The columns read as record fields. */
  matched: ReadRecordsResult<unknown>['columns']['matched'];
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
  if (named === 'payment') return asRead(grid, 'payment', readSheetAs(grid, 'payment', options));
  const forceInvoices = options.forceInvoices === true || named === 'invoice';
  const inv = readSheetAs(grid, 'invoice', options);
  const fits = (r: ReadRecordsResult<unknown>) =>
    r.headerRow !== undefined && r.columns.missingRequired.length === 0;
  if (forceInvoices || (fits(inv) && !PAYMENT_SHEET.test(grid.sheet))) {
    const pay = forceInvoices ? undefined : readSheetAs(grid, 'payment', options);
    const invoiceLike =
      INVOICE_SHEET.test(grid.sheet) ||
      inv.columns.matched.some((m) => INVOICE_ONLY_FIELDS.has(m.field)) ||
      pay === undefined ||
      !fits(pay);
    if (invoiceLike) return asRead(grid, 'invoice', inv);
    return asRead(grid, 'payment', pay);
  }
  const pay = readSheetAs(grid, 'payment', options);
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
        ...codedMessage('warning.receivablesSheetSkipped', {
          invoiceMissing: missingOrHeaderRow(inv.columns.missingRequired),
          paymentMissing: missingOrHeaderRow(pay.columns.missingRequired),
        }),
        file: grid.file,
        sheet: grid.sheet,
        action: 'sheet skipped',
      },
    ],
    matched: [],
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
    records: read.records.length,
  };
  const warnings = [...read.warnings];
  // Blank optional cells are not errors, but a user should know the columns aging uses are patchy.
  for (const [field, missing] of Object.entries(read.missing)) {
    if (missing.count === 0) continue;
    warnings.push({
      code: 'missing-value',
      ...codedMessage('warning.blankCells', {
        count: missing.count,
        field: fieldTerm(field),
        rows: missing.rows.join(', '),
      }),
      file: grid.file,
      sheet: grid.sheet,
      column: read.columns.matched.find((m) => m.field === field)?.header,
      row: missing.rows[0],
      action: 'none',
      count: missing.count,
    });
  }
  return kind === 'invoice'
    ? { report, warnings, matched: read.columns.matched, invoices: read.records as Invoice[] }
    : { report, warnings, matched: read.columns.matched, payments: read.records as Payment[] };
}

/** The fields a sheet lacks for a kind, or "a header row" when it has none at all. */
function missingOrHeaderRow(missing: readonly string[]): (string | CodedText)[] | CodedText {
  return missing.length === 0 ? coded('warning.aHeaderRow') : missing.map(fieldTerm);
}
