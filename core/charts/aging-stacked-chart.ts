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
import {
  AXIS_MONEY_FORMAT,
  CHART_COLOURS,
  GROUP_PALETTE,
  layeredChart,
  moneyTitle,
} from './chart-pieces.js';
import type { ChartRow } from './chart-pieces.js';
import { chartText } from './chart-text.js';
import { PipecastError } from '../errors/pipecast-error.js';

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
 * colour and every other group is merged into one grey "Other (k)" segment.
 *
 * Formula: group total = Σ amount over all buckets; groups rank by total descending, ties by
 * name ascending; "Other" amount per bucket = Σ amount of the groups outside the top N.
 * Blanks: buckets with no amounts still appear on the axis (empty bar).
 *
 * @param input - Bucket order, amounts per (group, bucket) and what the groups are.
 * @param options - Title, locale, size, money unit, topN.
 * @returns A Vega-Lite spec (stacked bars).
 * @throws {PipecastError} When `buckets` or `amounts` is not an array or a label is not a string.
 * @throws {PipecastError} When an amount is not finite, a bucket is unknown or repeats, `groupBy`
 *   is not customer/owner, or `topN` is not an integer ≥ 1.
 * @example
 * agingStackedChart({ buckets: ['Current', '1–30'], groupBy: 'customer', amounts: [{ group: 'Acme', bucket: '1–30', amount: 500 }] })
 */
export function agingStackedChart(
  input: AgingStackedChartInput,
  options?: AgingStackedChartOptions,
): TopLevelSpec {
  const fn = 'agingStackedChart';
  const buckets = checkArray(fn, 'input.buckets', input?.buckets);
  const amounts = checkArray(fn, 'input.amounts', input.amounts);
  if (input.groupBy !== 'customer' && input.groupBy !== 'owner') {
    throw new PipecastError(
      'invalid-input',
      `${fn}: input.groupBy must be 'customer' or 'owner', got ${JSON.stringify(input.groupBy)}`,
    );
  }
  const opts = normalizeChartOptions(fn, options, 'agingTitle');
  const topN = checkCount(fn, 'options.topN', options?.topN ?? DEFAULT_AGING_TOP_N, 1);
  buckets.forEach((bucket, i) => checkText(fn, `input.buckets[${i}]`, bucket));
  checkUnique(fn, 'input.buckets', buckets);
  const bucketIndex = new Map(buckets.map((bucket, i) => [bucket, i]));

  const ranked = groupsByTotal(amounts, bucketIndex);
  const shown = ranked.slice(0, topN);
  const otherCount = ranked.length - shown.length;
  const otherLabel = `${chartText('other', opts.locale)} (${otherCount})`;
  const rows = stackRows(amounts, shown, otherLabel, bucketIndex);
  const domain = otherCount > 0 ? [...shown, otherLabel] : shown;
  const range = shown.map(
    (_, i) => GROUP_PALETTE[i % GROUP_PALETTE.length] ?? CHART_COLOURS.primary,
  );
  if (otherCount > 0) range.push(CHART_COLOURS.muted);

  return layeredChart(opts, rows, [
    {
      mark: { type: 'bar' },
      encoding: {
        x: {
          field: 'bucket',
          type: 'nominal',
          scale: { domain: [...buckets] },
          title: chartText('bucket', opts.locale),
          axis: { labelAngle: 0 },
        },
        y: {
          field: 'amount',
          type: 'quantitative',
          aggregate: 'sum',
          stack: 'zero',
          title: moneyTitle(chartText('openBalance', opts.locale), opts.unit),
          axis: { format: AXIS_MONEY_FORMAT },
        },
        color: {
          field: 'group',
          type: 'nominal',
          title: chartText(input.groupBy, opts.locale),
          scale: { domain, range },
          legend: { orient: 'right' },
        },
        order: { field: 'groupOrder', aggregate: 'min', sort: 'ascending' },
      },
    },
  ]);
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
    totals.set(group, (totals.get(group) ?? 0) + amount);
  });
  return [...totals.entries()]
    .sort(([nameA, a], [nameB, b]) => b - a || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0))
    .map(([name]) => name);
}

/**
 * One row per (group, bucket) stack segment, the groups past the shown ones summed under
 * "Other (n)"; in bucket order, then group order.
 */
function stackRows(
  amounts: readonly AgingStackedChartInput['amounts'][number][],
  shown: readonly string[],
  otherLabel: string,
  bucketIndex: ReadonlyMap<string, number>,
): ChartRow[] {
  const groupOrder = new Map(shown.map((name, i) => [name, i]));
  const sums = new Map<string, ChartRow>();
  for (const entry of amounts) {
    const order = groupOrder.get(entry.group) ?? shown.length;
    const label = order < shown.length ? entry.group : otherLabel;
    const key = `${order}\u0000${entry.bucket}`;
    const row = sums.get(key) ?? {
      bucket: entry.bucket,
      bucketOrder: bucketIndex.get(entry.bucket) ?? 0,
      group: label,
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
