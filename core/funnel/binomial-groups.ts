import type { BinomialGroup } from './monte-carlo-quantiles.js';
import { DRAWS } from './monte-carlo-quantiles.js';

/** Deals of one amount and probability at least this many are drawn as one binomial. */
export const MIN_GROUP_DEALS = 16;
/** Unit roundoff of a double. */
const ROUNDOFF = 2 ** -53;

/** Deals split for simulation: binomial groups, and the single deals left over, in order. */
export interface GroupedDeals {
  groups: BinomialGroup[];
  singleAmounts: number[];
  singleProbabilities: number[];
  /**
   * Bound on the distance (total variation, so also the CDF's) between the law the draws
   * sample and the exact law: each single deal's probability is rounded up to a multiple of
   * 2^−32 (≤ 2^−32 each); a group of k deals' binomial CDF is rounded up to multiples of 2^−32
   * after rounding error e in double arithmetic, ≤ 2(k + 1)(e + 2^−32) (see binomialDrawTable).
   */
  samplerError: number;
}

/**
 * Deals sharing an amount and a probability, at least MIN_GROUP_DEALS of them, become one
 * binomial group (a CRM valued at list prices and stage rates has few distinct pairs); the rest
 * stay single. Groups and singles keep the order of their first deal.
 *
 * @example groupEqualDeals(Array(20).fill(100), Array(20).fill(0.5)).groups.length // 1
 */
export function groupEqualDeals(
  amounts: readonly number[],
  probabilities: readonly number[],
): GroupedDeals {
  const members = new Map<string, number[]>();
  for (let i = 0; i < amounts.length; i += 1) {
    const key = `${amounts[i]}|${probabilities[i]}`;
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  }
  const grouped: GroupedDeals = {
    groups: [],
    singleAmounts: [],
    singleProbabilities: [],
    samplerError: 0,
  };
  const single = new Uint8Array(amounts.length);
  for (const list of members.values()) {
    const first = list[0] ?? 0;
    const count = list.length;
    if (count < MIN_GROUP_DEALS) {
      for (const i of list) single[i] = 1;
      continue;
    }
    const p = probabilities[first] ?? 0;
    grouped.groups.push({ amount: amounts[first] ?? 0, table: binomialDrawTable(count, p) });
    grouped.samplerError += 2 * (count + 1) * ((9 * count + 2) * ROUNDOFF + 1 / DRAWS);
  }
  for (let i = 0; i < amounts.length; i += 1) {
    if (single[i] !== 1) continue;
    grouped.singleAmounts.push(amounts[i] ?? 0);
    grouped.singleProbabilities.push(probabilities[i] ?? 0);
    grouped.samplerError += 1 / DRAWS;
  }
  return grouped;
}

/**
 * The draw table of Binomial(count, p), 0 < p < 1: entry j is ceil(P(X ≤ j) × 2^32), so a draw
 * r (0 … 2^32 − 1) gives the smallest j with r < table[j], and P(j or fewer) = table[j] ÷ 2^32.
 *
 * The probabilities come from the ratio P(j + 1) ÷ P(j) = (count − j) ÷ (j + 1) × p ÷ (1 − p),
 * outward from the mode, then normalised: each at most 3 × count roundings from exact, the sums
 * at most count more, so each cumulative is within (9 × count + 2) × 2^−53 of exact.
 *
 * @example binomialDrawTable(1, 0.25) // [3221225472, 4294967296]
 */
export function binomialDrawTable(count: number, p: number): Float64Array {
  const mass = new Float64Array(count + 1);
  const mode = Math.min(count, Math.floor((count + 1) * p));
  const odds = p / (1 - p);
  mass[mode] = 1;
  for (let j = mode; j < count; j += 1)
    mass[j + 1] = (mass[j] as number) * ((count - j) / (j + 1)) * odds;
  for (let j = mode; j > 0; j -= 1)
    mass[j - 1] = ((mass[j] as number) * (j / (count - j + 1))) / odds;
  let total = 0;
  for (let j = 0; j <= count; j += 1) total += mass[j] as number;
  const table = new Float64Array(count + 1);
  let cumulative = 0;
  for (let j = 0; j < count; j += 1) {
    cumulative += mass[j] as number;
    table[j] = Math.min(DRAWS, Math.ceil((cumulative / total) * DRAWS));
  }
  table[count] = DRAWS;
  return table;
}
