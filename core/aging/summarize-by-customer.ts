import type { AgingBucket } from './aging-buckets.js';
import type { AgingLedger, LedgerSection } from './aging-ledger.js';
import type { AgingCustomer } from './aging-result.js';
import type { OpenItemTotals } from './bucket-open-items.js';
import { bucketRecord } from '../internal/bucket-record.js';
import { listedPairs } from '../internal/listed-pairs.js';
import { largestFirst } from '../internal/sorted-positions.js';
import { isOnLedgerAtAsOf } from './aging-rules.js';

/**
 * One line per customer of a section: open, overdue, not yet due, credit, unapplied, items, amount
 * owed per bucket and credit use, largest open balance first (ties by id).
 *
 * Formula: open = Σ open balances = notYetDue + overdue + credit, where overdue and notYetDue sum
 * the positive balances past due and not, and credit the negative ones (credit notes,
 * overpayments), so a credit note never hides a debt past due; buckets[label] = Σ positive balances
 * in the bucket (Σ buckets + credit = open); creditUse = (open − unapplied) ÷ credit limit, null without a
 * positive limit. A customer with only unapplied cash is listed with zero open; one known only from
 * invoices dated after as-of is not listed (isOnLedgerAtAsOf).
 *
 * @param section - The section.
 * @param buckets - The buckets, for the labels.
 * @param ledger - Pairs, their names, limits and unapplied cash.
 * @param totals - Pass 3's sums.
 * @returns The customers, in currency units.
 * @example
 * summarizeByCustomer(section, openOfPair.buckets, ledger, totals)[0]; // {id: 'ACME', open: 60, overdue: 60, notYetDue: 0, credit: 0, buckets: {…}, …}
 */
export function summarizeByCustomer(
  section: LedgerSection,
  buckets: readonly AgingBucket[],
  ledger: AgingLedger,
  totals: OpenItemTotals,
): AgingCustomer[] {
  const bucketCount = buckets.length;
  const { pairBuckets, pairBucketCount, pairBucketCredit, pairOwedPastDue, pairCredit } = totals;
  const { pairInvoices } = totals;
  const { pairCustomer } = ledger;
  const labels = buckets.map((b) => b.label);
  const zeroBuckets = bucketRecord(labels);
  // The customers on the ledger at as-of and their open cents, sorted first (cents order = units
  // order); each line is then made in output order.
  const { listed, values: openCents } = listedPairs(section.pairs, (pair) => {
    if (!isOnLedgerAtAsOf(pairInvoices[pair] as number, ledger.unappliedCount[pair] as number))
      return null;
    let cents = 0;
    for (let b = 0; b < bucketCount; b++) cents += pairBuckets[pair * bucketCount + b] as number;
    return cents;
  });
  const order = largestFirst(openCents, (k) => pairCustomer[listed[k] as number] as string);
  const customers = new Array<AgingCustomer>(listed.length);
  for (let rank = 0; rank < listed.length; rank++) {
    const k = order[rank] as number;
    const pair = listed[k] as number;
    let items = 0;
    const byLabel = { ...zeroBuckets };
    for (let b = 0; b < bucketCount; b++) {
      const at = pair * bucketCount + b;
      items += pairBucketCount[at] as number;
      byLabel[labels[b] as string] =
        ((pairBuckets[at] as number) - (pairBucketCredit[at] as number)) / 100;
    }
    const openOfPair = openCents[k] as number;
    const overdueCents = pairOwedPastDue[pair] as number;
    const creditCents = pairCredit[pair] as number;
    const unapplied = ledger.unappliedCents[pair] as number;
    const limit = ledger.pairLimit[pair] ?? null;
    customers[rank] = {
      id: pairCustomer[pair] as string,
      open: openOfPair / 100,
      overdue: overdueCents / 100,
      notYetDue: (openOfPair - overdueCents - creditCents) / 100,
      credit: creditCents / 100,
      unapplied: unapplied / 100,
      openItems: items,
      buckets: byLabel,
      creditLimit: limit,
      creditUse: creditUse(openOfPair, unapplied, limit),
    };
  }
  return customers;
}

/** (open − unapplied) ÷ limit, from cents, or null without a positive limit. */
export function creditUse(
  openCents: number,
  unappliedCents: number,
  limit: number | null,
): number | null {
  return limit !== null && limit > 0 ? (openCents - unappliedCents) / 100 / limit : null;
}
