import type { AgingSection } from '../../aging/age-receivables.js';
import type { AgingStackedChartInput } from '../aging-stacked-chart.js';
import type { TopOverdueChartInput } from '../top-overdue-chart.js';

/**
 * The aging-by-bucket input of one currency: bucket labels in order and the open balance of each
 * customer (or owner) in each bucket.
 *
 * Formula: none; amounts are copied from the section's customers or owners.
 * Blanks: zero amounts are left out (they add nothing to a stack).
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
  return { buckets: section.buckets.map((b) => b.label), amounts, groupBy };
}

/**
 * The top overdue customers input of one currency: every customer's overdue balance; the chart
 * keeps the largest.
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
