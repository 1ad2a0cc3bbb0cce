import { CENTS, toMinorUnits } from '../columns/money.js';
import type { AgingLedger, LedgerSection } from './aging-ledger.js';
import type { NormalisedAgingOptions } from './aging-options.js';
import type { AgingBucketTotal, AgingProvision, AgingSection } from './aging-result.js';
import type { WarningCollector } from '../columns/warning-collector.js';
import { badDebtProvision } from './bad-debt-provision.js';
import type { OpenItemTotals } from './bucket-open-items.js';
import { collectionPriority } from './collection-priority.js';
import { countbackFromMonthlySales } from './dso-countback.js';
import { dsoStandard } from './dso-standard.js';
import { salesToCoverBadDebt } from './sales-to-cover-bad-debt.js';
import { summarizeByCustomer } from './summarize-by-customer.js';
import { summarizeByOwner } from './summarize-by-owner.js';
import { unappliedByCustomer } from './unapplied-by-customer.js';

/**
 * The report of one currency section: totals, bucket totals, customers, owners, unapplied cash,
 * DSO, average days late, provision, the collection priority list and the invoice lines.
 *
 * Formulas: open = Σ bucket amounts; current = open − overdue; net = open − unapplied;
 * shareOverdue = overdue ÷ open (null when open ≤ 0); DSO standard = AR ÷ sales in the last N days
 * × N; countback by whole months back from as-of (reported and null when all sales up to as-of do
 * not cover the AR); days late simple and amount-weighted means over settled invoices; provision =
 * Σ bucket amount × rate, and the sales to cover it = provision ÷ net margin (to the cent).
 *
 * @param sec - The section.
 * @param s - The section's number.
 * @param o - Normalised options.
 * @param ledger - Pairs and unapplied cash.
 * @param totals - Pass 3's sums.
 * @param warnings - Collector for the countback warning.
 * @returns The section, in currency units.
 * @example
 * summarizeSection(sec, 0, o, ledger, totals, warnings).totals.open; // 60
 */
export function summarizeSection(
  sec: LedgerSection,
  s: number,
  o: NormalisedAgingOptions,
  ledger: AgingLedger,
  totals: OpenItemTotals,
  warnings: WarningCollector,
): AgingSection {
  const { buckets, asOf } = o;
  const nb = buckets.length;
  const { pairBuckets, pairBucketCount, pairOverdue, pairCredit } = totals;
  const bucketCents = new Float64Array(nb);
  const bucketCount = new Int32Array(nb);
  let overdueCents = 0;
  let creditCents = 0;
  let unappliedTotal = 0;
  const { pairs } = sec;
  for (let k = 0; k < pairs.length; k++) {
    const p = pairs[k] as number;
    for (let b = 0; b < nb; b++) {
      bucketCents[b] = (bucketCents[b] as number) + (pairBuckets[p * nb + b] as number);
      bucketCount[b] = (bucketCount[b] as number) + (pairBucketCount[p * nb + b] as number);
    }
    overdueCents += pairOverdue[p] as number;
    creditCents += pairCredit[p] as number;
    unappliedTotal += ledger.unappliedCents[p] as number;
  }
  const customers = summarizeByCustomer(sec, buckets, ledger, totals);
  const priority = collectionPriority(sec, nb, ledger, totals);
  const owners = summarizeByOwner(sec, s, buckets, totals);
  const unapplied = unappliedByCustomer(sec, ledger);

  let openTotal = 0;
  let itemTotal = 0;
  const bucketTotals: AgingBucketTotal[] = buckets.map((bucket, b) => {
    openTotal += bucketCents[b] as number;
    itemTotal += bucketCount[b] as number;
    return { ...bucket, amount: (bucketCents[b] as number) / 100, count: bucketCount[b] as number };
  });
  const open = openTotal / 100;
  const monthly = new Map<number, number>();
  const monthlyCents = sec.monthly as Float64Array;
  for (let k = 0; k < monthlyCents.length; k++) {
    const c = monthlyCents[k] as number;
    if (c !== 0) monthly.set(totals.firstMonth + k, c / 100);
  }
  const creditSales = sec.salesWindowCents / 100;
  const countback = countbackFromMonthlySales(open, monthly, asOf);
  if (countback === null) {
    warnings.add(
      `countback:${sec.key}`,
      {},
      {
        code: 'other',
        message: `DSO countback${sec.key === null ? '' : ` (${sec.key})`}: all sales up to as-of do not cover the open AR; countback left empty`,
        action: 'none',
      },
      'countback not covered',
    );
  }
  let provision: AgingProvision | null = null;
  if (o.provisionRates) {
    const pr = badDebtProvision(bucketTotals, o.provisionRates);
    provision = {
      ...pr,
      netMargin: o.netMargin,
      salesToCover:
        o.netMargin === null
          ? null
          : toMinorUnits(salesToCoverBadDebt(pr.total, o.netMargin), CENTS) / CENTS,
    };
  }
  return {
    currency: sec.key,
    totals: {
      open,
      current: (openTotal - overdueCents) / 100,
      overdue: overdueCents / 100,
      credit: creditCents / 100,
      unapplied: unappliedTotal / 100,
      net: (openTotal - unappliedTotal) / 100,
      openItems: itemTotal,
      shareOverdue: openTotal > 0 ? overdueCents / openTotal : null,
    },
    buckets: bucketTotals,
    customers,
    owners,
    unapplied,
    dso: {
      standard: dsoStandard(open, creditSales, o.dsoDays),
      countback,
      days: o.dsoDays,
      creditSales,
      ar: open,
    },
    averageDaysLate: {
      simple: sec.settled > 0 ? sec.lateSum / sec.settled : null,
      weighted: sec.lateWeight > 0 ? sec.lateWeighted / sec.lateWeight : null,
      invoices: sec.settled,
      lateInvoices: sec.late,
    },
    provision,
    priority,
    invoices: sec.lines,
  };
}
