import { toMinorUnits } from '../columns/money.js';
import type { PreparedDeals } from './prepared-deals.js';
import { OPEN } from './prepared-deals.js';
import { weightedAmountMinor, winProbability } from './win-probability.js';

export interface DealWeights {
  /** 1 when the deal is open, in a known stage and not a small order. */
  inFunnel: Uint8Array;
  /** 1 for open deals below the small-order threshold (kept out of the funnel). */
  smallOrder: Uint8Array;
  /**
   * 1 for open deals, not small orders, whose stage matches no template stage: out of the stage
   * analyses (they have no stage), but counted in the pipeline's "Unknown stage" row and totals.
   */
  unknownStage: Uint8Array;
  /**
   * Win probability used: own probability when valid, else the stage rate; NaN when neither or
   * outside the funnel. Built on first read: the pipeline sums do not need it.
   */
  readonly probability: Float64Array;
  /**
   * round(amount × probability) in minor units; NaN when the amount or probability is missing. A
   * deal in an unknown stage has no stage rate: only its own probability weighs it.
   */
  weightedMinor: Float64Array;
}

/**
 * Per deal, whether it is in the funnel and its weighted amount (DOMAIN.md "Exact definitions":
 * amount × own probability when valid, else the stage rate), rounded to the money decimals so
 * every sum of them is exact.
 */
export function dealWeights(prepared: PreparedDeals, smallOrderThreshold?: number): DealWeights {
  const { size, status, stage, amountMinor, probability: own } = prepared;
  const inFunnel = new Uint8Array(size);
  const smallOrder = new Uint8Array(size);
  const unknownStage = new Uint8Array(size);
  // Every slot is written below, so no fill pass.
  const weightedMinor = new Float64Array(size);
  const threshold =
    smallOrderThreshold === undefined
      ? -Infinity
      : toMinorUnits(smallOrderThreshold, prepared.scale);
  const rates = stageRates(prepared);
  for (let i = 0; i < size; i += 1) {
    weightedMinor[i] = NaN;
    if (status[i] !== OPEN) continue;
    const stageIndex = stage[i] as number;
    const amount = amountMinor[i] as number;
    if (amount < threshold) {
      smallOrder[i] = 1;
      continue;
    }
    // An open deal with no stage index names an unknown stage (a won/lost name closes the deal).
    if (stageIndex < 0) unknownStage[i] = 1;
    else inFunnel[i] = 1;
    const probability =
      stageIndex < 0 ? (own[i] as number) : winProbability(own[i] as number, rates, stageIndex);
    // NaN ≠ NaN: both known.
    if (probability === probability && amount === amount)
      weightedMinor[i] = weightedAmountMinor(amount, probability);
  }
  let probability: Float64Array | undefined;
  return {
    inFunnel,
    smallOrder,
    unknownStage,
    get probability(): Float64Array {
      probability ??= probabilities(prepared, inFunnel);
      return probability;
    },
    weightedMinor,
  };
}

/** Stage rates, NaN for a stage without one. */
function stageRates(prepared: PreparedDeals): Float64Array {
  return Float64Array.from(prepared.stages, (stage) =>
    stage.rate === undefined ? NaN : stage.rate,
  );
}

/** Per deal in the funnel its win probability (see winProbability); NaN elsewhere. */
function probabilities(prepared: PreparedDeals, inFunnel: Uint8Array): Float64Array {
  const { size, stage, probability: own } = prepared;
  const rates = stageRates(prepared);
  const probability = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    probability[i] =
      inFunnel[i] === 1 ? winProbability(own[i] as number, rates, stage[i] as number) : NaN;
  }
  return probability;
}
