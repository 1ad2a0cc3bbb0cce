import type { DataWarning } from '../columns/data-warning.js';
import { WarningCollector } from '../columns/warning-collector.js';
import type { EpochDay } from '../columns/epoch-day.js';
import type { Deal } from '../columns/records.js';
import type { DealWeights } from './deal-weights.js';
import { dealWeights } from './deal-weights.js';
import { fromMinorUnits } from '../columns/money.js';
import { normalizeStageName } from './normalize-stage-name.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import type { PreparedDeals } from './prepared-deals.js';
import { isPreparedDeals, LOST, OPEN, WON } from './prepared-deals.js';
import type { ForecastCategory } from './stage-templates.js';
import { FORECAST_CATEGORIES } from './stage-templates.js';
import { PipecastError } from '../errors/pipecast-error.js';

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
  const p = isPreparedDeals(deals) ? deals : prepareDeals(deals, options);
  return forecastCategoriesOf(p, dealWeights(p, options.smallOrderThreshold), options.period);
}

/**
 * The worker behind forecastCategories. When `categoryOfDeal` is given (one slot per deal, filled
 * with -1 by the caller), each categorised deal's index into FORECAST_CATEGORIES is written there,
 * for per-deal tables; the sums do not need it.
 */
export function forecastCategoriesOf(
  p: PreparedDeals,
  w: DealWeights,
  period?: { start: EpochDay; end: EpochDay },
  categoryOfDeal?: Int8Array,
): ForecastCategoriesResult {
  const flagsInUse = FLAGS.filter((f) => p.present[f]);
  // Per-deal overrides and qualification flags, read from the deal table's columns.
  const needDeal = flagsInUse.length > 0 || p.present.forecastCategory;
  const typedCategories = p.table.codes('forecastCategory');
  const flagColumns = flagsInUse.map((f) => p.table.flags(f));
  const idField = p.table.fieldIndex('id');
  const rows = p.table.rows();
  const count = new Float64Array(5);
  const amount = new Float64Array(5);
  const weighted = new Float64Array(5);
  const unqualified: UnqualifiedDeal[] = [];
  const warnings = new WarningCollector();
  let applied = 0;
  let unrecognised = 0;
  const stageCategory = p.stages.map((s) => FORECAST_CATEGORIES.indexOf(s.category));
  const COMMIT = FORECAST_CATEGORIES.indexOf('commit');
  const BEST = FORECAST_CATEGORIES.indexOf('best-case');
  const CLOSED = FORECAST_CATEGORIES.indexOf('closed');
  const OMITTED = FORECAST_CATEGORIES.indexOf('omitted');
  const { size, status, stage, closeDay, amountMinor } = p;
  const { inFunnel, weightedMinor } = w;
  const categoryOfStage = Int8Array.from(stageCategory);
  const periodStart = period ? period.start : -Infinity;
  const periodEnd = period ? period.end : Infinity;
  for (let i = 0; i < size; i += 1) {
    const st = status[i];
    if (st === OPEN && inFunnel[i] !== 1) continue;
    if (period && st !== LOST) {
      const day = closeDay[i] as number;
      // NaN fails both comparisons: no close date is outside every period.
      if (!(day >= periodStart && day <= periodEnd)) continue;
    }
    const a = amountMinor[i] as number;
    let c: number;
    let wm: number;
    if (st === WON) {
      c = CLOSED;
      wm = a;
    } else if (st === LOST) {
      c = OMITTED;
      wm = 0;
    } else {
      c = categoryOfStage[stage[i] as number] as number;
      wm = weightedMinor[i] as number;
      if (needDeal) {
        const typed = (
          typedCategories?.dictionary[typedCategories.codes[i]!] as string | undefined
        )?.trim();
        if (typed) {
          const override = toForecastCategory(typed);
          if (override === undefined || override === 'closed') {
            unrecognised += 1;
            warnings.report({
              code: 'unreadable-value',
              message: `Forecast category "${typed}" is not one of Pipeline, Best case, Commit, Omitted (an open deal cannot be Closed); the stage default is used`,
              row: rows[i],
              column: 'forecastCategory',
              raw: typed,
              action: 'value ignored',
            });
          } else {
            applied += 1;
            c = FORECAST_CATEGORIES.indexOf(override);
          }
        }
        if (flagsInUse.length > 0) {
          const missing = flagsInUse.filter((_, k) => flagColumns[k]?.[i] !== 1);
          if (missing.length > 0) {
            const demoted = c === COMMIT;
            if (demoted) c = BEST;
            unqualified.push({
              id: p.table.get(idField, i) as string,
              row: rows[i]!,
              missing,
              demoted,
            });
          }
        }
      }
    }
    if (categoryOfDeal !== undefined) categoryOfDeal[i] = c;
    count[c] = (count[c] as number) + 1;
    // NaN ≠ NaN: blank amounts and missing weights add nothing.
    if (a === a) amount[c] = (amount[c] as number) + a;
    if (wm === wm) weighted[c] = (weighted[c] as number) + wm;
  }
  const money = (minor: number): number => fromMinorUnits(minor, p.scale);
  const at = (c: ForecastCategory): number => amount[FORECAST_CATEGORIES.indexOf(c)] ?? 0;
  const demotedCount = unqualified.filter((u) => u.demoted).length;
  if (demotedCount > 0) {
    warnings.report({
      code: 'other',
      message: `${demotedCount} unqualified deal(s) (need, authority, budget or timeline not met) were moved from Commit to Best case`,
      row: unqualified.find((u) => u.demoted)?.row,
      action: 'assumed',
      count: demotedCount,
    });
  }
  return {
    categories: FORECAST_CATEGORIES.map((category, c) => ({
      category,
      name: CATEGORY_NAMES[category][0],
      nameZh: CATEGORY_NAMES[category][1],
      count: count[c] ?? 0,
      amount: money(amount[c] ?? 0),
      weighted: money(weighted[c] ?? 0),
    })),
    rollups: {
      commitForecast: money(at('commit') + at('closed')),
      bestCaseForecast: money(at('best-case') + at('commit') + at('closed')),
      pipelineForecast: money(at('pipeline') + at('best-case') + at('commit') + at('closed')),
    },
    qualificationFlags: flagsInUse,
    unqualified,
    overrides: { applied, unrecognised },
    warnings: warnings.finish(),
  };
}
