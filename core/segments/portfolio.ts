import { renderCoded } from '../text/coded-text.js';
import { textFor } from '../text/catalogue.js';
import type { DataWarning } from '../columns/data-warning.js';
import { WarningCollector } from '../columns/warning-collector.js';
import { compareIds } from '../columns/compare-ids.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { quantile } from './quantile.js';

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
}[] = (
  [
    { zone: 'acquire', strategy: 'attack', strategyZh: '进攻' },
    { zone: 'retain', strategy: 'defend', strategyZh: '防御' },
    { zone: 'disrupt', strategy: 'attack', strategyZh: '进攻' },
    { zone: 'maintain', strategy: 'maintain', strategyZh: '维持' },
    { zone: 'abandon', strategy: 'maintain', strategyZh: '维持' },
  ] as const
)
  // The zone names live in the text catalogue, which the portfolio chart and tables share.
  .map((zone) => ({ ...zone, nameZh: textFor('zh', `chart.${zone.zone}`) }));

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
  const split = checkPortfolioOptions(options);
  const warnings = new WarningCollector();
  const unclassified: string[] = [];
  const usable: PlacedCustomer[] = [];
  for (const customer of customers) {
    const problem = portfolioProblemOf(customer);
    if (problem === undefined) {
      usable.push({ id: customer.id, potential: customer.potential!, share: customer.share! });
      continue;
    }
    warnings.report(unplacedCustomerWarning(customer, problem));
    unclassified.push(customer.id);
  }
  usable.sort((a, b) => compareIds(a.id, b.id));
  const thresholds = portfolioThresholds(usable, options);
  const strategyOf = new Map(PORTFOLIO_ZONES.map((zone) => [zone.zone, zone.strategy]));
  const rows: PortfolioRow[] = usable.map((customer) => {
    const zone = portfolioZone(customer.potential, customer.share, thresholds);
    return {
      id: customer.id,
      potential: customer.potential,
      share: customer.share,
      ourRevenue: customer.potential * customer.share,
      headroom: customer.potential * (1 - customer.share),
      zone,
      strategy: strategyOf.get(zone)!,
    };
  });
  return {
    thresholds,
    customers: rows,
    unclassified: unclassified.sort(compareIds),
    zones: PORTFOLIO_ZONES.map((zone) => zoneSummary(zone, rows, split, options.budget ?? {})),
    warnings: warnings.finish(),
  };
}

/** A customer with a usable potential and share. */
interface PlacedCustomer {
  id: string;
  potential: number;
  share: number;
}

/** The thresholds and bands zones are read from (all null without classified customers). */
type PortfolioThresholds = PortfolioResult['thresholds'];

/**
 * The portfolio zone, first match wins: disrupt when potential is middle and share contested
 * (both bands inclusive); else high potential (≥ threshold) with low share → acquire, with high
 * share → retain; low potential with high share → maintain, with low share → abandon.
 *
 * @example portfolioZone(100, 0.1, { potential: 55, share: 0.5, middlePotential: [40, 60], contestedShare: [0.4, 0.6] }) // 'acquire'
 */
export function portfolioZone(
  potential: number,
  share: number,
  thresholds: PortfolioThresholds,
): PortfolioZone {
  const { middlePotential, contestedShare } = thresholds;
  if (
    middlePotential !== null &&
    contestedShare !== null &&
    potential >= middlePotential[0] &&
    potential <= middlePotential[1] &&
    share >= contestedShare[0] &&
    share <= contestedShare[1]
  )
    return 'disrupt';
  const highPotential = potential >= thresholds.potential!;
  const highShare = share >= thresholds.share!;
  if (highPotential) return highShare ? 'retain' : 'acquire';
  return highShare ? 'maintain' : 'abandon';
}

/**
 * Why a customer cannot be placed (no or negative potential, no share or one outside 0–1), or
 * undefined when it can.
 */
function portfolioProblemOf(customer: PortfolioCustomer): PortfolioProblem | undefined {
  const { potential, share } = customer;
  if (potential === undefined || potential === null || !Number.isFinite(potential))
    return { code: 'missing-value', column: 'potential', text: 'warning.portfolioNoPotential' };
  if (potential < 0)
    return {
      code: 'out-of-range',
      column: 'potential',
      text: 'warning.portfolioNegativePotential',
    };
  if (share === undefined || share === null || !Number.isFinite(share))
    return { code: 'missing-value', column: 'share', text: 'warning.portfolioNoShare' };
  if (share < 0 || share > 1)
    return { code: 'out-of-range', column: 'share', text: 'warning.portfolioShareOutOfRange' };
  return undefined;
}

/** Why a customer cannot be placed: the warning's code, column and text. */
interface PortfolioProblem {
  code: 'missing-value' | 'out-of-range';
  column: 'potential' | 'share';
  text:
    | 'warning.portfolioNoPotential'
    | 'warning.portfolioNegativePotential'
    | 'warning.portfolioNoShare'
    | 'warning.portfolioShareOutOfRange';
}

function unplacedCustomerWarning(
  customer: PortfolioCustomer,
  problem: PortfolioProblem,
): DataWarning {
  const params = {
    id: customer.id,
    potential: String(customer.potential),
    share: String(customer.share),
  };
  const text = { key: problem.text, params };
  return {
    code: problem.code,
    message: renderCoded(text, 'en'),
    text,
    ...(customer.row === undefined ? {} : { row: customer.row }),
    column: problem.column,
    action: 'row dropped',
  };
}

/**
 * The caller's thresholds and bands, else defaults from the classified customers: medians
 * for the thresholds, tertiles (Excel PERCENTILE.INC) for the bands.
 */
function portfolioThresholds(
  usable: readonly PlacedCustomer[],
  options: PortfolioOptions,
): PortfolioThresholds {
  const potentials = usable.map((customer) => customer.potential).sort((a, b) => a - b);
  const shares = usable.map((customer) => customer.share).sort((a, b) => a - b);
  const empty = usable.length === 0;
  const tertiles = (sorted: number[]): [number, number] | null =>
    empty ? null : [quantile(sorted, 1 / 3), quantile(sorted, 2 / 3)];
  return {
    potential: options.potentialThreshold ?? (empty ? null : quantile(potentials, 0.5)),
    share: options.shareThreshold ?? (empty ? null : quantile(shares, 0.5)),
    middlePotential: options.middlePotential
      ? [options.middlePotential[0], options.middlePotential[1]]
      : tertiles(potentials),
    contestedShare: options.contestedShare
      ? [options.contestedShare[0], options.contestedShare[1]]
      : tertiles(shares),
  };
}

/** One zone's customers and sums, its resource percent and its part of each budget item. */
function zoneSummary(
  zone: (typeof PORTFOLIO_ZONES)[number],
  rows: readonly PortfolioRow[],
  split: Readonly<Record<PortfolioZone, number>>,
  budgetItems: NonNullable<PortfolioOptions['budget']>,
): PortfolioZoneSummary {
  let count = 0;
  let potential = 0;
  let ourRevenue = 0;
  let headroom = 0;
  for (const row of rows) {
    if (row.zone !== zone.zone) continue;
    count++;
    potential += row.potential;
    ourRevenue += row.ourRevenue;
    headroom += row.headroom;
  }
  const budget: PortfolioZoneSummary['budget'] = {};
  for (const [item, amount] of Object.entries(budgetItems) as [
    'time' | 'people' | 'money',
    number,
  ][]) {
    const zonePart = (amount * split[zone.zone]) / 100;
    budget[item] = { zone: zonePart, perCustomer: count > 0 ? zonePart / count : null };
  }
  return {
    ...zone,
    customers: count,
    potential,
    ourRevenue,
    headroom,
    resourcePercent: split[zone.zone],
    budget,
  };
}

/** Checks the options; returns the resource split. */
function checkPortfolioOptions(options: PortfolioOptions): Readonly<Record<PortfolioZone, number>> {
  const split = options.resourceSplit ?? DEFAULT_PORTFOLIO_RESOURCE_SPLIT;
  let splitSum = 0;
  for (const { zone } of PORTFOLIO_ZONES) {
    const percent = split[zone];
    if (!Number.isFinite(percent) || percent < 0) {
      throw new PipecastError(
        'invalid-option',
        `portfolio: resourceSplit.${zone} must be a percent ≥ 0, got ${percent}`,
      );
    }
    splitSum += percent;
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
  return split;
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
  const [low, high] = band;
  if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) {
    throw new PipecastError(
      'invalid-option',
      `portfolio: ${name} must be [low, high] with low ≤ high, got [${low}, ${high}]`,
    );
  }
}
