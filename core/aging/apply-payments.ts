import { CENTS, toMinorUnits } from '../columns/money.js';
import type { Payment } from '../columns/records.js';
import type { AgingLedger } from './aging-ledger.js';
import type { NormalisedAgingOptions } from './aging-options.js';
import type { AgingCounts } from './aging-result.js';
import { UNKNOWN_CUSTOMER } from './aging-result.js';
import type { WarningCollector } from '../columns/warning-collector.js';
import type { LoadedInvoices } from './load-invoices.js';
import { AFTER_AS_OF, NO_DAY, NO_PAYMENT_ROWS } from './load-invoices.js';
import type { DenseInvoiceNumbers } from '../internal/dense-invoice-numbers.js';
import type { InvoiceNumberIndex } from '../internal/invoice-number-index.js';
import { hashString } from '../internal/string-index.js';
import { ScratchArrays } from '../internal/scratch-arrays.js';
import { trimText } from '../internal/trim-text.js';

/** Kinds of payment (step 1): no readable date or amount; readable; readable, dated by as-of, blank currency. */
const UNREADABLE = 0;
const READABLE = 1;
const SIMPLE = 2;
/**
 * refState of a payment whose number is its cell as it is, or the cell trimmed (looked up in the
 * index), or of the dense table's form (refHash holds its number part).
 */
const REF_AS_IS = 1;
const REF_TRIMMED = 2;
const REF_DENSE = 3;
/**
 * Payments per batch in step 1: few enough that the strings the first loop touched (each on a page
 * of its own) are still in cache and in the TLB when the next loop hashes them.
 */
const PAYMENT_BATCH = 256;
/** Lookups per batch in step 1e: few enough that the strings touched first are still in cache. */
const LOOKUP_BATCH = 256;
/** Kind of a payment applied in step 3. */
const APPLIED = 3;
/** Candidates are grouped by blocks of 2^12 invoice rows: a block's paid, flags and numbers fit in cache. */
const BUCKET_SHIFT = 12;

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
 * applyPayments(payments, loaded, o, ledger, warnings, counts);
 * loaded.payments[2 * row]; // cents paid on that invoice by as-of
 */
export function applyPayments(
  payments: readonly Payment[],
  loaded: LoadedInvoices,
  o: NormalisedAgingOptions,
  ledger: AgingLedger,
  warnings: WarningCollector,
  counts: AgingCounts,
  scratch?: ScratchArrays,
): void {
  const { asOf } = o;
  const pp = o.paymentPlace;
  const { byNumber, dense, currencies, factors, currencyOfRow, pair, flags } = loaded;
  const paid = loaded.payments;
  const { pairSection, pairCustomer } = ledger;
  const m = payments.length;
  const sc = scratch ?? new ScratchArrays();
  // Per payment, in payment order: the row of the invoice it names (-1 none), its kind (APPLIED
  // once step 3 applied it), and its date and amount (kept only for readable payments).
  const rowOf = sc.int32Unfilled(m);
  const kind = sc.uint8(m);
  const amountOf = sc.float64Unfilled(m);
  const dateOf = sc.float64Unfilled(m);
  const n = flags.length;
  const buckets = (n >>> BUCKET_SHIFT) + 1;
  const bucketStart = sc.int32(buckets + 1);
  // Per payment: the hash of the number it names, and whether that number is the cell as it is
  // (REF_AS_IS), needed trimming (REF_TRIMMED) or is blank (0).
  const refHash = sc.int32Unfilled(m);
  const refState = sc.uint8(m);
  const slotBlocks = byNumber.blocks;
  const slotStart = sc.int32(slotBlocks + 1);
  const refs = new Array<string>(PAYMENT_BATCH).fill('');
  const denseTable = dense.active ? dense : undefined;
  let maxFactor = 1;
  if (o.rates !== null) for (const rate of o.rates.values()) if (rate > maxFactor) maxFactor = rate;
  let sumAbs = 0;

  // Step 1, in payment order: read each payment and hash the number it names (one small function
  // per step over a batch, so the cache misses within a loop overlap and each is optimised on its
  // own), counting the named numbers per slot block of the index.
  for (let from = 0; from < m; from += PAYMENT_BATCH) {
    const to = Math.min(m, from + PAYMENT_BATCH);
    touchRefs(payments, from, to, refs);
    sumAbs += readBatch(payments, from, to, asOf, refs, kind, amountOf, dateOf);
    hashRefs(refs, from, to, refHash, refState, rowOf, byNumber, slotStart, denseTable);
  }
  // Then look the numbers up in slot-block order (a counting sort, stable), so the index is walked
  // block by block instead of at random, counting the matched payments per block of invoice rows.
  // The numbers of the dense table's form are looked up there, in a loop of their own so the
  // table reads overlap; the rest in the index below.
  let matched =
    denseTable === undefined ? 0 : lookUpDense(denseTable, refHash, refState, rowOf, bucketStart);
  const named = prefixSums(slotStart, slotBlocks);
  const aJ = sc.int32Unfilled(named);
  const aHash = sc.int32Unfilled(named);
  const aRef = sc.strings(named);
  for (let j = 0; j < m; j++) {
    const st = refState[j] as number;
    if (st === 0 || st === REF_DENSE) continue;
    const h = refHash[j] as number;
    const b = byNumber.blockOf(h);
    const at = slotStart[b] as number;
    slotStart[b] = at + 1;
    aJ[at] = j;
    aHash[at] = h;
    // Not a string unless refState says so; the trim is redone only for the rare padded cell.
    const raw = (payments[j] as Payment).invoice as string;
    aRef[at] = st === REF_TRIMMED ? trimText(raw) : raw;
  }
  for (let from = 0; from < named; from += LOOKUP_BATCH) {
    const to = Math.min(named, from + LOOKUP_BATCH);
    touchStrings(aRef, from, to);
    matched += lookUp(byNumber, aRef, aHash, aJ, from, to, rowOf, bucketStart);
  }
  // Whole cents add up exactly in any order while every partial sum stays below 2^53; only then are
  // the plain payments applied in row order below (else in payment order, as the rest).
  const anyOrder = sumAbs * maxFactor * 100 + m < 2 ** 52;

  // Step 2: the matched payments, grouped by block of invoice rows (a counting sort, stable: a
  // block keeps payment order), with what step 3 needs copied alongside, so it reads them in order.
  // A negative sJ (~j) means: only mark the invoice, leave the payment to step 4.
  for (let b = 1; b <= buckets; b++)
    bucketStart[b] = (bucketStart[b] as number) + (bucketStart[b - 1] as number);
  const sJ = sc.int32Unfilled(matched);
  const sRow = sc.int32Unfilled(matched);
  const sAmount = sc.float64Unfilled(matched);
  const sDate = sc.float64Unfilled(matched);
  for (let j = 0; j < m; j++) {
    const r = rowOf[j] as number;
    if (r < 0) continue;
    const b = r >>> BUCKET_SHIFT;
    const at = bucketStart[b] as number;
    bucketStart[b] = at + 1;
    sJ[at] = anyOrder && kind[j] === SIMPLE ? j : ~j;
    sRow[at] = r;
    sAmount[at] = amountOf[j] as number;
    sDate[at] = dateOf[j] as number;
  }

  // Step 3, in (nearly) row order, so the paid and flags entries are read near one another rather
  // than at random: mark each named invoice as named by the payments list, and apply the plain
  // payments (dated by as-of, blank currency) to invoices dated by as-of. The rest is left to step 4.
  for (let at = 0; at < matched; at++) {
    const code = sJ[at] as number;
    const j = code < 0 ? ~code : code;
    const idx = sRow[at] as number;
    if (paid[2 * idx + 1] === NO_PAYMENT_ROWS) paid[2 * idx + 1] = NO_DAY;
    if (code < 0 || ((flags[idx] as number) & AFTER_AS_OF) !== 0) continue;
    const curId = currencyOfRow === null ? 0 : (currencyOfRow[idx] as number);
    const date = sDate[at] as number;
    paid[2 * idx] =
      (paid[2 * idx] as number) +
      toMinorUnits((sAmount[at] as number) * (factors[curId] as number), CENTS);
    if (date > (paid[2 * idx + 1] as number)) paid[2 * idx + 1] = date;
    kind[j] = APPLIED;
  }

  // Step 4, in payment order: counts, warnings and unapplied cash.
  // Applied and after-as-of payments are told by kind and dateOf, without reading the record.
  let applied = 0;
  let afterAsOf = 0;
  for (let j = 0; j < m; j++) {
    const kd = kind[j] as number;
    if (kd === APPLIED) {
      applied++;
      continue;
    }
    if (kd !== UNREADABLE && (dateOf[j] as number) > asOf) {
      afterAsOf++;
      continue;
    }
    const pay = payments[j] as Payment;
    const date = pay.date;
    const amount = pay.amount;
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
            row: pay.row,
            column: badDate ? 'date' : 'amount',
            action: 'row dropped',
          },
          `payments without a readable ${badDate ? 'date' : 'amount'}`,
        );
      continue;
    }
    const idx = rowOf[j] as number;
    const raw = pay.invoice;
    const ref = typeof raw === 'string' ? trimText(raw) : '';
    const rawCurrency = pay.currency;
    const payCur =
      rawCurrency === undefined || trimText(rawCurrency) === ''
        ? undefined
        : ledger.currencyOf(rawCurrency);
    // The flag, not the invoice record: records are scattered over the heap, the flags are not.
    if (idx >= 0 && ((flags[idx] as number) & AFTER_AS_OF) === 0) {
      const curId = currencyOfRow === null ? 0 : (currencyOfRow[idx] as number);
      const invCur = currencies[curId] as string | null;
      const same =
        payCur === undefined ||
        payCur === invCur ||
        (o.rates !== null && ledger.sectionOf(payCur) === pairSection[pair[idx] as number]);
      if (same) {
        const f = payCur === undefined ? (factors[curId] as number) : ledger.factor(payCur);
        paid[2 * idx] = (paid[2 * idx] as number) + toMinorUnits(amount * f, CENTS);
        if (date > (paid[2 * idx + 1] as number)) paid[2 * idx + 1] = date;
        counts.paymentsApplied++;
        continue;
      }
      if (!warnings.skip('payment-currency'))
        warnings.add(
          'payment-currency',
          pp,
          {
            code: 'currency-mismatch',
            message: `payment for invoice ${ref} is in ${payCur ?? 'no currency'}, the invoice in ${invCur ?? 'no currency'}: shown as unapplied in ${payCur}`,
            row: pay.row,
            column: 'currency',
            raw: pay.currency,
            action: 'row kept',
          },
          'payments in another currency than their invoice, shown as unapplied',
        );
    } else if (ref !== '' && idx < 0) {
      if (!warnings.skip('unknown-invoice'))
        warnings.add(
          'unknown-invoice',
          pp,
          {
            code: 'other',
            message: `payment refers to invoice ${ref}, which is not in the invoices: shown as unapplied`,
            row: pay.row,
            column: 'invoice',
            raw: ref,
            action: 'row kept',
          },
          'payments for unknown invoices, shown as unapplied',
        );
    }
    // Unapplied: no invoice, unknown invoice, invoice issued after as-of, or currency mismatch.
    const cur =
      payCur !== undefined
        ? payCur
        : idx >= 0
          ? (currencies[currencyOfRow === null ? 0 : (currencyOfRow[idx] as number)] as
              string | null)
          : o.defaultCurrency;
    const s = ledger.sectionOf(cur);
    const rawCustomer = typeof pay.customer === 'string' ? trimText(pay.customer) : '';
    const customer =
      rawCustomer !== ''
        ? rawCustomer
        : idx >= 0
          ? (pairCustomer[pair[idx] as number] as string)
          : UNKNOWN_CUSTOMER;
    ledger.addUnapplied(
      ledger.pairOf(s, customer),
      toMinorUnits(amount * ledger.factor(cur), CENTS),
      date,
    );
    counts.paymentsUnapplied++;
  }
  counts.paymentsApplied += applied;
  counts.paymentsAfterAsOf += afterAsOf;
}

/**
 * The sum of the last code units touchRefs read, kept so the reads are not optimised away. Nothing
 * else reads it.
 */
let touchedUnits = 0;

/**
 * Step 1a: each payment's invoice-number cell ('' when not text), in a loop of its own: the cells
 * name strings anywhere on the caller's heap, and a loop that does nothing else lets their cache
 * misses overlap. The last code unit is read too: a short string often straddles two cache lines,
 * and hashRefs stalled on the second one (step 1 of the aging bench, 1,000,000 payments, fastest of
 * 14 alternating calls: 103 ms with only the header touched here, 84 ms with the last unit too).
 */
function touchRefs(payments: readonly Payment[], from: number, to: number, refs: string[]): void {
  let units = 0;
  for (let j = from; j < to; j++) {
    const raw = (payments[j] as Payment).invoice;
    const ref = typeof raw === 'string' ? raw : '';
    refs[j - from] = ref;
    units += ref.length === 0 ? 0 : ref.charCodeAt(ref.length - 1);
  }
  touchedUnits = (touchedUnits + units) | 0;
}

/**
 * Step 1b: kind, date and amount of each payment of a batch; a payment without a readable date or
 * amount names no invoice. Returns the sum of the absolute amounts read.
 */
function readBatch(
  payments: readonly Payment[],
  from: number,
  to: number,
  asOf: number,
  refs: string[],
  kind: Uint8Array,
  amountOf: Float64Array,
  dateOf: Float64Array,
): number {
  let sumAbs = 0;
  for (let j = from; j < to; j++) {
    const pay = payments[j] as Payment;
    const date = pay.date;
    const amount = pay.amount;
    if (!(Number.isInteger(date) && Number.isFinite(amount))) {
      refs[j - from] = '';
      kind[j] = UNREADABLE;
      continue;
    }
    sumAbs += Math.abs(amount);
    amountOf[j] = amount;
    dateOf[j] = date;
    const rawCurrency = pay.currency;
    kind[j] =
      date <= asOf && (rawCurrency === undefined || trimText(rawCurrency) === '')
        ? SIMPLE
        : READABLE;
  }
  return sumAbs;
}

/**
 * Step 1c: trims each number of a batch (from … to − 1) and marks payments without one as matching
 * no row. A number of the dense table's form keeps its number part (REF_DENSE, for lookUpDense);
 * any other is hashed and counted per slot block of the index (slotStart[block + 1]) for step 1e.
 */
function hashRefs(
  refs: string[],
  from: number,
  to: number,
  refHash: Int32Array,
  refState: Uint8Array,
  rowOf: Int32Array,
  byNumber: InvoiceNumberIndex,
  slotStart: Int32Array,
  dense: DenseInvoiceNumbers | undefined,
): void {
  for (let j = from; j < to; j++) {
    const raw = refs[j - from] as string;
    const ref = trimText(raw);
    rowOf[j] = -1;
    if (ref === '') continue;
    if (dense !== undefined) {
      const value = dense.valueOf(ref);
      if (value >= 0) {
        refHash[j] = value;
        refState[j] = REF_DENSE;
        continue;
      }
    }
    const h = hashString(ref);
    refHash[j] = h;
    refState[j] = ref === raw ? REF_AS_IS : REF_TRIMMED;
    const b = byNumber.blockOf(h) + 1;
    slotStart[b] = (slotStart[b] as number) + 1;
  }
}

/**
 * Step 1d: the row of each REF_DENSE payment's number into rowOf (-1 when no invoice has it: every
 * invoice number of that form is in the table), counting the matched payments per block of invoice
 * rows (bucketStart[block + 1]). Returns how many matched.
 */
function lookUpDense(
  dense: DenseInvoiceNumbers,
  refHash: Int32Array,
  refState: Uint8Array,
  rowOf: Int32Array,
  bucketStart: Int32Array,
): number {
  let matched = 0;
  const m = rowOf.length;
  for (let j = 0; j < m; j++) {
    if (refState[j] !== REF_DENSE) continue;
    const idx = dense.rowOf(refHash[j] as number);
    rowOf[j] = idx;
    if (idx >= 0) {
      const b = (idx >>> BUCKET_SHIFT) + 1;
      bucketStart[b] = (bucketStart[b] as number) + 1;
      matched++;
    }
  }
  return matched;
}

/**
 * Reads the length of each string from … to − 1: the strings lie anywhere on the caller's heap, and
 * a loop that does nothing else lets their cache misses overlap before lookUp compares them.
 * Returns the sum, so the reads are not optimised away.
 */
function touchStrings(strings: string[], from: number, to: number): number {
  let sum = 0;
  for (let at = from; at < to; at++) sum += (strings[at] as string).length;
  return sum;
}

/**
 * Step 1e: the row of each number from … to − 1 (in slot-block order) into rowOf[payment], -1 when
 * unknown, counting the matched payments per block of invoice rows. Returns how many matched.
 */
function lookUp(
  byNumber: InvoiceNumberIndex,
  aRef: string[],
  aHash: Int32Array,
  aJ: Int32Array,
  from: number,
  to: number,
  rowOf: Int32Array,
  bucketStart: Int32Array,
): number {
  let matched = 0;
  for (let at = from; at < to; at++) {
    const idx = byNumber.getHashed(aRef[at] as string, aHash[at] as number);
    rowOf[aJ[at] as number] = idx;
    if (idx >= 0) {
      const b = (idx >>> BUCKET_SHIFT) + 1;
      bucketStart[b] = (bucketStart[b] as number) + 1;
      matched++;
    }
  }
  return matched;
}

/**
 * Turns counts per block (counts[b + 1]) into each block's first position (counts[b]), for a
 * counting sort; returns the total.
 */
function prefixSums(counts: Int32Array, blocks: number): number {
  for (let b = 1; b <= blocks; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
  return counts[blocks] as number;
}
