import type { EpochDay } from '../columns/epoch-day.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { Deal } from '../columns/records.js';
import { normalizeStageName } from './normalize-stage-name.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import type { PreparedDeals } from './prepared-deals.js';
import { isPreparedDeals, OPEN } from './prepared-deals.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** Days without activity after which an open deal is listed. */
export const DEFAULT_NO_ACTIVITY_DAYS = 30;
/** Stage norm when neither the caller nor the stage history gives one. */
export const DEFAULT_STUCK_DAYS = 60;
/** With stage history, a deal is stuck after this many times the stage's average stay. */
export const DEFAULT_STUCK_FACTOR = 2;

export interface HygieneOptions extends PrepareDealsOptions {
  asOf: EpochDay;
  noActivityDays?: number;
  /** Days a deal may stay in a stage: one number, or per stage key or name. */
  stageNormDays?: number | Readonly<Record<string, number>>;
}

export interface HygieneDeal {
  id: string;
  row: number;
  owner: string | null;
  stage: string;
  amount: number | null;
  /** Days past close, in stage, or since the last activity (by list). */
  days: number;
  /** The date the days count from, ISO. */
  since: string;
  /** For `stuck`: the stage norm in days. */
  normDays?: number;
}

export interface HygieneResult {
  asOf: string;
  pastClose: HygieneDeal[];
  stuck: HygieneDeal[];
  noActivity: HygieneDeal[];
  /** Open deals that could not be checked for lack of the date each list needs. */
  unchecked: { closeDate: number; stageEntered: number; lastActivity: number };
  /** The norm used per stage key, and where it came from. */
  stageNorms: {
    stageKey: string;
    name: string;
    days: number;
    source: 'user' | 'history' | 'default';
  }[];
}

/**
 * Pipeline hygiene lists at an as-of date: open deals past their close date, stuck in a stage
 * longer than its norm, and with no activity for N days; most overdue first.
 *
 * Formula: past close when close date < asOf (days = asOf − close); stuck when asOf − stage
 * entered > norm (norm: the caller's, else 2 × the stage's average stay in the history, else 60);
 * no activity when asOf − last activity > noActivityDays (30). Blank dates: the deal is not listed
 * and is counted in `unchecked`. Won and lost deals are never listed.
 *
 * @param deals - deals or prepared deals (not mutated).
 * @param options - asOf (required), noActivityDays, stageNormDays.
 * @returns three lists, unchecked counts and the stage norms used.
 * @throws PipecastError when asOf is not an integer, noActivityDays < 0, a norm is negative or names no stage.
 * @example hygiene(deals, { asOf: epochDayFromIso('2024-07-01')! }).pastClose
 */
export function hygiene(
  deals: readonly Deal[] | PreparedDeals,
  options: HygieneOptions,
): HygieneResult {
  const { asOf } = options;
  const idle = options.noActivityDays ?? DEFAULT_NO_ACTIVITY_DAYS;
  if (!Number.isInteger(asOf))
    throw new PipecastError(
      'invalid-option',
      `hygiene: asOf must be an integer epoch day, got ${asOf}`,
    );
  if (!(idle >= 0))
    throw new PipecastError('invalid-option', `hygiene: noActivityDays must be ≥ 0, got ${idle}`);
  const prepared = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  const stageNorms = stageNormsOf(prepared, options.stageNormDays);
  const pastClose: HygieneDeal[] = [];
  const stuck: HygieneDeal[] = [];
  const noActivity: HygieneDeal[] = [];
  const unchecked = { closeDate: 0, stageEntered: 0, lastActivity: 0 };
  for (let i = 0; i < prepared.size; i += 1) {
    if (prepared.status[i] !== OPEN) continue;
    // The deal is rebuilt from the table only when a list names it, not for every open deal.
    const item = (days: number, since: number) => hygieneDeal(prepared, i, days, since);
    const close = prepared.closeDay[i] ?? NaN;
    if (Number.isNaN(close)) unchecked.closeDate += 1;
    else if (isPastClose(close, asOf)) pastClose.push(item(asOf - close, close));
    const stageIndex = prepared.stage[i] ?? -1;
    const entered = prepared.stageEnteredDay[i] ?? NaN;
    if (stageIndex >= 0) {
      const norm = stageNorms[stageIndex]?.days ?? DEFAULT_STUCK_DAYS;
      if (Number.isNaN(entered)) unchecked.stageEntered += 1;
      else if (isStuck(entered, asOf, norm))
        stuck.push({ ...item(asOf - entered, entered), normDays: norm });
    }
    const last = prepared.lastActivityDay[i] ?? NaN;
    if (Number.isNaN(last)) unchecked.lastActivity += 1;
    else if (isIdle(last, asOf, idle)) noActivity.push(item(asOf - last, last));
  }
  const worstFirst = (a: HygieneDeal, b: HygieneDeal): number => b.days - a.days || a.row - b.row;
  return {
    asOf: isoFromEpochDay(asOf),
    pastClose: pastClose.sort(worstFirst),
    stuck: stuck.sort(worstFirst),
    noActivity: noActivity.sort(worstFirst),
    unchecked,
    stageNorms,
  };
}

/** An open deal is past its close date when the close date is before asOf. */
export function isPastClose(closeDay: number, asOf: number): boolean {
  return closeDay < asOf;
}

/** An open deal is stuck when it has been in its stage longer than the stage norm (days). */
export function isStuck(stageEnteredDay: number, asOf: number, normDays: number): boolean {
  return asOf - stageEnteredDay > normDays;
}

/** An open deal is idle when its last activity is more than noActivityDays before asOf. */
export function isIdle(lastActivityDay: number, asOf: number, noActivityDays: number): boolean {
  return asOf - lastActivityDay > noActivityDays;
}

/** Deal `i` as a hygiene list entry: `days` since the day `since`. */
function hygieneDeal(prepared: PreparedDeals, i: number, days: number, since: number): HygieneDeal {
  const deal = prepared.table.record(i);
  const amount = prepared.amountMinor[i] ?? NaN;
  return {
    id: deal.id,
    row: deal.row,
    owner: deal.owner?.trim() || null,
    stage: deal.stage,
    amount: Number.isNaN(amount) ? null : amount / prepared.scale,
    days,
    since: isoFromEpochDay(since),
  };
}

/**
 * Each stage's norm (days in stage before a deal is stuck): the user's (one number for all, or
 * per stage); else DEFAULT_STUCK_FACTOR × the average completed stay in the history; else
 * DEFAULT_STUCK_DAYS.
 *
 * @throws PipecastError when a norm is negative or names a stage the template lacks.
 */
function stageNormsOf(
  prepared: PreparedDeals,
  given: HygieneOptions['stageNormDays'],
): HygieneResult['stageNorms'] {
  const stageCount = prepared.stages.length;
  const stayCount = new Float64Array(stageCount);
  const stayDays = new Float64Array(stageCount);
  for (let k = 0; k < prepared.stays.stage.length; k += 1) {
    const index = prepared.stays.stage[k] ?? 0;
    stayCount[index] = (stayCount[index] ?? 0) + 1;
    stayDays[index] = (stayDays[index] ?? 0) + (prepared.stays.days[k] ?? 0);
  }
  const userNorms = userStageNorms(prepared, given);
  return prepared.stages.map((stage, index) => {
    const { key: stageKey, name } = stage;
    const user = typeof given === 'number' ? given : userNorms.get(stageKey);
    if (user !== undefined) return { stageKey, name, days: user, source: 'user' as const };
    if ((stayCount[index] ?? 0) > 0) {
      const days = (DEFAULT_STUCK_FACTOR * (stayDays[index] ?? 0)) / (stayCount[index] ?? 1);
      return { stageKey, name, days, source: 'history' as const };
    }
    return { stageKey, name, days: DEFAULT_STUCK_DAYS, source: 'default' as const };
  });
}

/** The user's per-stage norms by stage key (names matched English or Chinese). */
function userStageNorms(
  prepared: PreparedDeals,
  given: HygieneOptions['stageNormDays'],
): Map<string, number> {
  const userNorms = new Map<string, number>();
  if (typeof given === 'object') {
    for (const [name, days] of Object.entries(given)) {
      const index = prepared.stages.findIndex((stage) =>
        [stage.key, stage.name, stage.nameZh, ...stage.aliases]
          .map(normalizeStageName)
          .includes(normalizeStageName(name)),
      );
      if (index < 0)
        throw new PipecastError(
          'invalid-option',
          `hygiene: stageNormDays names stage ${JSON.stringify(name)}, which is not in the template`,
        );
      if (!(days >= 0))
        throw new PipecastError(
          'invalid-option',
          `hygiene: stageNormDays for ${name} must be ≥ 0, got ${days}`,
        );
      userNorms.set(prepared.stages[index]?.key ?? name, days);
    }
  } else if (given !== undefined && !(given >= 0)) {
    throw new PipecastError('invalid-option', `hygiene: stageNormDays must be ≥ 0, got ${given}`);
  }
  return userNorms;
}
