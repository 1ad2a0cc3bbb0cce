import type { DataWarning } from '../columns/data-warning.js';
import { WarningCollector } from '../columns/warning-collector.js';
import { compareIds } from '../columns/compare-ids.js';
import { quantile } from './quantile.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** A customer's purchase potential and our share of its spend (Customer record fields). */
export interface PortfolioCustomer {
  id: string;
  /** Purchase potential (采购潜力), money per period. */
  potential?: number | null;
  /** Our share of the customer's spend (客户份额), 0–1. */
  share?: number | null;
  row?: number;
}

export type PortfolioZone = 'acquire' | 'retain' | 'disrupt' | 'maintain' | 'abandon';
export type PortfolioStrategy = 'attack' | 'defend' | 'maintain';

export interface PortfolioOptions {
  /** Potential at or above this is high. Default: the median potential. */
  potentialThreshold?: number;
  /** Share at or above this is high. Default: the median share. */
  shareThreshold?: number;
  /**
   * "Middle" potential: the closed interval [low, high]. Default: the 1/3 and 2/3 quantiles
   * (tertiles, Excel PERCENTILE.INC) of the potentials.
   */
  middlePotential?: readonly [number, number];
  /** "Contested" share: the closed interval [low, high]. Default: the share tertiles. */
  contestedShare?: readonly [number, number];
  /** Percent of resources per zone; must add to 100. Default DEFAULT_PORTFOLIO_RESOURCE_SPLIT. */
  resourceSplit?: Readonly<Record<PortfolioZone, number>>;
  /** Resources to split (any unit); each zone gets its percent, shared equally by its customers. */
  budget?: Readonly<Partial<Record<'time' | 'people' | 'money', number>>>;
}

/**
 * Default resource split in percent: most effort where potential is high (attack and defend),
 * little where both potential and share are low.
 */
export const DEFAULT_PORTFOLIO_RESOURCE_SPLIT: Readonly<Record<PortfolioZone, number>> = {
  acquire: 30,
  retain: 30,
  disrupt: 20,
  maintain: 15,
  abandon: 5,
};

/** Each zone's Chinese name, strategy and the strategy's Chinese name (../shared/DOMAIN.md). */
export const PORTFOLIO_ZONES: readonly {
  zone: PortfolioZone;
  nameZh: string;
  strategy: PortfolioStrategy;
  strategyZh: string;
}[] = [
  { zone: 'acquire', nameZh: '获取', strategy: 'attack', strategyZh: '进攻' },
  { zone: 'retain', nameZh: '保留', strategy: 'defend', strategyZh: '防御' },
  { zone: 'disrupt', nameZh: '侵扰', strategy: 'attack', strategyZh: '进攻' },
  { zone: 'maintain', nameZh: '维持', strategy: 'maintain', strategyZh: '维持' },
  { zone: 'abandon', nameZh: '放弃', strategy: 'maintain', strategyZh: '维持' },
];

export interface PortfolioRow {
  id: string;
  potential: number;
  share: number;
  /** potential × share: what the customer buys from us. */
  ourRevenue: number;
  /** potential × (1 − share): what it buys elsewhere. */
  headroom: number;
  zone: PortfolioZone;
  strategy: PortfolioStrategy;
}

export interface PortfolioZoneSummary {
  zone: PortfolioZone;
  nameZh: string;
  strategy: PortfolioStrategy;
  strategyZh: string;
  customers: number;
  potential: number;
  ourRevenue: number;
  headroom: number;
  /** Percent of resources for the zone (from resourceSplit). */
  resourcePercent: number;
  /** The zone's part of each budget item given; per customer = zone part ÷ customers. */
  budget: Partial<
    Record<'time' | 'people' | 'money', { zone: number; perCustomer: number | null }>
  >;
}

export interface PortfolioResult {
  thresholds: {
    potential: number | null;
    share: number | null;
    middlePotential: [number, number] | null;
    contestedShare: [number, number] | null;
  };
  /** Classified customers, by id. */
  customers: PortfolioRow[];
  /** Customers without a usable potential or share, by id (each has a warning). */
  unclassified: string[];
  /** The five zones, in PORTFOLIO_ZONES order. */
  zones: PortfolioZoneSummary[];
  warnings: DataWarning[];
}

/**
 * Attack/defend portfolio (客户细分的攻守模型): purchase potential against our share.
 *
 * Rule, first match wins: disrupt when potential is middle (within middlePotential, inclusive) and
 * share is contested (within contestedShare, inclusive); otherwise potential ≥ potentialThreshold
 * is high and share ≥ shareThreshold is high: high/low → acquire, high/high → retain,
 * low/high → maintain, low/low → abandon. Strategies: acquire and disrupt attack, retain defends,
 * maintain and abandon maintain (abandon with the smallest resource share). Defaults come from
 * the classified customers: thresholds are medians, bands are tertiles. Blanks: a customer
 * without potential or share, a negative potential or a share outside 0–1 is not classified and
 * gets a warning.
 *
 * @param customers Customers with potential and share; not mutated.
 * @param options Thresholds, bands, resource split and budget.
 * @returns Per-customer zone and strategy, zone summary with resources, warnings.
 * @throws PipecastError when a threshold or band is not finite, a band's low exceeds its high,
 *   the resource split is negative or does not add to 100, or a budget item is negative.
 * @example
 * portfolio([
 *   { id: 'a', potential: 100, share: 0.1 }, { id: 'b', potential: 100, share: 0.9 },
 *   { id: 'c', potential: 10, share: 0.9 }, { id: 'd', potential: 10, share: 0.1 },
 * ], { middlePotential: [40, 60], contestedShare: [0.4, 0.6] }).customers.map((c) => c.zone)
 * // ['acquire', 'retain', 'maintain', 'abandon'] (medians 55 and 0.5)
 */
export function portfolio(
  customers: readonly PortfolioCustomer[],
  options: PortfolioOptions = {},
): PortfolioResult {
  const split = options.resourceSplit ?? DEFAULT_PORTFOLIO_RESOURCE_SPLIT;
  let splitSum = 0;
  for (const { zone } of PORTFOLIO_ZONES) {
    const p = split[zone];
    if (!Number.isFinite(p) || p < 0) {
      throw new PipecastError(
        'invalid-option',
        `portfolio: resourceSplit.${zone} must be a percent ≥ 0, got ${p}`,
      );
    }
    splitSum += p;
  }
  if (Math.abs(splitSum - 100) > 1e-9) {
    throw new PipecastError(
      'invalid-option',
      `portfolio: resourceSplit must add up to 100%, got ${splitSum}%`,
    );
  }
  for (const [item, amount] of Object.entries(options.budget ?? {})) {
    if (!Number.isFinite(amount) || amount < 0) {
      throw new PipecastError(
        'invalid-option',
        `portfolio: budget.${item} must be a number ≥ 0, got ${amount}`,
      );
    }
  }
  checkFinite('potentialThreshold', options.potentialThreshold);
  checkFinite('shareThreshold', options.shareThreshold);
  checkBand('middlePotential', options.middlePotential);
  checkBand('contestedShare', options.contestedShare);

  const warnings = new WarningCollector();
  const usable: { id: string; potential: number; share: number }[] = [];
  const unclassified: string[] = [];
  for (const c of customers) {
    const problem =
      c.potential === undefined || c.potential === null || !Number.isFinite(c.potential)
        ? 'has no purchase potential'
        : c.potential < 0
          ? `has a negative potential (${c.potential})`
          : c.share === undefined || c.share === null || !Number.isFinite(c.share)
            ? 'has no share'
            : c.share < 0 || c.share > 1
              ? `has a share outside 0–100% (${c.share})`
              : undefined;
    if (problem !== undefined) {
      warnings.report({
        code: problem.startsWith('has no') ? 'missing-value' : 'out-of-range',
        message: `customer '${c.id}' ${problem}; not placed in the portfolio`,
        ...(c.row === undefined ? {} : { row: c.row }),
        column: problem.includes('share') ? 'share' : 'potential',
        action: 'row dropped',
      });
      unclassified.push(c.id);
      continue;
    }
    usable.push({ id: c.id, potential: c.potential!, share: c.share! });
  }
  usable.sort((a, b) => compareIds(a.id, b.id));

  const potentials = usable.map((c) => c.potential).sort((a, b) => a - b);
  const shares = usable.map((c) => c.share).sort((a, b) => a - b);
  const empty = usable.length === 0;
  const pT = options.potentialThreshold ?? (empty ? null : quantile(potentials, 0.5));
  const sT = options.shareThreshold ?? (empty ? null : quantile(shares, 0.5));
  const pBand: [number, number] | null = options.middlePotential
    ? [options.middlePotential[0], options.middlePotential[1]]
    : empty
      ? null
      : [quantile(potentials, 1 / 3), quantile(potentials, 2 / 3)];
  const sBand: [number, number] | null = options.contestedShare
    ? [options.contestedShare[0], options.contestedShare[1]]
    : empty
      ? null
      : [quantile(shares, 1 / 3), quantile(shares, 2 / 3)];

  const info = new Map(PORTFOLIO_ZONES.map((z) => [z.zone, z]));
  const rows: PortfolioRow[] = usable.map((c) => {
    let zone: PortfolioZone;
    if (
      pBand !== null &&
      sBand !== null &&
      c.potential >= pBand[0] &&
      c.potential <= pBand[1] &&
      c.share >= sBand[0] &&
      c.share <= sBand[1]
    ) {
      zone = 'disrupt';
    } else {
      const highPotential = c.potential >= pT!;
      const highShare = c.share >= sT!;
      zone = highPotential
        ? highShare
          ? 'retain'
          : 'acquire'
        : highShare
          ? 'maintain'
          : 'abandon';
    }
    return {
      id: c.id,
      potential: c.potential,
      share: c.share,
      ourRevenue: c.potential * c.share,
      headroom: c.potential * (1 - c.share),
      zone,
      strategy: info.get(zone)!.strategy,
    };
  });

  const zones: PortfolioZoneSummary[] = PORTFOLIO_ZONES.map((z) => {
    let count = 0;
    let potential = 0;
    let ourRevenue = 0;
    let headroom = 0;
    for (const r of rows) {
      if (r.zone !== z.zone) continue;
      count++;
      potential += r.potential;
      ourRevenue += r.ourRevenue;
      headroom += r.headroom;
    }
    const budget: PortfolioZoneSummary['budget'] = {};
    for (const [item, amount] of Object.entries(options.budget ?? {}) as [
      'time' | 'people' | 'money',
      number,
    ][]) {
      const zonePart = (amount * split[z.zone]) / 100;
      budget[item] = { zone: zonePart, perCustomer: count > 0 ? zonePart / count : null };
    }
    return {
      ...z,
      customers: count,
      potential,
      ourRevenue,
      headroom,
      resourcePercent: split[z.zone],
      budget,
    };
  });

  return {
    thresholds: { potential: pT, share: sT, middlePotential: pBand, contestedShare: sBand },
    customers: rows,
    unclassified: unclassified.sort(compareIds),
    zones,
    warnings: warnings.finish(),
  };
}

function checkFinite(name: string, value: number | undefined): void {
  if (value !== undefined && !Number.isFinite(value)) {
    throw new PipecastError(
      'invalid-option',
      `portfolio: ${name} must be a finite number, got ${value}`,
    );
  }
}

function checkBand(name: string, band: readonly [number, number] | undefined): void {
  if (band === undefined) return;
  const [lo, hi] = band;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) {
    throw new PipecastError(
      'invalid-option',
      `portfolio: ${name} must be [low, high] with low ≤ high, got [${lo}, ${hi}]`,
    );
  }
}
