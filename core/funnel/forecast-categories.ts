import { codedMessage } from '../text/coded-text.js';
import type { DataWarning } from '../columns/data-warning.js';
import type { EpochDay } from '../columns/epoch-day.js';
import type { Deal } from '../columns/records.js';
import type { DealWeights } from './deal-weights.js';
import { dealWeights } from './deal-weights.js';
import { WarningCollector } from '../columns/warning-collector.js';
import { fromMinorUnits } from '../columns/money.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { normalizeStageName } from './normalize-stage-name.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import type { PreparedDeals } from './prepared-deals.js';
import { isPreparedDeals, LOST, OPEN, WON } from './prepared-deals.js';
import type { ForecastCategory } from './stage-templates.js';
import { FORECAST_CATEGORIES } from './stage-templates.js';

const CATEGORY_NAMES: Readonly<Record<ForecastCategory, [string, string, string[]]>> = {
  pipeline: ['Pipeline', '漏斗中', ['pipe', 'open', '管道', '跟进中', '储备']],
  'best-case': ['Best case', '最佳情况', ['best', 'upside', '乐观', '可能']],
  commit: ['Commit', '承诺', ['committed', 'forecast', '确定', '确保', '把握']],
  closed: ['Closed', '已成交', ['closed won', 'won', '成交', '已关闭', '赢单']],
  omitted: ['Omitted', '已排除', ['omit', 'excluded', 'exclude', '排除', '忽略', '不计入']],
};

const CATEGORY_BY_NAME = new Map<string, ForecastCategory>();
for (const category of FORECAST_CATEGORIES) {
  const [en, zh, aliases] = CATEGORY_NAMES[category];
  for (const name of [category, en, zh, ...aliases])
    CATEGORY_BY_NAME.set(normalizeStageName(name), category);
}

/** The forecast category a user typed (English or Chinese), or undefined. */
export function toForecastCategory(text: string): ForecastCategory | undefined {
  return CATEGORY_BY_NAME.get(normalizeStageName(text));
}

const FLAGS = ['need', 'authority', 'budget', 'timeline'] as const;
type Flag = (typeof FLAGS)[number];

export interface ForecastCategoriesOptions extends PrepareDealsOptions {
  smallOrderThreshold?: number;
  /** Count only open and won deals closing in [start, end] (epoch days, inclusive). */
  period?: { start: EpochDay; end: EpochDay };
}

export interface CategoryRow {
  category: ForecastCategory;
  name: string;
  nameZh: string;
  count: number;
  amount: number;
  weighted: number;
}

export interface UnqualifiedDeal {
  id: string;
  row: number;
  /** The flags that are false or blank. */
  missing: Flag[];
  /** True when the deal would otherwise have been Commit. */
  demoted: boolean;
}

export interface ForecastCategoriesResult {
  categories: CategoryRow[];
  /** Cumulative roll-ups of amounts (won deals at their amount). */
  rollups: {
    /** Commit + Closed. */
    commitForecast: number;
    /** Best case + Commit + Closed. */
    bestCaseForecast: number;
    /** Pipeline + Best case + Commit + Closed. */
    pipelineForecast: number;
  };
  /** Qualification flags in use (a column some deal filled), empty when none. */
  qualificationFlags: Flag[];
  unqualified: UnqualifiedDeal[];
  overrides: { applied: number; unrecognised: number };
  warnings: DataWarning[];
}

/**
 * Forecast categories (Pipeline / Best case / Commit / Closed / Omitted) with cumulative roll-ups.
 *
 * A deal's category: won → Closed; lost → Omitted; open → its own forecast-category cell when that
 * names a category (English or Chinese), else its stage's default. Qualification: when any deal
 * fills need/authority/budget/timeline, a deal is qualified only when every such flag in use is
 * true (a blank counts as not met); an unqualified deal never counts in Commit: it falls to Best
 * case and is listed. Open deals in unknown stages and small orders are outside the funnel and
 * not categorised. Roll-ups: commit forecast = commit + closed; best case = best case + commit +
 * closed (DOMAIN.md section 1); all sums in integer minor units.
 *
 * @param deals - deals or prepared deals (not mutated).
 * @param options - template/rate options, small-order threshold, period.
 * @returns five category rows, roll-ups, unqualified deals and warnings.
 * @throws PipecastError when period.start > period.end, or for bad template options.
 * @example forecastCategories(deals).rollups.commitForecast
 */
export function forecastCategories(
  deals: readonly Deal[] | PreparedDeals,
  options: ForecastCategoriesOptions = {},
): ForecastCategoriesResult {
  if (options.period && !(options.period.start <= options.period.end))
    throw new PipecastError(
      'invalid-option',
      `forecastCategories: period.start must be ≤ period.end, got ${options.period.start} > ${options.period.end}`,
    );
  const prepared = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  return forecastCategoriesOf(
    prepared,
    dealWeights(prepared, options.smallOrderThreshold),
    options.period,
  );
}

const COMMIT = FORECAST_CATEGORIES.indexOf('commit');
const BEST_CASE = FORECAST_CATEGORIES.indexOf('best-case');
const CLOSED = FORECAST_CATEGORIES.indexOf('closed');
const OMITTED = FORECAST_CATEGORIES.indexOf('omitted');

/**
 * The worker behind forecastCategories. When `categoryOfDeal` is given (one slot per deal, filled
 * with -1 by the caller), each categorised deal's index into FORECAST_CATEGORIES is written there,
 * for per-deal tables; the sums do not need it.
 */
export function forecastCategoriesOf(
  prepared: PreparedDeals,
  weights: DealWeights,
  period?: { start: EpochDay; end: EpochDay },
  categoryOfDeal?: Int8Array,
): ForecastCategoriesResult {
  const flagsInUse = FLAGS.filter((flag) => prepared.present[flag]);
  // Per-deal overrides and qualification flags, read only when some deal has one.
  const warnings = new WarningCollector();
  const openCategories =
    flagsInUse.length > 0 || prepared.present.forecastCategory
      ? new OpenDealCategories(prepared, flagsInUse, warnings)
      : undefined;
  const sums = sumCategories(prepared, weights, period, openCategories, categoryOfDeal);
  const money = (minor: number): number => fromMinorUnits(minor, prepared.scale);
  const amountOf = (category: ForecastCategory): number =>
    sums.amount[FORECAST_CATEGORIES.indexOf(category)] ?? 0;
  const unqualified = openCategories?.unqualified ?? [];
  const demotedCount = unqualified.filter((deal) => deal.demoted).length;
  if (demotedCount > 0) {
    warnings.report({
      code: 'other',
      ...codedMessage('warning.unqualifiedDemoted', { count: demotedCount }),
      row: unqualified.find((deal) => deal.demoted)?.row,
      action: 'assumed',
      count: demotedCount,
    });
  }
  const rollups = forecastRollups(amountOf);
  return {
    categories: FORECAST_CATEGORIES.map((category, code) => ({
      category,
      name: CATEGORY_NAMES[category][0],
      nameZh: CATEGORY_NAMES[category][1],
      count: sums.count[code] ?? 0,
      amount: money(sums.amount[code] ?? 0),
      weighted: money(sums.weighted[code] ?? 0),
    })),
    rollups: {
      commitForecast: money(rollups.commitForecast),
      bestCaseForecast: money(rollups.bestCaseForecast),
      pipelineForecast: money(rollups.pipelineForecast),
    },
    qualificationFlags: flagsInUse,
    unqualified,
    overrides: {
      applied: openCategories?.applied ?? 0,
      unrecognised: openCategories?.unrecognised ?? 0,
    },
    warnings: warnings.finish(),
  };
}

/**
 * DOMAIN.md's cumulative roll-ups: commit forecast = commit + closed; best case = best case +
 * commit + closed; pipeline = pipeline + best case + commit + closed.
 */
export function forecastRollups(
  amountOf: (category: ForecastCategory) => number,
): ForecastCategoriesResult['rollups'] {
  const closed = amountOf('closed');
  const commit = amountOf('commit');
  const bestCase = amountOf('best-case');
  return {
    commitForecast: commit + closed,
    bestCaseForecast: bestCase + commit + closed,
    pipelineForecast: amountOf('pipeline') + bestCase + commit + closed,
  };
}

/**
 * Whether a deal counts in a forecast period: lost deals always (they are Omitted); others when
 * they close within it. No close date is outside every period (NaN fails both comparisons).
 */
export function isInForecastPeriod(
  dealStatus: number,
  closeDay: number,
  start: number,
  end: number,
): boolean {
  return dealStatus === LOST || (closeDay >= start && closeDay <= end);
}

/** Count, amount and weighted amount (minor units) per category code. */
interface CategorySums {
  count: Float64Array;
  amount: Float64Array;
  weighted: Float64Array;
}

/**
 * One pass over the deals: won → Closed at its amount, lost → Omitted, open funnel deals → their
 * stage's category (or their own, see OpenDealCategories). Small orders and unknown stages are
 * left out.
 */
function sumCategories(
  prepared: PreparedDeals,
  weights: DealWeights,
  period: { start: EpochDay; end: EpochDay } | undefined,
  openCategories: OpenDealCategories | undefined,
  categoryOfDeal: Int8Array | undefined,
): CategorySums {
  const { size, status, stage, closeDay, amountMinor } = prepared;
  const { inFunnel, weightedMinor } = weights;
  const sums = {
    count: new Float64Array(5),
    amount: new Float64Array(5),
    weighted: new Float64Array(5),
  };
  const categoryOfStage = Int8Array.from(prepared.stages, (stageRow) =>
    FORECAST_CATEGORIES.indexOf(stageRow.category),
  );
  const periodStart = period ? period.start : -Infinity;
  const periodEnd = period ? period.end : Infinity;
  for (let i = 0; i < size; i += 1) {
    const dealStatus = status[i] as number;
    if (dealStatus === OPEN && inFunnel[i] !== 1) continue;
    if (period && !isInForecastPeriod(dealStatus, closeDay[i] as number, periodStart, periodEnd))
      continue;
    const amount = amountMinor[i] as number;
    let category: number;
    let weighted: number;
    if (dealStatus === WON) {
      category = CLOSED;
      weighted = amount;
    } else if (dealStatus === LOST) {
      category = OMITTED;
      weighted = 0;
    } else {
      category = categoryOfStage[stage[i] as number] as number;
      if (openCategories) category = openCategories.categoryOf(i, category);
      weighted = weightedMinor[i] as number;
    }
    if (categoryOfDeal !== undefined) categoryOfDeal[i] = category;
    sums.count[category] = (sums.count[category] as number) + 1;
    // NaN ≠ NaN: blank amounts and missing weights add nothing.
    if (amount === amount) sums.amount[category] = (sums.amount[category] as number) + amount;
    if (weighted === weighted)
      sums.weighted[category] = (sums.weighted[category] as number) + weighted;
  }
  return sums;
}

/**
 * An open deal's own category and qualification: its forecast-category cell overrides the stage
 * default when it names a category an open deal can have (not Closed; else it is ignored with a
 * warning); a deal missing a qualification flag in use is listed, and never counts in Commit.
 */
class OpenDealCategories {
  readonly unqualified: UnqualifiedDeal[] = [];
  applied = 0;
  unrecognised = 0;
  private readonly typedCategories;
  private readonly flagColumns;
  private readonly idField: number;
  private readonly rows: Int32Array;

  constructor(
    private readonly prepared: PreparedDeals,
    private readonly flagsInUse: readonly Flag[],
    private readonly warnings: WarningCollector,
  ) {
    this.typedCategories = prepared.table.codes('forecastCategory');
    this.flagColumns = flagsInUse.map((flag) => prepared.table.flags(flag));
    this.idField = prepared.table.fieldIndex('id');
    this.rows = prepared.table.rows();
  }

  /** Deal `i`'s category code, given its stage's. */
  categoryOf(i: number, stageCategory: number): number {
    let category = stageCategory;
    const typed = this.typedCategoryOf(i);
    if (typed) {
      const override = toForecastCategory(typed);
      if (override === undefined || override === 'closed') {
        this.unrecognised += 1;
        this.warnings.report(unrecognisedCategoryWarning(typed, this.rows[i]!));
      } else {
        this.applied += 1;
        category = FORECAST_CATEGORIES.indexOf(override);
      }
    }
    if (this.flagsInUse.length === 0) return category;
    const missing = this.flagsInUse.filter((_, k) => this.flagColumns[k]?.[i] !== 1);
    if (missing.length === 0) return category;
    const demoted = category === COMMIT;
    this.unqualified.push({
      id: this.prepared.table.get(this.idField, i) as string,
      row: this.rows[i]!,
      missing,
      demoted,
    });
    return demoted ? BEST_CASE : category;
  }

  private typedCategoryOf(i: number): string | undefined {
    const typed = this.typedCategories;
    return (typed?.dictionary[typed.codes[i]!] as string | undefined)?.trim();
  }
}

function unrecognisedCategoryWarning(typed: string, row: number): DataWarning {
  return {
    code: 'unreadable-value',
    ...codedMessage('warning.unrecognisedCategory', { category: typed }),
    row,
    column: 'forecastCategory',
    raw: typed,
    action: 'value ignored',
  };
}
