import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { Invoice } from '../columns/records.js';
import type { AgingLedger } from './aging-ledger.js';
import type { NormalisedAgingOptions } from './aging-options.js';
import type { AgingCounts } from './aging-result.js';
import { UNKNOWN_CUSTOMER, UNKNOWN_OWNER } from './aging-result.js';
import type { AgingWarnings } from './aging-warnings.js';
import { dueDateFromTerms } from './due-date-from-terms.js';
import { InvoiceNumberIndex } from './invoice-number-index.js';
import type { PaymentTerms } from './payment-terms.js';
import { parsePaymentTerms } from './payment-terms.js';

/** "No day": below every epoch day, so any real date is later. */
export const NO_DAY = -2_147_483_648;

/** Per-invoice state the payments update, four doubles per invoice so one payment touches one line. */
export const STATE_STRIDE = 4;
/** Offsets in the state record: paid cents, last counted payment day, flag bits, currency id. */
export const STATE_PAID = 0;
export const STATE_LAST_PAY = 1;
export const STATE_FLAGS = 2;
export const STATE_CURRENCY = 3;

/** Flag bits. */
export const HAS_SHEET_PAYMENT = 1;
export const DISPUTED = 2;
/** Dated on or before as-of, so payments may apply to it. */
export const AGED = 4;
/** Has invoice-level payment information (a paid date, paid amount or balance). */
export const HAS_PAID_INFO = 8;

/** Invoice-level payment information, kept only for the rows that have it (rows ascending). */
export interface InvoicePaidInfo {
  rows: number[];
  /** Whether the row has a paid date; without one the paid amount or balance counts whatever the as-of. */
  dated: boolean[];
  dates: number[];
  cents: number[];
}

/** The invoices in typed arrays, indexed by row position; pair −1 marks a dropped row. */
export interface LoadedInvoices {
  day: Int32Array;
  due: Int32Array;
  /** Amount in cents of the section currency (converted when a rate table applies). */
  cents: Float64Array;
  /** STATE_STRIDE doubles per invoice (see STATE_*). */
  state: Float64Array;
  pair: Int32Array;
  /** Section-local owner id. */
  owner: Int32Array;
  /** Currency code of each currency id in state. */
  currencies: (string | null)[];
  byNumber: InvoiceNumberIndex;
  paidInfo: InvoicePaidInfo;
  /** Earliest invoice date on or before as-of, or Infinity when there is none. */
  minDay: number;
}

/**
 * Pass 1 of ageReceivables: reads every invoice once into typed arrays, resolving its due date,
 * currency section, customer pair, owner and invoice-number index entry.
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
 * @returns The loaded invoices.
 * @example
 * const loaded = loadInvoices(invoices, o, ledger, warnings, counts);
 * loaded.due[0]; // epoch day the first invoice falls due
 */
export function loadInvoices(
  invoices: readonly Invoice[],
  o: NormalisedAgingOptions,
  ledger: AgingLedger,
  warnings: AgingWarnings,
  counts: AgingCounts,
): LoadedInvoices {
  const n = invoices.length;
  const { asOf, creditLimits } = o;
  const ip = o.invoicePlace;
  const day = new Int32Array(n);
  const due = new Int32Array(n);
  const cents = new Float64Array(n);
  const state = new Float64Array(n * STATE_STRIDE);
  const pair = new Int32Array(n).fill(-1);
  const owner = new Int32Array(n);
  const byNumber = new InvoiceNumberIndex(invoices);
  const paidInfo: InvoicePaidInfo = { rows: [], dated: [], dates: [], cents: [] };
  const currencies: (string | null)[] = [];
  const currencyIds = new Map<string | null, number>();
  const termsCache = new Map<string, PaymentTerms | string>();
  const { pairCustomer, pairOwner, pairLimit } = ledger;
  let minDay = Infinity;

  // The last currency cell, customer and owner seen, with what they resolved to: ledgers list one
  // customer's invoices together, so most rows reuse the previous row's ids without a lookup.
  let lastRawCurrency: string | undefined = undefined;
  let haveCurrency = false;
  let cur: string | null = null;
  let curId = 0;
  let f = 1;
  let s = 0;
  let lastCustomer = '';
  let lastPairSection = -1;
  let p = -1;
  let lastOwner = '';
  let lastOwnerSection = -1;
  let ownerId = -1;

  for (let i = 0; i < n; i++) {
    const inv = invoices[i] as Invoice;
    state[i * STATE_STRIDE + STATE_LAST_PAY] = NO_DAY;
    const date = inv.invoiceDate;
    const amount = inv.amount;
    if (!Number.isInteger(date) || !Number.isFinite(amount)) {
      counts.invoicesDropped++;
      const badDate = !Number.isInteger(date);
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
    const number = typeof inv.invoice === 'string' ? inv.invoice.trim() : '';
    if (number === '') {
      warnings.add(
        'invoice-number',
        ip,
        {
          code: 'missing-value',
          message: 'invoice without an invoice number: aged, but no payment can be applied to it',
          row: inv.row,
          column: 'invoice',
          action: 'row kept',
        },
        'invoices without an invoice number',
      );
    } else {
      const first = byNumber.add(number, i);
      if (first >= 0) {
        warnings.add(
          'duplicate-invoice',
          ip,
          {
            code: 'duplicate-id',
            message: `invoice number ${number} appears again (first at row ${invoices[first]?.row}): both aged, payments go to the first`,
            row: inv.row,
            column: 'invoice',
            raw: number,
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
        warnings.add(
          'due-before-invoice',
          ip,
          {
            code: 'out-of-range',
            message: `invoice ${number}: due date ${isoFromEpochDay(dueDay)} is before the invoice date ${isoFromEpochDay(date)}`,
            row: inv.row,
            column: 'due date',
            action: 'row kept',
          },
          'due dates before the invoice date',
        );
      }
    } else if (terms !== undefined && terms.trim() !== '') {
      let t = termsCache.get(terms);
      if (t === undefined) {
        const parsed = parsePaymentTerms(terms);
        t = parsed.ok ? (parsed.value ?? 'blank') : parsed.reason;
        termsCache.set(terms, t);
      }
      if (typeof t === 'string') {
        dueDay = date;
        warnings.add(
          'terms',
          ip,
          {
            code: 'unreadable-value',
            message: `invoice ${number}: ${t}; aged from the invoice date`,
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
      if (amount >= 0)
        warnings.add(
          'no-due',
          ip,
          {
            code: 'missing-value',
            message: `invoice ${number}: no due date and no payment terms; due on the invoice date`,
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
      cur = ledger.currencyOf(rawCurrency);
      f = ledger.factor(cur);
      s = ledger.sectionOf(cur);
      let id = currencyIds.get(cur);
      if (id === undefined) {
        id = currencies.length;
        currencyIds.set(cur, id);
        currencies.push(cur);
      }
      curId = id;
    }
    const rawCustomer = typeof inv.customer === 'string' ? inv.customer.trim() : '';
    if (rawCustomer === '') {
      warnings.add(
        'invoice-customer',
        ip,
        {
          code: 'missing-value',
          message: `invoice ${number}: no customer; listed under ${UNKNOWN_CUSTOMER}`,
          row: inv.row,
          column: 'customer',
          action: 'row kept',
        },
        `invoices without a customer, listed under ${UNKNOWN_CUSTOMER}`,
      );
    }
    if (rawCustomer !== lastCustomer || s !== lastPairSection) {
      p = ledger.pairOf(s, rawCustomer === '' ? UNKNOWN_CUSTOMER : rawCustomer);
      lastCustomer = rawCustomer;
      lastPairSection = s;
    }
    const ownerName = typeof inv.owner === 'string' ? inv.owner.trim() : '';
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

    day[i] = date;
    due[i] = dueDay;
    cents[i] = Math.round(amount * f * 100);
    pair[i] = p;
    owner[i] = ownerId;
    let flags = inv.disputed === true ? DISPUTED : 0;
    if (date > asOf) counts.invoicesAfterAsOf++;
    else {
      flags |= AGED;
      if (date < minDay) minDay = date;
    }

    // Invoice-level payment information, used unless the payments list has rows for this invoice.
    const paidDate = inv.paidDate;
    if (paidDate !== undefined && Number.isInteger(paidDate)) {
      flags |= HAS_PAID_INFO;
      addPaidInfo(paidInfo, i, paidDate, Math.round((inv.paidAmount ?? amount) * f * 100));
    } else if (inv.paidAmount !== undefined && Number.isFinite(inv.paidAmount)) {
      flags |= HAS_PAID_INFO;
      addPaidInfo(paidInfo, i, null, Math.round(inv.paidAmount * f * 100));
    } else if (inv.balance !== undefined && Number.isFinite(inv.balance)) {
      flags |= HAS_PAID_INFO;
      addPaidInfo(paidInfo, i, null, Math.round((amount - inv.balance) * f * 100));
    }
    const at = i * STATE_STRIDE;
    state[at + STATE_FLAGS] = flags;
    state[at + STATE_CURRENCY] = curId;
  }
  return { day, due, cents, state, pair, owner, currencies, byNumber, paidInfo, minDay };
}

function addPaidInfo(info: InvoicePaidInfo, row: number, date: number | null, cents: number): void {
  info.rows.push(row);
  info.dated.push(date !== null);
  info.dates.push(date ?? NO_DAY);
  info.cents.push(cents);
}
