import type { DataWarning, WarningPlace } from '../columns/data-warning.js';
import type { MissingField, PreparedStage, UnknownStage } from './prepared-deals.js';
import { WON } from './prepared-deals.js';

/** A deal's probability outside 0–100%: the stage rate is used instead. */
export function probabilityOutOfRangeWarning(
  probability: number,
  row: number,
  place: WarningPlace,
): DataWarning {
  return {
    code: 'out-of-range',
    message: `Probability ${probability} is outside 0–100%; the stage rate is used instead`,
    ...place,
    row,
    column: 'probability',
    raw: String(probability),
    action: 'value ignored',
  };
}

/** A deal whose status column says open but whose stage name says won or lost (dealStatus). */
export function staleOpenWarning(
  stageName: string,
  stageTerminal: number,
  row: number,
  place: WarningPlace,
): DataWarning {
  return {
    code: 'other',
    message: `Status is open but the stage '${stageName.trim()}' is closed; counted as ${stageTerminal === WON ? 'won' : 'lost'}, as the stage says`,
    ...place,
    row,
    column: 'status',
    raw: 'open',
    action: 'assumed',
  };
}

/**
 * Deals naming a stage the template lacks: the open ones are counted in the "Unknown stage" row
 * and the totals (weighted by their own probability only), never dropped unseen.
 */
export function unknownStageWarning(
  entry: UnknownStage,
  templateKey: string,
  place: WarningPlace,
): DataWarning {
  return {
    code: 'unknown-stage',
    message: `Stage "${entry.name === '' ? '(blank)' : entry.name}" (${entry.count} deal(s)) is not in template ${templateKey}; the open ones are counted in the "Unknown stage" row and the totals, weighted only by their own probability (0 without one): choose a template that has the stage (--template) or correct the name`,
    ...place,
    row: entry.rows[0],
    column: 'stage',
    raw: entry.name,
    action: 'row kept',
    count: entry.count,
  };
}

/** Stage changes naming a stage the template lacks: ignored. */
export function unknownHistoryStageWarning(
  name: string,
  rows: readonly number[],
  templateKey: string,
  place: WarningPlace,
): DataWarning {
  return {
    code: 'unknown-stage',
    message: `Stage history names stage "${name}" ${rows.length} time(s), which is not in template ${templateKey}; those changes are ignored`,
    ...place,
    row: rows[0],
    column: 'stage',
    raw: name,
    action: 'value ignored',
    count: rows.length,
  };
}

/** Stage changes naming a deal id the pipeline lacks: ignored. */
export function orphanStageChangesWarning(orphans: number, place: WarningPlace): DataWarning {
  return {
    code: 'other',
    message: `${orphans} stage change(s) name a deal id that is not in the pipeline; they are ignored`,
    ...place,
    action: 'value ignored',
    count: orphans,
  };
}

/** Deals lacking a field some deals fill, and what the forecast did about it. */
export function missingFieldWarning(entry: MissingField, place: WarningPlace): DataWarning {
  return {
    code: 'missing-value',
    message: `${entry.count} ${entry.among === 'open' ? 'open ' : ''}deal(s) have no ${entry.field} (first row ${entry.rows[0]}): ${entry.action}`,
    ...place,
    row: entry.rows[0],
    column: entry.field,
    action: entry.field === 'amount' ? 'row kept' : entry.field === 'account' ? 'none' : 'assumed',
    count: entry.count,
  };
}

/** A stage with no win rate: its deals weigh only through their own probability. */
export function stageWithoutRateWarning(stage: PreparedStage, place: WarningPlace): DataWarning {
  return {
    code: 'missing-value',
    message: `Stage "${stage.name}" has no win rate (the template gives none and no closed deals teach one); its deals add to weighted sums only through their own probability`,
    ...place,
    action: 'none',
  };
}

/** Lost deals without their last open stage: assumed to have reached every stage. */
export function lostWithoutStageWarning(
  lostWithoutStage: number,
  place: WarningPlace,
): DataWarning {
  return {
    code: 'other',
    message: `${lostWithoutStage} lost deal(s) do not say at which stage they were lost; for learned win rates they count as having reached every stage`,
    ...place,
    action: 'assumed',
    count: lostWithoutStage,
  };
}
