import type { Deal } from '../../core/columns/records.js';
import { isoOf } from './reference-calendar.js';
import { moneyOf, referenceCents, referenceRound } from './reference-money.js';

/*
 * A plain reference for the weighted pipeline, written from ../shared/DOMAIN.md §1 and "Exact
 * definitions", to check the core's forecast on random pipelines: stage rows, totals, won and
 * lost, unknown stages, small orders and the groups by owner, region, product, close month and
 * quarter. Plain loops over plain objects, money in whole cents. Win rates learned from closed
 * history are not modelled (the tests pass learnRates: 'none'); they have tests of their own.
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

export interface ReferenceGroup extends ReferenceTotals {
  key: string;
  name: string;
}

export interface ReferenceForecastResult {
  stages: (ReferenceTotals & { key: string; rate: number | null; unweighted: number })[];
  /** Open deals in no template stage (issue 17: never dropped from the totals unseen). */
  unknownStage: (ReferenceTotals & { unweighted: number }) | null;
  totals: ReferenceTotals;
  won: { count: number; amount: number };
  lost: { count: number; amount: number };
  unknownStages: { name: string; count: number; amount: number; rows: number[] }[];
  smallOrders: { threshold: number; count: number; amount: number } | null;
  byOwner: ReferenceGroup[];
  byRegion: ReferenceGroup[];
  byProduct: ReferenceGroup[];
  byMonth: ReferenceGroup[];
  byQuarter: ReferenceGroup[];
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
 * Rules (DOMAIN.md): a deal's status is its status cell, else won or lost when its stage is a won
 * or lost name, else open. Won deals count as Closed at 100% and lost deals are out of the
 * pipeline; both stay out of the stage rows. An open deal below the small-order threshold is kept
 * out of the funnel. An open deal in a template stage adds to its stage row: count, amount, and the weighted
 * amount = amount × probability, each deal rounded to cents so the rows add up to the totals. A
 * deal without an amount counts but adds no money; one without a probability adds its amount and
 * no weighted amount (both "unweighted"). Stage names matching nothing are listed as unknown
 * stages, with their deals' count and amount; the open ones (not small orders) also form the
 * "Unknown stage" row, weighted by their own probability only (no stage, so no stage rate), and
 * count in the totals and the groups.
 *
 * @param deals - The pipeline.
 * @param options - Template, user rates, small-order threshold.
 * @returns Stage rows, totals, won, lost, unknown stages, small orders, groups.
 */
export function referenceForecast(
  deals: readonly Deal[],
  options: ReferenceForecastOptions,
): ReferenceForecastResult {
  const stages = REFERENCE_TEMPLATES[options.template];
  const rates = stageRates(options);
  const thresholdCents =
    options.smallOrderThreshold === undefined ? null : referenceCents(options.smallOrderThreshold);
  const won: FunnelEntry[] = [];
  const lost: FunnelEntry[] = [];
  const small: FunnelEntry[] = [];
  const funnel: FunnelEntry[] = [];
  for (const deal of deals) {
    const stage = stageIndexOf(stages, deal.stage);
    const status = deal.status ?? terminalOf(deal.stage) ?? 'open';
    const cents =
      deal.amount !== undefined && Number.isFinite(deal.amount)
        ? referenceCents(deal.amount)
        : null;
    if (status === 'won' || status === 'lost') {
      (status === 'won' ? won : lost).push({ deal, stage, cents, weighted: null });
    } else if (thresholdCents !== null && cents !== null && cents < thresholdCents) {
      small.push({ deal, stage, cents, weighted: null });
    } else {
      const probability = probabilityOf(deal, stage >= 0 ? (rates[stage] ?? null) : null);
      const weighted =
        cents !== null && probability !== null ? referenceRound(cents * probability) : null;
      funnel.push({ deal, stage, cents, weighted });
    }
  }
  return {
    stages: stages.map((stage, s) => {
      // stage −1 (unknown) matches no s here.
      const inStage = funnel.filter((entry) => entry.stage === s);
      return {
        key: stage.key,
        rate: rates[s] ?? null,
        ...totalsOf(inStage),
        unweighted: inStage.filter((entry) => entry.weighted === null).length,
      };
    }),
    unknownStage: unknownStageOf(funnel.filter((entry) => entry.stage < 0)),
    totals: totalsOf(funnel),
    won: { count: won.length, amount: totalsOf(won).amount },
    lost: { count: lost.length, amount: totalsOf(lost).amount },
    unknownStages: unknownStagesOf(deals, stages),
    smallOrders:
      thresholdCents === null
        ? null
        : {
            threshold: moneyOf(thresholdCents),
            count: small.length,
            amount: totalsOf(small).amount,
          },
    byOwner: groupsBy(funnel, (deal) => deal.owner),
    byRegion: groupsBy(funnel, (deal) => deal.region),
    byProduct: groupsBy(funnel, (deal) => deal.product),
    ...periodGroups(funnel),
  };
}

/** A deal with its stage index, amount and weighted amount in cents (null: unknown). */
interface FunnelEntry {
  deal: Deal;
  stage: number;
  cents: number | null;
  weighted: number | null;
}

/** The unknown-stage row: its deals' totals and how many have no weighted amount; null if none. */
function unknownStageOf(entries: readonly FunnelEntry[]): ReferenceForecastResult['unknownStage'] {
  if (entries.length === 0) return null;
  return {
    ...totalsOf(entries),
    unweighted: entries.filter((entry) => entry.weighted === null).length,
  };
}

/** Count, Σ amount and Σ weighted amount (in cents, a deal without one adding nothing). */
function totalsOf(entries: readonly FunnelEntry[]): ReferenceTotals {
  let amount = 0;
  let weighted = 0;
  for (const entry of entries) {
    amount += entry.cents ?? 0;
    weighted += entry.weighted ?? 0;
  }
  return { count: entries.length, amount: moneyOf(amount), weighted: moneyOf(weighted) };
}

/**
 * DOMAIN.md: weighted pipeline "per … owner, region, product"; a blank value is the group
 * "(none)". Largest weighted first, then largest amount, then the value.
 */
function groupsBy(
  entries: readonly FunnelEntry[],
  valueOf: (deal: Deal) => string | undefined,
): ReferenceGroup[] {
  const keys = new Set(entries.map((entry) => (valueOf(entry.deal) ?? '').trim()));
  const rows = [...keys].map((key) => ({
    key,
    name: key === '' ? '(none)' : key,
    ...totalsOf(entries.filter((entry) => (valueOf(entry.deal) ?? '').trim() === key)),
  }));
  return rows.sort(
    (a, b) => b.weighted - a.weighted || b.amount - a.amount || (a.key < b.key ? -1 : 1),
  );
}

/**
 * DOMAIN.md: weighted pipeline per "close month/quarter", `YYYY-MM` and `YYYY-Qn`, in calendar
 * order; deals without a close date last, as "(no date)".
 */
function periodGroups(
  entries: readonly FunnelEntry[],
): Pick<ReferenceForecastResult, 'byMonth' | 'byQuarter'> {
  const monthOf = (entry: FunnelEntry): string =>
    entry.deal.closeDate === undefined ? NO_DATE : isoOf(entry.deal.closeDate).slice(0, 7);
  const quarterOf = (entry: FunnelEntry): string => {
    const month = monthOf(entry);
    if (month === NO_DATE) return NO_DATE;
    return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
  };
  const inOrder = (keys: Set<string>): string[] =>
    [...keys].sort((a, b) => (a === NO_DATE ? 1 : b === NO_DATE ? -1 : a < b ? -1 : 1));
  const rowsOf = (keyOf: (entry: FunnelEntry) => string): ReferenceGroup[] =>
    inOrder(new Set(entries.map(keyOf))).map((key) => ({
      key,
      name: key,
      ...totalsOf(entries.filter((entry) => keyOf(entry) === key)),
    }));
  return { byMonth: rowsOf(monthOf), byQuarter: rowsOf(quarterOf) };
}

const NO_DATE = '(no date)';

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
