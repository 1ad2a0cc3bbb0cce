import type { Deal } from '../columns/records.js';
import { dealWeights } from './deal-weights.js';
import { fromMinorUnits, toMinorUnits } from '../columns/money.js';
import { monthIndexFromEpochDay, monthLabel } from './period-keys.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import { prepareDeals } from './prepare-deals.js';
import { terminalStatusOf } from './resolve-template.js';
import { NO_DATE_LABEL, NONE_LABEL } from './weighted-pipeline.js';
import { PipecastError } from '../errors/pipecast-error.js';

export interface BacktestOptions extends PrepareDealsOptions {
  /** Groups MAPE is averaged over (default 'owner'). */
  groupBy?: 'owner' | 'stage' | 'month';
  smallOrderThreshold?: number;
}

export interface BacktestGroup {
  key: string;
  forecast: number;
  actual: number;
  /** |actual − forecast| ÷ actual; null when actual is 0. */
  ape: number | null;
}

export interface BacktestResult {
  /** Σ weighted amount of the snapshot's open deals. */
  forecast: number;
  /** Σ won amount of those deals in the outcomes. */
  actual: number;
  /** max(0, 1 − |A − F| ÷ A); null when A = 0. */
  accuracy: number | null;
  /** Mean of the groups' absolute percentage errors (groups with A = 0 left out); null when none. */
  mape: number | null;
  groupBy: 'owner' | 'stage' | 'month';
  groups: BacktestGroup[];
  /** Mean (p − outcome)² over deals that were won or lost; null when none resolved. */
  brier: number | null;
  resolved: number;
  won: number;
  /** Snapshot deals still open, or missing, in the outcomes (actual 0, not in the Brier score). */
  unresolved: number;
}

/**
 * Backtest a forecast: an earlier snapshot's weighted forecast against what its deals did.
 *
 * Formula: F = Σ amount × p over the snapshot's open deals (p = own probability, else stage rate);
 * A = Σ won amount (the outcome's amount, else the snapshot's); accuracy = max(0, 1 − |A − F| ÷ A);
 * MAPE = mean over groups with A > 0 of |A − F| ÷ A; Brier = mean (p − won)² over deals that
 * closed. Outcomes are matched by deal id; a deal missing or still open counts A = 0 and is left
 * out of the Brier score. Deals without amount or probability are left out of F and A.
 *
 * @param snapshot - the pipeline as it was (not mutated).
 * @param outcomes - the same deals later, with won/lost status or stage (not mutated).
 * @param options - template/rate options, groupBy.
 * @returns totals, accuracy, MAPE over groups, Brier score.
 * @throws PipecastError for a bad groupBy or template options.
 * @example backtest(q1Snapshot, endOfQ1).accuracy
 */
export function backtest(
  snapshot: readonly Deal[],
  outcomes: readonly Deal[],
  options: BacktestOptions = {},
): BacktestResult {
  const groupBy = options.groupBy ?? 'owner';
  if (!['owner', 'stage', 'month'].includes(groupBy))
    throw new PipecastError(
      'invalid-option',
      `backtest: groupBy must be owner, stage or month, got ${JSON.stringify(groupBy)}`,
    );
  const p = prepareDeals(snapshot, options);
  const w = dealWeights(p, options.smallOrderThreshold);
  const outcome = new Map<string, Deal>();
  for (const d of outcomes) if (!outcome.has(d.id)) outcome.set(d.id, d);
  const groups = new Map<string, { f: number; a: number }>();
  let forecast = 0;
  let actual = 0;
  let brierSum = 0;
  let resolved = 0;
  let won = 0;
  let unresolved = 0;
  const probability = w.probability;
  for (let i = 0; i < p.size; i += 1) {
    if (w.inFunnel[i] !== 1) continue;
    const f = w.weightedMinor[i] ?? NaN;
    const prob = probability[i] ?? NaN;
    if (Number.isNaN(f) || Number.isNaN(prob)) continue;
    const deal = p.table.record(i);
    const later = outcome.get(deal.id);
    const status = later ? (later.status ?? terminalStatusOf(later.stage) ?? 'open') : 'open';
    const amountMinor =
      later?.amount !== undefined ? toMinorUnits(later.amount, p.scale) : (p.amountMinor[i] ?? 0);
    const a = status === 'won' ? amountMinor : 0;
    if (status === 'open') unresolved += 1;
    else {
      resolved += 1;
      const y = status === 'won' ? 1 : 0;
      won += y;
      brierSum += (prob - y) ** 2;
    }
    forecast += f;
    actual += a;
    const key =
      groupBy === 'owner'
        ? deal.owner?.trim() || NONE_LABEL
        : groupBy === 'stage'
          ? (p.stages[p.stage[i] ?? 0]?.name ?? deal.stage)
          : deal.closeDate === undefined
            ? NO_DATE_LABEL
            : monthLabel(monthIndexFromEpochDay(deal.closeDate));
    const g = groups.get(key) ?? { f: 0, a: 0 };
    g.f += f;
    g.a += a;
    groups.set(key, g);
  }
  const money = (m: number): number => fromMinorUnits(m, p.scale);
  const rows: BacktestGroup[] = [...groups]
    .map(([key, g]) => ({
      key,
      forecast: money(g.f),
      actual: money(g.a),
      ape: g.a > 0 ? Math.abs(g.a - g.f) / g.a : null,
    }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const apes = rows.map((r) => r.ape).filter((v): v is number => v !== null);
  return {
    forecast: money(forecast),
    actual: money(actual),
    accuracy: actual > 0 ? Math.max(0, 1 - Math.abs(actual - forecast) / actual) : null,
    mape: apes.length > 0 ? apes.reduce((s, v) => s + v, 0) / apes.length : null,
    groupBy,
    groups: rows,
    brier: resolved > 0 ? brierSum / resolved : null,
    resolved,
    won,
    unresolved,
  };
}
