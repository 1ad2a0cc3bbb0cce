import type { EpochDay } from '../columns/epoch-day.js';
import { lastDayOfMonth } from '../columns/calendar-month.js';
import type { PaymentTerms } from './payment-terms.js';
import { PipecastError } from '../errors/pipecast-error.js';

/**
 * The due date that payment terms give an invoice.
 *
 * Formula: invoice date + days; for month-end terms (月结, EOM) the last day of the invoice month
 * + days. So "月结60天" on 2024-02-10 is 2024-02-29 (leap year) + 60 = 2024-04-29, and
 * net 30 on 2024-01-31 is 2024-03-01 (calendar days, no month arithmetic).
 *
 * @param invoiceDate - The invoice date as an epoch day.
 * @param terms - Parsed terms (see parsePaymentTerms).
 * @returns The due date as an epoch day.
 * @throws {PipecastError} When invoiceDate is not an integer or the terms days are negative.
 * @example
 * dueDateFromTerms(epochDayFromIso('2024-01-15')!, { days: 30, monthEnd: false }); // 2024-02-14
 */
export function dueDateFromTerms(invoiceDate: EpochDay, terms: PaymentTerms): EpochDay {
  if (!Number.isInteger(invoiceDate)) {
    throw new PipecastError(
      'invalid-input',
      `dueDateFromTerms: invoiceDate must be an integer epoch day, got ${invoiceDate}`,
    );
  }
  if (!Number.isInteger(terms.days) || terms.days < 0) {
    throw new PipecastError(
      'invalid-input',
      `dueDateFromTerms: terms.days must be a whole number ≥ 0, got ${terms.days}`,
    );
  }
  return (terms.monthEnd ? lastDayOfMonth(invoiceDate) : invoiceDate) + terms.days;
}
