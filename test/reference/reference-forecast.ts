import type { Deal } from '../../core/columns/records.js';
import { moneyOf, referenceCents, referenceRound } from './reference-money.js';

/*
 * A plain reference for the weighted pipeline, written from ../shared/DOMAIN.md §1 and "Exact
 * definitions", to check the core's forecast on random pipelines: stage rows, totals, won and lost,
 * unknown stages, small orders and the owner groups. Plain loops over plain objects, money in
 * whole cents. Win rates learned from closed history are not modelled (the tests pass
 * learnRates: 'none'); they have tests of their own.
 */

export type ReferenceTemplateKey = 'six' | 'key-account' | 'generic';

interface ReferenceStage {
  key: string;
  /** English and Chinese names as DOMAIN.md writes them. */
  names: readonly string[];
  /** Default win rate, 0–1, where DOMAIN.md gives one. */
  rate: number | null;
}

/** DOMAIN.md §1 "Stage templates": the three templates, their stages in order, their rates. */
export const REFERENCE_TEMPLATES: Readonly<
  Record<ReferenceTemplateKey, readonly ReferenceStage[]>
> = {
  six: [
    { key: 'interest', names: ['Interest (customer analysis)', '兴趣(客户分析)'], rate: 0.05 },
    { key: 'brewing', names: ['Brewing (build trust)', '酝酿(建立信任)'], rate: 0.1 },
    { key: 'design', names: ['Design (dig into needs)', '设计(挖掘需求)'], rate: 0.2 },
    { key: 'compare', names: ['Compare (present value)', '比较(呈现价值)'], rate: 0.3 },
    { key: 'commit', names: ['Commit (win commitment)', '承诺(赢取承诺)'], rate: 0.5 },
    { key: 'use', names: ['Use (collect payment)', '使用(回收货款)'], rate: 0.8 },
  ],
  'key-account': [
    { key: 'entrance', names: ['Entrance', '确认商机'], rate: null },
    { key: 'demand', names: ['Demand', '主导进程'], rate: null },
    { key: 'consulting', names: ['Consulting', '方案论证'], rate: null },
    { key: 'business', names: ['Business', '商务洽谈'], rate: null },
    { key: 'action', names: ['Action', '销售成交'], rate: null },
  ],
  generic: [
    { key: 'initial-contact', names: ['initial contact', '初步接触'], rate: null },
    { key: 'needs-analysis', names: ['needs analysis', '需求分析'], rate: null },
    { key: 'proposal', names: ['proposal', '方案制定'], rate: null },
    { key: 'negotiation', names: ['negotiation', '商务谈判'], rate: null },
    { key: 'contract', names: ['contract', '合同签订'], rate: null },
  ],
};

/** Stage names that say a deal is won or lost, in English and Chinese. */
export const REFERENCE_WON_NAMES = ['Won', 'Closed Won', '赢单', '成交'];
export const REFERENCE_LOST_NAMES = ['Lost', 'Closed Lost', '丢单', '输单'];

export interface ReferenceForecastOptions {
  template: ReferenceTemplateKey;
  /** Win rates the user sets, by stage key or name, 0–1. */
  rates?: Readonly<Record<string, number>>;
  /** Open deals below this amount are small orders, kept out of the funnel. */
  smallOrderThreshold?: number;
}

export interface ReferenceTotals {
  count: number;
  amount: number;
  weighted: number;
}

export interface ReferenceForecastResult {
  stages: (ReferenceTotals & { key: string; rate: number | null; unweighted: number })[];
  totals: ReferenceTotals;
  won: { count: number; amount: number };
  lost: { count: number; amount: number };
  unknownStages: { name: string; count: number; amount: number; rows: number[] }[];
  smallOrders: { threshold: number; count: number; amount: number } | null;
  byOwner: (ReferenceTotals & { key: string; name: string })[];
}

/**
 * DOMAIN.md "Words a user may type": names match case-, space- and punctuation-insensitively,
 * full-width forms as their ASCII twins.
 */
function matchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The names a stage answers to: its key, its names, and their short forms before the bracket. */
function namesOf(stage: ReferenceStage): string[] {
  const names = [stage.key];
  for (const name of stage.names) names.push(name, name.replace(/\s*[(（].*$/u, ''));
  return names.map(matchKey);
}

/** Index of the template stage a stage text names, or -1. */
function stageIndexOf(stages: readonly ReferenceStage[], text: string): number {
  const key = matchKey(text);
  if (key === '') return -1;
  return stages.findIndex((stage) => namesOf(stage).includes(key));
}

/** 'won' / 'lost' when the stage text is a won or lost name. */
function terminalOf(text: string): 'won' | 'lost' | null {
  const key = matchKey(text);
  if (REFERENCE_WON_NAMES.some((name) => matchKey(name) === key)) return 'won';
  if (REFERENCE_LOST_NAMES.some((name) => matchKey(name) === key)) return 'lost';
  return null;
}

/** The stages' rates: the template's, replaced where the user sets one. */
function stageRates(options: ReferenceForecastOptions): (number | null)[] {
  const stages = REFERENCE_TEMPLATES[options.template];
  const rates = stages.map((stage) => stage.rate);
  for (const [name, rate] of Object.entries(options.rates ?? {})) {
    const index = stageIndexOf(stages, name);
    if (index < 0) throw new Error(`referenceForecast: no stage ${name}`);
    rates[index] = rate;
  }
  return rates;
}

/**
 * DOMAIN.md "Exact definitions": probability = the deal's own probability when valid (0–1 here:
 * readers turn 0–100% into 0–1), else its stage's rate; null when neither is known.
 */
function probabilityOf(deal: Deal, stageRate: number | null): number | null {
  const own = deal.probability;
  if (own !== undefined && own >= 0 && own <= 1) return own;
  return stageRate;
}

/**
 * The weighted pipeline the slow, obvious way.
 *
 * Rules (DOMAIN.md): a deal's status is its status cell, else won or lost when its stage is a won or
 * lost name, else open. Won deals count as Closed at 100% and lost deals are out of the pipeline;
 * both stay out of the stage rows. An open deal below the small-order threshold is kept out of the
 * funnel. An open deal in a template stage adds to its stage row: count, amount, and the weighted
 * amount = amount × probability, each deal rounded to cents so the rows add up to the totals. A
 * deal without an amount counts but adds no money; one without a probability adds its amount and
 * no weighted amount (both "unweighted"). Stage names matching nothing are listed as unknown
 * stages, with their deals' count and amount.
 *
 * @param deals - The pipeline.
 * @param options - Template, user rates, small-order threshold.
 * @returns Stage rows, totals, won, lost, unknown stages, small orders, owner groups.
 */
export function referenceForecast(
  deals: readonly Deal[],
  options: ReferenceForecastOptions,
): ReferenceForecastResult {
  const stages = REFERENCE_TEMPLATES[options.template];
  const rates = stageRates(options);
  const rows = stages.map((stage, s) => ({
    key: stage.key,
    rate: rates[s] ?? null,
    count: 0,
    amountCents: 0,
    weightedCents: 0,
    unweighted: 0,
  }));
  const thresholdCents =
    options.smallOrderThreshold === undefined ? null : referenceCents(options.smallOrderThreshold);
  const won = { count: 0, cents: 0 };
  const lost = { count: 0, cents: 0 };
  const small = { count: 0, cents: 0 };
  const owners = new Map<string, { count: number; amountCents: number; weightedCents: number }>();
  for (const deal of deals) {
    const index = stageIndexOf(stages, deal.stage);
    const status = deal.status ?? terminalOf(deal.stage) ?? 'open';
    const cents =
      deal.amount !== undefined && Number.isFinite(deal.amount)
        ? referenceCents(deal.amount)
        : null;
    if (status === 'won' || status === 'lost') {
      const closed = status === 'won' ? won : lost;
      closed.count += 1;
      closed.cents += cents ?? 0;
      continue;
    }
    if (thresholdCents !== null && cents !== null && cents < thresholdCents) {
      small.count += 1;
      small.cents += cents;
      continue;
    }
    const row = rows[index];
    if (row === undefined) continue;
    const probability = probabilityOf(deal, row.rate);
    const weighted =
      cents !== null && probability !== null ? referenceRound(cents * probability) : null;
    row.count += 1;
    row.amountCents += cents ?? 0;
    row.weightedCents += weighted ?? 0;
    if (weighted === null) row.unweighted += 1;
    const owner = (deal.owner ?? '').trim();
    const group = owners.get(owner) ?? { count: 0, amountCents: 0, weightedCents: 0 };
    group.count += 1;
    group.amountCents += cents ?? 0;
    group.weightedCents += weighted ?? 0;
    owners.set(owner, group);
  }
  return {
    stages: rows.map((row) => ({
      key: row.key,
      rate: row.rate,
      count: row.count,
      amount: moneyOf(row.amountCents),
      weighted: moneyOf(row.weightedCents),
      unweighted: row.unweighted,
    })),
    totals: {
      count: rows.reduce((sum, row) => sum + row.count, 0),
      amount: moneyOf(rows.reduce((sum, row) => sum + row.amountCents, 0)),
      weighted: moneyOf(rows.reduce((sum, row) => sum + row.weightedCents, 0)),
    },
    won: { count: won.count, amount: moneyOf(won.cents) },
    lost: { count: lost.count, amount: moneyOf(lost.cents) },
    unknownStages: unknownStagesOf(deals, stages),
    smallOrders:
      thresholdCents === null
        ? null
        : { threshold: moneyOf(thresholdCents), count: small.count, amount: moneyOf(small.cents) },
    byOwner: ownerRows(owners),
  };
}

/**
 * Deals whose stage text is neither a template stage nor a won or lost name, grouped by the text
 * as typed (trimmed), in order of first appearance, whatever their status (core's listing), with
 * up to 20 of their rows.
 */
function unknownStagesOf(
  deals: readonly Deal[],
  stages: readonly ReferenceStage[],
): ReferenceForecastResult['unknownStages'] {
  const unknown = new Map<string, { count: number; cents: number; rows: number[] }>();
  for (const deal of deals) {
    if (stageIndexOf(stages, deal.stage) >= 0 || terminalOf(deal.stage) !== null) continue;
    const name = deal.stage.trim();
    const entry = unknown.get(name) ?? { count: 0, cents: 0, rows: [] };
    entry.count += 1;
    if (deal.amount !== undefined && Number.isFinite(deal.amount))
      entry.cents += referenceCents(deal.amount);
    if (entry.rows.length < 20) entry.rows.push(deal.row);
    unknown.set(name, entry);
  }
  return [...unknown].map(([name, entry]) => ({
    name,
    count: entry.count,
    amount: moneyOf(entry.cents),
    rows: entry.rows,
  }));
}

/**
 * DOMAIN.md: weighted pipeline "per … owner"; a blank owner is the group "(none)". Largest
 * weighted first, then largest amount, then owner name.
 */
function ownerRows(
  owners: ReadonlyMap<string, { count: number; amountCents: number; weightedCents: number }>,
): ReferenceForecastResult['byOwner'] {
  const rows = [...owners].map(([key, group]) => ({
    key,
    name: key === '' ? '(none)' : key,
    count: group.count,
    amount: moneyOf(group.amountCents),
    weighted: moneyOf(group.weightedCents),
  }));
  return rows.sort(
    (a, b) => b.weighted - a.weighted || b.amount - a.amount || (a.key < b.key ? -1 : 1),
  );
}
