import type { Payment } from '../columns/records.js';
import type { AgingLedger } from './aging-ledger.js';
import type { NormalisedAgingOptions } from './aging-options.js';
import type { AgingCounts } from './aging-result.js';
import { UNKNOWN_CUSTOMER } from './aging-result.js';
import type { AgingWarnings } from './aging-warnings.js';
import type { LoadedInvoices } from './load-invoices.js';
import {
  AGED,
  HAS_SHEET_PAYMENT,
  STATE_CURRENCY,
  STATE_FLAGS,
  STATE_LAST_PAY,
  STATE_PAID,
  STATE_STRIDE,
} from './load-invoices.js';

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
 * @param loaded - Pass 1's invoices; their state records are updated.
 * @param o - Normalised options.
 * @param ledger - Sections and pairs; unapplied cash is added to it.
 * @param warnings - Collector for row warnings.
 * @param counts - Counts to fill in (payments*).
 * @example
 * applyPayments(payments, loaded, o, ledger, warnings, counts);
 * loaded.state[row * STATE_STRIDE + STATE_PAID]; // cents paid on that invoice by as-of
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
  const { state, byNumber, currencies, pair } = loaded;
  const { pairSection, pairCustomer } = ledger;
  // Factor per currency id of the invoices, for payments that name no currency of their own.
  const invoiceFactor = currencies.map((c) => ledger.factor(c));

  for (let j = 0; j < payments.length; j++) {
    const pay = payments[j] as Payment;
    const date = pay.date;
    const amount = pay.amount;
    if (!Number.isInteger(date) || !Number.isFinite(amount)) {
      counts.paymentsDropped++;
      const badDate = !Number.isInteger(date);
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
    const ref = typeof pay.invoice === 'string' ? pay.invoice.trim() : '';
    const idx = ref === '' ? -1 : byNumber.get(ref);
    const at = idx * STATE_STRIDE;
    let flags = 0;
    if (idx >= 0) {
      flags = state[at + STATE_FLAGS] as number;
      if ((flags & HAS_SHEET_PAYMENT) === 0) state[at + STATE_FLAGS] = flags | HAS_SHEET_PAYMENT;
    }
    if (date > asOf) {
      counts.paymentsAfterAsOf++;
      continue;
    }
    const rawCurrency = pay.currency;
    const payCur =
      rawCurrency === undefined || rawCurrency.trim() === ''
        ? undefined
        : ledger.currencyOf(rawCurrency);
    if ((flags & AGED) !== 0) {
      const curId = state[at + STATE_CURRENCY] as number;
      const invCur = currencies[curId] as string | null;
      if (payCur === undefined) {
        state[at + STATE_PAID] =
          (state[at + STATE_PAID] as number) +
          Math.round(amount * (invoiceFactor[curId] as number) * 100);
        if (date > (state[at + STATE_LAST_PAY] as number)) state[at + STATE_LAST_PAY] = date;
        counts.paymentsApplied++;
        continue;
      }
      if (
        payCur === invCur ||
        (o.rates !== null && ledger.sectionOf(payCur) === pairSection[pair[idx] as number])
      ) {
        state[at + STATE_PAID] =
          (state[at + STATE_PAID] as number) + Math.round(amount * ledger.factor(payCur) * 100);
        if (date > (state[at + STATE_LAST_PAY] as number)) state[at + STATE_LAST_PAY] = date;
        counts.paymentsApplied++;
        continue;
      }
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
          ? (currencies[state[at + STATE_CURRENCY] as number] as string | null)
          : o.defaultCurrency;
    const s = ledger.sectionOf(cur);
    const rawCustomer = typeof pay.customer === 'string' ? pay.customer.trim() : '';
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
