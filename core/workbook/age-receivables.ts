import type { AgeReceivablesOptions as LedgerAgingOptions } from '../aging/aging-options.js';
import type { AgeReceivablesResult } from '../aging/age-receivables.js';
import type { DataWarning } from '../columns/data-warning.js';
import type { Invoice, Payment } from '../columns/records.js';
import type { DateInput } from '../columns/to-epoch-day.js';
import { toEpochDay } from '../columns/to-epoch-day.js';
import type { EpochDay } from '../columns/epoch-day.js';
import { dataAsOf } from './data-as-of.js';
import { DEFAULT_WORKBOOK_FILE } from './analyze-workbook.js';
import type { AgingSheetReport, LoadReceivablesResult } from './load-receivables.js';
import { loadReceivables } from './load-receivables.js';
import type { AgingReport } from './run-aging.js';
import { runAging } from './run-aging.js';
import type { SheetChoice } from './sheet-choice.js';
import { columnsReadAs, type ColumnsReadAs } from '../tables/columns-read-as.js';
import type { SheetGrid } from './sheet-grid.js';
import type { WorkbookInput } from './to-sheet-grids.js';
import { toSheetGrids } from './to-sheet-grids.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { codedError } from '../errors/error-line.js';

/** Invoices and payments given as records. */
export interface ReceivableRecords {
  invoices: readonly Invoice[];
  payments?: readonly Payment[];
}

/** Options of ageReceivables(): the ledger options, plus how to read sheets. */
export interface AgeReceivablesOptions
  extends Omit<LedgerAgingOptions, 'asOf' | 'invoicePlace' | 'paymentPlace'>, SheetChoice {
  /**
   * The ledger date: `'2026-06-30'` or an epoch day. Default: the day after the last invoice,
   * paid date or payment of the ledger, reported in the run's `asOfSource`.
   */
  asOf?: DateInput | undefined;
  /** The workbook's name, for warnings and the report; default `'workbook'`. */
  file?: string;
  /** Read every sheet as invoices (the caller picked the one sheet to age). */
  forceInvoices?: boolean;
  /**
   * Keep the invoice sheets, for `agingInvoicesTable` and `agingBreakdown` (which read the
   * sections' invoice lines: leave invoiceLines at 'open' or set 'all').
   */
  perRow?: boolean;
}

/** The aging of a workbook or ledger; result and report are null when no sheet holds invoices. */
export interface AgingRun {
  result: AgeReceivablesResult | null;
  /** The result shaped for output (single-currency figures at the top), with every warning. */
  report: AgingReport | null;
  /** Reading warnings, then the aging's own (report.warnings when aged). */
  warnings: DataWarning[];
  /** How each sheet was read (kind, header row, rows), when the input was sheets. */
  sheets: AgingSheetReport[];
  /** 'data' when asOf was not given and the day after the ledger's last event was used. */
  asOfSource: 'option' | 'data';
  /** The invoice sheets, kept with options.perRow for their other columns; not enumerable. */
  readonly invoiceGrids?: readonly SheetGrid[];
  /** What each invoice sheet's columns were read as, in invoiceGrids' order; not enumerable. */
  readonly invoiceReadAs?: readonly ColumnsReadAs[];
}

/**
 * Ages receivables at a ledger date: open balances as the ledger showed them that day, buckets
 * per customer, owner and currency, unapplied cash, DSO (standard and countback), days late,
 * bad-debt provision and collection priority. From sheets it reads every sheet as invoices or
 * payments, whichever its headers (English or Chinese) fit; a paid-date column on the invoices
 * counts as payment in full that day.
 *
 * @param input - the sheets of a workbook (`{ name, values }` as `Range.values` gives them), or
 *   records `{ invoices, payments }`.
 * @param options - as-of date (required), buckets, basis, currency, rates, DSO window,
 *   provision rates, margin, and for sheets the sheet kinds and column mappings.
 * @returns the core result, the report shape, every warning and how each sheet was read.
 * @throws PipecastError when asOf is not an ISO date or epoch day, or for bad bucket edges, rates,
 *   provision rates or margin (the message names the option and value).
 * @example
 * ageReceivables(
 *   { invoices: [{ invoice: 'INV-1', customer: 'C1', invoiceDate: 20600, amount: 1000, row: 2 }] },
 *   { asOf: '2026-06-30' },
 * ).report?.totals?.open; // 1000
 */
export function ageReceivables(
  input: WorkbookInput | ReceivableRecords,
  options: AgeReceivablesOptions,
): AgingRun {
  const asOfGiven = options?.asOf === undefined ? undefined : toEpochDay(options.asOf, 'asOf');
  const asOfSource = asOfGiven === undefined ? 'data' : 'option';
  const {
    file = DEFAULT_WORKBOOK_FILE,
    kinds,
    mappings,
    forceInvoices,
    perRow,
    ...ledger
  } = options;
  let loaded: LoadReceivablesResult;
  let grids: SheetGrid[] = [];
  if (Array.isArray(input)) {
    grids = toSheetGrids(input, file, 'ageReceivables');
    loaded = loadReceivables(grids, {
      ...(kinds === undefined ? {} : { kinds }),
      ...(mappings === undefined ? {} : { mappings }),
      ...(forceInvoices === undefined ? {} : { forceInvoices }),
    });
  } else {
    const records = input as ReceivableRecords;
    if (records === null || typeof records !== 'object' || !Array.isArray(records.invoices))
      throw new PipecastError(
        'invalid-input',
        'ageReceivables: input must be sheets [{ name, values }] or { invoices: [...] }',
      );
    loaded = {
      invoices: [...records.invoices],
      payments: [...(records.payments ?? [])],
      sheets: [],
      warnings: [],
      invoiceSheets: [],
      invoiceSources: [],
      paymentSheets: [],
    };
  }
  if (Array.isArray(input) && loaded.invoiceSheets.length === 0)
    return {
      result: null,
      report: null,
      warnings: loaded.warnings,
      sheets: loaded.sheets,
      asOfSource,
    };
  const asOf = asOfGiven ?? asOfFromLedger(loaded, file);
  const { result, report } = runAging(file, loaded, { ...ledger, asOf });
  const run: AgingRun = {
    result,
    report,
    warnings: report.warnings,
    sheets: loaded.sheets,
    asOfSource,
  };
  if (perRow === true) {
    // The invoice sources are the invoice sheets in the order read: invoiceGrids' order.
    const sources = loaded.invoiceSources;
    Object.defineProperties(run, {
      invoiceGrids: { value: sources.map((source) => source.grid), enumerable: false },
      invoiceReadAs: {
        value: sources.map((source) => columnsReadAs('invoice', source.matched)),
        enumerable: false,
      },
    });
  }
  return run;
}

/**
 * The day after the ledger's last invoice, paid date or payment; an error naming the file and
 * its invoice sheet when none is dated (the data, not an option, is what lacks the date).
 */
function asOfFromLedger(loaded: LoadReceivablesResult, file: string): EpochDay {
  const found = dataAsOf({ invoices: loaded.invoices, payments: loaded.payments });
  if (found === undefined)
    throw codedError(
      'invalid-option',
      {
        file,
        ...(loaded.invoiceSheets[0] === undefined ? {} : { sheet: loaded.invoiceSheets[0] }),
      },
      'error.agingNoAsOf',
    );
  return found.asOf;
}
