import type { EpochDay } from '../columns/epoch-day.js';
import type { Deal } from '../columns/records.js';
import type { DealWeights } from './deal-weights.js';
import { dealWeights } from './deal-weights.js';
import { fromMinorUnits, toMinorUnits } from '../columns/money.js';
import { normalizeStageName } from './normalize-stage-name.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import type { PreparedDeals } from './prepared-deals.js';
import { isPreparedDeals, OPEN, WON } from './prepared-deals.js';
import { NONE_LABEL } from './weighted-pipeline.js';
import { PipecastError } from '../errors/pipecast-error.js';

export interface QuotaCoverageOptions extends PrepareDealsOptions {
  /** One team quota, or a quota per owner (owner names matched ignoring case and spaces). */
  quota: number | Readonly<Record<string, number>>;
  /** Count only open and won deals closing in [start, end] (epoch days, inclusive). */
  period?: { start: EpochDay; end: EpochDay };
  /** Win rate for "pipeline still needed"; default: won ÷ closed in the data. */
  winRate?: number;
  smallOrderThreshold?: number;
}

export interface QuotaRow {
  owner: string;
  quota: number;
  /** Won amount. */
  closed: number;
  /** Open funnel amount. */
  pipeline: number;
  weighted: number;
  /** max(0, quota − closed). */
  remaining: number;
  /** pipeline ÷ remaining; null when nothing remains. */
  coverage: number | null;
  /** max(0, quota − closed − weighted): the shortfall the weighted forecast leaves. */
  gap: number;
  /** remaining ÷ win rate: pipeline needed at the historical win rate; null without a rate. */
  neededPipeline: number | null;
  /** max(0, neededPipeline − pipeline). */
  pipelineShortfall: number | null;
}

export interface QuotaCoverageResult {
  winRate: number | null;
  rows: QuotaRow[];
  total: QuotaRow;
  /** Owners with deals but no quota (their deals count in the total only for a team quota). */
  ownersWithoutQuota: string[];
}

/**
 * Quota coverage and gap (DOMAIN.md section 1).
 *
 * Formula: coverage = pipeline ÷ (quota − closed); gap = max(0, quota − closed − weighted);
 * pipeline still needed = (quota − closed) ÷ historical win rate. Pipeline is the open funnel
 * amount (small orders and unknown stages excluded); closed is the won amount. Blank amounts add
 * nothing; deals with a blank owner count toward a team quota only.
 *
 * @param deals - deals or prepared deals (not mutated).
 * @param options - quota (required), period, win rate.
 * @returns per-owner rows (per-owner quota) or one team row, plus the total.
 * @throws PipecastError when a quota is negative or not a number, or the win rate is outside (0, 1].
 * @example quotaCoverage(deals, { quota: 1000 }).total.coverage
 */
export function quotaCoverage(
  deals: readonly Deal[] | PreparedDeals,
  options: QuotaCoverageOptions,
): QuotaCoverageResult {
  const { quota } = options;
  const quotas = typeof quota === 'number' ? { '': quota } : quota;
  for (const [owner, q] of Object.entries(quotas)) {
    if (typeof q !== 'number' || !(q >= 0))
      throw new PipecastError(
        'invalid-option',
        `quotaCoverage: quota${owner ? ` for ${owner}` : ''} must be a number ≥ 0, got ${q}`,
      );
  }
  if (options.winRate !== undefined && !(options.winRate > 0 && options.winRate <= 1))
    throw new PipecastError(
      'invalid-option',
      `quotaCoverage: winRate must be in (0, 1], got ${options.winRate}`,
    );
  const p = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  return quotaCoverageOf(p, dealWeights(p, options.smallOrderThreshold), options);
}

/** The worker behind quotaCoverage. */
export function quotaCoverageOf(
  p: PreparedDeals,
  w: DealWeights,
  options: QuotaCoverageOptions,
): QuotaCoverageResult {
  const team = typeof options.quota === 'number';
  const quotas: Record<string, number> =
    typeof options.quota === 'number' ? { '': options.quota } : { ...options.quota };
  const winRate = options.winRate ?? p.overallWinRate;
  const closed = new Float64Array(p.owners.length);
  const pipeline = new Float64Array(p.owners.length);
  const weighted = new Float64Array(p.owners.length);
  const { period } = options;
  for (let i = 0; i < p.size; i += 1) {
    const st = p.status[i];
    const inPlay = st === WON || (st === OPEN && w.inFunnel[i] === 1);
    if (!inPlay) continue;
    if (period) {
      const day = p.closeDay[i] ?? NaN;
      if (Number.isNaN(day) || day < period.start || day > period.end) continue;
    }
    const o = p.owner[i] ?? 0;
    const a = p.amountMinor[i] ?? NaN;
    if (Number.isNaN(a)) continue;
    if (st === WON) closed[o] = (closed[o] ?? 0) + a;
    else {
      pipeline[o] = (pipeline[o] ?? 0) + a;
      const wm = w.weightedMinor[i] ?? NaN;
      if (!Number.isNaN(wm)) weighted[o] = (weighted[o] ?? 0) + wm;
    }
  }
  const row = (owner: string, quotaMinor: number, c: number, pl: number, wt: number): QuotaRow => {
    const remaining = Math.max(0, quotaMinor - c);
    const needed = winRate ? toMinorUnits(remaining / winRate, 1) : null;
    const money = (m: number): number => fromMinorUnits(m, p.scale);
    return {
      owner,
      quota: money(quotaMinor),
      closed: money(c),
      pipeline: money(pl),
      weighted: money(wt),
      remaining: money(remaining),
      coverage: remaining > 0 ? pl / remaining : null,
      gap: money(Math.max(0, quotaMinor - c - wt)),
      neededPipeline: needed === null ? null : money(needed),
      pipelineShortfall: needed === null ? null : money(Math.max(0, needed - pl)),
    };
  };
  const sum = (a: Float64Array, codes?: number[]): number => {
    let total = 0;
    if (codes) for (const k of codes) total += a[k] ?? 0;
    else for (const v of a) total += v;
    return total;
  };
  const ownerCodes = new Map<string, number[]>();
  p.owners.forEach((name, k) => {
    const key = normalizeStageName(name);
    ownerCodes.set(key, [...(ownerCodes.get(key) ?? []), k]);
  });
  const rows: QuotaRow[] = [];
  const used = new Set<number>();
  let quotaTotal = 0;
  for (const [owner, q] of Object.entries(quotas)) {
    const quotaMinor = toMinorUnits(q, p.scale);
    quotaTotal += quotaMinor;
    if (team) continue;
    const codes = ownerCodes.get(normalizeStageName(owner)) ?? [];
    codes.forEach((k) => used.add(k));
    rows.push(
      row(owner, quotaMinor, sum(closed, codes), sum(pipeline, codes), sum(weighted, codes)),
    );
  }
  const totalCodes = team ? undefined : [...used];
  const total = row(
    'total',
    quotaTotal,
    sum(closed, totalCodes),
    sum(pipeline, totalCodes),
    sum(weighted, totalCodes),
  );
  if (team) rows.push({ ...total, owner: 'team' });
  const ownersWithoutQuota = team
    ? []
    : p.owners
        .map((name, k) => ({ name, k }))
        .filter(({ k }) => !used.has(k) && ((closed[k] ?? 0) > 0 || (pipeline[k] ?? 0) > 0))
        .map(({ name }) => (name === '' ? NONE_LABEL : name));
  return { winRate, rows, total, ownersWithoutQuota };
}
