import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { RecordTable } from '../columns/record-table.js';
import type { Invoice } from '../columns/records.js';
import type { AgingLedger } from './aging-ledger.js';
import type { NormalisedAgingOptions } from './aging-options.js';
import type { AgingCounts } from './aging-result.js';
import { UNKNOWN_CUSTOMER, UNKNOWN_OWNER } from './aging-result.js';
import type { AgingWarnings } from './aging-warnings.js';
import { dueDateFromTerms } from './due-date-from-terms.js';
import { keysInBlockOrder, PackedNumberIndex } from './packed-number-index.js';
import type { IdUnits } from './receivable-tables.js';
import { idUnits, trimIdRow } from './receivable-tables.js';
import type { ScratchArrays } from './scratch-arrays.js';
import { hashUnits, textOfUnits } from './string-index.js';
import { isTrimmedSpace, trimText } from './trim-text.js';
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

/** rowState bits: a readable date and amount; a repeated number. */
const READABLE = 1;
const REPEATED = 2;

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
 * repeated call allocates none of it.
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
  byNumber: PackedNumberIndex;
  paidInfo: InvoicePaidInfo;
  /** Earliest invoice date on or before as-of, or Infinity when there is none. */
  minDay: number;
  /** Excel row of each invoice. */
  rows: Int32Array;
  /** The invoice-number cells, and each readable row's number trimmed (numberFrom −1: none). */
  numbers: IdUnits;
  numberFrom: Int32Array;
  numberTo: Int32Array;
}

/**
 * Pass 1 of ageReceivables: reads the invoice columns into typed arrays, resolving each row's due
 * date, currency section, customer pair, owner and invoice-number index entry. The numbers are read
 * and indexed first, in a pass of their own (the index is filled in slot-block order), then the
 * rest of each row.
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
 * const loaded = loadInvoices(invoiceTable(invoices), o, ledger, warnings, counts, scratch);
 * loaded.due[0]; // epoch day the first invoice falls due
 */
export function loadInvoices(
  invoices: RecordTable<Invoice>,
  o: NormalisedAgingOptions,
  ledger: AgingLedger,
  warnings: AgingWarnings,
  counts: AgingCounts,
  scratch: ScratchArrays,
): LoadedInvoices {
  const loader = new InvoiceLoader(invoices, o, ledger, warnings, counts, scratch);
  loader.readNumbers();
  loader.indexNumbers(scratch);
  loader.resolveRows();
  return loader.loaded;
}

/** A column of n NaNs: a number field no row has. */
export function absentNumbers(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}

/** The state of one loadInvoices call: the arrays being filled and what the steps share. */
class InvoiceLoader {
  readonly loaded: LoadedInvoices;
  private readonly n: number;
  private readonly dates: Float64Array;
  private readonly amounts: Float64Array;
  /** Per row: READABLE and REPEATED bits. */
  private readonly rowState: Uint8Array;
  /** Per row with a number: its hashUnits. */
  private readonly numberHash: Int32Array;
  /** Per row marked REPEATED: the first row with its number. */
  private readonly firstRow: Int32Array;

  constructor(
    private readonly invoices: RecordTable<Invoice>,
    private readonly o: NormalisedAgingOptions,
    private readonly ledger: AgingLedger,
    private readonly warnings: AgingWarnings,
    private readonly counts: AgingCounts,
    scratch: ScratchArrays,
  ) {
    const n = invoices.size;
    this.n = n;
    this.dates = invoices.numbers('invoiceDate') ?? absentNumbers(n);
    this.amounts = invoices.numbers('amount') ?? absentNumbers(n);
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
      byNumber: new PackedNumberIndex(n, scratch),
      paidInfo: { rows: [], dated: [], dates: [], cents: [] },
      minDay: Infinity,
      rows: invoices.rows(),
      numbers: idUnits(invoices, 'invoice'),
      numberFrom: scratch.int32Unfilled(n),
      numberTo: scratch.int32Unfilled(n),
    };
    this.rowState = scratch.uint8(n);
    this.numberHash = scratch.int32Unfilled(n);
    this.firstRow = scratch.int32Unfilled(n);
  }

  /** Step 1, in row order: readability of each row, its trimmed number and the number's hash. */
  readNumbers(): void {
    const { n, dates, amounts, rowState, numberHash } = this;
    const { payments, numbers, numberFrom, numberTo } = this.loaded;
    const codes = numbers.codes;
    for (let i = 0; i < n; i++) {
      payments[2 * i] = 0;
      payments[2 * i + 1] = NO_PAYMENT_ROWS;
      if (!(Number.isInteger(dates[i]) && Number.isFinite(amounts[i]))) {
        numberFrom[i] = -1;
        continue;
      }
      rowState[i] = READABLE;
      trimIdRow(numbers, i, numberFrom, numberTo);
      const from = numberFrom[i] as number;
      if (from >= 0) numberHash[i] = hashUnits(codes, from, numberTo[i] as number);
    }
  }

  /**
   * Step 2, once: adds every number to the index in slot-block order (a counting sort, stable, so
   * a repeated number's rows still come in row order and the first stays), marking the repeats.
   */
  indexNumbers(scratch: ScratchArrays): void {
    const { n, rowState, numberHash, firstRow } = this;
    const { byNumber, numbers, numberFrom, numberTo } = this.loaded;
    const keys = keysInBlockOrder(
      byNumber,
      n,
      numberFrom,
      numberTo,
      numberHash,
      numbers.codes,
      scratch,
    );
    const repeatOf = scratch.int32Unfilled(keys.count);
    byNumber.addAll(keys, repeatOf);
    const { item, count } = keys;
    for (let e = 0; e < count; e++) {
      const first = repeatOf[e] as number;
      if (first < 0) continue;
      const i = item[e] as number;
      firstRow[i] = first;
      rowState[i] = (rowState[i] as number) | REPEATED;
    }
  }

  /**
   * Step 3, in row order: customer, due date, currency section, pair, owner, limit, flags and paid
   * information of each row, with their warnings; drops the unreadable rows.
   */
  resolveRows(): void {
    const { n, invoices, o, ledger, warnings, counts, loaded, dates, amounts } = this;
    const { rowState, firstRow } = this;
    const { due, day, cents, pair, owner, paidInfo, rows, numbers, numberFrom, numberTo } = loaded;
    const flagsOf = loaded.flags;
    const { asOf, creditLimits } = o;
    const ip = o.invoicePlace;
    const { pairCustomer, pairOwner, pairLimit } = ledger;
    const customerUnits = idUnits(invoices, 'customer');
    const { codes: cCodes, starts: cStarts, ends: cEnds } = customerUnits;
    const dueDates = invoices.numbers('dueDate');
    const termsOf = invoices.values('terms');
    const currencyOf = invoices.values('currency');
    const ownerOf = invoices.values('owner');
    const disputedOf = invoices.flags('disputed');
    const paidDates = invoices.numbers('paidDate');
    const paidAmounts = invoices.numbers('paidAmount');
    const balances = invoices.numbers('balance');
    const limits = invoices.numbers('creditLimit');
    const numberText = (i: number): string => {
      const from = numberFrom[i] as number;
      return from < 0 ? '' : textOfUnits(numbers.codes, from, numberTo[i] as number);
    };
    const currencyIds = new Map<string | null, number>();
    const termsCache = new Map<string, PaymentTerms | string>();
    // The last currency cell, terms cell and owner seen, with what they resolved to: most rows
    // repeat them.
    let lastRawCurrency: string | undefined = undefined;
    let haveCurrency = false;
    let curId = 0;
    let f = 1;
    let s = 0;
    let lastTerms: string | undefined = undefined;
    let lastParsed: PaymentTerms | string = '';
    let lastRawOwner: string | undefined = undefined;
    let ownerName = '';
    let lastOwner = '';
    let lastOwnerSection = -1;
    let ownerId = -1;
    let unknownCustomer = -1;
    let { currencyOfRow, minDay } = loaded;
    for (let i = 0; i < n; i++) {
      const date = dates[i] as number;
      const amount = amounts[i] as number;
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
              message: `invoice ${rawText(numbers, i) ?? ''} has no readable ${badDate ? 'invoice date' : 'amount'}`,
              row: rows[i] as number,
              column: badDate ? 'invoice date' : 'amount',
              action: 'row dropped',
            },
            `invoices without a readable ${badDate ? 'invoice date' : 'amount'}`,
          );
        continue;
      }
      if ((numberFrom[i] as number) < 0) {
        if (!warnings.skip('invoice-number'))
          warnings.add(
            'invoice-number',
            ip,
            {
              code: 'missing-value',
              message:
                'invoice without an invoice number: aged, but no payment can be applied to it',
              row: rows[i] as number,
              column: 'invoice',
              action: 'row kept',
            },
            'invoices without an invoice number',
          );
      } else if ((st & REPEATED) !== 0) {
        const first = firstRow[i] as number;
        if (!warnings.skip('duplicate-invoice')) {
          const number = numberText(i);
          warnings.add(
            'duplicate-invoice',
            ip,
            {
              code: 'duplicate-id',
              message: `invoice number ${number} appears again (first at row ${rows[first]}): both aged, payments go to the first`,
              row: rows[i] as number,
              column: 'invoice',
              raw: number,
              action: 'row kept',
            },
            'repeated invoice numbers',
          );
        }
      }

      // Customer: the trimmed cell, interned from its code units in place.
      let cFrom = cStarts[i] as number;
      let cTo = cEnds[i] as number;
      if (cFrom >= 0) {
        while (cFrom < cTo && isTrimmedSpace(cCodes[cFrom] as number)) cFrom++;
        while (cTo > cFrom && isTrimmedSpace(cCodes[cTo - 1] as number)) cTo--;
      }
      const blankCustomer = cFrom < 0 || cFrom === cTo;

      let dueDay: number;
      const dueDate = dueDates === undefined ? NaN : (dueDates[i] as number);
      const terms = termsOf === undefined ? undefined : termsOf[i];
      if (Number.isInteger(dueDate)) {
        dueDay = dueDate;
        if (dueDay < date) {
          if (!warnings.skip('due-before-invoice'))
            warnings.add(
              'due-before-invoice',
              ip,
              {
                code: 'out-of-range',
                message: `invoice ${numberText(i)}: due date ${isoFromEpochDay(dueDay)} is before the invoice date ${isoFromEpochDay(date)}`,
                row: rows[i] as number,
                column: 'due date',
                action: 'row kept',
              },
              'due dates before the invoice date',
            );
        }
      } else if (terms !== undefined && trimText(terms) !== '') {
        let t: PaymentTerms | string | undefined;
        if (terms === lastTerms) t = lastParsed;
        else {
          t = termsCache.get(terms);
          if (t === undefined) {
            const parsed = parsePaymentTerms(terms);
            t = parsed.ok ? (parsed.value ?? 'blank') : parsed.reason;
            termsCache.set(terms, t);
          }
          lastTerms = terms;
          lastParsed = t;
        }
        if (typeof t === 'string') {
          dueDay = date;
          if (!warnings.skip('terms'))
            warnings.add(
              'terms',
              ip,
              {
                code: 'unreadable-value',
                message: `invoice ${numberText(i)}: ${t}; aged from the invoice date`,
                row: rows[i] as number,
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
              message: `invoice ${numberText(i)}: no due date and no payment terms; due on the invoice date`,
              row: rows[i] as number,
              column: 'due date',
              action: 'assumed',
            },
            'invoices without due date or terms, due on the invoice date',
          );
      }

      const rawCurrency = currencyOf === undefined ? undefined : currencyOf[i];
      if (!haveCurrency || rawCurrency !== lastRawCurrency) {
        haveCurrency = true;
        lastRawCurrency = rawCurrency;
        const cur = ledger.currencyOf(rawCurrency);
        f = ledger.factor(cur);
        s = ledger.sectionOf(cur);
        let id = currencyIds.get(cur);
        if (id === undefined) {
          id = loaded.currencies.length;
          currencyIds.set(cur, id);
          loaded.currencies.push(cur);
          loaded.factors.push(f);
        }
        curId = id;
        if (curId !== 0 && currencyOfRow === null) currencyOfRow = new Int32Array(n);
      }
      let customerId: number;
      if (blankCustomer) {
        if (!warnings.skip('invoice-customer'))
          warnings.add(
            'invoice-customer',
            ip,
            {
              code: 'missing-value',
              message: `invoice ${numberText(i)}: no customer; listed under ${UNKNOWN_CUSTOMER}`,
              row: rows[i] as number,
              column: 'customer',
              action: 'row kept',
            },
            `invoices without a customer, listed under ${UNKNOWN_CUSTOMER}`,
          );
        if (unknownCustomer < 0) unknownCustomer = ledger.customerId(UNKNOWN_CUSTOMER);
        customerId = unknownCustomer;
      } else {
        customerId = ledger.customerIdOfUnits(cCodes, cFrom, cTo, hashUnits(cCodes, cFrom, cTo));
      }
      const p = ledger.pairOfCustomerId(s, customerId);
      // A reader shares each owner's string between rows: a repeat needs no trim.
      const rawOwner = ownerOf === undefined ? undefined : ownerOf[i];
      if (rawOwner !== lastRawOwner) {
        lastRawOwner = rawOwner;
        ownerName = typeof rawOwner === 'string' ? trimText(rawOwner) : '';
      }
      if (ownerName !== '' && pairOwner[p] === null) pairOwner[p] = ownerName;
      const limit = limits === undefined ? NaN : (limits[i] as number);
      if (Number.isFinite(limit) && creditLimits[pairCustomer[p] as string] === undefined) {
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
      cents[i] = Math.round(amount * f * 100);
      pair[i] = p;
      owner[i] = ownerId;
      if (currencyOfRow !== null) currencyOfRow[i] = curId;
      let flags = disputedOf !== undefined && disputedOf[i] === 1 ? DISPUTED : 0;
      if (date > asOf) {
        counts.invoicesAfterAsOf++;
        flags |= AFTER_AS_OF;
      } else if (date < minDay) minDay = date;

      // Invoice-level payment information, used unless the payments list has rows for this invoice.
      const paidDate = paidDates === undefined ? NaN : (paidDates[i] as number);
      const paidAmount = paidAmounts === undefined ? NaN : (paidAmounts[i] as number);
      const balance = balances === undefined ? NaN : (balances[i] as number);
      if (Number.isInteger(paidDate)) {
        flags |= HAS_PAID_INFO;
        const paid = Number.isNaN(paidAmount) ? amount : paidAmount;
        addPaidInfo(paidInfo, i, paidDate, Math.round(paid * f * 100));
      } else if (Number.isFinite(paidAmount)) {
        flags |= HAS_PAID_INFO;
        addPaidInfo(paidInfo, i, null, Math.round(paidAmount * f * 100));
      } else if (Number.isFinite(balance)) {
        flags |= HAS_PAID_INFO;
        addPaidInfo(paidInfo, i, null, Math.round((amount - balance) * f * 100));
      }
      flagsOf[i] = flags;
    }
    loaded.currencyOfRow = currencyOfRow;
    loaded.minDay = minDay;
  }
}

/** Row i's id cell as typed (not trimmed), or undefined when it has none. */
export function rawText(u: IdUnits, i: number): string | undefined {
  const from = u.starts[i] as number;
  return from < 0 ? undefined : textOfUnits(u.codes, from, u.ends[i] as number);
}

function addPaidInfo(info: InvoicePaidInfo, row: number, date: number | null, cents: number): void {
  info.rows.push(row);
  info.dated.push(date !== null);
  info.dates.push(date ?? NO_DAY);
  info.cents.push(cents);
}
