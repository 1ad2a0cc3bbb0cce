import { CENTS } from '../columns/money.js';
import type { AgingLedger, LedgerSection } from './aging-ledger.js';
import type { PriorityEntry } from './aging-result.js';
import type { OpenItemTotals } from './bucket-open-items.js';
import { listedPairs } from '../internal/listed-pairs.js';
import { largestFirst } from '../internal/sorted-positions.js';
import { creditUse } from './summarize-by-customer.js';

/**
 * The collection call list of a section: every customer with past-due money, highest score first.
 *
 * Formula: score = Σ over the customer's past-due invoices with a positive open balance of
 * open × days past due (DOMAIN.md §3); ties by customer id. Disputed invoices are flagged with their
 * amount; creditUse = (open − unapplied) ÷ credit limit, and overLimit when it exceeds 1. Customers
 * with a score of 0 (nothing past due) are left out.
 *
 * @param sec - The section.
 * @param nb - Number of buckets.
 * @param ledger - Pairs, their names, owners, limits and unapplied cash.
 * @param totals - Pass 3's sums.
 * @returns The entries ranked 1, 2, …, in currency units.
 * @example
 * collectionPriority(sec, 6, ledger, totals)[0]; // {rank: 1, customer: 'ACME', score: 1800, …}
 */
export function collectionPriority(
  sec: LedgerSection,
  nb: number,
  ledger: AgingLedger,
  totals: OpenItemTotals,
): PriorityEntry[] {
  const { pairBuckets, pairScore, pairOverdue, pairOverdueCount, pairMaxDpd } = totals;
  const { pairDisputed, pairDisputedCount } = totals;
  const { pairCustomer } = ledger;
  // The pairs listed and their scores, sorted first; each entry is then made in output order.
  const { listed, values: scoreOf } = listedPairs(sec.pairs, (p) => {
    const score = pairScore[p] as number;
    // Whole cents × whole days: the score is already a whole number of cent-days.
    return score <= 0 ? null : score / CENTS;
  });
  const order = largestFirst(scoreOf, (k) => pairCustomer[listed[k] as number] as string);
  const priority = new Array<PriorityEntry>(listed.length);
  for (let r = 0; r < listed.length; r++) {
    const k = order[r] as number;
    const p = listed[k] as number;
    let openCents = 0;
    for (let b = 0; b < nb; b++) openCents += pairBuckets[p * nb + b] as number;
    const limit = ledger.pairLimit[p] ?? null;
    const use = creditUse(openCents, ledger.unappliedCents[p] as number, limit);
    priority[r] = {
      rank: r + 1,
      customer: pairCustomer[p] as string,
      owner: ledger.pairOwner[p] ?? null,
      score: scoreOf[k] as number,
      overdue: (pairOverdue[p] as number) / 100,
      overdueInvoices: pairOverdueCount[p] as number,
      maxDaysPastDue: pairMaxDpd[p] as number,
      disputed: (pairDisputedCount[p] as number) > 0,
      disputedAmount: (pairDisputed[p] as number) / 100,
      disputedInvoices: pairDisputedCount[p] as number,
      open: openCents / 100,
      creditLimit: limit,
      creditUse: use,
      overLimit: use !== null && use > 1,
    };
  }
  return priority;
}
