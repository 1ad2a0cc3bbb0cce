import type { PreparedStage, StageWinRate } from './prepared-deals.js';
import { OPEN, WON } from './prepared-deals.js';

/** Closed deals a stage's rate must rest on before it is used without shrinkage. */
export const DEFAULT_MIN_CLOSED = 5;
/** Pseudo-deals at the prior rate added to a small group (Bayesian shrinkage). */
export const DEFAULT_PRIOR_WEIGHT = 5;

export interface WinRateInputs {
  stages: readonly PreparedStage[];
  status: Uint8Array;
  furthest: Int16Array;
  /** Only deals with this owner code, when given. */
  owner?: { codes: Int32Array; code: number };
  /** Prior per stage (template or team rate); null for none. */
  priors: readonly (number | null)[];
  minClosed: number;
  priorWeight: number;
}

/**
 * Win rate per stage = won ÷ closed among closed deals that reached the stage. Won deals reached
 * every stage; a lost deal reached stages up to its furthest known stage, or all of them when
 * nothing says where it was lost. Groups with fewer than minClosed closed deals are shrunk:
 * (won + k × prior) ÷ (closed + k).
 */
export function winRatesOf(input: WinRateInputs): StageWinRate[] {
  const count = input.stages.length;
  const closedAt = new Float64Array(count + 1);
  const wonAt = new Float64Array(count + 1);
  const { status, furthest, owner } = input;
  for (let i = 0; i < status.length; i += 1) {
    const s = status[i];
    if (s === OPEN || s === undefined) continue;
    if (owner && owner.codes[i] !== owner.code) continue;
    const f = furthest[i] ?? -1;
    const reach = s === WON || f < 0 ? count - 1 : f;
    if (reach < 0) continue;
    closedAt[reach] = (closedAt[reach] ?? 0) + 1;
    if (s === WON) wonAt[reach] = (wonAt[reach] ?? 0) + 1;
  }
  // Suffix sums: a deal that reached stage r also reached every stage before it.
  for (let s = count - 2; s >= 0; s -= 1) {
    closedAt[s] = (closedAt[s] ?? 0) + (closedAt[s + 1] ?? 0);
    wonAt[s] = (wonAt[s] ?? 0) + (wonAt[s + 1] ?? 0);
  }
  return input.stages.map((stage, s) => {
    const closed = closedAt[s] ?? 0;
    const won = wonAt[s] ?? 0;
    const prior = input.priors[s] ?? null;
    const rawRate = closed > 0 ? won / closed : null;
    const shrunk = closed < input.minClosed && prior !== null;
    const rate = shrunk
      ? (won + input.priorWeight * prior) / (closed + input.priorWeight)
      : rawRate;
    return {
      stageKey: stage.key,
      name: stage.name,
      nameZh: stage.nameZh,
      rate,
      rawRate,
      won,
      closed,
      prior,
      shrunk,
    };
  });
}
