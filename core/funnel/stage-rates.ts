import { PipecastError } from '../errors/pipecast-error.js';
import { normalizeStageName } from './normalize-stage-name.js';
import type { PreparedStage, StageWinRate } from './prepared-deals.js';
import { LOST, OPEN, WON } from './prepared-deals.js';
import type { StageTemplate } from './stage-templates.js';

/**
 * The template's stages with the user's rates set: a user rate names a stage by key or name
 * (English or Chinese) and overrides the template's.
 *
 * @throws Error when a rate names a stage the template lacks, or is outside 0–1.
 */
export function stagesWithUserRates(
  template: StageTemplate,
  matcher: ReadonlyMap<string, number>,
  rates: Readonly<Record<string, number>>,
): PreparedStage[] {
  const stages: PreparedStage[] = template.stages.map((stage) => ({
    ...stage,
    rateSource: stage.rate === undefined ? 'none' : 'template',
  }));
  for (const [name, rate] of Object.entries(rates)) {
    const index = matcher.get(normalizeStageName(name));
    if (index === undefined)
      throw new PipecastError(
        'invalid-option',
        `prepareDeals: rates names stage ${JSON.stringify(name)}, which is not in template ${template.key}`,
      );
    if (!(rate >= 0 && rate <= 1))
      throw new PipecastError(
        'invalid-option',
        `prepareDeals: rate for ${JSON.stringify(name)} must be 0–1, got ${rate}`,
      );
    const stage = stages[index];
    if (stage) {
      stage.rate = rate;
      stage.rateSource = 'user';
    }
  }
  return stages;
}

/**
 * Sets learned rates on the stages: never over a user's rate; over every other rate when
 * `learnMode` is 'all', only where the stage has none when 'missing', nowhere when 'none'.
 * Mutates `stages` (prepareDeals' own copies).
 */
export function applyLearnedRates(
  stages: PreparedStage[],
  winRates: readonly StageWinRate[],
  learnMode: 'missing' | 'all' | 'none',
): void {
  if (learnMode === 'none') return;
  winRates.forEach((learned, index) => {
    const target = stages[index];
    if (!target || learned.rate === null || target.rateSource === 'user') return;
    if (learnMode === 'all' || target.rate === undefined) {
      target.rate = learned.rate;
      target.rateSource = 'learned';
    }
  });
}

/** Closed deals, won deals, and lost deals that do not say at which stage they were lost. */
export interface ClosedDealCounts {
  closedCount: number;
  wonCount: number;
  lostWithoutStage: number;
}

/** Counts closed, won, and lost-without-stage deals (furthest stage unknown). */
export function closedDealCounts(status: Uint8Array, furthest: Int16Array): ClosedDealCounts {
  let closedCount = 0;
  let wonCount = 0;
  let lostWithoutStage = 0;
  for (let i = 0; i < status.length; i += 1) {
    if (status[i] === WON) wonCount += 1;
    if (status[i] !== OPEN) closedCount += 1;
    if (status[i] === LOST && (furthest[i] ?? -1) < 0) lostWithoutStage += 1;
  }
  return { closedCount, wonCount, lostWithoutStage };
}
