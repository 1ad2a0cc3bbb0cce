import { coded, codedMessage } from '../text/coded-text.js';
import { CENTS, toMinorUnits } from '../columns/money.js';
import type { Payment } from '../columns/records.js';
import type { AgingLedger } from './aging-ledger.js';
import type { NormalizedAgingOptions } from './aging-options.js';
import type { AgingCounts } from './aging-result.js';
import { UNKNOWN_CUSTOMER } from './aging-result.js';
import type { WarningCollector } from '../columns/warning-collector.js';
import { appliesToInvoice, isOnOrBefore, NO_DAY } from './aging-rules.js';
import type { LoadedInvoices } from './load-invoices.js';
import { AFTER_AS_OF, NO_PAYMENT_ROWS } from './load-invoices.js';
import type { DenseInvoiceNumbers } from '../internal/dense-invoice-numbers.js';
import { hashString } from '../internal/string-index.js';
import type { InvoiceNumberIndex } from '../internal/invoice-number-index.js';
import { prefixSums } from '../internal/prefix-sums.js';
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
 * unapplied cash of its customer (the rule: appliesToInvoice).
 *
 * A payment is unapplied when it names no invoice, an unknown one, one dated after as-of, or one in
 * another currency that the rate table does not convert (the last two reported). Every payment
 * naming a known invoice marks it, even when dated after as-of, so invoice-level paid dates are not
 * counted twice. A blank payment currency means the invoice's; a blank customer means the
 * invoice's, else UNKNOWN_CUSTOMER. Rows with an unreadable date or amount are dropped, reported.
 *
 * @param payments - The payments; not mutated.
 * @param loaded - Pass 1's invoices; their payment records are filled in.
 * @param options - Normalized options.
 * @param ledger - Sections and pairs; unapplied cash is added to it.
 * @param warnings - Collector for row warnings.
 * @param counts - Counts to fill in (payments*).
 * @param scratch - Where to take the per-payment arrays from (reused between calls); fresh ones without.
 * @example
 * applyPayments(payments, loaded, options, ledger, warnings, counts);
 * loaded.payments[2 * row]; // cents paid on that invoice by as-of
 */
export function applyPayments(
  payments: readonly Payment[],
  loaded: LoadedInvoices,
  options: NormalizedAgingOptions,
  ledger: AgingLedger,
  warnings: WarningCollector,
  counts: AgingCounts,
  scratch?: ScratchArrays,
): void {
  const context = { loaded, options, ledger, warnings, counts };
  const applier = new PaymentApplier(payments, context, scratch ?? new ScratchArrays());
  applier.readPayments();
  const matched = applier.findInvoices();
  applier.groupByInvoiceBlock(matched);
  applier.applyPlainPayments(matched);
  applier.settleTheRest();
}

/** What a pass over the payments works on besides the payments. */
interface PaymentContext {
  loaded: LoadedInvoices;
  options: NormalizedAgingOptions;
  ledger: AgingLedger;
  warnings: WarningCollector;
  counts: AgingCounts;
}

/**
 * The per-payment arrays of one applyPayments call and its steps. Each step is a loop of its own
 * over the payments (or a batch of them), so the cache misses within a loop overlap and each is
 * optimized on its own as soon as it is hot.
 */
class PaymentApplier {
  /** Per payment: the row of the invoice it names (-1 none). */
  private readonly rowOf: Int32Array;
  /** Per payment: UNREADABLE, READABLE, SIMPLE, or APPLIED once step 3 applied it. */
  private readonly kind: Uint8Array;
  /** Per readable payment: its amount and date. */
  private readonly amountOf: Float64Array;
  private readonly dateOf: Float64Array;
  /** Per payment: the hash (or dense number part) of the number it names, and its REF_* state. */
  private readonly refHash: Int32Array;
  private readonly refState: Uint8Array;
  /** Named numbers per slot block of the index, then each block's start (counting sort). */
  private readonly slotStart: Int32Array;
  /** Matched payments per block of invoice rows, then each block's start (counting sort). */
  private readonly bucketStart: Int32Array;
  private readonly buckets: number;
  /** Whole cents add up exactly in any order: see readPayments. */
  private anyOrder = false;
  // Step 2's matched payments grouped by block of invoice rows: the payment (~payment: only mark
  // the invoice), its invoice row, amount and date.
  private sortedPayment: Int32Array = new Int32Array(0);
  private sortedRow: Int32Array = new Int32Array(0);
  private sortedAmount: Float64Array = new Float64Array(0);
  private sortedDate: Float64Array = new Float64Array(0);

  constructor(
    private readonly payments: readonly Payment[],
    private readonly context: PaymentContext,
    private readonly scratch: ScratchArrays,
  ) {
    const count = payments.length;
    this.rowOf = scratch.int32Unfilled(count);
    this.kind = scratch.uint8(count);
    this.amountOf = scratch.float64Unfilled(count);
    this.dateOf = scratch.float64Unfilled(count);
    this.buckets = (context.loaded.flags.length >>> BUCKET_SHIFT) + 1;
    this.bucketStart = scratch.int32(this.buckets + 1);
    this.refHash = scratch.int32Unfilled(count);
    this.refState = scratch.uint8(count);
    this.slotStart = scratch.int32(context.loaded.byNumber.blocks + 1);
  }

  /**
   * Step 1, in payment order and in batches: reads each payment and hashes the number it names,
   * counting the named numbers per slot block of the index.
   */
  readPayments(): void {
    const { payments, kind, amountOf, dateOf, refHash, refState, rowOf, slotStart } = this;
    const { loaded, options } = this.context;
    const count = payments.length;
    const refs = new Array<string>(PAYMENT_BATCH).fill('');
    const dense = loaded.dense.active ? loaded.dense : undefined;
    let sumAbs = 0;
    for (let from = 0; from < count; from += PAYMENT_BATCH) {
      const to = Math.min(count, from + PAYMENT_BATCH);
      touchRefs(payments, from, to, refs);
      sumAbs += readBatch(payments, from, to, options.asOf, refs, kind, amountOf, dateOf);
      hashRefs(refs, from, to, refHash, refState, rowOf, loaded.byNumber, slotStart, dense);
    }
    let maxFactor = 1;
    if (options.rates !== null) {
      for (const rate of options.rates.values()) if (rate > maxFactor) maxFactor = rate;
    }
    // Whole cents add up exactly in any order while every partial sum stays below 2^53; only then
    // are the plain payments applied in row order (else in payment order, as the rest).
    this.anyOrder = sumAbs * maxFactor * CENTS + count < 2 ** 52;
  }

  /**
   * The invoice row of each named number into rowOf, counting the matched payments per block of
   * invoice rows. Numbers of the dense table's form are looked up there, in a loop of their own so
   * the table reads overlap; the rest in the index, in slot-block order (a counting sort, stable),
   * so the index is walked block by block instead of at random. Returns how many matched.
   */
  findInvoices(): number {
    const { payments, refHash, refState, rowOf, slotStart, bucketStart, scratch } = this;
    const { byNumber, dense } = this.context.loaded;
    let matched = dense.active ? lookUpDense(dense, refHash, refState, rowOf, bucketStart) : 0;
    const named = prefixSums(slotStart, byNumber.blocks);
    const sortedPayment = scratch.int32Unfilled(named);
    const sortedHash = scratch.int32Unfilled(named);
    const sortedRef = scratch.strings(named);
    for (let payment = 0; payment < payments.length; payment++) {
      const state = refState[payment] as number;
      if (state === 0 || state === REF_DENSE) continue;
      const hash = refHash[payment] as number;
      const block = byNumber.blockOf(hash);
      const at = slotStart[block] as number;
      slotStart[block] = at + 1;
      sortedPayment[at] = payment;
      sortedHash[at] = hash;
      // Not a string unless refState says so; the trim is redone only for the rare padded cell.
      const raw = (payments[payment] as Payment).invoice as string;
      sortedRef[at] = state === REF_TRIMMED ? trimText(raw) : raw;
    }
    for (let from = 0; from < named; from += LOOKUP_BATCH) {
      const to = Math.min(named, from + LOOKUP_BATCH);
      touchStrings(sortedRef, from, to);
      matched += lookUp(
        byNumber,
        sortedRef,
        sortedHash,
        sortedPayment,
        from,
        to,
        rowOf,
        bucketStart,
      );
    }
    return matched;
  }

  /**
   * Step 2: the matched payments, grouped by block of invoice rows (a counting sort, stable: a block
   * keeps payment order), with what step 3 needs copied alongside, so it reads them in order.
   */
  groupByInvoiceBlock(matched: number): void {
    const { rowOf, kind, amountOf, dateOf, bucketStart, scratch, anyOrder } = this;
    prefixSums(bucketStart, this.buckets);
    const sortedPayment = (this.sortedPayment = scratch.int32Unfilled(matched));
    const sortedRow = (this.sortedRow = scratch.int32Unfilled(matched));
    const sortedAmount = (this.sortedAmount = scratch.float64Unfilled(matched));
    const sortedDate = (this.sortedDate = scratch.float64Unfilled(matched));
    for (let payment = 0; payment < rowOf.length; payment++) {
      const row = rowOf[payment] as number;
      if (row < 0) continue;
      const block = row >>> BUCKET_SHIFT;
      const at = bucketStart[block] as number;
      bucketStart[block] = at + 1;
      // ~payment: only mark the invoice, leave the payment to step 4.
      sortedPayment[at] = anyOrder && kind[payment] === SIMPLE ? payment : ~payment;
      sortedRow[at] = row;
      sortedAmount[at] = amountOf[payment] as number;
      sortedDate[at] = dateOf[payment] as number;
    }
  }

  /**
   * Step 3, in (nearly) invoice row order, so the paid and flags entries are read near one another
   * rather than at random: marks each named invoice as named by the payments list, and applies the
   * plain payments (dated by as-of, blank currency) to invoices dated by as-of.
   */
  applyPlainPayments(matched: number): void {
    const { sortedPayment, sortedRow, sortedAmount, sortedDate, kind } = this;
    const { currencyOfRow, factors, flags } = this.context.loaded;
    const paid = this.context.loaded.payments;
    for (let at = 0; at < matched; at++) {
      const code = sortedPayment[at] as number;
      const row = sortedRow[at] as number;
      if (paid[2 * row + 1] === NO_PAYMENT_ROWS) paid[2 * row + 1] = NO_DAY;
      if (code < 0 || ((flags[row] as number) & AFTER_AS_OF) !== 0) continue;
      const currencyId = currencyOfRow === null ? 0 : (currencyOfRow[row] as number);
      const cents = toMinorUnits(
        (sortedAmount[at] as number) * (factors[currencyId] as number),
        CENTS,
      );
      addPaid(paid, row, cents, sortedDate[at] as number);
      kind[code] = APPLIED;
    }
  }

  /**
   * Step 4, in payment order: counts, warnings and unapplied cash. Applied and after-as-of payments
   * are told by kind and dateOf, without reading the record.
   */
  settleTheRest(): void {
    const { kind, dateOf, payments } = this;
    const { counts, options } = this.context;
    let applied = 0;
    let afterAsOf = 0;
    for (let payment = 0; payment < payments.length; payment++) {
      const paymentKind = kind[payment] as number;
      if (paymentKind === APPLIED) applied++;
      else if (paymentKind === UNREADABLE) this.dropUnreadable(payments[payment] as Payment);
      else if (!isOnOrBefore(dateOf[payment] as number, options.asOf)) afterAsOf++;
      else this.settle(payments[payment] as Payment, this.rowOf[payment] as number);
    }
    counts.paymentsApplied += applied;
    counts.paymentsAfterAsOf += afterAsOf;
  }

  /** Applies a payment dated by as-of that step 3 left, or books it as unapplied cash. */
  private settle(payment: Payment, row: number): void {
    const { loaded, ledger, counts } = this.context;
    const { flags, currencies, currencyOfRow, pair } = loaded;
    const rawCurrency = payment.currency;
    const paymentCurrency =
      rawCurrency === undefined || trimText(rawCurrency) === ''
        ? undefined
        : ledger.currencyOf(rawCurrency);
    const known = row >= 0;
    // The flag, not the invoice record: records are scattered over the heap, the flags are not.
    const aged = known && ((flags[row] as number) & AFTER_AS_OF) === 0;
    const invoiceCurrency = known
      ? (currencies[currencyOfRow === null ? 0 : (currencyOfRow[row] as number)] as string | null)
      : null;
    const sameMoney =
      aged &&
      (paymentCurrency === undefined ||
        paymentCurrency === invoiceCurrency ||
        (this.context.options.rates !== null &&
          ledger.sectionOf(paymentCurrency) === ledger.pairSection[pair[row] as number]));
    if (appliesToInvoice(known, aged, sameMoney)) {
      const factor =
        paymentCurrency === undefined
          ? (loaded.factors[currencyOfRow === null ? 0 : (currencyOfRow[row] as number)] as number)
          : ledger.factor(paymentCurrency);
      addPaid(loaded.payments, row, toMinorUnits(payment.amount * factor, CENTS), payment.date);
      counts.paymentsApplied++;
      return;
    }
    if (aged) this.reportCurrency(payment, paymentCurrency, invoiceCurrency);
    else if (!known) this.reportUnknownInvoice(payment);
    this.bookUnapplied(payment, row, paymentCurrency ?? (known ? invoiceCurrency : undefined));
  }

  /**
   * Books a payment as unapplied cash in its currency (else the invoice's, else the default) under
   * its customer (else the invoice's, else UNKNOWN_CUSTOMER).
   */
  private bookUnapplied(payment: Payment, row: number, currency: string | null | undefined): void {
    const { ledger, options, loaded, counts } = this.context;
    const cur = currency === undefined ? options.defaultCurrency : currency;
    const section = ledger.sectionOf(cur);
    const named = typeof payment.customer === 'string' ? trimText(payment.customer) : '';
    const customer =
      named !== ''
        ? named
        : row >= 0
          ? (ledger.pairCustomer[loaded.pair[row] as number] as string)
          : UNKNOWN_CUSTOMER;
    ledger.addUnapplied(
      ledger.pairOf(section, customer),
      toMinorUnits(payment.amount * ledger.factor(cur), CENTS),
      payment.date,
    );
    counts.paymentsUnapplied++;
  }

  /** Counts and reports a payment without a readable date or amount (dropped). */
  private dropUnreadable(payment: Payment): void {
    const { warnings, counts, options } = this.context;
    counts.paymentsDropped++;
    const badDate = !Number.isInteger(payment.date);
    const kind = badDate ? 'payment-date' : 'payment-amount';
    if (warnings.skip(kind)) return;
    warnings.add(
      kind,
      options.paymentPlace,
      {
        code: 'missing-required-value',
        ...codedMessage(badDate ? 'warning.paymentNoDate' : 'warning.paymentNoAmount'),
        row: payment.row,
        column: badDate ? 'date' : 'amount',
        action: 'row dropped',
      },
      coded(badDate ? 'warning.summaryPaymentNoDate' : 'warning.summaryPaymentNoAmount'),
    );
  }

  private reportCurrency(
    payment: Payment,
    paymentCurrency: string | null | undefined,
    invoiceCurrency: string | null,
  ): void {
    const { warnings, options } = this.context;
    if (warnings.skip('payment-currency')) return;
    warnings.add(
      'payment-currency',
      options.paymentPlace,
      {
        code: 'currency-mismatch',
        ...codedMessage('warning.paymentCurrency', {
          invoice: refOf(payment),
          paymentCurrency: paymentCurrency ?? coded('warning.noCurrency'),
          invoiceCurrency: invoiceCurrency ?? coded('warning.noCurrency'),
          unappliedCurrency: String(paymentCurrency),
        }),
        row: payment.row,
        column: 'currency',
        raw: payment.currency,
        action: 'row kept',
      },
      coded('warning.summaryPaymentCurrency'),
    );
  }

  private reportUnknownInvoice(payment: Payment): void {
    const { warnings, options } = this.context;
    const ref = refOf(payment);
    if (ref === '' || warnings.skip('unknown-invoice')) return;
    warnings.add(
      'unknown-invoice',
      options.paymentPlace,
      {
        code: 'other',
        ...codedMessage('warning.unknownInvoice', { invoice: ref }),
        row: payment.row,
        column: 'invoice',
        raw: ref,
        action: 'row kept',
      },
      coded('warning.summaryUnknownInvoice'),
    );
  }
}

/** The trimmed invoice number a payment names ('' when none). */
function refOf(payment: Payment): string {
  const raw = payment.invoice;
  return typeof raw === 'string' ? trimText(raw) : '';
}

/** Adds a payment's cents to an invoice's paid cents and keeps its latest payment day. */
function addPaid(paid: Float64Array, row: number, cents: number, date: number): void {
  paid[2 * row] = (paid[2 * row] as number) + cents;
  if (date > (paid[2 * row + 1] as number)) paid[2 * row + 1] = date;
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
    const record = payments[j] as Payment;
    const date = record.date;
    const amount = record.amount;
    if (!(Number.isInteger(date) && Number.isFinite(amount))) {
      refs[j - from] = '';
      kind[j] = UNREADABLE;
      continue;
    }
    sumAbs += Math.abs(amount);
    amountOf[j] = amount;
    dateOf[j] = date;
    const rawCurrency = record.currency;
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
    const hash = hashString(ref);
    refHash[j] = hash;
    refState[j] = ref === raw ? REF_AS_IS : REF_TRIMMED;
    const block = byNumber.blockOf(hash) + 1;
    slotStart[block] = (slotStart[block] as number) + 1;
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
  for (let j = 0; j < rowOf.length; j++) {
    if (refState[j] !== REF_DENSE) continue;
    const row = dense.rowOf(refHash[j] as number);
    rowOf[j] = row;
    if (row >= 0) {
      const block = (row >>> BUCKET_SHIFT) + 1;
      bucketStart[block] = (bucketStart[block] as number) + 1;
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
  sortedRef: string[],
  sortedHash: Int32Array,
  sortedPayment: Int32Array,
  from: number,
  to: number,
  rowOf: Int32Array,
  bucketStart: Int32Array,
): number {
  let matched = 0;
  for (let at = from; at < to; at++) {
    const row = byNumber.getHashed(sortedRef[at] as string, sortedHash[at] as number);
    rowOf[sortedPayment[at] as number] = row;
    if (row >= 0) {
      const block = (row >>> BUCKET_SHIFT) + 1;
      bucketStart[block] = (bucketStart[block] as number) + 1;
      matched++;
    }
  }
  return matched;
}
