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
 * open × days past due (DOMAIN.md §3); ties by customer id. Its overdue is the same invoices'
 * money, what the call is about: credit notes are not netted off here, so a customer whose credits
 * exceed its past-due debts never shows a negative overdue on the list. Disputed invoices are
 * flagged with their amount; creditUse = (open − unapplied) ÷ credit limit, and overLimit when it
 * exceeds 1. Customers with a score of 0 (nothing past due) are left out.
 *
 * @param section - The section.
 * @param bucketCount - Number of buckets.
 * @param ledger - Pairs, their names, owners, limits and unapplied cash.
 * @param totals - Pass 3's sums.
 * @returns The entries ranked 1, 2, …, in currency units.
 * @example
 * collectionPriority(section, 6, ledger, totals)[0]; // {rank: 1, customer: 'ACME', score: 1800, …}
 */
export function collectionPriority(
  section: LedgerSection,
  bucketCount: number,
  ledger: AgingLedger,
  totals: OpenItemTotals,
): PriorityEntry[] {
  const { pairBuckets, pairScore, pairOwedPastDue, pairOverdueCount, pairMaxDpd } = totals;
  const { pairDisputed, pairDisputedCount } = totals;
  const { pairCustomer } = ledger;
  // The pairs listed and their scores, sorted first; each entry is then made in output order.
  const { listed, values: scoreOf } = listedPairs(section.pairs, (pair) => {
    const score = pairScore[pair] as number;
    // Whole cents × whole days: the score is already a whole number of cent-days.
    return score <= 0 ? null : score / CENTS;
  });
  const order = largestFirst(scoreOf, (k) => pairCustomer[listed[k] as number] as string);
  const priority = new Array<PriorityEntry>(listed.length);
  for (let rank = 0; rank < listed.length; rank++) {
    const k = order[rank] as number;
    const pair = listed[k] as number;
    let openCents = 0;
    for (let b = 0; b < bucketCount; b++)
      openCents += pairBuckets[pair * bucketCount + b] as number;
    const limit = ledger.pairLimit[pair] ?? null;
    const use = creditUse(openCents, ledger.unappliedCents[pair] as number, limit);
    priority[rank] = {
      rank: rank + 1,
      customer: pairCustomer[pair] as string,
      owner: ledger.pairOwner[pair] ?? null,
      score: scoreOf[k] as number,
      overdue: (pairOwedPastDue[pair] as number) / 100,
      overdueInvoices: pairOverdueCount[pair] as number,
      maxDaysPastDue: pairMaxDpd[pair] as number,
      disputed: (pairDisputedCount[pair] as number) > 0,
      disputedAmount: (pairDisputed[pair] as number) / 100,
      disputedInvoices: pairDisputedCount[pair] as number,
      open: openCents / 100,
      creditLimit: limit,
      creditUse: use,
      overLimit: use !== null && use > 1,
    };
  }
  return priority;
}
