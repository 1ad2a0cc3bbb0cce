import { isoFromEpochDay } from '../columns/epoch-day.js';
import { CENTS, toMinorUnits } from '../columns/money.js';
import type { Invoice } from '../columns/records.js';
import type { AgingLedger } from './aging-ledger.js';
import type { NormalisedAgingOptions } from './aging-options.js';
import type { AgingCounts } from './aging-result.js';
import { UNKNOWN_CUSTOMER, UNKNOWN_OWNER } from './aging-result.js';
import type { WarningCollector } from '../columns/warning-collector.js';
import { dueDateFromTerms } from './due-date-from-terms.js';
import { DenseInvoiceNumbers } from '../internal/dense-invoice-numbers.js';
import { InvoiceNumberIndex } from '../internal/invoice-number-index.js';
import type { ScratchArrays } from '../internal/scratch-arrays.js';
import { hashString } from '../internal/string-index.js';
import { trimText } from '../internal/trim-text.js';
import type { PaymentTerms } from './payment-terms.js';
import { parsePaymentTerms } from './payment-terms.js';

/** "No day": below every epoch day, so any real date is later. */
export const NO_DAY = -2_147_483_648;
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
}

/**
 * Pass 1 of ageReceivables: reads the invoices into typed arrays, resolving each one's due date,
 * currency section, customer pair, owner and invoice-number index entry. The numbers are read and
 * indexed first, in a pass of their own (those of one prefix and a plain number in the dense
 * table, the rest in the hash index in slot-block order), then the rest of each row batch by batch.
 *
 * Due date = the due-date cell, else invoice date + terms, else the invoice date (reported unless a
 * credit note). Blank customers and owners become UNKNOWN_CUSTOMER / UNKNOWN_OWNER; a row with an
 * unreadable invoice date or amount is dropped with a warning; a repeated invoice number is kept and
 * reported, and payments go to its first row.
 *
 * @param invoices - The invoices; not mutated.
 * @param o - Normalised options.
 * @param ledger - Sections, pairs and owners, extended as rows are read.
 * @param warnings - Collector for row warnings.
 * @param counts - Counts to fill in (invoicesDropped, invoicesAfterAsOf).
 * @param scratch - Where the per-row arrays come from; they live only as long as the call.
 * @returns The loaded invoices.
 * @example
 * const loaded = loadInvoices(invoices, o, ledger, warnings, counts, scratch);
 * loaded.due[0]; // epoch day the first invoice falls due
 */
export function loadInvoices(
  invoices: readonly Invoice[],
  o: NormalisedAgingOptions,
  ledger: AgingLedger,
  warnings: WarningCollector,
  counts: AgingCounts,
  scratch: ScratchArrays,
): LoadedInvoices {
  const n = invoices.length;
  const loader = new InvoiceLoader(invoices, o, ledger, warnings, counts, scratch);
  // One small method per step over a batch: the cache misses within a loop overlap, and each step
  // is optimised on its own as soon as it is hot (one large loop body ran partly unoptimised).
  for (let from = 0; from < n; from += BATCH) loader.readNumbers(from, Math.min(n, from + BATCH));
  loader.indexNumbers(scratch);
  for (let from = 0; from < n; from += BATCH) {
    const to = Math.min(n, from + BATCH);
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
  // The last currency cell and owner seen, with what they resolved to: most rows repeat them.
  private lastRawCurrency: string | undefined = undefined;
  private haveCurrency = false;
  private curId = 0;
  private f = 1;
  private s = 0;
  // The last non-blank terms cell and what it parsed to: most rows repeat one or two terms.
  private lastTerms: string | undefined = undefined;
  private lastTermsValue: PaymentTerms | string = 'blank';
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
  // Per row of the current batch.
  private readonly customers = new Array<string>(BATCH).fill('');
  private readonly customerHash = new Int32Array(BATCH);
  private readonly customerId = new Int32Array(BATCH);

  constructor(
    private readonly invoices: readonly Invoice[],
    private readonly o: NormalisedAgingOptions,
    private readonly ledger: AgingLedger,
    private readonly warnings: WarningCollector,
    private readonly counts: AgingCounts,
    scratch: ScratchArrays,
  ) {
    const n = invoices.length;
    // Due, day, cents and owner are written for every row with a pair and read only for those;
    // pair and payments are written for every row, so none of these needs a zero fill first.
    this.loaded = {
      due: scratch.int32Unfilled(n),
      day: scratch.int32Unfilled(n),
      cents: scratch.float64Unfilled(n),
      pair: scratch.int32Unfilled(n).fill(-1),
      owner: scratch.int32Unfilled(n),
      flags: scratch.uint8(n),
      payments: scratch.float64Unfilled(n * 2),
      currencyOfRow: null,
      currencies: [],
      factors: [],
      byNumber: new InvoiceNumberIndex(n, scratch),
      dense: new DenseInvoiceNumbers(),
      paidInfo: { rows: [], dated: [], dates: [], cents: [] },
      minDay: Infinity,
    };
    this.rowState = scratch.uint8(n);
    this.numberHash = scratch.int32Unfilled(n);
    this.firstRow = scratch.int32Unfilled(n);
    this.blockStart = scratch.int32(this.loaded.byNumber.blocks + 1);
  }

  /**
   * Step 1, per batch: readability of each row, and its trimmed number's part for the dense table
   * when it has that form, else its hash, counted per slot block of the index.
   */
  readNumbers(from: number, to: number): void {
    const { invoices, rowState, numberHash, blockStart } = this;
    const { payments, byNumber, dense } = this.loaded;
    for (let i = from; i < to; i++) {
      const inv = invoices[i] as Invoice;
      payments[2 * i] = 0;
      payments[2 * i + 1] = NO_PAYMENT_ROWS;
      if (!(Number.isInteger(inv.invoiceDate) && Number.isFinite(inv.amount))) continue;
      const raw = inv.invoice;
      const number = typeof raw === 'string' ? trimText(raw) : '';
      if (number === '') {
        rowState[i] = READABLE;
        continue;
      }
      rowState[i] = number === raw ? READABLE | HAS_NUMBER : READABLE | HAS_NUMBER | NUMBER_TRIMMED;
      const value = dense.valueOf(number);
      if (value >= 0) {
        rowState[i] = (rowState[i] as number) | DENSE;
        numberHash[i] = value;
        dense.see(value);
        continue;
      }
      const h = hashString(number);
      numberHash[i] = h;
      const b = byNumber.blockOf(h) + 1;
      blockStart[b] = (blockStart[b] as number) + 1;
    }
  }

  /**
   * Step 2, once: adds the numbers of the dense table's form to it, in row order, and every other
   * number to the index in slot-block order (a counting sort, stable, so a repeated number's rows
   * still come in row order and the first stays), marking the repeats.
   */
  indexNumbers(scratch: ScratchArrays): void {
    const { invoices, rowState, numberHash, blockStart, firstRow } = this;
    const { byNumber, dense } = this.loaded;
    const blocks = byNumber.blocks;
    const n = invoices.length;
    if (dense.build(n, scratch)) {
      for (let i = 0; i < n; i++) {
        if (((rowState[i] as number) & DENSE) === 0) continue;
        const first = dense.add(numberHash[i] as number, i);
        if (first >= 0) {
          firstRow[i] = first;
          rowState[i] = (rowState[i] as number) | REPEATED;
        }
      }
    } else {
      // Too spread out for a table: these numbers go to the index with the rest.
      for (let i = 0; i < n; i++) {
        const st = rowState[i] as number;
        if ((st & DENSE) === 0) continue;
        rowState[i] = st & ~DENSE;
        const h = hashString(numberOf(invoices[i] as Invoice, st));
        numberHash[i] = h;
        const b = byNumber.blockOf(h) + 1;
        blockStart[b] = (blockStart[b] as number) + 1;
      }
    }
    for (let b = 1; b <= blocks; b++)
      blockStart[b] = (blockStart[b] as number) + (blockStart[b - 1] as number);
    const count = blockStart[blocks] as number;
    const sRow = scratch.int32Unfilled(count);
    const sHash = scratch.int32Unfilled(count);
    const sNumber = scratch.strings(count);
    for (let i = 0; i < n; i++) {
      const st = rowState[i] as number;
      if ((st & HAS_NUMBER) === 0 || (st & DENSE) !== 0) continue;
      const h = numberHash[i] as number;
      const b = byNumber.blockOf(h);
      const at = blockStart[b] as number;
      blockStart[b] = at + 1;
      sRow[at] = i;
      sHash[at] = h;
      sNumber[at] = numberOf(invoices[i] as Invoice, st);
    }
    for (let at = 0; at < count; at++) {
      const i = sRow[at] as number;
      const first = byNumber.addHashed(sNumber[at] as string, sHash[at] as number, i);
      if (first >= 0) {
        firstRow[i] = first;
        rowState[i] = (rowState[i] as number) | REPEATED;
      }
    }
  }

  /** Step 3, per batch: trimmed customer of each readable row, and its hash. */
  readCustomers(from: number, to: number): void {
    const { invoices, rowState, customers, customerHash } = this;
    for (let i = from; i < to; i++) {
      if (((rowState[i] as number) & READABLE) === 0) continue;
      const k = i - from;
      const raw = (invoices[i] as Invoice).customer;
      const customer = typeof raw === 'string' ? trimText(raw) : '';
      customers[k] = customer;
      customerHash[k] = hashString(customer === '' ? UNKNOWN_CUSTOMER : customer);
    }
  }

  /** Step 4: a guess at each row's customer id, in a loop of its own so the lookups overlap. */
  guessCustomers(count: number): void {
    const { customerHash, customerId, ledger } = this;
    for (let k = 0; k < count; k++)
      customerId[k] = ledger.customerCandidate(customerHash[k] as number);
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
    const { invoices, o, ledger, warnings, counts, loaded, termsCache } = this;
    const { rowState, customers, firstRow, customerId } = this;
    const { due, day, cents, pair, owner, paidInfo } = loaded;
    const flagsOf = loaded.flags;
    const { asOf, creditLimits } = o;
    const ip = o.invoicePlace;
    const { pairCustomer, pairOwner, pairLimit } = ledger;
    let { lastRawCurrency, haveCurrency, curId, f, s, lastOwner, lastOwnerSection, ownerId } = this;
    let { lastTerms, lastTermsValue } = this;
    let { currencyOfRow, minDay } = loaded;
    for (let i = from; i < to; i++) {
      const k = i - from;
      const inv = invoices[i] as Invoice;
      const date = inv.invoiceDate;
      const amount = inv.amount;
      const st = rowState[i] as number;
      if ((st & READABLE) === 0) {
        counts.invoicesDropped++;
        const badDate = !Number.isInteger(date);
        if (!warnings.skip(badDate ? 'invoice-date' : 'invoice-amount'))
          warnings.add(
            badDate ? 'invoice-date' : 'invoice-amount',
            ip,
            {
              code: 'missing-required-value',
              message: `invoice ${inv.invoice ?? ''} has no readable ${badDate ? 'invoice date' : 'amount'}`,
              row: inv.row,
              column: badDate ? 'invoice date' : 'amount',
              action: 'row dropped',
            },
            `invoices without a readable ${badDate ? 'invoice date' : 'amount'}`,
          );
        continue;
      }
      // The number's text is read again only for a warning: its string was last touched in
      // readNumbers, so a read here is a cache miss per row.
      if ((st & HAS_NUMBER) === 0) {
        if (!warnings.skip('invoice-number'))
          warnings.add(
            'invoice-number',
            ip,
            {
              code: 'missing-value',
              message:
                'invoice without an invoice number: aged, but no payment can be applied to it',
              row: inv.row,
              column: 'invoice',
              action: 'row kept',
            },
            'invoices without an invoice number',
          );
      } else {
        if ((st & REPEATED) !== 0) {
          const first = firstRow[i] as number;
          if (!warnings.skip('duplicate-invoice'))
            warnings.add(
              'duplicate-invoice',
              ip,
              {
                code: 'duplicate-id',
                message: `invoice number ${numberOf(inv, st)} appears again (first at row ${invoices[first]?.row}): both aged, payments go to the first`,
                row: inv.row,
                column: 'invoice',
                raw: numberOf(inv, st),
                action: 'row kept',
              },
              'repeated invoice numbers',
            );
        }
      }

      let dueDay: number;
      const terms = inv.terms;
      if (inv.dueDate !== undefined && Number.isInteger(inv.dueDate)) {
        dueDay = inv.dueDate;
        if (dueDay < date) {
          if (!warnings.skip('due-before-invoice'))
            warnings.add(
              'due-before-invoice',
              ip,
              {
                code: 'out-of-range',
                message: `invoice ${numberOf(inv, st)}: due date ${isoFromEpochDay(dueDay)} is before the invoice date ${isoFromEpochDay(date)}`,
                row: inv.row,
                column: 'due date',
                action: 'row kept',
              },
              'due dates before the invoice date',
            );
        }
      } else if (terms !== undefined && (terms === lastTerms || trimText(terms) !== '')) {
        let t = lastTermsValue;
        if (terms !== lastTerms) {
          let cached = termsCache.get(terms);
          if (cached === undefined) {
            const parsed = parsePaymentTerms(terms);
            cached = parsed.ok ? (parsed.value ?? 'blank') : parsed.reason;
            termsCache.set(terms, cached);
          }
          t = cached;
          lastTerms = terms;
          lastTermsValue = cached;
        }
        if (typeof t === 'string') {
          dueDay = date;
          if (!warnings.skip('terms'))
            warnings.add(
              'terms',
              ip,
              {
                code: 'unreadable-value',
                message: `invoice ${numberOf(inv, st)}: ${t}; aged from the invoice date`,
                row: inv.row,
                column: 'terms',
                raw: terms,
                action: 'assumed',
              },
              'unrecognised payment terms, aged from the invoice date',
            );
        } else {
          dueDay = dueDateFromTerms(date, t);
        }
      } else {
        dueDay = date;
        // A credit note has nothing to collect, so a missing due date there is not news.
        if (amount >= 0 && !warnings.skip('no-due'))
          warnings.add(
            'no-due',
            ip,
            {
              code: 'missing-value',
              message: `invoice ${numberOf(inv, st)}: no due date and no payment terms; due on the invoice date`,
              row: inv.row,
              column: 'due date',
              action: 'assumed',
            },
            'invoices without due date or terms, due on the invoice date',
          );
      }

      const rawCurrency = inv.currency;
      if (!haveCurrency || rawCurrency !== lastRawCurrency) {
        haveCurrency = true;
        lastRawCurrency = rawCurrency;
        const cur = ledger.currencyOf(rawCurrency);
        f = ledger.factor(cur);
        s = ledger.sectionOf(cur);
        let id = this.currencyIds.get(cur);
        if (id === undefined) {
          id = loaded.currencies.length;
          this.currencyIds.set(cur, id);
          loaded.currencies.push(cur);
          loaded.factors.push(f);
        }
        curId = id;
        if (curId !== 0 && currencyOfRow === null) currencyOfRow = new Int32Array(invoices.length);
      }
      const rawCustomer = customers[k] as string;
      if (rawCustomer === '') {
        if (!warnings.skip('invoice-customer'))
          warnings.add(
            'invoice-customer',
            ip,
            {
              code: 'missing-value',
              message: `invoice ${numberOf(inv, st)}: no customer; listed under ${UNKNOWN_CUSTOMER}`,
              row: inv.row,
              column: 'customer',
              action: 'row kept',
            },
            `invoices without a customer, listed under ${UNKNOWN_CUSTOMER}`,
          );
      }
      const p = ledger.pairOfCustomerId(
        s,
        customerId[k] as number,
        rawCustomer === '' ? UNKNOWN_CUSTOMER : rawCustomer,
      );
      const ownerName = typeof inv.owner === 'string' ? trimText(inv.owner) : '';
      if (ownerName !== '' && pairOwner[p] === null) pairOwner[p] = ownerName;
      const limit = inv.creditLimit;
      if (
        limit !== undefined &&
        Number.isFinite(limit) &&
        creditLimits[pairCustomer[p] as string] === undefined
      ) {
        const prev = pairLimit[p];
        pairLimit[p] = prev === null || prev === undefined ? limit : Math.max(prev, limit);
      }
      if (ownerName !== lastOwner || s !== lastOwnerSection) {
        ownerId = ledger.ownerOf(s, ownerName === '' ? UNKNOWN_OWNER : ownerName);
        lastOwner = ownerName;
        lastOwnerSection = s;
      }

      due[i] = dueDay;
      day[i] = date;
      cents[i] = toMinorUnits(amount * f, CENTS);
      pair[i] = p;
      owner[i] = ownerId;
      if (currencyOfRow !== null) currencyOfRow[i] = curId;
      let flags = inv.disputed === true ? DISPUTED : 0;
      if (date > asOf) {
        counts.invoicesAfterAsOf++;
        flags |= AFTER_AS_OF;
      } else if (date < minDay) minDay = date;

      // Invoice-level payment information, used unless the payments list has rows for this invoice.
      const paidDate = inv.paidDate;
      if (paidDate !== undefined && Number.isInteger(paidDate)) {
        flags |= HAS_PAID_INFO;
        addPaidInfo(paidInfo, i, paidDate, toMinorUnits((inv.paidAmount ?? amount) * f, CENTS));
      } else if (inv.paidAmount !== undefined && Number.isFinite(inv.paidAmount)) {
        flags |= HAS_PAID_INFO;
        addPaidInfo(paidInfo, i, null, toMinorUnits(inv.paidAmount * f, CENTS));
      } else if (inv.balance !== undefined && Number.isFinite(inv.balance)) {
        flags |= HAS_PAID_INFO;
        addPaidInfo(paidInfo, i, null, toMinorUnits((amount - inv.balance) * f, CENTS));
      }
      flagsOf[i] = flags;
    }
    this.lastRawCurrency = lastRawCurrency;
    this.haveCurrency = haveCurrency;
    this.curId = curId;
    this.f = f;
    this.s = s;
    this.lastOwner = lastOwner;
    this.lastOwnerSection = lastOwnerSection;
    this.ownerId = ownerId;
    this.lastTerms = lastTerms;
    this.lastTermsValue = lastTermsValue;
    loaded.currencyOfRow = currencyOfRow;
    loaded.minDay = minDay;
  }
}

/** The trimmed invoice number of a row, by its rowState ('' without one). */
function numberOf(inv: Invoice, state: number): string {
  if ((state & HAS_NUMBER) === 0) return '';
  const raw = inv.invoice as string;
  return (state & NUMBER_TRIMMED) === 0 ? raw : trimText(raw);
}

function addPaidInfo(info: InvoicePaidInfo, row: number, date: number | null, cents: number): void {
  info.rows.push(row);
  info.dated.push(date !== null);
  info.dates.push(date ?? NO_DAY);
  info.cents.push(cents);
}
