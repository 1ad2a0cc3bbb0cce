import { coded, codedMessage } from '../text/coded-text.js';
import { CENTS, toMinorUnits } from '../columns/money.js';
import type { AgingLedger, LedgerSection } from './aging-ledger.js';
import type { NormalizedAgingOptions } from './aging-options.js';
import type {
  AgingBucketTotal,
  AgingDsoReason,
  AgingProvision,
  AgingSection,
} from './aging-result.js';
import type { WarningCollector } from '../columns/warning-collector.js';
import { isOnLedgerAtAsOf } from './aging-rules.js';
import { badDebtProvision } from './bad-debt-provision.js';
import type { OpenItemTotals } from './bucket-open-items.js';
import { collectionPriority } from './collection-priority.js';
import { countbackFromMonthlyCents } from './dso-countback.js';
import { dsoStandard } from './dso-standard.js';
import { salesToCoverBadDebt } from './sales-to-cover-bad-debt.js';
import { summarizeByCustomer } from './summarize-by-customer.js';
import { summarizeByOwner } from './summarize-by-owner.js';
import { unappliedByCustomer } from './unapplied-by-customer.js';

/**
 * The report of one currency section: totals, bucket totals, customers, owners, unapplied cash,
 * DSO, average days late, provision, the collection priority list and the invoice lines.
 *
 * Formulas: open = Σ bucket amounts = current + overdue + credit, where overdue and current sum the
 * positive open balances past due and not, and credit the negative ones (never netted into what is
 * owed past due); net = open − unapplied; shareOverdue = overdue ÷ (current + overdue), the share of
 * what is owed that is past due (null when nothing is owed); DSO standard = AR ÷ sales in the last N days
 * × N; countback by whole months back from as-of (reported and null when all sales up to as-of do
 * not cover the AR); days late simple and amount-weighted means over settled invoices; provision =
 * Σ bucket amount × rate, and the sales to cover it = provision ÷ net margin (to the cent).
 *
 * @param section - The section.
 * @param sectionNumber - The section's number.
 * @param options - Normalized options.
 * @param ledger - Pairs and unapplied cash.
 * @param totals - Pass 3's sums.
 * @param warnings - Collector for the countback warning.
 * @returns The section, in currency units.
 * @example
 * summarizeSection(section, 0, options, ledger, totals, warnings).totals.open; // 60
 */
export function summarizeSection(
  section: LedgerSection,
  sectionNumber: number,
  options: NormalizedAgingOptions,
  ledger: AgingLedger,
  totals: OpenItemTotals,
  warnings: WarningCollector,
): AgingSection {
  const { buckets } = options;
  const sums = sectionSums(section, buckets.length, ledger, totals);
  const bucketTotals: AgingBucketTotal[] = buckets.map((bucket, b) => ({
    ...bucket,
    amount: (sums.bucketCents[b] as number) / CENTS,
    owed: ((sums.bucketCents[b] as number) - (sums.bucketCreditCents[b] as number)) / CENTS,
    credit: (sums.bucketCreditCents[b] as number) / CENTS,
    count: sums.bucketCount[b] as number,
    creditCount: sums.bucketCreditCount[b] as number,
  }));
  const open = sums.openCents / CENTS;
  const owedCents = sums.openCents - sums.creditCents;
  return {
    currency: section.key,
    totals: {
      open,
      current: (owedCents - sums.overdueCents) / CENTS,
      overdue: sums.overdueCents / CENTS,
      credit: sums.creditCents / CENTS,
      unapplied: sums.unappliedCents / CENTS,
      net: (sums.openCents - sums.unappliedCents) / CENTS,
      openItems: sums.items,
      shareOverdue: owedCents > 0 ? sums.overdueCents / owedCents : null,
    },
    buckets: bucketTotals,
    customers: summarizeByCustomer(section, buckets, ledger, totals),
    owners: summarizeByOwner(section, sectionNumber, buckets, totals),
    unapplied: unappliedByCustomer(section, ledger),
    dso: sectionDso(section, sums.openCents, options, totals.firstMonth, warnings),
    averageDaysLate: {
      simple: section.settled > 0 ? section.lateSum / section.settled : null,
      weighted: section.lateWeight > 0 ? section.lateWeighted / section.lateWeight : null,
      invoices: section.settled,
      lateInvoices: section.late,
    },
    provision: sectionProvision(bucketTotals, options),
    priority: collectionPriority(section, buckets.length, ledger, totals),
    invoices: section.lines,
  };
}

/**
 * Whether a currency section was on the ledger at as-of: some customer of it has an invoice dated
 * on or before as-of or unapplied cash (isOnLedgerAtAsOf). A currency known only from later
 * invoices gets no section.
 *
 * @example isSectionOnLedger(section, ledger, totals); // false when all its invoices are later
 */
export function isSectionOnLedger(
  section: LedgerSection,
  ledger: AgingLedger,
  totals: OpenItemTotals,
): boolean {
  return section.pairs.some((pair) =>
    isOnLedgerAtAsOf(totals.pairInvoices[pair] as number, ledger.unappliedCount[pair] as number),
  );
}

/**
 * A section's sums over its pairs, in cents: per bucket (net and credits), open, owed past due,
 * credit and unapplied.
 */
interface SectionSums {
  bucketCents: Float64Array;
  bucketCreditCents: Float64Array;
  bucketCreditCount: Int32Array;
  bucketCount: Int32Array;
  openCents: number;
  items: number;
  overdueCents: number;
  creditCents: number;
  unappliedCents: number;
}

function sectionSums(
  section: LedgerSection,
  bucketCount: number,
  ledger: AgingLedger,
  totals: OpenItemTotals,
): SectionSums {
  const { pairBuckets, pairBucketCount, pairBucketCredit, pairOwedPastDue, pairCredit } = totals;
  const { pairBucketCreditCount } = totals;
  const sums: SectionSums = {
    bucketCents: new Float64Array(bucketCount),
    bucketCreditCents: new Float64Array(bucketCount),
    bucketCreditCount: new Int32Array(bucketCount),
    bucketCount: new Int32Array(bucketCount),
    openCents: 0,
    items: 0,
    overdueCents: 0,
    creditCents: 0,
    unappliedCents: 0,
  };
  for (const pair of section.pairs) {
    for (let b = 0; b < bucketCount; b++) {
      sums.bucketCents[b] =
        (sums.bucketCents[b] as number) + (pairBuckets[pair * bucketCount + b] as number);
      sums.bucketCount[b] =
        (sums.bucketCount[b] as number) + (pairBucketCount[pair * bucketCount + b] as number);
      sums.bucketCreditCents[b] =
        (sums.bucketCreditCents[b] as number) +
        (pairBucketCredit[pair * bucketCount + b] as number);
      sums.bucketCreditCount[b] =
        (sums.bucketCreditCount[b] as number) +
        (pairBucketCreditCount[pair * bucketCount + b] as number);
    }
    sums.overdueCents += pairOwedPastDue[pair] as number;
    sums.creditCents += pairCredit[pair] as number;
    sums.unappliedCents += ledger.unappliedCents[pair] as number;
  }
  // Open = Σ bucket amounts, added in bucket order.
  for (let b = 0; b < bucketCount; b++) {
    sums.openCents += sums.bucketCents[b] as number;
    sums.items += sums.bucketCount[b] as number;
  }
  return sums;
}

/**
 * DSO standard and countback of a section (countback null, reported, when sales do not cover AR);
 * the countback walks in whole cents.
 */
function sectionDso(
  section: LedgerSection,
  openCents: number,
  options: NormalizedAgingOptions,
  firstMonth: number,
  warnings: WarningCollector,
): AgingSection['dso'] {
  const monthlyCents = new Map<number, number>();
  const sectionMonthly = section.monthly as Float64Array;
  for (let k = 0; k < sectionMonthly.length; k++) {
    const cents = sectionMonthly[k] as number;
    if (cents !== 0) monthlyCents.set(firstMonth + k, cents);
  }
  const creditSales = section.salesWindowCents / CENTS;
  const open = openCents / CENTS;
  const countback = countbackFromMonthlyCents(openCents, monthlyCents, options.asOf);
  if (countback === null) {
    warnings.add(
      `countback:${section.key}`,
      {},
      {
        code: 'other',
        ...(section.key === null
          ? codedMessage('warning.dsoCountbackNotCovered')
          : codedMessage('warning.dsoCountbackNotCoveredIn', { section: section.key })),
        action: 'none',
      },
      coded('warning.summaryCountback'),
    );
  }
  return {
    standard: dsoStandard(open, creditSales, options.dsoDays),
    countback,
    reason: dsoReason(openCents, section.salesWindowCents, countback),
    days: options.dsoDays,
    creditSales,
    ar: open,
  };
}

/** The first AgingDsoReason that applies to these cents, or null when both figures stand. */
function dsoReason(
  openCents: number,
  salesWindowCents: number,
  countback: number | null,
): AgingDsoReason | null {
  if (openCents < 0) return 'credit-balance';
  if (salesWindowCents <= 0)
    return openCents === 0 ? 'nothing-open-no-sales' : 'no-sales-in-window';
  return countback === null ? 'sales-do-not-cover' : null;
}

/** The bad-debt provision of a section and the sales to cover it, null without provision rates. */
function sectionProvision(
  bucketTotals: readonly AgingBucketTotal[],
  options: NormalizedAgingOptions,
): AgingProvision | null {
  if (!options.provisionRates) return null;
  const provision = badDebtProvision(bucketTotals, options.provisionRates);
  const { netMargin } = options;
  return {
    ...provision,
    netMargin,
    salesToCover:
      netMargin === null
        ? null
        : toMinorUnits(salesToCoverBadDebt(provision.total, netMargin), CENTS) / CENTS,
  };
}
