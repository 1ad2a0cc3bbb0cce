import type { TopLevelSpec } from 'vega-lite';
import {
  checkArray,
  checkCount,
  checkFinite,
  checkText,
  checkUnique,
} from './chart-input-checks.js';
import { normalizeChartOptions } from './chart-options.js';
import type { ChartOptions } from './chart-options.js';
import { shortUniqueLabels } from './chart-labels.js';
import type { NormalizedChartOptions } from './chart-options.js';
import { CHART_COLOURS, GROUP_PALETTE, layeredChart } from './chart-pieces.js';
import type { ChartLayer, ChartRow } from './chart-pieces.js';
import { chartText } from './chart-text.js';
import { moneyAxis, onAxis } from './money-axis.js';
import type { MoneyAxis } from './money-axis.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { agingBucketName } from '../aging/aging-bucket-name.js';

/** Open balance of one group (customer or owner) in one aging bucket. */
export interface AgingStackedAmount {
  /** Customer or owner name as shown. */
  group: string;
  /** Bucket label; must be one of `buckets`. */
  bucket: string;
  /** Open balance in the bucket (credits may make it negative). */
  amount: number;
}

/** Input of {@link agingStackedChart}. */
export interface AgingStackedChartInput {
  /** Bucket labels in axis order, e.g. `['Current', '1–30', '31–60', '61–90', '91–180', '181+']`. */
  buckets: readonly string[];
  /** Amounts per group and bucket; a group/bucket pair may repeat and is then summed. */
  amounts: readonly AgingStackedAmount[];
  /** What the groups are, for the legend title. */
  groupBy: 'customer' | 'owner';
  /**
   * Credits (credit notes, overpayments, each ≤ 0) given apart from the buckets, as the aging
   * tables hold them: added to the Credits bar as they are, never netted against a bucket.
   */
  credits?: readonly AgingStackedCredit[];
}

/** A group's credits given apart from its bucket amounts. */
export interface AgingStackedCredit {
  /** Customer or owner name as shown. */
  group: string;
  /** The credits, ≤ 0. */
  amount: number;
}

/** Options of {@link agingStackedChart}. */
export interface AgingStackedChartOptions extends ChartOptions {
  /** Groups shown on their own (largest total first); the rest are merged into "Other". Default {@link DEFAULT_AGING_TOP_N}. */
  topN?: number;
}

/** Default number of groups stacked on their own. */
export const DEFAULT_AGING_TOP_N = 8;

/**
 * Builds aging by bucket: one stacked bar per bucket (in the given order), each stack split by
 * customer or owner; the `topN` groups with the largest total open balance keep their own
 * colour and every other group is merged into one grey "Other (k)" segment. Credits (a group's
 * negative balance in a bucket: credit notes, overpayments) are not stacked below zero, where
 * they would read as a negative overdue: they are summed into one "Credits" bar after the
 * buckets, drawn as high as their size, labelled with their signed amount, and the subtitle says
 * how they relate to the open balance.
 *
 * Formula: group total = Σ max(amount, 0) over all buckets; groups rank by total descending,
 * ties by name ascending; "Other" amount per bucket = Σ amount of the groups outside the top N;
 * credits = Σ of the negative (group, bucket) amounts + Σ `input.credits`; open balance = Σ bars
 * − credits.
 * Blanks: buckets with no amounts still appear on the axis (empty bar).
 *
 * @param input - Bucket order, amounts per (group, bucket) and what the groups are.
 * @param options - Title, locale, size, money unit, topN.
 * @returns A Vega-Lite spec (stacked bars, and the credits bar when there are credits).
 * @throws {PipecastError} When `buckets` or `amounts` is not an array or a label is not a string.
 * @throws {PipecastError} When an amount is not finite, a bucket is unknown or repeats, `groupBy`
 *   is not customer/owner, a credit is above 0, or `topN` is not an integer ≥ 1.
 * @example
 * agingStackedChart({ buckets: ['Current', '1–30'], groupBy: 'customer', amounts: [{ group: 'Acme', bucket: '1–30', amount: 500 }] })
 */
export function agingStackedChart(
  input: AgingStackedChartInput,
  options?: AgingStackedChartOptions,
): TopLevelSpec {
  const fn = 'agingStackedChart';
  let opts = normalizeChartOptions(fn, options, 'agingTitle');
  // 'Current' is shown in the chart's language; the day ranges read the same in every language.
  const named = (bucket: string): string =>
    typeof bucket === 'string' ? agingBucketName(bucket, opts.locale) : bucket;
  const buckets = checkArray(fn, 'input.buckets', input?.buckets).map(named);
  const amounts = checkArray(fn, 'input.amounts', input.amounts).map((amount) =>
    typeof amount === 'object' && amount !== null
      ? { ...amount, bucket: named(amount.bucket) }
      : amount,
  );
  if (input.groupBy !== 'customer' && input.groupBy !== 'owner') {
    throw new PipecastError(
      'invalid-input',
      `${fn}: input.groupBy must be 'customer' or 'owner', got ${JSON.stringify(input.groupBy)}`,
    );
  }
  const topN = checkCount(fn, 'options.topN', options?.topN ?? DEFAULT_AGING_TOP_N, 1);
  buckets.forEach((bucket, i) => checkText(fn, `input.buckets[${i}]`, bucket));
  checkUnique(fn, 'input.buckets', buckets);
  const bucketIndex = new Map(buckets.map((bucket, i) => [bucket, i]));

  const ranked = groupsByTotal(amounts, bucketIndex);
  const shown = ranked.slice(0, topN);
  const otherCount = ranked.length - shown.length;
  const otherLabel = `${chartText('other', opts.locale)} (${otherCount})`;
  const creditsLabel = chartText('credits', opts.locale);
  const sums = stackSums(amounts, shown, otherLabel, bucketIndex);
  const credits = sums.reduce(
    (total, row) => total + Math.min(Number(row.amount), 0),
    creditsApart(input.credits),
  );
  if (credits < 0) opts = { ...opts, notes: [chartText('agingCredits', opts.locale)] };
  const axis = moneyAxis(
    chartText('openBalance', opts.locale),
    [...bucketTotals(sums), -credits],
    opts.locale,
    opts.unit,
  );
  const rows = sums.filter((row) => Number(row.amount) > 0);
  if (credits < 0) rows.push(creditRow(creditsLabel, buckets.length, shown.length + 1, credits));
  for (const row of rows) row.axisAmount = onAxis(Math.abs(Number(row.amount)), axis);

  const domain = [...shortUniqueLabels(shown), ...(otherCount > 0 ? [otherLabel] : [])];
  const range = shown.map(
    (_, i) => GROUP_PALETTE[i % GROUP_PALETTE.length] ?? CHART_COLOURS.primary,
  );
  if (otherCount > 0) range.push(CHART_COLOURS.muted);
  if (credits < 0) {
    domain.push(creditsLabel);
    range.push(CHART_COLOURS.rule);
  }
  const bucketDomain = credits < 0 ? [...buckets, creditsLabel] : [...buckets];
  const layer: ChartLayer[] = [stackLayer(input.groupBy, opts, axis, bucketDomain, domain, range)];
  if (credits < 0) layer.push(creditLabelLayer(axis));
  return layeredChart(opts, rows, layer);
}

/**
 * Σ of the credits given apart from the buckets (0 without any).
 *
 * @throws {PipecastError} When `credits` is not an array, or a credit is not finite or is above 0.
 */
function creditsApart(credits: AgingStackedChartInput['credits']): number {
  const fn = 'agingStackedChart';
  if (credits === undefined) return 0;
  let total = 0;
  checkArray(fn, 'input.credits', credits).forEach((entry, i) => {
    checkText(fn, `input.credits[${i}].group`, entry.group);
    const amount = checkFinite(fn, `input.credits[${i}].amount`, entry.amount);
    if (amount > 0) {
      throw new PipecastError(
        'invalid-input',
        `${fn}: input.credits[${i}].amount must be ≤ 0 (a credit), got ${amount}`,
      );
    }
    total += amount;
  });
  return total;
}

/** The stacked bars: bucket across, open balance up, coloured by group. */
function stackLayer(
  groupBy: 'customer' | 'owner',
  opts: NormalizedChartOptions,
  axis: MoneyAxis,
  bucketDomain: readonly string[],
  domain: readonly string[],
  range: readonly string[],
): ChartLayer {
  return {
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'bucket',
        type: 'nominal',
        scale: { domain: [...bucketDomain] },
        title: chartText('bucket', opts.locale),
        axis: { labelAngle: 0 },
      },
      y: {
        field: 'axisAmount',
        type: 'quantitative',
        aggregate: 'sum',
        stack: 'zero',
        title: axis.title,
        axis: { format: axis.axisFormat },
      },
      color: {
        field: 'group',
        type: 'nominal',
        title: chartText(groupBy, opts.locale),
        scale: { domain: [...domain], range: [...range] },
        legend: { orient: 'right' },
      },
      order: { field: 'groupOrder', aggregate: 'min', sort: 'ascending' },
    },
  };
}

/** The signed credit total written above the credits bar (−52,000), so its sign is never lost. */
function creditLabelLayer(axis: MoneyAxis): ChartLayer {
  return {
    transform: [{ filter: { field: 'isCredit', equal: true } }],
    mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 10, color: CHART_COLOURS.text },
    encoding: {
      x: { field: 'bucket', type: 'nominal' },
      y: { field: 'axisAmount', type: 'quantitative' },
      text: { field: 'amount', type: 'quantitative', format: axis.labelFormat },
    },
  };
}

/** The one row of the credits bar. */
function creditRow(label: string, order: number, groupOrder: number, credits: number): ChartRow {
  return {
    bucket: label,
    bucketOrder: order,
    group: label,
    groupOrder,
    amount: credits,
    isCredit: true,
  };
}

/** Height of each bucket's stack: Σ of its positive amounts. */
function bucketTotals(sums: readonly ChartRow[]): number[] {
  const totals = new Map<unknown, number>();
  for (const row of sums)
    totals.set(row.bucket, (totals.get(row.bucket) ?? 0) + Math.max(Number(row.amount), 0));
  return [...totals.values()];
}

/**
 * The groups (checked), largest total first, ties by name.
 *
 * @throws {PipecastError} When an amount is not finite or names a bucket not in the list.
 */
function groupsByTotal(
  amounts: readonly AgingStackedChartInput['amounts'][number][],
  bucketIndex: ReadonlyMap<string, number>,
): string[] {
  const fn = 'agingStackedChart';
  const totals = new Map<string, number>();
  amounts.forEach((entry, i) => {
    const path = `input.amounts[${i}]`;
    const group = checkText(fn, `${path}.group`, entry.group);
    const bucket = checkText(fn, `${path}.bucket`, entry.bucket);
    if (!bucketIndex.has(bucket)) {
      throw new PipecastError(
        'invalid-input',
        `${fn}: ${path}.bucket ${JSON.stringify(bucket)} is not in input.buckets`,
      );
    }
    const amount = checkFinite(fn, `${path}.amount`, entry.amount);
    // Ranked by what the group owes: its credits are drawn apart and must not lower its rank.
    totals.set(group, (totals.get(group) ?? 0) + Math.max(amount, 0));
  });
  return [...totals.entries()]
    .sort(([nameA, a], [nameB, b]) => b - a || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0))
    .map(([name]) => name);
}

/**
 * One row per (group, bucket) stack segment, the groups past the shown ones summed under
 * "Other (n)"; in bucket order, then group order.
 */
function stackSums(
  amounts: readonly AgingStackedChartInput['amounts'][number][],
  shown: readonly string[],
  otherLabel: string,
  bucketIndex: ReadonlyMap<string, number>,
): ChartRow[] {
  const groupOrder = new Map(shown.map((name, i) => [name, i]));
  const labels = shortUniqueLabels(shown);
  // Net each group's balance per bucket first, so the groups merged into "Other" keep their
  // credits apart from the others' debts (credits are drawn as their own bar).
  const perGroup = new Map<string, { group: string; bucket: string; amount: number }>();
  for (const entry of amounts) {
    const key = `${entry.group}\u0000${entry.bucket}`;
    const net = perGroup.get(key) ?? { group: entry.group, bucket: entry.bucket, amount: 0 };
    net.amount += entry.amount;
    perGroup.set(key, net);
  }
  const sums = new Map<string, ChartRow>();
  for (const entry of perGroup.values()) {
    const order = groupOrder.get(entry.group) ?? shown.length;
    const key = `${order}\u0000${entry.bucket}\u0000${entry.amount < 0 ? '-' : '+'}`;
    const row = sums.get(key) ?? {
      bucket: entry.bucket,
      bucketOrder: bucketIndex.get(entry.bucket) ?? 0,
      group: labels[order] ?? otherLabel,
      groupOrder: order,
      amount: 0,
    };
    row.amount = Number(row.amount) + entry.amount;
    sums.set(key, row);
  }
  return [...sums.values()].sort(
    (a, b) =>
      Number(a.bucketOrder) - Number(b.bucketOrder) || Number(a.groupOrder) - Number(b.groupOrder),
  );
}
