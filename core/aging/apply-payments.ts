import type { Payment } from '../columns/records.js';
import type { AgingLedger } from './aging-ledger.js';
import type { NormalisedAgingOptions } from './aging-options.js';
import type { AgingCounts } from './aging-result.js';
import { UNKNOWN_CUSTOMER } from './aging-result.js';
import type { AgingWarnings } from './aging-warnings.js';
import type { LoadedInvoices } from './load-invoices.js';
import { AFTER_AS_OF, BATCH, NO_DAY, NO_PAYMENT_ROWS } from './load-invoices.js';
import { hashString } from './string-index.js';
import { trimText } from './trim-text.js';

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
 * @example
 * applyPayments(payments, loaded, o, ledger, warnings, counts);
 * loaded.payments[2 * row]; // cents paid on that invoice by as-of
 */
export function applyPayments(
  payments: readonly Payment[],
  loaded: LoadedInvoices,
  o: NormalisedAgingOptions,
  ledger: AgingLedger,
  warnings: AgingWarnings,
  counts: AgingCounts,
): void {
  const { asOf } = o;
  const pp = o.paymentPlace;
  const { byNumber, currencies, factors, currencyOfRow, pair, flags } = loaded;
  const paid = loaded.payments;
  const { pairSection, pairCustomer } = ledger;
  const m = payments.length;
  const readable = new Uint8Array(BATCH);
  const refs = new Array<string>(BATCH).fill('');
  const refHash = new Int32Array(BATCH);
  const rowOf = new Int32Array(BATCH);
  const rowFlags = new Uint8Array(BATCH);
  const rowMeta = new Float64Array(BATCH);

  for (let from = 0; from < m; from += BATCH) {
    const to = Math.min(m, from + BATCH);
    const size = to - from;
    // One small loop per step (load the numbers, hash them, probe, confirm, touch the invoice's
    // state): within a loop the cache misses are independent of one another, so the CPU overlaps
    // them instead of waiting on each payment in turn, and the last loop finds them in cache.
    for (let j = from; j < to; j++) {
      const k = j - from;
      const pay = payments[j] as Payment;
      const ok = Number.isInteger(pay.date) && Number.isFinite(pay.amount);
      readable[k] = ok ? 1 : 0;
      const raw = pay.invoice;
      refs[k] = ok && typeof raw === 'string' ? raw : '';
    }
    for (let k = 0; k < size; k++) {
      const ref = trimText(refs[k] as string);
      refs[k] = ref;
      if (ref !== '') refHash[k] = hashString(ref);
    }
    for (let k = 0; k < size; k++) {
      rowOf[k] = refs[k] === '' ? -1 : byNumber.candidate(refHash[k] as number);
    }
    for (let k = 0; k < size; k++) {
      const r = rowOf[k] as number;
      if (r >= 0) rowOf[k] = byNumber.confirm(refs[k] as string, refHash[k] as number, r);
    }
    for (let k = 0; k < size; k++) {
      const r = rowOf[k] as number;
      if (r < 0) continue;
      rowFlags[k] = flags[r] as number;
      // Copied only so the read happens here, bringing the invoice's paid cents and day into cache
      // for the loop below (which must read them afresh: a batch may pay one invoice twice).
      rowMeta[k] = paid[2 * r + 1] as number;
    }
    for (let j = from; j < to; j++) {
      const k = j - from;
      const pay = payments[j] as Payment;
      const date = pay.date;
      const amount = pay.amount;
      if (readable[k] === 0) {
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
      const ref = refs[k] as string;
      const idx = rowOf[k] as number;
      if (idx >= 0 && paid[2 * idx + 1] === NO_PAYMENT_ROWS) paid[2 * idx + 1] = NO_DAY;
      if (date > asOf) {
        counts.paymentsAfterAsOf++;
        continue;
      }
      const rawCurrency = pay.currency;
      const payCur =
        rawCurrency === undefined || trimText(rawCurrency) === ''
          ? undefined
          : ledger.currencyOf(rawCurrency);
      // The flag, not the invoice record: records are scattered over the heap, the flags are not.
      if (idx >= 0 && ((rowFlags[k] as number) & AFTER_AS_OF) === 0) {
        const curId = currencyOfRow === null ? 0 : (currencyOfRow[idx] as number);
        const invCur = currencies[curId] as string | null;
        const same =
          payCur === undefined ||
          payCur === invCur ||
          (o.rates !== null && ledger.sectionOf(payCur) === pairSection[pair[idx] as number]);
        if (same) {
          const f = payCur === undefined ? (factors[curId] as number) : ledger.factor(payCur);
          paid[2 * idx] = (paid[2 * idx] as number) + Math.round(amount * f * 100);
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
        Math.round(amount * ledger.factor(cur) * 100),
        date,
      );
      counts.paymentsUnapplied++;
    }
  }
}
