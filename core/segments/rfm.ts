import type { DataWarning } from '../columns/data-warning.js';
import type { EpochDay } from '../columns/epoch-day.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { OrderLine } from '../columns/records.js';
import { compareIds } from '../columns/compare-ids.js';
import {
  DEFAULT_MONEY_DECIMALS,
  fromMinorUnits,
  moneyScale,
  toMinorUnits,
} from '../columns/money.js';
import { PipecastError } from '../errors/pipecast-error.js';
import type { Better } from './count-worse.js';
import { countWorse } from './count-worse.js';
import type { RfmSegmentKey } from './rfm-segment.js';
import { fmScore, RFM_SEGMENTS, rfmSegment } from './rfm-segment.js';
import type { CustomerTally, OrderLineCounts, TallyOrderLinesResult } from './tally-order-lines.js';
import { OrderLineTally, tallyOrderLines } from './tally-order-lines.js';

/** Minor units per unit of money, for the segment sums. */
const CENTS_PER_UNIT = moneyScale(DEFAULT_MONEY_DECIMALS);

/** Four ascending fixed thresholds of one metric (see RfmOptions.thresholds). */
export type RfmThresholds = readonly [number, number, number, number];

export interface RfmOptions {
  /** The day recency is measured to (inclusive); later lines are left out with a warning. */
  asOf: EpochDay;
  /** First day counted (inclusive); default: all history. */
  from?: EpochDay;
  /**
   * 'quintile' (default): scores by rank, DOMAIN.md's rule. 'b2b': fixed thresholds for few,
   * large accounts (recency and frequency default to DEFAULT_B2B_THRESHOLDS; monetary
   * thresholds must be given because only the user knows the currency scale).
   */
  mode?: 'quintile' | 'b2b';
  /**
   * Rank cut points for quintile mode: four ascending fractions in (0, 1). A score is
   * 1 + the number of cut points c with worse ÷ n ≥ c. Default [0.2, 0.4, 0.6, 0.8], which is
   * exactly score = 1 + floor(5 × worse ÷ n) capped at 5.
   */
  cutPoints?: readonly [number, number, number, number];
  /**
   * Fixed thresholds per metric, four ascending numbers each; a metric given here is scored by
   * them in either mode. Recency (days): score 5 when ≤ t1, 4 when ≤ t2, 3 when ≤ t3, 2 when ≤ t4,
   * else 1. Frequency and monetary: score = 1 + the number of thresholds t with value ≥ t.
   */
  thresholds?: {
    recency?: RfmThresholds;
    frequency?: RfmThresholds;
    monetary?: RfmThresholds;
  };
}

export const DEFAULT_RFM_CUT_POINTS: readonly [number, number, number, number] = [
  0.2, 0.4, 0.6, 0.8,
];

/** B2B defaults: recency in days, frequency in orders. Monetary has no default. */
export const DEFAULT_B2B_THRESHOLDS: { recency: RfmThresholds; frequency: RfmThresholds } = {
  recency: [30, 60, 90, 180],
  frequency: [2, 4, 6, 12],
};

export interface RfmCustomer {
  id: string;
  /** Days from the last order's calendar date to as-of. */
  recency: number;
  /** Distinct non-cancellation invoices. */
  frequency: number;
  /** Net revenue (returns and cancellations subtract). */
  monetary: number;
  r: number;
  f: number;
  m: number;
  /** Round half up of (f + m) ÷ 2. */
  fm: number;
  /** "545" style code: r, f, m digits. */
  code: string;
  segment: RfmSegmentKey;
  segmentName: string;
  segmentNameZh: string;
  /** ISO date of the last order. */
  lastOrder: string;
}

export interface RfmSegmentSummary {
  segment: RfmSegmentKey;
  name: string;
  nameZh: string;
  customers: number;
  /** customers ÷ scored customers; 0 when none. */
  customerShare: number;
  /** Σ monetary of the segment. */
  monetary: number;
  /** monetary ÷ Σ monetary of scored customers; null when that total is ≤ 0. */
  monetaryShare: number | null;
  /** Means over the segment; null when it is empty. */
  meanRecency: number | null;
  meanFrequency: number | null;
  meanMonetary: number | null;
}

/** One cell of the R × FM grid, for a heat map. */
export interface RfmGridCell {
  r: number;
  fm: number;
  segment: RfmSegmentKey;
  customers: number;
}

export interface RfmReturnsOnlyCustomer {
  id: string;
  /** Net amount of the customer's lines (≤ 0). */
  monetary: number;
  lines: number;
}

export interface RfmResult {
  asOf: string;
  mode: 'quintile' | 'b2b';
  /** How each metric was scored. */
  scoring: { recency: string; frequency: string; monetary: string };
  /** Scored customers (at least one order), by id. */
  customers: RfmCustomer[];
  /** The 11 segments, best first, empty ones included. */
  segments: RfmSegmentSummary[];
  /** 25 cells, r 5…1 then fm 1…5. */
  grid: RfmGridCell[];
  /** Customers with nothing but returns or cancellations: not scored, listed here, by id. */
  returnsOnly: RfmReturnsOnlyCustomer[];
  counts: OrderLineCounts;
  warnings: DataWarning[];
}

/**
 * RFM scores and the 11 named segments of ../shared/DOMAIN.md.
 *
 * Formula (quintile mode): for a metric over n scored customers, worse = how many have a strictly
 * worse value (recency: more days; frequency, monetary: less); score = 1 + floor(5 × worse ÷ n),
 * capped at 5, so ties share a score. FM = round half up of (F + M) ÷ 2; the segment comes from
 * the R × FM grid. Recency = asOf − calendar day of the last non-cancellation invoice; frequency =
 * distinct non-cancellation invoices; monetary = net revenue of every line. Work is O(n log n).
 * Blanks: lines without a customer id are counted and reported (one warning); customers with only
 * returns are not scored and are listed in `returnsOnly`.
 *
 * @param lines Order lines (not mutated), or an OrderLineTally filled while reading them over the
 *   same period (up to asOf, or with no end when no line is later; the same `from`).
 * @param options asOf (required), period start, mode, cut points, fixed thresholds.
 * @returns Per-customer figures and scores, segment summary, grid, returns-only list, counts.
 * @throws PipecastError when asOf is not an integer day, a tally counts another period, cut points are not four ascending
 *   fractions in (0, 1), thresholds are not four ascending finite numbers, or b2b mode lacks
 *   monetary thresholds.
 * @example
 * const day = epochDayFromIso('2024-01-31')!;
 * rfm(
 *   [
 *     { row: 2, customer: 'a', invoice: '1', date: day - 1, amount: 900 },
 *     { row: 3, customer: 'b', invoice: '2', date: day - 30, amount: 100 },
 *   ],
 *   { asOf: day },
 * ).customers[0]
 * // { id: 'a', recency: 1, frequency: 1, monetary: 900, r: 3, f: 1, m: 3, fm: 2,
 * //   segment: 'about-to-sleep', … }: worse counts 1, 0, 1 of n = 2 give 1 + floor(5/2) = 3
 */
export function rfm(lines: readonly OrderLine[] | OrderLineTally, options: RfmOptions): RfmResult {
  const settings = normalizeRfmOptions(options);
  const { asOf, thresholds, cutPoints } = settings;
  const tally =
    lines instanceof OrderLineTally
      ? tallyUpTo(lines, asOf, options.from)
      : tallyOrderLines(lines, {
          to: asOf,
          ...(options.from === undefined ? {} : { from: options.from }),
        });
  const scored = [...tally.customers].sort((a, b) => compareIds(a.id, b.id));
  const metrics = rfmMetrics(scored, asOf);
  const score = (values: Float64Array, better: Better, fixed: RfmThresholds | undefined) =>
    fixed !== undefined
      ? scoreByThresholds(values, better, fixed)
      : scoreByRank(values, better, cutPoints, settings.useDefaultCuts);
  const scores: RfmScores = {
    recency: score(metrics.recency, 'lower', thresholds.recency),
    frequency: score(metrics.frequency, 'higher', thresholds.frequency),
    monetary: score(metrics.monetary, 'higher', thresholds.monetary),
  };
  const customers = scored.map((customer, i) => rfmCustomer(customer, i, metrics, scores));
  const describe = (fixed: RfmThresholds | undefined): string =>
    fixed === undefined
      ? `rank cut points ${cutPoints.join('/')}`
      : `fixed thresholds ${fixed.join('/')}`;
  return {
    asOf: isoFromEpochDay(asOf),
    mode: settings.mode,
    scoring: {
      recency: describe(thresholds.recency),
      frequency: describe(thresholds.frequency),
      monetary: describe(thresholds.monetary),
    },
    customers,
    segments: summariseSegments(customers),
    grid: rfmGrid(customers),
    returnsOnly: tally.returnsOnly
      .map((customer) => ({ id: customer.id, monetary: customer.revenue, lines: customer.lines }))
      .sort((a, b) => compareIds(a.id, b.id)),
    counts: tally.counts,
    warnings: tally.warnings,
  };
}

/** rfm's options with defaults applied and checked. */
function normalizeRfmOptions(options: RfmOptions) {
  const { asOf } = options;
  if (!Number.isInteger(asOf)) {
    throw new PipecastError(
      'invalid-option',
      `rfm: asOf must be an integer epoch day, got ${String(asOf)}`,
    );
  }
  const mode = options.mode ?? 'quintile';
  if (mode !== 'quintile' && mode !== 'b2b') {
    throw new PipecastError(
      'invalid-option',
      `rfm: mode must be 'quintile' or 'b2b', got '${String(mode)}'`,
    );
  }
  const cutPoints = options.cutPoints ?? DEFAULT_RFM_CUT_POINTS;
  checkAscending('cutPoints', cutPoints);
  if (cutPoints[0]! <= 0 || cutPoints[3]! >= 1) {
    throw new PipecastError(
      'invalid-option',
      `rfm: cutPoints must lie strictly between 0 and 1, got [${cutPoints.join(', ')}]`,
    );
  }
  const given = options.thresholds ?? {};
  const thresholds = {
    recency: given.recency ?? (mode === 'b2b' ? DEFAULT_B2B_THRESHOLDS.recency : undefined),
    frequency: given.frequency ?? (mode === 'b2b' ? DEFAULT_B2B_THRESHOLDS.frequency : undefined),
    monetary: given.monetary,
  };
  if (mode === 'b2b' && thresholds.monetary === undefined) {
    throw new PipecastError(
      'invalid-option',
      'rfm: b2b mode needs thresholds.monetary (four ascending amounts in your currency)',
    );
  }
  for (const [name, fixed] of Object.entries(thresholds)) {
    if (fixed !== undefined) checkAscending(`thresholds.${name}`, fixed);
  }
  const useDefaultCuts = cutPoints.every((cut, i) => cut === DEFAULT_RFM_CUT_POINTS[i]);
  return { asOf, mode, cutPoints, useDefaultCuts, thresholds };
}

/** Recency, frequency and monetary per scored customer, index-aligned with them. */
interface RfmMetrics {
  recency: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
}

/** The 1–5 score of each metric per scored customer. */
interface RfmScores {
  recency: Uint8Array;
  frequency: Uint8Array;
  monetary: Uint8Array;
}

/**
 * Recency = asOf − calendar day of the last order; frequency = distinct orders; monetary = net
 * revenue.
 */
function rfmMetrics(scored: readonly CustomerTally[], asOf: number): RfmMetrics {
  const count = scored.length;
  const metrics = {
    recency: new Float64Array(count),
    frequency: new Float64Array(count),
    monetary: new Float64Array(count),
  };
  for (let i = 0; i < count; i++) {
    const customer = scored[i]!;
    metrics.recency[i] = asOf - customer.lastOrder!;
    metrics.frequency[i] = customer.orders;
    metrics.monetary[i] = customer.revenue;
  }
  return metrics;
}

/** One scored customer's row: metrics, scores, code and segment. */
function rfmCustomer(
  customer: CustomerTally,
  i: number,
  metrics: RfmMetrics,
  scores: RfmScores,
): RfmCustomer {
  const recencyScore = scores.recency[i]!;
  const frequencyScore = scores.frequency[i]!;
  const monetaryScore = scores.monetary[i]!;
  const fm = fmScore(frequencyScore, monetaryScore);
  const segment = rfmSegment(recencyScore, fm);
  return {
    id: customer.id,
    recency: metrics.recency[i]!,
    frequency: metrics.frequency[i]!,
    monetary: metrics.monetary[i]!,
    r: recencyScore,
    f: frequencyScore,
    m: monetaryScore,
    fm,
    code: `${recencyScore}${frequencyScore}${monetaryScore}`,
    segment: segment.key,
    segmentName: segment.name,
    segmentNameZh: segment.nameZh,
    lastOrder: isoFromEpochDay(customer.lastOrder!),
  };
}

/** The 25 cells of the R × FM grid, r 5…1 then fm 1…5, with their customers. */
function rfmGrid(customers: readonly RfmCustomer[]): RfmGridCell[] {
  const gridCounts = new Int32Array(25);
  for (const customer of customers) gridCounts[(customer.r - 1) * 5 + (customer.fm - 1)]!++;
  const grid: RfmGridCell[] = [];
  for (let recencyScore = 5; recencyScore >= 1; recencyScore--) {
    for (let fm = 1; fm <= 5; fm++) {
      grid.push({
        r: recencyScore,
        fm,
        segment: rfmSegment(recencyScore, fm).key,
        customers: gridCounts[(recencyScore - 1) * 5 + (fm - 1)]!,
      });
    }
  }
  return grid;
}

/**
 * The result of a tally made while reading, which must have counted rfm's period: up to asOf
 * (or with no end, when no line is later than asOf) and from the same start.
 */
function tallyUpTo(
  tally: OrderLineTally,
  asOf: number,
  from: number | undefined,
): TallyOrderLinesResult {
  const { to } = tally.options;
  const sameEnd = to === asOf || (to === undefined && tally.lastDate <= asOf);
  if (!sameEnd || tally.options.from !== from) {
    throw new PipecastError(
      'invalid-option',
      `rfm: the order-line tally counts another period (from ${String(tally.options.from)} to ${String(to)}) than asOf ${asOf} and from ${String(from)}`,
    );
  }
  return tally.finish();
}

function scoreByRank(
  values: Float64Array,
  better: Better,
  cutPoints: readonly number[],
  exactDefault: boolean,
): Uint8Array {
  const count = values.length;
  const worse = countWorse(values, better);
  const scores = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    scores[i] = exactDefault
      ? quintileScore(worse[i]!, count)
      : cutPointScore(worse[i]!, count, cutPoints);
  }
  return scores;
}

/**
 * DOMAIN.md's RFM score: 1 + floor(5 × worse ÷ n), capped at 5, where worse is how many of the n
 * customers have a strictly worse value. Integer arithmetic: no floating-point edge at the fifths.
 *
 * @example quintileScore(1, 2) // 3: 1 + floor(5 ÷ 2)
 */
export function quintileScore(worse: number, count: number): number {
  return Math.min(5, 1 + Math.floor((5 * worse) / count));
}

/** With custom cut points: 1 + the number of cut points c with worse ≥ c × n. */
export function cutPointScore(worse: number, count: number, cutPoints: readonly number[]): number {
  let score = 1;
  for (const cut of cutPoints) if (worse >= cut * count) score++;
  return score;
}

function scoreByThresholds(
  values: Float64Array,
  better: Better,
  thresholds: RfmThresholds,
): Uint8Array {
  const scores = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    scores[i] =
      better === 'lower'
        ? recencyThresholdScore(values[i]!, thresholds)
        : thresholdScore(values[i]!, thresholds);
  }
  return scores;
}

/** Fixed recency thresholds (days): 5 when ≤ t1, 4 when ≤ t2, 3 when ≤ t3, 2 when ≤ t4, else 1. */
export function recencyThresholdScore(days: number, thresholds: RfmThresholds): number {
  let score = 5;
  for (const threshold of thresholds) if (days > threshold) score--;
  return score;
}

/** Fixed frequency or monetary thresholds: 1 + the number of thresholds t with value ≥ t. */
export function thresholdScore(value: number, thresholds: RfmThresholds): number {
  let score = 1;
  for (const threshold of thresholds) if (value >= threshold) score++;
  return score;
}

function summariseSegments(customers: readonly RfmCustomer[]): RfmSegmentSummary[] {
  const scoredCount = customers.length;
  // Monetary sums in whole cents (the shared money rule): every customer's monetary is whole cents.
  let totalCents = 0;
  for (const customer of customers) totalCents += toMinorUnits(customer.monetary, CENTS_PER_UNIT);
  const totalMonetary = fromMinorUnits(totalCents, CENTS_PER_UNIT);
  return RFM_SEGMENTS.map((info) => {
    let count = 0;
    let recency = 0;
    let frequency = 0;
    let cents = 0;
    for (const customer of customers) {
      if (customer.segment !== info.key) continue;
      count++;
      recency += customer.recency;
      frequency += customer.frequency;
      cents += toMinorUnits(customer.monetary, CENTS_PER_UNIT);
    }
    const monetary = fromMinorUnits(cents, CENTS_PER_UNIT);
    return {
      segment: info.key,
      name: info.name,
      nameZh: info.nameZh,
      customers: count,
      customerShare: scoredCount > 0 ? count / scoredCount : 0,
      monetary,
      monetaryShare: totalMonetary > 0 ? monetary / totalMonetary : null,
      meanRecency: count > 0 ? recency / count : null,
      meanFrequency: count > 0 ? frequency / count : null,
      meanMonetary: count > 0 ? monetary / count : null,
    };
  });
}

function checkAscending(name: string, values: readonly number[]): void {
  const ok =
    values.length === 4 &&
    values.every((value, i) => Number.isFinite(value) && (i === 0 || value > values[i - 1]!));
  if (!ok) {
    throw new PipecastError(
      'invalid-option',
      `rfm: ${name} must be four ascending finite numbers, got [${values.join(', ')}]`,
    );
  }
}
