import { type CodedText, coded, renderCoded } from '../text/coded-text.js';
import { textFor } from '../text/catalogue.js';
import type { DataWarning } from '../columns/data-warning.js';
import { WarningCollector } from '../columns/warning-collector.js';
import { compareIds } from '../columns/compare-ids.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { countWorse } from './count-worse.js';
import type { ScorecardScaleSource } from './resolve-scorecard-scale.js';
import { resolveScorecardScale } from './resolve-scorecard-scale.js';

/** A customer, distributor or channel with its criterion columns. */
export interface ScorecardItem {
  id: string;
  name?: string;
  /** Column values by column name (a Customer's `extra`, plus any named fields). */
  values: Readonly<Record<string, number | null | undefined>>;
  row?: number;
}

/**
 * How a criterion's column becomes a 1–100 score. 'score': the column already holds 1–100.
 * 'min-max': 1 + 99 × (x − min) ÷ (max − min). 'rank': 100 − 99 × better ÷ (n − 1), where
 * better = how many items have a strictly better value (ties share a score). In both scaled
 * forms the best value scores 100, and all-equal values all score 100.
 */
export type ScorecardScale = 'score' | 'min-max' | 'rank';

export interface ScorecardCriterion {
  name: string;
  /** Weight in percent; all weights must add up to 100. */
  weight: number;
  /** Column read from `values`; default `name`. */
  column?: string;
  /**
   * Default 'auto': 'score' when every value of the column lies in 1–100 and higher is better,
   * otherwise 'rank' (see resolveScorecardScale), so a raw column such as revenue is never read
   * as out-of-range scores.
   */
  scale?: ScorecardScale | 'auto';
  /** For scaled criteria: false when a lower raw value is better (e.g. days to pay). Default true. */
  higherIsBetter?: boolean;
}

/** A tier and the lowest total that reaches it. */
export interface ScorecardTier {
  tier: string;
  nameZh?: string;
  min: number;
}

export interface ScorecardOptions {
  criteria: readonly ScorecardCriterion[];
  /**
   * 'customer' (default): strategic / key / ordinary. 'channel': A / B / C / D for distributors.
   * Or own tiers, highest first; the last tier catches everything below.
   */
  tiers?: 'customer' | 'channel' | readonly ScorecardTier[];
}

/** Customer importance tiers (客户重要度): strategic ≥ 80, key ≥ 60, ordinary below. */
export const DEFAULT_CUSTOMER_TIERS: readonly ScorecardTier[] = [
  { tier: 'strategic', nameZh: textFor('zh', 'report.tier_strategic'), min: 80 },
  { tier: 'key', nameZh: textFor('zh', 'report.tier_key'), min: 60 },
  { tier: 'ordinary', nameZh: textFor('zh', 'report.tier_ordinary'), min: -Infinity },
];

/** Channel classes: A ≥ 80, B ≥ 60, C ≥ 40, D below. */
export const DEFAULT_CHANNEL_TIERS: readonly ScorecardTier[] = [
  { tier: 'A', nameZh: textFor('zh', 'report.tier_A'), min: 80 },
  { tier: 'B', nameZh: textFor('zh', 'report.tier_B'), min: 60 },
  { tier: 'C', nameZh: textFor('zh', 'report.tier_C'), min: 40 },
  { tier: 'D', nameZh: textFor('zh', 'report.tier_D'), min: -Infinity },
];

export interface ScorecardRow {
  id: string;
  name: string | null;
  /** 1–100 per criterion name. */
  scores: Record<string, number>;
  /** Σ weight% × score, 1–100, rounded to 1e-9 so equal totals tie. */
  total: number;
  /** 1 = highest total; equal totals share a rank (1, 2, 2, 4). */
  rank: number;
  tier: string;
  tierZh: string | null;
  /** Criteria that were blank or unusable and scored 1 (each has a warning). */
  missing: string[];
}

export interface ScorecardResult {
  criteria: {
    name: string;
    weight: number;
    column: string;
    /** The scale used (an 'auto' criterion shows the scale chosen from its column). */
    scale: ScorecardScale;
    /** Whether the scale was given or chosen from the column. */
    scaleSource: ScorecardScaleSource;
    higherIsBetter: boolean;
  }[];
  /** By rank, then id. */
  items: ScorecardRow[];
  tiers: {
    tier: string;
    nameZh: string | null;
    min: number | null;
    items: number;
    share: number;
  }[];
  warnings: DataWarning[];
}

/**
 * Weighted scorecard (权重因素记分法 / 客户重要度评分表) for customers or channels.
 *
 * Formula: total = Σ (weight% ÷ 100) × score, scores 1–100 (see ScorecardScale); rank by total
 * descending; tier = the first tier whose min ≤ total. Blanks: a blank, non-numeric or (for
 * 'score') out-of-range value is scored 1, the lowest, with a warning, and listed in `missing`.
 *
 * @param items Items with criterion columns; not mutated.
 * @param options Criteria with weights and scaling; tier set.
 * @returns Per-item scores, total, rank and tier, tier summary, warnings.
 * @throws PipecastError when there are no criteria, a weight is negative or not finite, the weights
 *   do not add up to 100, criterion names repeat, or a tier list is empty or not descending.
 * @example
 * scorecard([{ id: 'x', values: { size: 90, loyalty: 50 } }], {
 *   criteria: [{ name: 'size', weight: 60 }, { name: 'loyalty', weight: 40 }],
 * }).items[0].total // 74 = 0.6 × 90 + 0.4 × 50, tier 'key'
 */
export function scorecard(
  items: readonly ScorecardItem[],
  options: ScorecardOptions,
): ScorecardResult {
  const criteria = normalizeCriteria(options.criteria).map((criterion) => ({
    ...criterion,
    ...resolveScorecardScale(
      criterion.scale,
      criterion.higherIsBetter,
      finiteValues(items, criterion.column),
    ),
  }));
  const tiers = normalizeTiers(options.tiers ?? 'customer');
  const warnings = new WarningCollector();
  const scoreColumns = criteria.map((criterion) => criterionScores(criterion, items, warnings));
  const rows: ScorecardRow[] = items.map((item, i) => {
    const scores: Record<string, number> = {};
    const missing: string[] = [];
    let total = 0;
    criteria.forEach((criterion, k) => {
      const column = scoreColumns[k]!;
      const score = column.scores[i]!;
      scores[criterion.name] = score;
      if (!column.usable[i]) missing.push(criterion.name);
      total += (criterion.weight / 100) * score;
    });
    total = Math.round(total * 1e9) / 1e9;
    const tier = tierOf(total, tiers);
    return {
      id: item.id,
      name: item.name ?? null,
      scores,
      total,
      rank: 0,
      tier: tier.tier,
      tierZh: tier.nameZh ?? null,
      missing,
    };
  });
  rows.sort((a, b) => b.total - a.total || compareIds(a.id, b.id));
  assignRanks(rows);
  return {
    criteria,
    items: rows,
    tiers: tiers.map((tier) => {
      const count = rows.filter((row) => row.tier === tier.tier).length;
      return {
        tier: tier.tier,
        nameZh: tier.nameZh ?? null,
        min: Number.isFinite(tier.min) ? tier.min : null,
        items: count,
        share: items.length > 0 ? count / items.length : 0,
      };
    }),
    warnings: warnings.finish(),
  };
}

type NormalizedCriterion = ScorecardResult['criteria'][number];

/**
 * One criterion's 1–100 score per item, and whether the item's value was usable. A blank,
 * non-numeric or (for 'score') out-of-range value scores 1 with a warning; usable values are
 * taken as they are ('score') or scaled among themselves ('min-max', 'rank').
 */
function criterionScores(
  criterion: NormalizedCriterion,
  items: readonly ScorecardItem[],
  warnings: WarningCollector,
): { scores: Float64Array; usable: boolean[] } {
  const scores = new Float64Array(items.length);
  const usable: boolean[] = [];
  const raw: number[] = [];
  const rawIndex: number[] = [];
  items.forEach((item, i) => {
    const value = item.values[criterion.column];
    let ok = typeof value === 'number' && Number.isFinite(value);
    if (ok && criterion.scale === 'score' && (value! < 1 || value! > 100)) {
      const text = coded('warning.scorecardOutOfRange', {
        id: item.id,
        criterion: criterion.name,
        value: String(value),
      });
      warnings.report(warn(item, criterion.column, text, 'out-of-range'));
      ok = false;
    } else if (!ok) {
      const text = coded('warning.scorecardBlank', { id: item.id, criterion: criterion.name });
      warnings.report(warn(item, criterion.column, text, 'missing-value'));
    }
    usable.push(ok);
    if (ok) {
      raw.push(value!);
      rawIndex.push(i);
    }
    scores[i] = ok && criterion.scale === 'score' ? value! : 1;
  });
  if (criterion.scale !== 'score' && raw.length > 0) {
    const scaled =
      criterion.scale === 'min-max'
        ? minMaxScores(raw, criterion.higherIsBetter)
        : rankScores(raw, criterion.higherIsBetter);
    scaled.forEach((score, j) => (scores[rawIndex[j]!] = score));
  }
  return { scores, usable };
}

/**
 * Min-max scaling to 1–100: 1 + 99 × (value − min) ÷ (max − min), reversed when lower is
 * better; 1 + 99 = 100 for everyone when all values are equal.
 */
export function minMaxScores(values: readonly number[], higherIsBetter: boolean): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return values.map((value) => {
    const position =
      max === min ? 1 : higherIsBetter ? (value - min) / (max - min) : (max - value) / (max - min);
    return 1 + 99 * position;
  });
}

/**
 * Rank scaling to 1–100: 100 − 99 × better ÷ (m − 1), better = how many of the m values are
 * strictly better (ties share a score); 100 for a single value.
 */
export function rankScores(values: readonly number[], higherIsBetter: boolean): number[] {
  // Counting who is strictly better = counting who is worse in the reversed direction.
  const better = countWorse(values, higherIsBetter ? 'lower' : 'higher');
  const count = values.length;
  return values.map((_, j) => (count === 1 ? 100 : 100 - (99 * better[j]!) / (count - 1)));
}

/** The first tier (highest minimum first) whose minimum the total reaches; else the last. */
export function tierOf(total: number, tiers: readonly ScorecardTier[]): ScorecardTier {
  return tiers.find((tier) => total >= tier.min) ?? tiers[tiers.length - 1]!;
}

/** Competition ranks (1, 2, 2, 4) over rows sorted by total descending. */
function assignRanks(rows: ScorecardRow[]): void {
  for (let i = 0; i < rows.length; i++) {
    const previous = rows[i - 1];
    const row = rows[i]!;
    row.rank = previous !== undefined && previous.total === row.total ? previous.rank : i + 1;
  }
}

/** The column's finite numbers, which an 'auto' scale is chosen from. */
function finiteValues(items: readonly ScorecardItem[], column: string): number[] {
  const values: number[] = [];
  for (const item of items) {
    const value = item.values[column];
    if (typeof value === 'number' && Number.isFinite(value)) values.push(value);
  }
  return values;
}

function normalizeCriteria(criteria: readonly ScorecardCriterion[]): (Omit<
  ScorecardResult['criteria'][number],
  'scale' | 'scaleSource'
> & {
  scale: ScorecardScale | 'auto';
})[] {
  if (!Array.isArray(criteria) || criteria.length === 0) {
    throw new PipecastError('invalid-option', 'scorecard: give at least one criterion');
  }
  const seen = new Set<string>();
  let sum = 0;
  const normalized = criteria.map((criterion) => {
    const { name, weight } = criterion;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new PipecastError(
        'invalid-option',
        `scorecard: weight of '${name}' must be a percent ≥ 0, got ${weight}`,
      );
    }
    if (seen.has(name))
      throw new PipecastError('invalid-option', `scorecard: criterion '${name}' is given twice`);
    seen.add(name);
    const scale = criterion.scale ?? 'auto';
    if (scale !== 'auto' && scale !== 'score' && scale !== 'min-max' && scale !== 'rank') {
      throw new PipecastError(
        'invalid-option',
        `scorecard: scale of '${name}' must be auto, score, min-max or rank, got '${String(scale)}'`,
      );
    }
    sum += weight;
    return {
      name,
      weight,
      column: criterion.column ?? name,
      scale,
      higherIsBetter: criterion.higherIsBetter ?? true,
    };
  });
  if (Math.abs(sum - 100) > 1e-9) {
    const parts = criteria.map((criterion) => `${criterion.name} ${criterion.weight}`).join(' + ');
    throw new PipecastError(
      'invalid-option',
      `scorecard: weights must add up to 100%, got ${sum}% (${parts})`,
    );
  }
  return normalized;
}

function normalizeTiers(tiers: NonNullable<ScorecardOptions['tiers']>): readonly ScorecardTier[] {
  if (tiers === 'customer') return DEFAULT_CUSTOMER_TIERS;
  if (tiers === 'channel') return DEFAULT_CHANNEL_TIERS;
  if (!Array.isArray(tiers) || tiers.length === 0) {
    throw new PipecastError(
      'invalid-option',
      `scorecard: tiers must be 'customer', 'channel' or a non-empty list`,
    );
  }
  for (let i = 1; i < tiers.length; i++) {
    if (!(tiers[i]!.min < tiers[i - 1]!.min)) {
      throw new PipecastError(
        'invalid-option',
        `scorecard: tier minimums must be descending, got ${tiers.map((tier) => `${tier.tier} ${tier.min}`).join(', ')}`,
      );
    }
  }
  return tiers;
}

function warn(
  item: ScorecardItem,
  column: string,
  text: CodedText,
  code: 'missing-value' | 'out-of-range',
): DataWarning {
  return {
    code,
    message: renderCoded(text, 'en'),
    text,
    ...(item.row === undefined ? {} : { row: item.row }),
    column,
    action: 'assumed',
  };
}
