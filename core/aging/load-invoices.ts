import { coded, codedMessage, reasonText } from '../text/coded-text.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import { CENTS, toMinorUnits } from '../columns/money.js';
import type { Invoice } from '../columns/records.js';
import { DenseInvoiceNumbers } from '../internal/dense-invoice-numbers.js';
import { hashString } from '../internal/string-index.js';
import { InvoiceNumberIndex } from '../internal/invoice-number-index.js';
import { prefixSums } from '../internal/prefix-sums.js';
import type { ScratchArrays } from '../internal/scratch-arrays.js';
import { trimText } from '../internal/trim-text.js';
import type { AgingLedger } from './aging-ledger.js';
import type { NormalizedAgingOptions } from './aging-options.js';
import type { AgingCounts } from './aging-result.js';
import { UNKNOWN_CUSTOMER, UNKNOWN_OWNER } from './aging-result.js';
import { dueDateOf, isOnOrBefore, NO_DAY, paidOnInvoice } from './aging-rules.js';
import type { WarningCollector } from '../columns/warning-collector.js';
import type { PaymentTerms } from './payment-terms.js';
import { parsePaymentTerms } from './payment-terms.js';

export { NO_DAY } from './aging-rules.js';
/** Payment record meta of an invoice that no row of the payments list names. */
export const NO_PAYMENT_ROWS = -Infinity;

/** Flag bits per invoice. */
export const DISPUTED = 1;
/** Has invoice-level payment information (a paid date, paid amount or balance). */
export const HAS_PAID_INFO = 2;
/** Invoice dated after as-of: not aged, and payments naming it stay unapplied. */
export const AFTER_AS_OF = 4;

/**
 * rowState bits: a readable date and amount; a non-blank number; a padded one; a repeated one; one
 * of the dense table's form (see DenseInvoiceNumbers).
 */
const READABLE = 1;
const HAS_NUMBER = 2;
const NUMBER_TRIMMED = 4;
const REPEATED = 8;
const DENSE = 16;

/** Rows handled per batch: each stage runs over a batch, so its independent cache misses overlap. */
export const BATCH = 1024;

/** Invoice-level payment information, kept only for the rows that have it (rows ascending). */
export interface InvoicePaidInfo {
  rows: number[];
  /** Whether the row has a paid date; without one the paid amount or balance counts whatever the as-of. */
  dated: boolean[];
  dates: number[];
  cents: number[];
}

/**
 * The invoices in typed arrays, indexed by row position; pair −1 marks a dropped row. About 100
 * bytes per invoice, the index and its sort buffers included, taken from ScratchArrays so a
 * repeated call allocates none of it. Date and cents are kept so later passes need not read the
 * invoice records again: each record read costs a cache miss wherever the caller's heap put it.
 */
export interface LoadedInvoices {
  due: Int32Array;
  /** Invoice date per row. */
  day: Int32Array;
  /** Amount in cents of the section currency (converted when a rate applies). */
  cents: Float64Array;
  pair: Int32Array;
  /** Section-local owner id. */
  owner: Int32Array;
  flags: Uint8Array;
  /**
   * Two doubles per invoice, filled by the payments: [2i] paid cents, [2i + 1] the last counted
   * payment day, NO_DAY when rows name the invoice but none counts, NO_PAYMENT_ROWS when none does.
   */
  payments: Float64Array;
  /** Currency id per row, or null while every row has currency id 0. */
  currencyOfRow: Int32Array | null;
  /** Currency code and conversion factor of each currency id. */
  currencies: (string | null)[];
  factors: number[];
  byNumber: InvoiceNumberIndex;
  /** The numbers of one prefix and a plain number, by that number (the rest are in byNumber). */
  dense: DenseInvoiceNumbers;
  paidInfo: InvoicePaidInfo;
  /** Earliest invoice date on or before as-of, or Infinity when there is none. */
  minDay: number;
  /** Earliest invoice date after as-of, or Infinity when there is none. */
  firstDayAfterAsOf: number;
}

/**
 * Pass 1 of ageReceivables: reads the invoices into typed arrays, resolving each one's due date,
 * currency section, customer pair, owner and invoice-number index entry. The numbers are read and
 * indexed first, in a pass of their own (those of one prefix and a plain number in the dense
 * table, the rest in the hash index in slot-block order), then the rest of each row batch by batch.
 *
 * Due date: see dueDateOf (the invoice date is reported unless a credit note). Blank customers and
 * owners become UNKNOWN_CUSTOMER / UNKNOWN_OWNER; a row with an unreadable invoice date or amount is
 * dropped with a warning; a repeated invoice number is kept and reported, and payments go to its
 * first row.
 *
 * @param invoices - The invoices; not mutated.
 * @param options - Normalized options.
 * @param ledger - Sections, pairs and owners, extended as rows are read.
 * @param warnings - Collector for row warnings.
 * @param counts - Counts to fill in (invoicesDropped, invoicesAfterAsOf).
 * @param scratch - Where the per-row arrays come from; they live only as long as the call.
 * @returns The loaded invoices.
 * @example
 * const loaded = loadInvoices(invoices, options, ledger, warnings, counts, scratch);
 * loaded.due[0]; // epoch day the first invoice falls due
 */
export function loadInvoices(
  invoices: readonly Invoice[],
  options: NormalizedAgingOptions,
  ledger: AgingLedger,
  warnings: WarningCollector,
  counts: AgingCounts,
  scratch: ScratchArrays,
): LoadedInvoices {
  const rows = invoices.length;
  const loader = new InvoiceLoader(invoices, options, ledger, warnings, counts, scratch);
  // One small method per step over a batch: the cache misses within a loop overlap, and each step
  // is optimized on its own as soon as it is hot (one large loop body ran partly unoptimized).
  for (let from = 0; from < rows; from += BATCH) {
    loader.readNumbers(from, Math.min(rows, from + BATCH));
  }
  loader.indexNumbers(scratch);
  for (let from = 0; from < rows; from += BATCH) {
    const to = Math.min(rows, from + BATCH);
    loader.readCustomers(from, to);
    loader.guessCustomers(to - from);
    loader.confirmCustomers(from, to - from);
    loader.resolveBatch(from, to);
  }
  return loader.loaded;
}

/** The state of one loadInvoices call: the arrays being filled and what the batch steps share. */
class InvoiceLoader {
  readonly loaded: LoadedInvoices;
  private readonly currencyIds = new Map<string | null, number>();
  private readonly termsCache = new Map<string, PaymentTerms | string>();
  // The last currency cell seen and what it resolved to: most rows repeat it.
  private lastRawCurrency: string | undefined = undefined;
  private haveCurrency = false;
  private currencyId = 0;
  private factor = 1;
  private section = 0;
  // The last non-blank terms cell and what it parsed to: most rows repeat one or two terms.
  private lastTerms: string | undefined = undefined;
  private lastTermsValue: PaymentTerms | string = 'blank';
  // The last owner and section seen, and the owner id they gave.
  private lastOwner = '';
  private lastOwnerSection = -1;
  private ownerId = -1;
  /** Per row: READABLE, HAS_NUMBER, NUMBER_TRIMMED, REPEATED and DENSE bits. */
  private readonly rowState: Uint8Array;
  /** Per row with a number: its hashString, or for a DENSE row its number part. */
  private readonly numberHash: Int32Array;
  /** Per row marked REPEATED: the first row with its number. */
  private readonly firstRow: Int32Array;
  /** Rows with a number per slot block of the index (blockStart[block + 1]). */
  private readonly blockStart: Int32Array;
  // Per row of the current batch: the trimmed customer cell, its hash and its global customer id.
  private readonly customers = new Array<string>(BATCH).fill('');
  private readonly customerHash = new Int32Array(BATCH);
  private readonly customerId = new Int32Array(BATCH);

  constructor(
    private readonly invoices: readonly Invoice[],
    private readonly options: NormalizedAgingOptions,
    private readonly ledger: AgingLedger,
    private readonly warnings: WarningCollector,
    private readonly counts: AgingCounts,
    scratch: ScratchArrays,
  ) {
    const rows = invoices.length;
    // Due, day, cents and owner are written for every row with a pair and read only for those;
    // pair and payments are written for every row, so none of these needs a zero fill first.
    this.loaded = {
      due: scratch.int32Unfilled(rows),
      day: scratch.int32Unfilled(rows),
      cents: scratch.float64Unfilled(rows),
      pair: scratch.int32Unfilled(rows).fill(-1),
      owner: scratch.int32Unfilled(rows),
      flags: scratch.uint8(rows),
      payments: scratch.float64Unfilled(rows * 2),
      currencyOfRow: null,
      currencies: [],
      factors: [],
      byNumber: new InvoiceNumberIndex(rows, scratch),
      dense: new DenseInvoiceNumbers(),
      paidInfo: { rows: [], dated: [], dates: [], cents: [] },
      minDay: Infinity,
      firstDayAfterAsOf: Infinity,
    };
    this.rowState = scratch.uint8(rows);
    this.numberHash = scratch.int32Unfilled(rows);
    this.firstRow = scratch.int32Unfilled(rows);
    this.blockStart = scratch.int32(this.loaded.byNumber.blocks + 1);
  }

  /**
   * Step 1, per batch: readability of each row, and its trimmed number's part for the dense table
   * when it has that form, else its hash, counted per slot block of the index.
   */
  readNumbers(from: number, to: number): void {
    const { invoices, rowState, numberHash } = this;
    const { payments, dense } = this.loaded;
    for (let row = from; row < to; row++) {
      const invoice = invoices[row] as Invoice;
      payments[2 * row] = 0;
      payments[2 * row + 1] = NO_PAYMENT_ROWS;
      if (!(Number.isInteger(invoice.invoiceDate) && Number.isFinite(invoice.amount))) continue;
      const raw = invoice.invoice;
      const number = typeof raw === 'string' ? trimText(raw) : '';
      if (number === '') {
        rowState[row] = READABLE;
        continue;
      }
      const state = number === raw ? READABLE | HAS_NUMBER : READABLE | HAS_NUMBER | NUMBER_TRIMMED;
      const value = dense.valueOf(number);
      if (value >= 0) {
        rowState[row] = state | DENSE;
        numberHash[row] = value;
        dense.see(value);
        continue;
      }
      rowState[row] = state;
      this.countHashed(row, hashString(number));
    }
  }

  /** Keeps a row's number hash and counts it in its slot block of the index. */
  private countHashed(row: number, hash: number): void {
    const { blockStart } = this;
    this.numberHash[row] = hash;
    const block = this.loaded.byNumber.blockOf(hash) + 1;
    blockStart[block] = (blockStart[block] as number) + 1;
  }

  /**
   * Step 2, once: adds the numbers of the dense table's form to it, in row order, and every other
   * number to the index in slot-block order, marking the repeats.
   */
  indexNumbers(scratch: ScratchArrays): void {
    if (this.loaded.dense.build(this.invoices.length, scratch)) this.indexDenseNumbers();
    else this.hashDenseNumbers();
    this.indexHashedNumbers(scratch);
  }

  /** Adds each DENSE row's number part to the dense table, marking the repeats. */
  private indexDenseNumbers(): void {
    const { rowState, numberHash, firstRow } = this;
    const { dense } = this.loaded;
    for (let row = 0; row < this.invoices.length; row++) {
      if (((rowState[row] as number) & DENSE) === 0) continue;
      const first = dense.add(numberHash[row] as number, row);
      if (first >= 0) {
        firstRow[row] = first;
        rowState[row] = (rowState[row] as number) | REPEATED;
      }
    }
  }

  /** The numbers are too spread out for a table: the DENSE rows go to the hash index instead. */
  private hashDenseNumbers(): void {
    const { invoices, rowState } = this;
    for (let row = 0; row < this.invoices.length; row++) {
      const state = rowState[row] as number;
      if ((state & DENSE) === 0) continue;
      rowState[row] = state & ~DENSE;
      this.countHashed(row, hashString(numberOf(invoices[row] as Invoice, state)));
    }
  }

  /**
   * Adds the hashed numbers to the index in slot-block order (a counting sort, stable, so a
   * repeated number's rows still come in row order and the first stays), marking the repeats.
   */
  private indexHashedNumbers(scratch: ScratchArrays): void {
    const { invoices, rowState, numberHash, blockStart, firstRow } = this;
    const { byNumber } = this.loaded;
    const count = prefixSums(blockStart, byNumber.blocks);
    const sortedRow = scratch.int32Unfilled(count);
    const sortedHash = scratch.int32Unfilled(count);
    const sortedNumber = scratch.strings(count);
    for (let row = 0; row < this.invoices.length; row++) {
      const state = rowState[row] as number;
      if ((state & HAS_NUMBER) === 0 || (state & DENSE) !== 0) continue;
      const hash = numberHash[row] as number;
      const block = byNumber.blockOf(hash);
      const at = blockStart[block] as number;
      blockStart[block] = at + 1;
      sortedRow[at] = row;
      sortedHash[at] = hash;
      sortedNumber[at] = numberOf(invoices[row] as Invoice, state);
    }
    for (let at = 0; at < count; at++) {
      const row = sortedRow[at] as number;
      const first = byNumber.addHashed(sortedNumber[at] as string, sortedHash[at] as number, row);
      if (first >= 0) {
        firstRow[row] = first;
        rowState[row] = (rowState[row] as number) | REPEATED;
      }
    }
  }

  /** Step 3, per batch: the trimmed customer of each readable row, and its hash. */
  readCustomers(from: number, to: number): void {
    const { invoices, rowState, customers, customerHash } = this;
    for (let row = from; row < to; row++) {
      if (((rowState[row] as number) & READABLE) === 0) continue;
      const raw = (invoices[row] as Invoice).customer;
      const customer = typeof raw === 'string' ? trimText(raw) : '';
      customers[row - from] = customer;
      customerHash[row - from] = hashString(customer === '' ? UNKNOWN_CUSTOMER : customer);
    }
  }

  /** Step 4: a guess at each row's customer id, in a loop of its own so the lookups overlap. */
  guessCustomers(count: number): void {
    const { customerHash, customerId, ledger } = this;
    for (let k = 0; k < count; k++) {
      customerId[k] = ledger.customerCandidate(customerHash[k] as number);
    }
  }

  /** Step 5: confirms (or makes) the global id of each readable row's customer. */
  confirmCustomers(from: number, count: number): void {
    const { rowState, customers, customerHash, customerId, ledger } = this;
    for (let k = 0; k < count; k++) {
      if (((rowState[from + k] as number) & READABLE) === 0) continue;
      const customer = customers[k] as string;
      customerId[k] = ledger.confirmCustomerId(
        customer === '' ? UNKNOWN_CUSTOMER : customer,
        customerHash[k] as number,
        customerId[k] as number,
      );
    }
  }

  /**
   * Step 6: due date, currency section, pair, owner, limit, flags and paid information of each row
   * of a batch, with their warnings; drops the unreadable rows.
   */
  resolveBatch(from: number, to: number): void {
    const { invoices, rowState, loaded, counts } = this;
    // The arrays and as-of in locals: methods that re-read them from the loader per row made this
    // pass 12% slower on the aging bench.
    const { due, day, cents, pair: pairOf, owner: ownerOf, flags: flagsOf, paidInfo } = loaded;
    const { asOf } = this.options;
    for (let row = from; row < to; row++) {
      const invoice = invoices[row] as Invoice;
      const state = rowState[row] as number;
      if ((state & READABLE) === 0) {
        this.dropUnreadable(invoice);
        continue;
      }
      if ((state & (HAS_NUMBER | REPEATED)) !== HAS_NUMBER) this.reportNumber(invoice, state, row);
      const date = invoice.invoiceDate;
      const dueDay = this.dueDayOf(invoice, state);
      if (!this.haveCurrency || invoice.currency !== this.lastRawCurrency) {
        this.switchCurrency(invoice.currency);
      }
      const factor = this.factor;
      const ownerName = typeof invoice.owner === 'string' ? trimText(invoice.owner) : '';
      pairOf[row] = this.pairOf(invoice, state, row - from, ownerName);
      ownerOf[row] = this.ownerIdOf(ownerName);
      due[row] = dueDay;
      day[row] = date;
      cents[row] = toMinorUnits(invoice.amount * factor, CENTS);
      const currencyOfRow = loaded.currencyOfRow;
      if (currencyOfRow !== null) currencyOfRow[row] = this.currencyId;
      let flags = invoice.disputed === true ? DISPUTED : 0;
      if (!isOnOrBefore(date, asOf)) {
        counts.invoicesAfterAsOf++;
        if (date < loaded.firstDayAfterAsOf) loaded.firstDayAfterAsOf = date;
        flags |= AFTER_AS_OF;
      } else if (date < loaded.minDay) loaded.minDay = date;
      // Used in pass 3 unless the payments list has rows for this invoice.
      const paid = paidOnInvoice(invoice.amount, invoice);
      if (paid !== undefined) {
        flags |= HAS_PAID_INFO;
        const paidDate = invoice.paidDate;
        const dated = paidDate !== undefined && Number.isInteger(paidDate) ? paidDate : null;
        addPaidInfo(paidInfo, row, dated, toMinorUnits(paid * factor, CENTS));
      }
      flagsOf[row] = flags;
    }
  }

  /** The due date of a readable row (dueDateOf), reporting a due date before the invoice date, unreadable terms and a missing due date. */
  private dueDayOf(invoice: Invoice, state: number): number {
    const date = invoice.invoiceDate;
    const dueCell = invoice.dueDate;
    if (dueCell !== undefined && Number.isInteger(dueCell)) {
      if (dueCell < date) this.reportDueBeforeInvoice(invoice, state, dueCell);
      return dueDateOf(date, dueCell, undefined);
    }
    const terms = this.termsOf(invoice.terms);
    if (typeof terms === 'string') {
      this.reportTerms(invoice, state, terms);
      return dueDateOf(date, undefined, undefined);
    }
    // A credit note has nothing to collect, so a missing due date there is not news.
    if (terms === undefined && invoice.amount >= 0) this.reportNoDue(invoice, state);
    return dueDateOf(date, undefined, terms);
  }

  /**
   * The parsed terms of a terms cell, the reason when it cannot be read, undefined when blank.
   * Parses each distinct cell once, and the last one is reused without a lookup.
   */
  private termsOf(cell: string | undefined): PaymentTerms | string | undefined {
    if (cell === undefined) return undefined;
    if (cell === this.lastTerms) return this.lastTermsValue;
    if (trimText(cell) === '') return undefined;
    let terms = this.termsCache.get(cell);
    if (terms === undefined) {
      const parsed = parsePaymentTerms(cell);
      terms = parsed.ok ? (parsed.value ?? 'blank') : parsed.reason;
      this.termsCache.set(cell, terms);
    }
    this.lastTerms = cell;
    this.lastTermsValue = terms;
    return terms;
  }

  /** Resolves a currency cell other than the last one: its code, factor, section and id. */
  private switchCurrency(rawCurrency: string | undefined): void {
    const { ledger, loaded } = this;
    this.haveCurrency = true;
    this.lastRawCurrency = rawCurrency;
    const currency = ledger.currencyOf(rawCurrency);
    this.factor = ledger.factor(currency);
    this.section = ledger.sectionOf(currency);
    let id = this.currencyIds.get(currency);
    if (id === undefined) {
      id = loaded.currencies.length;
      this.currencyIds.set(currency, id);
      loaded.currencies.push(currency);
      loaded.factors.push(this.factor);
    }
    this.currencyId = id;
    if (id !== 0 && loaded.currencyOfRow === null) {
      loaded.currencyOfRow = new Int32Array(this.invoices.length);
    }
  }

  /**
   * The (section, customer) pair of a row, reporting a blank customer; the first owner named and
   * the highest credit limit on the pair's invoices are kept for it (a limit option wins).
   */
  private pairOf(invoice: Invoice, state: number, inBatch: number, ownerName: string): number {
    const { ledger } = this;
    const customer = this.customers[inBatch] as string;
    if (customer === '') this.reportNoCustomer(invoice, state);
    const pair = ledger.pairOfCustomerId(
      this.section,
      this.customerId[inBatch] as number,
      customer === '' ? UNKNOWN_CUSTOMER : customer,
    );
    if (ownerName !== '' && ledger.pairOwner[pair] === null) ledger.pairOwner[pair] = ownerName;
    const limit = invoice.creditLimit;
    if (
      limit !== undefined &&
      Number.isFinite(limit) &&
      this.options.creditLimits[ledger.pairCustomer[pair] as string] === undefined
    ) {
      const known = ledger.pairLimit[pair];
      ledger.pairLimit[pair] =
        known === null || known === undefined ? limit : Math.max(known, limit);
    }
    return pair;
  }

  /** The section-local id of an owner (blank: UNKNOWN_OWNER); the last one is reused. */
  private ownerIdOf(ownerName: string): number {
    if (ownerName !== this.lastOwner || this.section !== this.lastOwnerSection) {
      this.ownerId = this.ledger.ownerOf(
        this.section,
        ownerName === '' ? UNKNOWN_OWNER : ownerName,
      );
      this.lastOwner = ownerName;
      this.lastOwnerSection = this.section;
    }
    return this.ownerId;
  }

  /** Counts and reports a row without a readable invoice date or amount (dropped). */
  private dropUnreadable(invoice: Invoice): void {
    const { warnings } = this;
    this.counts.invoicesDropped++;
    const badDate = !Number.isInteger(invoice.invoiceDate);
    const kind = badDate ? 'invoice-date' : 'invoice-amount';
    if (warnings.skip(kind)) return;
    warnings.add(
      kind,
      this.options.invoicePlace,
      {
        code: 'missing-required-value',
        ...codedMessage(badDate ? 'warning.invoiceNoDate' : 'warning.invoiceNoAmount', {
          invoice: invoice.invoice ?? '',
        }),
        row: invoice.row,
        column: badDate ? 'invoice date' : 'amount',
        action: 'row dropped',
      },
      coded(badDate ? 'warning.summaryInvoiceNoDate' : 'warning.summaryInvoiceNoAmount'),
    );
  }

  /**
   * Reports a row without an invoice number, or with a repeated one. The number's text is read
   * again only for a warning: its string was last touched in readNumbers, so a read here is a
   * cache miss per row.
   */
  private reportNumber(invoice: Invoice, state: number, row: number): void {
    const { warnings } = this;
    if ((state & HAS_NUMBER) === 0) {
      if (warnings.skip('invoice-number')) return;
      warnings.add(
        'invoice-number',
        this.options.invoicePlace,
        {
          code: 'missing-value',
          ...codedMessage('warning.invoiceNoNumber'),
          row: invoice.row,
          column: 'invoice',
          action: 'row kept',
        },
        coded('warning.summaryInvoiceNoNumber'),
      );
    } else if ((state & REPEATED) !== 0 && !warnings.skip('duplicate-invoice')) {
      const first = this.invoices[this.firstRow[row] as number];
      warnings.add(
        'duplicate-invoice',
        this.options.invoicePlace,
        {
          code: 'duplicate-id',
          ...codedMessage('warning.invoiceRepeated', {
            invoice: numberOf(invoice, state),
            row: String(first?.row),
          }),
          row: invoice.row,
          column: 'invoice',
          raw: numberOf(invoice, state),
          action: 'row kept',
        },
        coded('warning.summaryInvoiceRepeated'),
      );
    }
  }

  private reportDueBeforeInvoice(invoice: Invoice, state: number, dueDay: number): void {
    if (this.warnings.skip('due-before-invoice')) return;
    this.warnings.add(
      'due-before-invoice',
      this.options.invoicePlace,
      {
        code: 'out-of-range',
        ...codedMessage('warning.dueBeforeInvoice', {
          invoice: numberOf(invoice, state),
          due: isoFromEpochDay(dueDay),
          date: isoFromEpochDay(invoice.invoiceDate),
        }),
        row: invoice.row,
        column: 'due date',
        action: 'row kept',
      },
      coded('warning.summaryDueBeforeInvoice'),
    );
  }

  private reportTerms(invoice: Invoice, state: number, reason: string): void {
    if (this.warnings.skip('terms')) return;
    this.warnings.add(
      'terms',
      this.options.invoicePlace,
      {
        code: 'unreadable-value',
        ...codedMessage('warning.termsUnreadable', {
          invoice: numberOf(invoice, state),
          reason: reasonText(reason),
        }),
        row: invoice.row,
        column: 'terms',
        raw: invoice.terms,
        action: 'assumed',
      },
      coded('warning.summaryTerms'),
    );
  }

  private reportNoDue(invoice: Invoice, state: number): void {
    if (this.warnings.skip('no-due')) return;
    this.warnings.add(
      'no-due',
      this.options.invoicePlace,
      {
        code: 'missing-value',
        ...codedMessage('warning.noDueDate', { invoice: numberOf(invoice, state) }),
        row: invoice.row,
        column: 'due date',
        action: 'assumed',
      },
      coded('warning.summaryNoDueDate'),
    );
  }

  private reportNoCustomer(invoice: Invoice, state: number): void {
    if (this.warnings.skip('invoice-customer')) return;
    this.warnings.add(
      'invoice-customer',
      this.options.invoicePlace,
      {
        code: 'missing-value',
        ...codedMessage('warning.invoiceNoCustomer', {
          invoice: numberOf(invoice, state),
          unknown: UNKNOWN_CUSTOMER,
        }),
        row: invoice.row,
        column: 'customer',
        action: 'row kept',
      },
      coded('warning.summaryInvoiceNoCustomer', { unknown: UNKNOWN_CUSTOMER }),
    );
  }
}

/** The trimmed invoice number of a row, by its rowState ('' without one). */
function numberOf(invoice: Invoice, state: number): string {
  if ((state & HAS_NUMBER) === 0) return '';
  const raw = invoice.invoice as string;
  return (state & NUMBER_TRIMMED) === 0 ? raw : trimText(raw);
}

function addPaidInfo(info: InvoicePaidInfo, row: number, date: number | null, cents: number): void {
  info.rows.push(row);
  info.dated.push(date !== null);
  info.dates.push(date ?? NO_DAY);
  info.cents.push(cents);
}
