import type { RecordTable } from '../columns/record-table.js';
import type { Payment } from '../columns/records.js';
import type { AgingLedger } from './aging-ledger.js';
import type { NormalisedAgingOptions } from './aging-options.js';
import type { AgingCounts } from './aging-result.js';
import { UNKNOWN_CUSTOMER } from './aging-result.js';
import type { AgingWarnings } from './aging-warnings.js';
import type { LoadedInvoices } from './load-invoices.js';
import { absentNumbers, AFTER_AS_OF, NO_DAY, NO_PAYMENT_ROWS } from './load-invoices.js';
import type { KeysInBlockOrder, PackedNumberIndex } from './packed-number-index.js';
import { keysInBlockOrder } from './packed-number-index.js';
import type { IdUnits } from './receivable-tables.js';
import { idUnits, trimIdRow } from './receivable-tables.js';
import { ScratchArrays } from './scratch-arrays.js';
import { hashUnits, textOfUnits } from './string-index.js';
import { isTrimmedSpace, trimText } from './trim-text.js';

/** Kinds of payment (step 1): no readable date or amount; readable; readable, dated by as-of, blank currency. */
const UNREADABLE = 0;
const READABLE = 1;
const SIMPLE = 2;
/** Kind of a payment step 3 applied. */
const APPLIED = 3;

/**
 * Pass 2 of ageReceivables: applies each payment dated on or before as-of to its invoice by
 * invoice number (paid cents and last payment day in the invoice's state record), or books it as
 * unapplied cash of its customer.
 *
 * A payment is unapplied when it names no invoice, an unknown one, one dated after as-of, or one in
 * another currency that the rate table does not convert (the last two reported). Every payment
 * naming a known invoice marks it, even when dated after as-of, so invoice-level paid dates are not
 * counted twice. A blank payment currency means the invoice's; a blank customer means the
 * invoice's, else UNKNOWN_CUSTOMER. Rows with an unreadable date or amount are dropped, reported.
 *
 * @param payments - The payments; not mutated.
 * @param loaded - Pass 1's invoices; their payment records are filled in.
 * @param o - Normalised options.
 * @param ledger - Sections and pairs; unapplied cash is added to it.
 * @param warnings - Collector for row warnings.
 * @param counts - Counts to fill in (payments*).
 * @param scratch - Where to take the per-payment arrays from (reused between calls); fresh ones without.
 * @example
 * applyPayments(paymentTable(payments), loaded, o, ledger, warnings, counts);
 * loaded.payments[2 * row]; // cents paid on that invoice by as-of
 */
export function applyPayments(
  payments: RecordTable<Payment>,
  loaded: LoadedInvoices,
  o: NormalisedAgingOptions,
  ledger: AgingLedger,
  warnings: AgingWarnings,
  counts: AgingCounts,
  scratch?: ScratchArrays,
): void {
  const { asOf } = o;
  const pp = o.paymentPlace;
  const { byNumber, currencies, factors, currencyOfRow, pair, flags } = loaded;
  const paid = loaded.payments;
  const { pairSection, pairCustomer } = ledger;
  const m = payments.size;
  const sc = scratch ?? new ScratchArrays();
  const rows = payments.rows();
  const dates = payments.numbers('date') ?? absentNumbers(m);
  const amounts = payments.numbers('amount') ?? absentNumbers(m);
  const currencyOf = payments.values('currency');
  const refs = idUnits(payments, 'invoice');
  // Per payment, in payment order: its kind, the row of the invoice it names (-1 none), and the
  // trimmed number it names (refFrom −1: none) with its hash.
  const kind = sc.uint8(m);
  const rowOf = sc.int32Unfilled(m);
  const refFrom = sc.int32Unfilled(m);
  const refTo = sc.int32Unfilled(m);
  const refHash = sc.int32Unfilled(m);

  const sumAbs = readPayments(
    payments,
    asOf,
    dates,
    amounts,
    refs,
    kind,
    rowOf,
    refFrom,
    refTo,
    refHash,
  );
  // Whole cents add up exactly in any order while every partial sum stays below 2^53; only then
  // are the plain payments applied first (else every payment in payment order, below).
  let maxFactor = 1;
  if (o.rates !== null) for (const rate of o.rates.values()) if (rate > maxFactor) maxFactor = rate;
  const anyOrder = sumAbs * maxFactor * 100 + m < 2 ** 52;

  // Step 2: look the numbers up in slot-block order (a counting sort, stable), so the index and
  // its key copies are walked block by block instead of at random.
  const codes = refs.codes;
  const keys = keysInBlockOrder(byNumber, m, refFrom, refTo, refHash, codes, sc);
  lookUp(byNumber, keys, rowOf);

  // Step 3, in payment order: mark each named invoice as named by the payments list, and apply
  // the plain payments (dated by as-of, blank currency) to invoices dated by as-of.
  let applied = anyOrder
    ? applyPlain(loaded, kind, rowOf, dates, amounts)
    : markNamed(loaded, rowOf);

  // Step 4, in payment order: the rest; counts, warnings and unapplied cash.
  const customers = idUnits(payments, 'customer');
  const refText = (j: number): string => {
    const from = refFrom[j] as number;
    return from < 0 ? '' : textOfUnits(codes, from, refTo[j] as number);
  };
  let afterAsOf = 0;
  for (let j = 0; j < m; j++) {
    const kd = kind[j] as number;
    if (kd === APPLIED) continue;
    const idx = rowOf[j] as number;
    const date = dates[j] as number;
    const amount = amounts[j] as number;
    if (kd === UNREADABLE) {
      counts.paymentsDropped++;
      const badDate = !Number.isInteger(date);
      if (!warnings.skip(badDate ? 'payment-date' : 'payment-amount'))
        warnings.add(
          badDate ? 'payment-date' : 'payment-amount',
          pp,
          {
            code: 'missing-required-value',
            message: `payment without a readable ${badDate ? 'date' : 'amount'}`,
            row: rows[j] as number,
            column: badDate ? 'date' : 'amount',
            action: 'row dropped',
          },
          `payments without a readable ${badDate ? 'date' : 'amount'}`,
        );
      continue;
    }
    if (date > asOf) {
      afterAsOf++;
      continue;
    }
    // The flag, not the invoice date: one byte per invoice.
    const open = idx >= 0 && ((flags[idx] as number) & AFTER_AS_OF) === 0;
    const curId = idx < 0 || currencyOfRow === null ? 0 : (currencyOfRow[idx] as number);
    const rawCurrency = currencyOf === undefined ? undefined : currencyOf[j];
    const payCur =
      rawCurrency === undefined || trimText(rawCurrency) === ''
        ? undefined
        : ledger.currencyOf(rawCurrency);
    if (open) {
      const invCur = currencies[curId] as string | null;
      const same =
        payCur === undefined ||
        payCur === invCur ||
        (o.rates !== null && ledger.sectionOf(payCur) === pairSection[pair[idx] as number]);
      if (same) {
        const f = payCur === undefined ? (factors[curId] as number) : ledger.factor(payCur);
        paid[2 * idx] = (paid[2 * idx] as number) + Math.round(amount * f * 100);
        if (date > (paid[2 * idx + 1] as number)) paid[2 * idx + 1] = date;
        applied++;
        continue;
      }
      if (!warnings.skip('payment-currency'))
        warnings.add(
          'payment-currency',
          pp,
          {
            code: 'currency-mismatch',
            message: `payment for invoice ${refText(j)} is in ${payCur ?? 'no currency'}, the invoice in ${invCur ?? 'no currency'}: shown as unapplied in ${payCur}`,
            row: rows[j] as number,
            column: 'currency',
            raw: rawCurrency,
            action: 'row kept',
          },
          'payments in another currency than their invoice, shown as unapplied',
        );
    } else if ((refFrom[j] as number) >= 0 && idx < 0) {
      if (!warnings.skip('unknown-invoice')) {
        const ref = refText(j);
        warnings.add(
          'unknown-invoice',
          pp,
          {
            code: 'other',
            message: `payment refers to invoice ${ref}, which is not in the invoices: shown as unapplied`,
            row: rows[j] as number,
            column: 'invoice',
            raw: ref,
            action: 'row kept',
          },
          'payments for unknown invoices, shown as unapplied',
        );
      }
    }
    // Unapplied: no invoice, unknown invoice, invoice issued after as-of, or currency mismatch.
    const cur =
      payCur !== undefined
        ? payCur
        : idx >= 0
          ? (currencies[curId] as string | null)
          : o.defaultCurrency;
    const s = ledger.sectionOf(cur);
    let cFrom = customers.starts[j] as number;
    let cTo = customers.ends[j] as number;
    if (cFrom >= 0) {
      const cCodes = customers.codes;
      while (cFrom < cTo && isTrimmedSpace(cCodes[cFrom] as number)) cFrom++;
      while (cTo > cFrom && isTrimmedSpace(cCodes[cTo - 1] as number)) cTo--;
    }
    const p =
      cFrom >= 0 && cFrom < cTo
        ? ledger.pairOfCustomerId(
            s,
            ledger.customerIdOfUnits(
              customers.codes,
              cFrom,
              cTo,
              hashUnits(customers.codes, cFrom, cTo),
            ),
          )
        : ledger.pairOf(
            s,
            idx >= 0 ? (pairCustomer[pair[idx] as number] as string) : UNKNOWN_CUSTOMER,
          );
    ledger.addUnapplied(p, Math.round(amount * ledger.factor(cur) * 100), date);
    counts.paymentsUnapplied++;
  }
  counts.paymentsApplied += applied;
  counts.paymentsAfterAsOf += afterAsOf;
}

/**
 * Step 1, in payment order: kind of each payment, its trimmed number (refFrom −1: none) and the
 * number's hash; a payment without a readable date or amount names no invoice. Returns the sum of
 * the absolute amounts read.
 */
function readPayments(
  payments: RecordTable<Payment>,
  asOf: number,
  dates: Float64Array,
  amounts: Float64Array,
  refs: IdUnits,
  kind: Uint8Array,
  rowOf: Int32Array,
  refFrom: Int32Array,
  refTo: Int32Array,
  refHash: Int32Array,
): number {
  const m = payments.size;
  const currencyOf = payments.values('currency');
  const codes = refs.codes;
  let sumAbs = 0;
  for (let j = 0; j < m; j++) {
    rowOf[j] = -1;
    const date = dates[j] as number;
    const amount = amounts[j] as number;
    if (!(Number.isInteger(date) && Number.isFinite(amount))) {
      kind[j] = UNREADABLE;
      refFrom[j] = -1;
      continue;
    }
    sumAbs += Math.abs(amount);
    const rawCurrency = currencyOf === undefined ? undefined : currencyOf[j];
    kind[j] =
      date <= asOf && (rawCurrency === undefined || trimText(rawCurrency) === '')
        ? SIMPLE
        : READABLE;
    trimIdRow(refs, j, refFrom, refTo);
    const from = refFrom[j] as number;
    if (from >= 0) refHash[j] = hashUnits(codes, from, refTo[j] as number);
  }
  return sumAbs;
}

/** Step 2: the row of the invoice each key names into rowOf[payment] (-1 unknown). */
function lookUp(byNumber: PackedNumberIndex, keys: KeysInBlockOrder, rowOf: Int32Array): void {
  const { item, hash, starts, codes, count } = keys;
  for (let e = 0; e < count; e++)
    rowOf[item[e] as number] = byNumber.get(
      codes,
      starts[e] as number,
      starts[e + 1] as number,
      hash[e] as number,
    );
}

/** Step 3 when order does not matter: marks the named invoices and applies the plain payments (kind APPLIED); returns how many. */
function applyPlain(
  loaded: LoadedInvoices,
  kind: Uint8Array,
  rowOf: Int32Array,
  dates: Float64Array,
  amounts: Float64Array,
): number {
  const { flags, currencyOfRow, factors } = loaded;
  const paid = loaded.payments;
  const m = rowOf.length;
  let applied = 0;
  for (let j = 0; j < m; j++) {
    const idx = rowOf[j] as number;
    if (idx < 0) continue;
    if (paid[2 * idx + 1] === NO_PAYMENT_ROWS) paid[2 * idx + 1] = NO_DAY;
    if (kind[j] !== SIMPLE || ((flags[idx] as number) & AFTER_AS_OF) !== 0) continue;
    const curId = currencyOfRow === null ? 0 : (currencyOfRow[idx] as number);
    paid[2 * idx] =
      (paid[2 * idx] as number) +
      Math.round((amounts[j] as number) * (factors[curId] as number) * 100);
    const date = dates[j] as number;
    if (date > (paid[2 * idx + 1] as number)) paid[2 * idx + 1] = date;
    kind[j] = APPLIED;
    applied++;
  }
  return applied;
}

/** Step 3 when order matters: only marks the named invoices (step 4 applies every payment). Returns 0. */
function markNamed(loaded: LoadedInvoices, rowOf: Int32Array): number {
  const paid = loaded.payments;
  const m = rowOf.length;
  for (let j = 0; j < m; j++) {
    const idx = rowOf[j] as number;
    if (idx >= 0 && paid[2 * idx + 1] === NO_PAYMENT_ROWS) paid[2 * idx + 1] = NO_DAY;
  }
  return 0;
}
