import type { DataWarning } from '../columns/data-warning.js';
import { WarningCollector } from '../columns/warning-collector.js';
import { compareIds } from '../columns/compare-ids.js';
import { countWorse } from './count-worse.js';
import { PipecastError } from '../errors/pipecast-error.js';
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
  { tier: 'strategic', nameZh: '战略客户', min: 80 },
  { tier: 'key', nameZh: '重点客户', min: 60 },
  { tier: 'ordinary', nameZh: '普通客户', min: -Infinity },
];

/** Channel classes: A ≥ 80, B ≥ 60, C ≥ 40, D below. */
export const DEFAULT_CHANNEL_TIERS: readonly ScorecardTier[] = [
  { tier: 'A', nameZh: 'A类渠道', min: 80 },
  { tier: 'B', nameZh: 'B类渠道', min: 60 },
  { tier: 'C', nameZh: 'C类渠道', min: 40 },
  { tier: 'D', nameZh: 'D类渠道', min: -Infinity },
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
  const criteria = normaliseCriteria(options.criteria).map((criterion) => ({
    ...criterion,
    ...resolveScorecardScale(
      criterion.scale,
      criterion.higherIsBetter,
      finiteValues(items, criterion.column),
    ),
  }));
  const tiers = normaliseTiers(options.tiers ?? 'customer');
  const warnings = new WarningCollector();
  const n = items.length;

  const scoreColumns = criteria.map((c) => {
    const scores = new Float64Array(n);
    const ok: boolean[] = [];
    const raw: number[] = [];
    const rawIndex: number[] = [];
    for (let i = 0; i < n; i++) {
      const item = items[i]!;
      const v = item.values[c.column];
      let usable = typeof v === 'number' && Number.isFinite(v);
      if (usable && c.scale === 'score' && (v! < 1 || v! > 100)) {
        warnings.report(
          warn(item, c.column, `${c.name} score ${v} is outside 1–100; scored 1`, 'out-of-range'),
        );
        usable = false;
      } else if (!usable) {
        warnings.report(
          warn(item, c.column, `${c.name} is blank or not a number; scored 1`, 'missing-value'),
        );
      }
      ok.push(usable);
      if (usable) {
        raw.push(v!);
        rawIndex.push(i);
      }
      scores[i] = usable && c.scale === 'score' ? v! : 1;
    }
    if (c.scale !== 'score' && raw.length > 0) {
      const sign = c.higherIsBetter ? 1 : -1;
      if (c.scale === 'min-max') {
        let min = Infinity;
        let max = -Infinity;
        for (const v of raw) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        for (let j = 0; j < raw.length; j++) {
          const pos =
            max === min
              ? 1
              : sign > 0
                ? (raw[j]! - min) / (max - min)
                : (max - raw[j]!) / (max - min);
          scores[rawIndex[j]!] = 1 + 99 * pos;
        }
      } else {
        // Counting who is strictly better = counting who is worse in the reversed direction.
        const better = countWorse(raw, c.higherIsBetter ? 'lower' : 'higher');
        const m = raw.length;
        for (let j = 0; j < m; j++) {
          scores[rawIndex[j]!] = m === 1 ? 100 : 100 - (99 * better[j]!) / (m - 1);
        }
      }
    }
    return { scores, ok };
  });

  const rows: ScorecardRow[] = items.map((item, i) => {
    const scores: Record<string, number> = {};
    const missing: string[] = [];
    let total = 0;
    criteria.forEach((c, k) => {
      const col = scoreColumns[k]!;
      const s = col.scores[i]!;
      scores[c.name] = s;
      if (!col.ok[i]) missing.push(c.name);
      total += (c.weight / 100) * s;
    });
    total = Math.round(total * 1e9) / 1e9;
    const tier = tiers.find((t) => total >= t.min) ?? tiers[tiers.length - 1]!;
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
  for (let i = 0; i < rows.length; i++) {
    const prev = rows[i - 1];
    rows[i]!.rank = prev !== undefined && prev.total === rows[i]!.total ? prev.rank : i + 1;
  }

  return {
    criteria,
    items: rows,
    tiers: tiers.map((t) => {
      const count = rows.filter((r) => r.tier === t.tier).length;
      return {
        tier: t.tier,
        nameZh: t.nameZh ?? null,
        min: Number.isFinite(t.min) ? t.min : null,
        items: count,
        share: n > 0 ? count / n : 0,
      };
    }),
    warnings: warnings.finish(),
  };
}

function finiteValues(items: readonly ScorecardItem[], column: string): number[] {
  const values: number[] = [];
  for (const item of items) {
    const value = item.values[column];
    if (typeof value === 'number' && Number.isFinite(value)) values.push(value);
  }
  return values;
}

function normaliseCriteria(criteria: readonly ScorecardCriterion[]): (Omit<
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
  const out = criteria.map((c) => {
    if (!Number.isFinite(c.weight) || c.weight < 0) {
      throw new PipecastError(
        'invalid-option',
        `scorecard: weight of '${c.name}' must be a percent ≥ 0, got ${c.weight}`,
      );
    }
    if (seen.has(c.name))
      throw new PipecastError('invalid-option', `scorecard: criterion '${c.name}' is given twice`);
    seen.add(c.name);
    const scale = c.scale ?? 'auto';
    if (scale !== 'auto' && scale !== 'score' && scale !== 'min-max' && scale !== 'rank') {
      throw new PipecastError(
        'invalid-option',
        `scorecard: scale of '${c.name}' must be auto, score, min-max or rank, got '${String(scale)}'`,
      );
    }
    sum += c.weight;
    return {
      name: c.name,
      weight: c.weight,
      column: c.column ?? c.name,
      scale,
      higherIsBetter: c.higherIsBetter ?? true,
    };
  });
  if (Math.abs(sum - 100) > 1e-9) {
    const parts = criteria.map((c) => `${c.name} ${c.weight}`).join(' + ');
    throw new PipecastError(
      'invalid-option',
      `scorecard: weights must add up to 100%, got ${sum}% (${parts})`,
    );
  }
  return out;
}

function normaliseTiers(tiers: NonNullable<ScorecardOptions['tiers']>): readonly ScorecardTier[] {
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
        `scorecard: tier minimums must be descending, got ${tiers.map((t) => `${t.tier} ${t.min}`).join(', ')}`,
      );
    }
  }
  return tiers;
}

function warn(
  item: ScorecardItem,
  column: string,
  message: string,
  code: 'missing-value' | 'out-of-range',
): DataWarning {
  return {
    code,
    message: `'${item.id}': ${message}`,
    ...(item.row === undefined ? {} : { row: item.row }),
    column,
    action: 'assumed',
  };
}
