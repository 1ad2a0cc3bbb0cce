import type { DataWarning, WarningPlace } from '../columns/data-warning.js';
import type { Deal, StageChange } from '../columns/records.js';
import { Dictionary } from './dictionary.js';
import { DEFAULT_MONEY_DECIMALS, fromMinorUnits, moneyScale, toMinorUnits } from './money.js';
import { normalizeStageName } from './normalize-stage-name.js';
import type { MissingField, PreparedDeals, PreparedStage, UnknownStage } from './prepared-deals.js';
import { LOST, OPEN, WON } from './prepared-deals.js';
import type { ResolveTemplateOptions } from './resolve-template.js';
import { resolveTemplate, stageMatcher, terminalStatusOf } from './resolve-template.js';
import { DEFAULT_MIN_CLOSED, DEFAULT_PRIOR_WEIGHT, winRatesOf } from './win-rates-of.js';

const ROW_SAMPLE = 20;

export interface PrepareDealsOptions extends ResolveTemplateOptions {
  /** Stage history (one row per stage change), for learned rates, dwell times and order. */
  stageChanges?: readonly StageChange[];
  /** Win rates set by the user, by stage key or name (English or Chinese), 0–1. */
  rates?: Readonly<Record<string, number>>;
  /**
   * Which stage rates learned from closed deals replace: 'missing' (stages the template gives no
   * rate, the default), 'all', or 'none'.
   */
  learnRates?: 'missing' | 'all' | 'none';
  minClosed?: number;
  priorWeight?: number;
  /** Decimals money is summed at (default 2). */
  decimals?: number;
  /** File and sheet put on warnings. */
  place?: WarningPlace;
}

/**
 * Reads deals once into typed arrays for the funnel: resolves the stage template, matches each
 * stage name (case, width, space and punctuation insensitive, English or Chinese), works out
 * won/lost from the status or a won/lost stage name, learns win rates from closed deals and fills
 * the stage rates the template lacks.
 *
 * Blanks: a blank amount is NaN (reported, adds nothing to sums); a blank owner, region or product
 * is the group "" (shown as "(none)"); blank dates leave the deal out of the averages needing them.
 * Unknown stage names get one 'unknown-stage' warning each, with the rows; those deals stay out of
 * the stage table and totals and are listed in `unknownStages`.
 *
 * @param deals - the pipeline (not mutated).
 * @param options - template, history, user rates, rate learning, money decimals.
 * @returns PreparedDeals.
 * @throws Error for a bad template key, a user rate outside 0–1, or decimals not an integer 0–6.
 * @example prepareDeals(deals, { template: 'six' }).stages[0].rate // 0.05
 */
export function prepareDeals(
  deals: readonly Deal[],
  options: PrepareDealsOptions = {},
): PreparedDeals {
  const decimals = options.decimals ?? DEFAULT_MONEY_DECIMALS;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    throw new Error(`prepareDeals: decimals must be an integer 0–6, got ${decimals}`);
  const learnMode = options.learnRates ?? 'missing';
  const minClosed = options.minClosed ?? DEFAULT_MIN_CLOSED;
  const priorWeight = options.priorWeight ?? DEFAULT_PRIOR_WEIGHT;
  const place = options.place ?? {};
  const scale = moneyScale(decimals);
  const { template, choice } = resolveTemplate(deals, options);
  const matcher = stageMatcher(template);
  const stageCount = template.stages.length;

  const stages: PreparedStage[] = template.stages.map((s) => ({
    ...s,
    rateSource: s.rate === undefined ? 'none' : 'template',
  }));
  for (const [name, rate] of Object.entries(options.rates ?? {})) {
    const index = matcher.get(normalizeStageName(name));
    if (index === undefined)
      throw new Error(
        `prepareDeals: rates names stage ${JSON.stringify(name)}, which is not in template ${template.key}`,
      );
    if (!(rate >= 0 && rate <= 1))
      throw new Error(`prepareDeals: rate for ${JSON.stringify(name)} must be 0–1, got ${rate}`);
    const stage = stages[index];
    if (stage) {
      stage.rate = rate;
      stage.rateSource = 'user';
    }
  }

  const size = deals.length;
  const stage = new Int16Array(size).fill(-1);
  const furthest = new Int16Array(size).fill(-1);
  const status = new Uint8Array(size);
  const unknownStage = new Uint8Array(size);
  const amountMinor = new Float64Array(size);
  const probability = new Float64Array(size);
  const owner = new Int32Array(size);
  const region = new Int32Array(size);
  const product = new Int32Array(size);
  const closeDay = new Float64Array(size);
  const createdDay = new Float64Array(size);
  const stageEnteredDay = new Float64Array(size);
  const lastActivityDay = new Float64Array(size);
  const owners = new Dictionary();
  const regions = new Dictionary();
  const products = new Dictionary();
  const warnings: DataWarning[] = [];
  const unknown = new Map<string, UnknownStage>();
  const missing = new Map<string, MissingField>();
  const note = (field: string, among: 'all' | 'open', action: string, row: number): void => {
    let entry = missing.get(field);
    if (!entry) {
      entry = { field, among, count: 0, rows: [], action };
      missing.set(field, entry);
    }
    entry.count += 1;
    if (entry.rows.length < ROW_SAMPLE) entry.rows.push(row);
  };
  // Stage names repeat: match each distinct text once.
  const nameCache = new Map<string, number>();
  const terminalCache = new Map<string, 'won' | 'lost' | undefined>();

  const filled = {
    need: false,
    authority: false,
    budget: false,
    timeline: false,
    forecastCategory: false,
  };
  for (let i = 0; i < size; i += 1) {
    const deal = deals[i] as Deal;
    if (deal.need !== undefined) filled.need = true;
    if (deal.authority !== undefined) filled.authority = true;
    if (deal.budget !== undefined) filled.budget = true;
    if (deal.timeline !== undefined) filled.timeline = true;
    if (deal.forecastCategory !== undefined) filled.forecastCategory = true;
    let index = nameCache.get(deal.stage);
    if (index === undefined) {
      index = matcher.get(normalizeStageName(deal.stage)) ?? -1;
      nameCache.set(deal.stage, index);
      terminalCache.set(deal.stage, terminalStatusOf(deal.stage));
    }
    const terminal = terminalCache.get(deal.stage);
    const st = deal.status ?? terminal ?? 'open';
    status[i] = st === 'won' ? WON : st === 'lost' ? LOST : OPEN;
    stage[i] = index;
    furthest[i] = index;
    const amount = deal.amount;
    amountMinor[i] =
      amount === undefined || !Number.isFinite(amount) ? NaN : toMinorUnits(amount, scale);
    if (index < 0 && terminal === undefined) {
      unknownStage[i] = 1;
      const name = deal.stage.trim();
      const entry = unknown.get(name) ?? { name, count: 0, amount: 0, rows: [] };
      entry.count += 1;
      if (!Number.isNaN(amountMinor[i] ?? NaN)) entry.amount += amountMinor[i] ?? 0;
      if (entry.rows.length < ROW_SAMPLE) entry.rows.push(deal.row);
      unknown.set(name, entry);
    }
    const p = deal.probability;
    probability[i] = p !== undefined && p >= 0 && p <= 1 ? p : NaN;
    if (p !== undefined && !(p >= 0 && p <= 1)) {
      warnings.push({
        code: 'out-of-range',
        message: `Probability ${p} is outside 0–100%; the stage rate is used instead`,
        ...place,
        row: deal.row,
        column: 'probability',
        raw: String(p),
        action: 'value ignored',
      });
    }
    owner[i] = owners.codeOfRaw(deal.owner);
    region[i] = regions.codeOfRaw(deal.region);
    product[i] = products.codeOfRaw(deal.product);
    closeDay[i] = deal.closeDate ?? NaN;
    createdDay[i] = deal.createdDate ?? NaN;
    stageEnteredDay[i] = deal.stageEnteredDate ?? NaN;
    lastActivityDay[i] = deal.lastActivityDate ?? NaN;

    const isOpen = status[i] === OPEN;
    if (isOpen && Number.isNaN(amountMinor[i] ?? NaN))
      note(
        'amount',
        'open',
        'counted in deal counts; adds nothing to amounts or weighted sums',
        deal.row,
      );
    if (isOpen && deal.closeDate === undefined)
      note(
        'closeDate',
        'open',
        "shown under close month '(no date)'; not checked for past close date",
        deal.row,
      );
    if (!deal.account?.trim())
      note('account', 'all', 'none: the forecast does not need the account', deal.row);
    if (owners.values[owner[i] ?? 0] === '')
      note('owner', 'all', "grouped under owner '(none)'", deal.row);
    if (deal.createdDate === undefined)
      note('createdDate', 'all', 'left out of sales-cycle averages', deal.row);
  }

  // Stage history: furthest stage reached, completed stays, stage-entered fallback.
  const stayStage: number[] = [];
  const stayDays: number[] = [];
  const history = options.stageChanges ?? [];
  if (history.length > 0) {
    const indexById = new Map<string, number>();
    deals.forEach((d, i) => indexById.set(d.id, i));
    const byDeal = new Map<number, { stage: number; date: number; row: number }[]>();
    const unknownHistory = new Map<string, number[]>();
    let orphans = 0;
    for (const change of history) {
      const dealIndex = indexById.get(change.dealId);
      if (dealIndex === undefined) {
        orphans += 1;
        continue;
      }
      const s = matcher.get(normalizeStageName(change.stage)) ?? -1;
      if (s < 0 && terminalStatusOf(change.stage) === undefined) {
        const rows = unknownHistory.get(change.stage.trim()) ?? [];
        rows.push(change.row);
        unknownHistory.set(change.stage.trim(), rows);
      }
      const list = byDeal.get(dealIndex) ?? [];
      list.push({ stage: s, date: change.date, row: change.row });
      byDeal.set(dealIndex, list);
    }
    for (const [dealIndex, list] of byDeal) {
      list.sort((a, b) => a.date - b.date || a.row - b.row);
      let far = furthest[dealIndex] ?? -1;
      list.forEach((change, k) => {
        if (change.stage > far) far = change.stage;
        if (change.stage < 0) return;
        const next = list[k + 1];
        const end = next
          ? next.date
          : status[dealIndex] !== OPEN
            ? (closeDay[dealIndex] ?? NaN)
            : NaN;
        if (!Number.isNaN(end)) {
          stayStage.push(change.stage);
          stayDays.push(end - change.date);
        }
      });
      furthest[dealIndex] = far;
      const current = stage[dealIndex] ?? -1;
      if (current >= 0 && Number.isNaN(stageEnteredDay[dealIndex] ?? NaN)) {
        const last = [...list].reverse().find((c) => c.stage === current);
        if (last) stageEnteredDay[dealIndex] = last.date;
      }
    }
    for (const [name, rows] of unknownHistory) {
      warnings.push({
        code: 'unknown-stage',
        message: `Stage history names stage "${name}" ${rows.length} time(s), which is not in template ${template.key}; those changes are ignored`,
        ...place,
        row: rows[0],
        column: 'stage',
        raw: name,
        action: 'value ignored',
        count: rows.length,
      });
    }
    if (orphans > 0) {
      warnings.push({
        code: 'other',
        message: `${orphans} stage change(s) name a deal id that is not in the pipeline; they are ignored`,
        ...place,
        action: 'value ignored',
        count: orphans,
      });
    }
  }

  // Learned rates.
  let closedCount = 0;
  let wonCount = 0;
  let lostWithoutStage = 0;
  for (let i = 0; i < size; i += 1) {
    if (status[i] === WON) wonCount += 1;
    if (status[i] !== OPEN) closedCount += 1;
    if (status[i] === LOST && (furthest[i] ?? -1) < 0) lostWithoutStage += 1;
  }
  const overallWinRate = closedCount > 0 ? wonCount / closedCount : null;
  const winRates = winRatesOf({
    stages,
    status,
    furthest,
    priors: template.stages.map((s) => s.rate ?? overallWinRate),
    minClosed,
    priorWeight,
  });
  if (learnMode !== 'none') {
    winRates.forEach((learned, s) => {
      const target = stages[s];
      if (!target || learned.rate === null || target.rateSource === 'user') return;
      if (learnMode === 'all' || target.rate === undefined) {
        target.rate = learned.rate;
        target.rateSource = 'learned';
      }
    });
  }

  for (const entry of unknown.values()) {
    warnings.push({
      code: 'unknown-stage',
      message: `Stage "${entry.name}" (${entry.count} deal(s)) is not in template ${template.key}; those deals are listed but kept out of stage rows and weighted totals`,
      ...place,
      row: entry.rows[0],
      column: 'stage',
      raw: entry.name,
      action: 'row kept',
      count: entry.count,
    });
  }
  // A field no deal has is an absent column (the input layer reports those), not dirty data.
  const present = {
    amount: deals.some((d) => d.amount !== undefined),
    closeDate: deals.some((d) => d.closeDate !== undefined),
    account: deals.some((d) => d.account !== undefined),
    owner: deals.some((d) => d.owner !== undefined),
    createdDate: deals.some((d) => d.createdDate !== undefined),
  } as Record<string, boolean>;
  for (const entry of missing.values()) {
    if (!present[entry.field]) continue;
    warnings.push({
      code: 'missing-value',
      message: `${entry.count} ${entry.among === 'open' ? 'open ' : ''}deal(s) have no ${entry.field} (first row ${entry.rows[0]}): ${entry.action}`,
      ...place,
      row: entry.rows[0],
      column: entry.field,
      action:
        entry.field === 'amount' ? 'row kept' : entry.field === 'account' ? 'none' : 'assumed',
      count: entry.count,
    });
  }
  stages.forEach((s) => {
    if (s.rate === undefined) {
      warnings.push({
        code: 'missing-value',
        message: `Stage "${s.name}" has no win rate (the template gives none and no closed deals teach one); its deals add to weighted sums only through their own probability`,
        ...place,
        action: 'none',
      });
    }
  });
  if (lostWithoutStage > 0 && stageCount > 0) {
    warnings.push({
      code: 'other',
      message: `${lostWithoutStage} lost deal(s) do not say at which stage they were lost; for learned win rates they count as having reached every stage`,
      ...place,
      action: 'assumed',
      count: lostWithoutStage,
    });
  }

  return {
    kind: 'prepared-deals',
    deals,
    template,
    choice,
    stages,
    size,
    decimals,
    scale,
    stage,
    furthest,
    status,
    unknownStage,
    amountMinor,
    probability,
    owner,
    owners: owners.values,
    region,
    regions: regions.values,
    product,
    products: products.values,
    closeDay,
    createdDay,
    stageEnteredDay,
    lastActivityDay,
    stays: { stage: Int16Array.from(stayStage), days: Float64Array.from(stayDays) },
    hasHistory: history.length > 0,
    present: filled,
    winRates,
    overallWinRate,
    closedCount,
    lostWithoutStage,
    unknownStages: [...unknown.values()].map((u) => ({
      ...u,
      amount: fromMinorUnits(u.amount, scale),
    })),
    missing: [...missing.values()],
    warnings,
  };
}
