import type { DataWarning, WarningPlace } from '../columns/data-warning.js';
import type { TextCodes } from '../internal/coded-text-column.js';
import type { RecordTable } from '../columns/record-table.js';
import type { Deal, StageChange } from '../columns/records.js';
import { WarningCollector } from '../columns/warning-collector.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { dealTable } from '../internal/deal-table.js';
import { missingFieldsInOrder, missingFieldWarnings } from './missing-field-tally.js';
import { DEFAULT_MONEY_DECIMALS, fromMinorUnits, moneyScale } from '../columns/money.js';
import {
  lostWithoutStageWarning,
  stageWithoutRateWarning,
  unknownStageWarning,
} from './prepare-deals-warnings.js';
import type { PreparedDeals, PreparedStage, StageWinRate } from './prepared-deals.js';
import type { StageTemplate } from './stage-templates.js';
import type { ResolveTemplateOptions } from './resolve-template.js';
import {
  resolveTemplate,
  stageMatcher,
  userTemplate,
  userTemplateChoice,
} from './resolve-template.js';
import type { DealColumns, ScannedDeals } from './scan-deals.js';
import { filledWithNaN, scanDeals } from './scan-deals.js';
import { readStageHistory } from './stage-history.js';
import type { ClosedDealCounts } from './stage-rates.js';
import { applyLearnedRates, closedDealCounts, stagesWithUserRates } from './stage-rates.js';
import { DEFAULT_MIN_CLOSED, DEFAULT_PRIOR_WEIGHT, winRatesOf } from './win-rates-of.js';

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
 * Unknown stage names get one 'unknown-stage' warning each, with the rows; those deals are listed
 * in `unknownStages` (and, when open, counted in the pipeline's "Unknown stage" row).
 *
 * @param deals - the pipeline (not mutated): deal objects, or the table a reader collected them
 *   in (ReadRecordsOptions.table), which a million deals read much faster from.
 * @param options - template, history, user rates, rate learning, money decimals.
 * @returns PreparedDeals.
 * @throws PipecastError for a bad template key, a user rate outside 0–1, or decimals not an integer 0–6.
 * @example prepareDeals(deals, { template: 'six' }).stages[0].rate // 0.05
 */
export function prepareDeals(
  deals: readonly Deal[] | RecordTable<Deal>,
  options: PrepareDealsOptions = {},
): PreparedDeals {
  const settings = normalizePrepareDealsOptions(options);
  const { decimals, scale, place } = settings;
  const table = dealTable(deals);
  // A template the user names needs no scan of the deals: its matched share is counted in the
  // main pass. Otherwise resolveTemplate reads the stage names to choose one.
  const resolved = options.template === undefined ? resolveTemplate(table, options) : undefined;
  const template = resolved ? resolved.template : userTemplate(options.template ?? 'six');
  const matcher = stageMatcher(template);
  const stages = stagesWithUserRates(template, matcher, options.rates ?? {});
  const warnings = new WarningCollector();
  const scan = scanDeals(table, matcher, scale, place, warnings);
  // Fields no deal has share one all-NaN array: at a million deals each is 8 MB that would
  // otherwise be allocated, filled and garbage collected.
  const blank = sharedNaNColumn(table.size);
  const history = options.stageChanges ?? [];
  const dates = dealDates(table, scan, blank, history.length > 0);
  const stays =
    history.length > 0
      ? readStageHistory(
          history,
          { table, size: table.size, matcher, templateKey: template.key, ...scan, ...dates },
          place,
          warnings,
        ).stays
      : { stage: new Int16Array(0), days: new Float64Array(0) };
  const closed = closedDealCounts(scan.status, scan.furthest);
  const { winRates, overallWinRate } = learnStageRates(stages, template, scan, closed, settings);
  const missing = missingFieldsInOrder(scan.missing);
  for (const entry of scan.unknown.values())
    warnings.report(unknownStageWarning(entry, template.key, place));
  for (const warning of missingFieldWarnings(missing, presentFields(scan.columns), place))
    warnings.report(warning);
  for (const warning of rateWarnings(stages, closed, place)) warnings.report(warning);
  return {
    kind: 'prepared-deals',
    table,
    template,
    choice: resolved ? resolved.choice : userTemplateChoice(template, matchedShare(scan)),
    stages,
    size: table.size,
    decimals,
    scale,
    stage: scan.stage,
    furthest: scan.furthest,
    status: scan.status,
    unknownStage: scan.unknownStage,
    amountMinor: scan.amountMinor,
    probability: scan.probability ?? blank(),
    owner: scan.owner,
    owners: scan.owners,
    region: scan.region,
    regions: scan.regions,
    product: scan.product,
    products: scan.products,
    closeDay: dates.closeDay,
    createdDay: dates.createdDay,
    stageEnteredDay: dates.stageEnteredDay,
    lastActivityDay: dates.lastActivityDay,
    stays,
    hasHistory: history.length > 0,
    present: optionalFieldsPresent(table),
    winRates,
    overallWinRate,
    closedCount: closed.closedCount,
    lostWithoutStage: closed.lostWithoutStage,
    unknownStages: [...scan.unknown.values()].map((unknown) => ({
      ...unknown,
      amount: fromMinorUnits(unknown.amount, scale),
    })),
    missing,
    warnings: warnings.finish(),
  };
}

/** prepareDeals' options with defaults applied and checked. */
function normalizePrepareDealsOptions(options: PrepareDealsOptions) {
  const decimals = options.decimals ?? DEFAULT_MONEY_DECIMALS;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    throw new PipecastError(
      'invalid-option',
      `prepareDeals: decimals must be an integer 0–6, got ${decimals}`,
    );
  return {
    decimals,
    scale: moneyScale(decimals),
    learnMode: options.learnRates ?? 'missing',
    minClosed: options.minClosed ?? DEFAULT_MIN_CLOSED,
    priorWeight: options.priorWeight ?? DEFAULT_PRIOR_WEIGHT,
    place: options.place ?? {},
  };
}

/** A maker of the one all-NaN column that every field no deal has shares (read only). */
function sharedNaNColumn(size: number): () => Float64Array {
  let allNaN: Float64Array | undefined;
  return () => (allNaN ??= filledWithNaN(size));
}

/** The deals' date columns: the table's own (read only), the shared all-NaN one where absent. */
interface DealDates {
  closeDay: Float64Array;
  createdDay: Float64Array;
  /** The deals' own copy when a stage history fills it in. */
  stageEnteredDay: Float64Array;
  lastActivityDay: Float64Array;
}

function dealDates(
  table: RecordTable<Deal>,
  scan: ScannedDeals,
  blank: () => Float64Array,
  hasHistory: boolean,
): DealDates {
  const entereds = table.numbers('stageEnteredDate');
  return {
    closeDay: scan.columns.closes ?? blank(),
    createdDay: scan.columns.createds ?? blank(),
    stageEnteredDay: hasHistory
      ? (entereds?.slice() ?? filledWithNaN(scan.stage.length))
      : (entereds ?? blank()),
    lastActivityDay: table.numbers('lastActivityDate') ?? blank(),
  };
}

/** Share of voting deals (see votesOnTemplate) whose stage a user's template recognises. */
function matchedShare(scan: ScannedDeals): number {
  return scan.templateVotes > 0 ? scan.templateMatches / scan.templateVotes : 0;
}

/** Which checked fields any deal fills: a field no deal has is an absent column. */
function presentFields(columns: DealColumns): Record<string, boolean> {
  return {
    amount: anyNumber(columns.amounts),
    closeDate: anyNumber(columns.closes),
    account: anyValue(columns.accounts),
    owner: anyValue(columns.owners.texts),
    createdDate: anyNumber(columns.createds),
  };
}

/** Optional deal fields some deal fills (qualification flags, forecast category). */
function optionalFieldsPresent(table: RecordTable<Deal>): PreparedDeals['present'] {
  return {
    need: anyFlag(table.flags('need')),
    authority: anyFlag(table.flags('authority')),
    budget: anyFlag(table.flags('budget')),
    timeline: anyFlag(table.flags('timeline')),
    forecastCategory: anyValue(table.codes('forecastCategory')),
  };
}

/** Stages left without a win rate, and lost deals that do not say where they were lost. */
function rateWarnings(
  stages: readonly PreparedStage[],
  closed: ClosedDealCounts,
  place: WarningPlace,
): DataWarning[] {
  const warnings = stages
    .filter((stage) => stage.rate === undefined)
    .map((stage) => stageWithoutRateWarning(stage, place));
  if (closed.lostWithoutStage > 0 && stages.length > 0)
    warnings.push(lostWithoutStageWarning(closed.lostWithoutStage, place));
  return warnings;
}

/** Whether any row has a flag set (true or false). */
function anyFlag(flags: Int8Array | undefined): boolean {
  return flags !== undefined && flags.some((flag) => flag >= 0);
}

/** Whether any row has a value. */
function anyValue(texts: TextCodes | undefined): boolean {
  return texts !== undefined && texts.codes.some((code) => code !== 0);
}

/** Whether any row has a number. */
function anyNumber(numbers: Float64Array | undefined): boolean {
  return numbers !== undefined && numbers.some((value) => !Number.isNaN(value));
}

/**
 * Win rates learned from the closed deals, shrunk toward the template's rate (or the overall win
 * rate where the template has none), set on the stages as `learnMode` allows.
 */
function learnStageRates(
  stages: PreparedStage[],
  template: StageTemplate,
  scan: ScannedDeals,
  closed: ClosedDealCounts,
  settings: ReturnType<typeof normalizePrepareDealsOptions>,
): { winRates: StageWinRate[]; overallWinRate: number | null } {
  const overallWinRate = closed.closedCount > 0 ? closed.wonCount / closed.closedCount : null;
  const winRates = winRatesOf({
    stages,
    status: scan.status,
    furthest: scan.furthest,
    priors: template.stages.map((stage) => stage.rate ?? overallWinRate),
    minClosed: settings.minClosed,
    priorWeight: settings.priorWeight,
  });
  applyLearnedRates(stages, winRates, settings.learnMode);
  return { winRates, overallWinRate };
}
