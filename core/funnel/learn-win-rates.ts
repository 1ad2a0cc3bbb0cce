import type { Deal } from '../columns/records.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import type { PreparedDeals, StageWinRate } from './prepared-deals.js';
import { isPreparedDeals } from './prepared-deals.js';
import { DEFAULT_MIN_CLOSED, DEFAULT_PRIOR_WEIGHT, winRatesOf } from './win-rates-of.js';
import { NONE_LABEL } from './weighted-pipeline.js';
import { formatCount } from '../text/format-number.js';

export interface LearnWinRatesOptions extends PrepareDealsOptions {
  /** Also learn one set of rates per owner, shrunk toward the team's. */
  byOwner?: boolean;
}

export interface LearnWinRatesResult {
  /** Team rates per stage (shrunk toward the template rate, else the overall win rate). */
  stages: StageWinRate[];
  overall: { won: number; closed: number; rate: number | null };
  byOwner: { owner: string; won: number; closed: number; stages: StageWinRate[] }[];
  /** 'stage-history' when a history table was given, else 'last-stage'. */
  basis: 'stage-history' | 'last-stage';
  minClosed: number;
  priorWeight: number;
  /** Lost deals with no known stage, counted as having reached every stage. */
  lostWithoutStage: number;
  /** One sentence on what the rates rest on. */
  note: string;
}

/**
 * Win rates learned from closed history (won + lost), per stage and optionally per owner.
 *
 * Formula: rate(s) = won ÷ closed among closed deals that reached stage s. A won deal reached every
 * stage; a lost deal reached the stages up to its furthest stage in the history, or, without a
 * history, up to its last stage (the stage column of a lost deal); when that is itself "Lost", it
 * is taken to have reached every stage. Groups with fewer than minClosed (5) closed deals are
 * shrunk: (won + k × prior) ÷ (closed + k), k = priorWeight (5), prior = template rate, else the
 * overall win rate (team) or the team's stage rate (owner). Each rate says how many deals it rests on.
 * Open deals and unknown stages are not counted.
 *
 * @param deals - deals or prepared deals (not mutated).
 * @param options - stage history, template, byOwner, minClosed, priorWeight.
 * @returns team rates, overall rate, per-owner rates.
 * @throws PipecastError for bad template options (see prepareDeals).
 * @example learnWinRates(crmDeals).stages[0] // {name: 'Prospecting', rate: 4238 / 6711, won: 4238, closed: 6711, …}
 */
export function learnWinRates(
  deals: readonly Deal[] | PreparedDeals,
  options: LearnWinRatesOptions = {},
): LearnWinRatesResult {
  const minClosed = options.minClosed ?? DEFAULT_MIN_CLOSED;
  const priorWeight = options.priorWeight ?? DEFAULT_PRIOR_WEIGHT;
  const p = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  const teamPriors = p.template.stages.map((s) => s.rate ?? p.overallWinRate);
  const stages = winRatesOf({
    stages: p.stages,
    status: p.status,
    furthest: p.furthest,
    priors: teamPriors,
    minClosed,
    priorWeight,
  });
  const won = p.overallWinRate === null ? 0 : Math.round(p.overallWinRate * p.closedCount);
  const byOwner: LearnWinRatesResult['byOwner'] = [];
  if (options.byOwner) {
    const ownerPriors = stages.map((s) => s.rate ?? p.overallWinRate);
    p.owners.forEach((owner, code) => {
      const rates = winRatesOf({
        stages: p.stages,
        status: p.status,
        furthest: p.furthest,
        owner: { codes: p.owner, code },
        priors: ownerPriors,
        minClosed,
        priorWeight,
      });
      let ownerWon = 0;
      let ownerClosed = 0;
      for (let i = 0; i < p.size; i += 1) {
        if (p.owner[i] !== code || p.status[i] === 0) continue;
        ownerClosed += 1;
        if (p.status[i] === 1) ownerWon += 1;
      }
      if (ownerClosed > 0)
        byOwner.push({
          owner: owner === '' ? NONE_LABEL : owner,
          won: ownerWon,
          closed: ownerClosed,
          stages: rates,
        });
    });
  }
  const shrunk = stages.filter((s) => s.shrunk).length;
  return {
    stages,
    overall: { won, closed: p.closedCount, rate: p.overallWinRate },
    byOwner,
    basis: p.hasHistory ? 'stage-history' : 'last-stage',
    minClosed,
    priorWeight,
    lostWithoutStage: p.lostWithoutStage,
    note:
      `learned from ${formatCount(p.closedCount)} closed deals (${formatCount(won)} won)` +
      (p.hasHistory ? ' with the stage history' : ', each placed by its last stage') +
      (p.lostWithoutStage > 0
        ? `; ${formatCount(p.lostWithoutStage)} lost deals without a stage counted as reaching every stage`
        : '') +
      (shrunk > 0
        ? `; ${shrunk} stage rate(s) rest on fewer than ${minClosed} closed deals and are shrunk toward the prior`
        : ''),
  };
}
