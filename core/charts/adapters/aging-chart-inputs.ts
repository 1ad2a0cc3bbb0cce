import type { AgingSection } from '../../aging/age-receivables.js';
import type { AgingStackedChartInput } from '../aging-stacked-chart.js';
import type { TopOverdueChartInput } from '../top-overdue-chart.js';

/**
 * The aging-by-bucket input of one currency: bucket labels in order, what each customer (or owner)
 * owes in each bucket, and each one's credits apart (the chart's Credits bar), as the aging tables
 * show them.
 *
 * Formula: none; amounts and credits are copied from the section's customers or owners.
 * Blanks: zero amounts and zero credits are left out (they add nothing to a bar).
 *
 * @param section - one currency section of ageReceivables.
 * @param groupBy - stack by customer or owner.
 * @returns the agingStackedChart input.
 * @throws never.
 * @example agingStackedChartInput(section, 'owner').amounts[0] // {group: 'Alice', bucket: '1–30', amount: 1200}
 */
export function agingStackedChartInput(
  section: Pick<AgingSection, 'buckets' | 'customers' | 'owners'>,
  groupBy: 'customer' | 'owner',
): AgingStackedChartInput {
  const groups = groupBy === 'customer' ? section.customers : section.owners;
  const amounts = [];
  for (const g of groups)
    for (const [bucket, amount] of Object.entries(g.buckets))
      if (amount !== 0) amounts.push({ group: g.id, bucket, amount });
  const credits = groups
    .filter((g) => g.credit < 0)
    .map((g) => ({ group: g.id, amount: g.credit }));
  return { buckets: section.buckets.map((b) => b.label), amounts, groupBy, credits };
}

/**
 * The top overdue customers input of one currency: every customer's money owed past due (credits
 * not netted off); the chart keeps the largest.
 *
 * Formula: none; overdue is copied from the section's customers.
 * Blanks: customers with nothing overdue are passed on and left out by the chart.
 *
 * @param section - one currency section of ageReceivables.
 * @returns the topOverdueChart input.
 * @throws never.
 * @example topOverdueChartInput(section).customers[0] // {customer: 'Acme', overdue: 1200}
 */
export function topOverdueChartInput(
  section: Pick<AgingSection, 'customers'>,
): TopOverdueChartInput {
  return { customers: section.customers.map((c) => ({ customer: c.id, overdue: c.overdue })) };
}
