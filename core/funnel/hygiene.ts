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
  const p = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);

  const stayN = new Float64Array(p.stages.length);
  const staySum = new Float64Array(p.stages.length);
  for (let k = 0; k < p.stays.stage.length; k += 1) {
    const s = p.stays.stage[k] ?? 0;
    stayN[s] = (stayN[s] ?? 0) + 1;
    staySum[s] = (staySum[s] ?? 0) + (p.stays.days[k] ?? 0);
  }
  const userNorms = new Map<string, number>();
  const given = options.stageNormDays;
  if (typeof given === 'object') {
    for (const [name, days] of Object.entries(given)) {
      const index = p.stages.findIndex((s) =>
        [s.key, s.name, s.nameZh, ...s.aliases]
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
      userNorms.set(p.stages[index]?.key ?? name, days);
    }
  } else if (given !== undefined && !(given >= 0)) {
    throw new PipecastError('invalid-option', `hygiene: stageNormDays must be ≥ 0, got ${given}`);
  }
  const stageNorms = p.stages.map((s, k) => {
    const user = typeof given === 'number' ? given : userNorms.get(s.key);
    if (user !== undefined)
      return { stageKey: s.key, name: s.name, days: user, source: 'user' as const };
    if ((stayN[k] ?? 0) > 0)
      return {
        stageKey: s.key,
        name: s.name,
        days: (DEFAULT_STUCK_FACTOR * (staySum[k] ?? 0)) / (stayN[k] ?? 1),
        source: 'history' as const,
      };
    return { stageKey: s.key, name: s.name, days: DEFAULT_STUCK_DAYS, source: 'default' as const };
  });

  const pastClose: HygieneDeal[] = [];
  const stuck: HygieneDeal[] = [];
  const noActivity: HygieneDeal[] = [];
  const unchecked = { closeDate: 0, stageEntered: 0, lastActivity: 0 };
  for (let i = 0; i < p.size; i += 1) {
    if (p.status[i] !== OPEN) continue;
    const a = p.amountMinor[i] ?? NaN;
    // The deal is rebuilt from the table only when a list names it, not for every open deal.
    const item = (days: number, since: number): HygieneDeal => {
      const deal = p.table.record(i);
      return {
        id: deal.id,
        row: deal.row,
        owner: deal.owner?.trim() || null,
        stage: deal.stage,
        amount: Number.isNaN(a) ? null : a / p.scale,
        days,
        since: isoFromEpochDay(since),
      };
    };
    const close = p.closeDay[i] ?? NaN;
    if (Number.isNaN(close)) unchecked.closeDate += 1;
    else if (close < asOf) pastClose.push(item(asOf - close, close));
    const s = p.stage[i] ?? -1;
    const entered = p.stageEnteredDay[i] ?? NaN;
    if (s >= 0) {
      if (Number.isNaN(entered)) unchecked.stageEntered += 1;
      else {
        const norm = stageNorms[s]?.days ?? DEFAULT_STUCK_DAYS;
        if (asOf - entered > norm) stuck.push({ ...item(asOf - entered, entered), normDays: norm });
      }
    }
    const last = p.lastActivityDay[i] ?? NaN;
    if (Number.isNaN(last)) unchecked.lastActivity += 1;
    else if (asOf - last > idle) noActivity.push(item(asOf - last, last));
  }
  const worstFirst = (x: HygieneDeal, y: HygieneDeal): number => y.days - x.days || x.row - y.row;
  return {
    asOf: isoFromEpochDay(asOf),
    pastClose: pastClose.sort(worstFirst),
    stuck: stuck.sort(worstFirst),
    noActivity: noActivity.sort(worstFirst),
    unchecked,
    stageNorms,
  };
}
