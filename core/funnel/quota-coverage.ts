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
  const prepared = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  return quotaCoverageOf(prepared, dealWeights(prepared, options.smallOrderThreshold), options);
}

/** The worker behind quotaCoverage. */
export function quotaCoverageOf(
  prepared: PreparedDeals,
  weights: DealWeights,
  options: QuotaCoverageOptions,
): QuotaCoverageResult {
  const team = typeof options.quota === 'number';
  const quotas: Record<string, number> =
    typeof options.quota === 'number' ? { '': options.quota } : { ...options.quota };
  const winRate = options.winRate ?? prepared.overallWinRate;
  const sums = ownerSums(prepared, weights, options.period);
  const money = (minor: number): number => fromMinorUnits(minor, prepared.scale);
  const row = (owner: string, quotaMinor: number, codes: readonly number[] | undefined) =>
    quotaRow(owner, quotaMinor, sumOf(sums, codes), winRate, money);
  const ownerCodes = ownerCodesByName(prepared.owners);
  const rows: QuotaRow[] = [];
  const used = new Set<number>();
  let quotaTotal = 0;
  for (const [owner, quota] of Object.entries(quotas)) {
    const quotaMinor = toMinorUnits(quota, prepared.scale);
    quotaTotal += quotaMinor;
    if (team) continue;
    const codes = ownerCodes.get(normalizeStageName(owner)) ?? [];
    codes.forEach((code) => used.add(code));
    rows.push(row(owner, quotaMinor, codes));
  }
  const total = row('total', quotaTotal, team ? undefined : [...used]);
  if (team) rows.push({ ...total, owner: 'team' });
  const ownersWithoutQuota = team
    ? []
    : prepared.owners
        .map((name, code) => ({ name, code }))
        .filter(
          ({ code }) =>
            !used.has(code) && ((sums.closed[code] ?? 0) > 0 || (sums.pipeline[code] ?? 0) > 0),
        )
        .map(({ name }) => (name === '' ? NONE_LABEL : name));
  return { winRate, rows, total, ownersWithoutQuota };
}

/** Per owner code, in minor units: won amount, open pipeline and its weighted amount. */
interface OwnerSums {
  closed: Float64Array;
  pipeline: Float64Array;
  weighted: Float64Array;
}

/** Won and open funnel deals with an amount, closing in the period when one is given. */
function ownerSums(
  prepared: PreparedDeals,
  weights: DealWeights,
  period: QuotaCoverageOptions['period'],
): OwnerSums {
  const ownerCount = prepared.owners.length;
  const sums = {
    closed: new Float64Array(ownerCount),
    pipeline: new Float64Array(ownerCount),
    weighted: new Float64Array(ownerCount),
  };
  for (let i = 0; i < prepared.size; i += 1) {
    const dealStatus = prepared.status[i];
    const inPlay = dealStatus === WON || (dealStatus === OPEN && weights.inFunnel[i] === 1);
    if (!inPlay) continue;
    if (period) {
      const day = prepared.closeDay[i] ?? NaN;
      if (Number.isNaN(day) || day < period.start || day > period.end) continue;
    }
    const owner = prepared.owner[i] ?? 0;
    const amount = prepared.amountMinor[i] ?? NaN;
    if (Number.isNaN(amount)) continue;
    if (dealStatus === WON) sums.closed[owner] = (sums.closed[owner] ?? 0) + amount;
    else {
      sums.pipeline[owner] = (sums.pipeline[owner] ?? 0) + amount;
      const weighted = weights.weightedMinor[i] ?? NaN;
      if (!Number.isNaN(weighted)) sums.weighted[owner] = (sums.weighted[owner] ?? 0) + weighted;
    }
  }
  return sums;
}

/** The sums over some owner codes, or over all owners when `codes` is undefined. */
function sumOf(sums: OwnerSums, codes: readonly number[] | undefined) {
  const total = (values: Float64Array): number => {
    let sum = 0;
    if (codes) for (const code of codes) sum += values[code] ?? 0;
    else for (const value of values) sum += value;
    return sum;
  };
  return {
    closed: total(sums.closed),
    pipeline: total(sums.pipeline),
    weighted: total(sums.weighted),
  };
}

/**
 * DOMAIN.md's quota coverage for one owner (amounts in minor units): remaining = quota − closed
 * (≥ 0); coverage = pipeline ÷ remaining; gap = quota − closed − weighted (≥ 0); pipeline needed
 * = remaining ÷ win rate; shortfall = needed − pipeline (≥ 0).
 */
export function quotaRow(
  owner: string,
  quotaMinor: number,
  sums: { closed: number; pipeline: number; weighted: number },
  winRate: number | null,
  money: (minor: number) => number,
): QuotaRow {
  const { closed, pipeline, weighted } = sums;
  const remaining = Math.max(0, quotaMinor - closed);
  const needed = winRate ? toMinorUnits(remaining / winRate, 1) : null;
  return {
    owner,
    quota: money(quotaMinor),
    closed: money(closed),
    pipeline: money(pipeline),
    weighted: money(weighted),
    remaining: money(remaining),
    coverage: remaining > 0 ? pipeline / remaining : null,
    gap: money(Math.max(0, quotaMinor - closed - weighted)),
    neededPipeline: needed === null ? null : money(needed),
    pipelineShortfall: needed === null ? null : money(Math.max(0, needed - pipeline)),
  };
}

/** Owner codes by normalized name, so "Ann" and " ann " share a quota. */
function ownerCodesByName(owners: readonly string[]): Map<string, number[]> {
  const ownerCodes = new Map<string, number[]>();
  owners.forEach((name, code) => {
    const key = normalizeStageName(name);
    ownerCodes.set(key, [...(ownerCodes.get(key) ?? []), code]);
  });
  return ownerCodes;
}
