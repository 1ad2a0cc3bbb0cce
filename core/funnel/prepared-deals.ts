import type { DataWarning } from '../columns/data-warning.js';
import type { Deal } from '../columns/records.js';
import type { RecordTable } from '../columns/record-table.js';
import type { TemplateChoice } from './resolve-template.js';
import type { StageDefinition, StageTemplate } from './stage-templates.js';

export const OPEN = 0;
export const WON = 1;
export const LOST = 2;

/** Where a stage's win rate came from. */
export type RateSource = 'template' | 'user' | 'learned' | 'none';

export interface PreparedStage extends StageDefinition {
  rateSource: RateSource;
}

/** A learned win rate and what it rests on. */
export interface StageWinRate {
  stageKey: string;
  name: string;
  nameZh: string;
  /** The rate used: the raw rate, or shrunk toward `prior` when fewer than minClosed deals. */
  rate: number | null;
  /** won ÷ closed among closed deals that reached the stage; null when none did. */
  rawRate: number | null;
  won: number;
  closed: number;
  /** The rate shrunk toward (template or team rate), null when there is none. */
  prior: number | null;
  shrunk: boolean;
}

/** Per data field, how many deals lack it and what the forecast did about it. */
/** The deal fields whose blanks prepareDeals counts, each with its own warning text. */
export type MissingFieldName = 'amount' | 'closeDate' | 'account' | 'owner' | 'createdDate';

export interface MissingField {
  field: MissingFieldName;
  /** Which deals were checked: 'all' or 'open'. */
  among: 'all' | 'open';
  count: number;
  /** Up to 20 Excel row numbers. */
  rows: number[];
  action: string;
}

export interface UnknownStage {
  name: string;
  count: number;
  amount: number;
  rows: number[];
}

/**
 * Deals dictionary-encoded into typed arrays (one slot per deal, in input order), with the
 * stage template resolved and rates filled. Every funnel function accepts this or plain deals;
 * forecastFunnel prepares once and shares it. The arrays are read only: optional fields no deal
 * has (probability and the dates other than close) may share one all-NaN array.
 */
export interface PreparedDeals {
  kind: 'prepared-deals';
  /** The deals, column by column; `table.record(i)` is deal i as an object. */
  table: RecordTable<Deal>;
  template: StageTemplate;
  choice: TemplateChoice;
  stages: PreparedStage[];
  size: number;
  decimals: number;
  scale: number;
  /** Index into `stages` of the deal's stage name, -1 when it names no open stage. */
  stage: Int16Array;
  /** Furthest stage the deal is known to have reached (history or current stage), -1 unknown. */
  furthest: Int16Array;
  /** OPEN, WON or LOST. */
  status: Uint8Array;
  /** 1 when the stage name matches no stage and no won/lost name. */
  unknownStage: Uint8Array;
  /** Amount in minor units (cents), NaN when blank. */
  amountMinor: Float64Array;
  /** The deal's own probability 0–1, NaN when absent or invalid. */
  probability: Float64Array;
  owner: Int32Array;
  owners: string[];
  region: Int32Array;
  regions: string[];
  product: Int32Array;
  products: string[];
  closeDay: Float64Array;
  createdDay: Float64Array;
  stageEnteredDay: Float64Array;
  lastActivityDay: Float64Array;
  /** Completed stays from the stage history: stage index and days. */
  stays: { stage: Int16Array; days: Float64Array };
  hasHistory: boolean;
  /** Optional deal fields some deal fills (qualification flags, forecast category). */
  present: {
    need: boolean;
    authority: boolean;
    budget: boolean;
    timeline: boolean;
    forecastCategory: boolean;
  };
  /** Team-level learned win rates (one per stage). */
  winRates: StageWinRate[];
  /** Overall share of closed deals that were won, null without closed deals. */
  overallWinRate: number | null;
  closedCount: number;
  /** Lost deals with no known last open stage, assumed to have reached every stage. */
  lostWithoutStage: number;
  unknownStages: UnknownStage[];
  missing: MissingField[];
  warnings: DataWarning[];
}

/** True for the output of prepareDeals. */
export function isPreparedDeals(value: unknown): value is PreparedDeals {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'prepared-deals'
  );
}
