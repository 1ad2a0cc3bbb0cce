import { toMinorUnits } from '../columns/money.js';
import type { PreparedDeals } from './prepared-deals.js';
import { OPEN } from './prepared-deals.js';

export interface DealWeights {
  /** 1 when the deal is open, in a known stage and not a small order. */
  inFunnel: Uint8Array;
  /** 1 for open deals below the small-order threshold (kept out of the funnel). */
  smallOrder: Uint8Array;
  /**
   * Win probability used: own probability when valid, else the stage rate; NaN when neither or
   * outside the funnel. Built on first read: the pipeline sums do not need it.
   */
  readonly probability: Float64Array;
  /** round(amount × probability) in minor units; NaN when the amount or probability is missing. */
  weightedMinor: Float64Array;
}

/**
 * Per deal, whether it is in the funnel and its weighted amount (DOMAIN.md "Exact definitions":
 * amount × own probability when valid, else the stage rate), rounded to the money decimals so
 * every sum of them is exact.
 */
export function dealWeights(p: PreparedDeals, smallOrderThreshold?: number): DealWeights {
  const { size, status, stage, amountMinor, probability: own } = p;
  const inFunnel = new Uint8Array(size);
  const smallOrder = new Uint8Array(size);
  // Every slot is written below, so no fill pass.
  const weightedMinor = new Float64Array(size);
  const threshold =
    smallOrderThreshold === undefined ? -Infinity : toMinorUnits(smallOrderThreshold, p.scale);
  const rates = stageRates(p);
  for (let i = 0; i < size; i += 1) {
    weightedMinor[i] = NaN;
    if (status[i] !== OPEN) continue;
    const s = stage[i] as number;
    const amount = amountMinor[i] as number;
    if (amount < threshold) {
      smallOrder[i] = 1;
      continue;
    }
    if (s < 0) continue;
    inFunnel[i] = 1;
    const mine = own[i] as number;
    const prob = mine === mine ? mine : (rates[s] as number);
    // NaN ≠ NaN: both known.
    if (prob === prob && amount === amount) {
      const w = amount * prob;
      // Integers times rates with few decimals are usually whole; round only when needed.
      weightedMinor[i] = Number.isInteger(w) ? w : toMinorUnits(w, 1);
    }
  }
  let probability: Float64Array | undefined;
  return {
    inFunnel,
    smallOrder,
    get probability(): Float64Array {
      probability ??= probabilities(p, inFunnel);
      return probability;
    },
    weightedMinor,
  };
}

/** Stage rates, NaN for a stage without one. */
function stageRates(p: PreparedDeals): Float64Array {
  return Float64Array.from(p.stages, (s) => (s.rate === undefined ? NaN : s.rate));
}

/** Per deal in the funnel its own valid probability, else its stage rate; NaN elsewhere. */
function probabilities(p: PreparedDeals, inFunnel: Uint8Array): Float64Array {
  const { size, stage, probability: own } = p;
  const rates = stageRates(p);
  const probability = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    if (inFunnel[i] !== 1) {
      probability[i] = NaN;
      continue;
    }
    const mine = own[i] as number;
    probability[i] = mine === mine ? mine : (rates[stage[i] as number] as number);
  }
  return probability;
}
