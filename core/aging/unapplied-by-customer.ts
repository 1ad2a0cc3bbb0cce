import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { AgingLedger, LedgerSection } from './aging-ledger.js';
import type { UnappliedLine } from './aging-result.js';
import { compareText } from './compare-text.js';

/**
 * The unapplied cash of a section, one line per customer with any: amount, payments, first and
 * last date; largest amount first (ties by customer).
 *
 * Formula: amount = Σ payments dated ≤ as-of that could not be applied to an invoice (none named,
 * unknown, dated after as-of, or in an unconverted other currency).
 *
 * @param sec - The section.
 * @param ledger - Pairs and their unapplied cash.
 * @returns The lines, in currency units with ISO dates.
 * @example
 * unappliedByCustomer(sec, ledger)[0]; // {customer: 'ACME', amount: 40, count: 1, firstDate: '2024-02-10', …}
 */
export function unappliedByCustomer(sec: LedgerSection, ledger: AgingLedger): UnappliedLine[] {
  const unapplied: UnappliedLine[] = [];
  for (const p of sec.pairs) {
    const count = ledger.unappliedCount[p] as number;
    if (count === 0) continue;
    unapplied.push({
      customer: ledger.pairCustomer[p] as string,
      amount: (ledger.unappliedCents[p] as number) / 100,
      count,
      firstDate: isoFromEpochDay(ledger.unappliedFirst[p] as number),
      lastDate: isoFromEpochDay(ledger.unappliedLast[p] as number),
    });
  }
  unapplied.sort((x, y) => y.amount - x.amount || compareText(x.customer, y.customer));
  return unapplied;
}
