import type { AgingBucket } from './aging-buckets.js';
import type { LedgerSection } from './aging-ledger.js';
import type { AgingOwner } from './aging-result.js';
import type { OpenItemTotals } from './bucket-open-items.js';
import { compareIds } from '../columns/compare-ids.js';
import { bucketRecord } from '../internal/bucket-record.js';
import { isOnLedgerAtAsOf } from './aging-rules.js';

/**
 * One line per owner (sales rep) of a section: open, overdue, not yet due, credit, open items and
 * amount owed per bucket,
 * largest open balance first (ties by id). Invoices without an owner are under UNKNOWN_OWNER. An
 * owner with no invoice dated on or before as-of is not listed (isOnLedgerAtAsOf).
 *
 * Formula: open = Σ open balances of the owner's open items = notYetDue + overdue + credit, where
 * overdue and notYetDue sum the positive balances past due and not, and credit the negative ones;
 * buckets[label] = Σ positive balances in the bucket (Σ buckets + credit = open).
 *
 * @param section - The section.
 * @param s - The section's number, to find its owners in the totals.
 * @param buckets - The buckets, for the labels.
 * @param totals - Pass 3's sums.
 * @returns The owners, in currency units.
 * @example
 * summarizeByOwner(section, 0, options.buckets, totals)[0]; // {id: 'Ann', open: 60, overdue: 60, notYetDue: 0, credit: 0, …}
 */
export function summarizeByOwner(
  section: LedgerSection,
  sectionNumber: number,
  buckets: readonly AgingBucket[],
  totals: OpenItemTotals,
): AgingOwner[] {
  const bucketCount = buckets.length;
  const { ownerBuckets, ownerBucketCredit, ownerOwedPastDue, ownerCredit } = totals;
  const { ownerCount, ownerInvoices } = totals;
  const offset = totals.ownerOffsets[sectionNumber] as number;
  const zeroBuckets = bucketRecord(buckets.map((b) => b.label));
  const owners: AgingOwner[] = [];
  section.ownerIds.forEach((id, k) => {
    const owner = offset + k;
    if (!isOnLedgerAtAsOf(ownerInvoices[owner] as number, 0)) return;
    let openCents = 0;
    const byLabel = { ...zeroBuckets };
    for (let b = 0; b < bucketCount; b++) {
      const at = owner * bucketCount + b;
      const cents = ownerBuckets[at] as number;
      openCents += cents;
      byLabel[(buckets[b] as AgingBucket).label] =
        (cents - (ownerBucketCredit[at] as number)) / 100;
    }
    const overdueCents = ownerOwedPastDue[owner] as number;
    const creditCents = ownerCredit[owner] as number;
    owners.push({
      id,
      open: openCents / 100,
      overdue: overdueCents / 100,
      notYetDue: (openCents - overdueCents - creditCents) / 100,
      credit: creditCents / 100,
      openItems: ownerCount[owner] as number,
      buckets: byLabel,
    });
  });
  owners.sort((left, right) => right.open - left.open || compareIds(left.id, right.id));
  return owners;
}
