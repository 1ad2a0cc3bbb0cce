import { codedMessage } from '../text/coded-text.js';
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
    ...codedMessage('warning.probabilityOutOfRange', { probability }),
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
    ...codedMessage(stageTerminal === WON ? 'warning.staleOpenWon' : 'warning.staleOpenLost', {
      stage: stageName.trim(),
    }),
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
    ...codedMessage('warning.unknownStage', {
      stage: entry.name === '' ? '(blank)' : entry.name,
      count: entry.count,
      template: templateKey,
    }),
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
    ...codedMessage('warning.unknownHistoryStage', {
      stage: name,
      count: rows.length,
      template: templateKey,
    }),
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
    ...codedMessage('warning.orphanStageChanges', { count: orphans }),
    ...place,
    action: 'value ignored',
    count: orphans,
  };
}

/** Deals lacking a field some deals fill, and what the forecast did about it. */
export function missingFieldWarning(entry: MissingField, place: WarningPlace): DataWarning {
  return {
    code: 'missing-value',
    ...codedMessage(`warning.missingDeal_${entry.field}`, {
      count: entry.count,
      row: entry.rows[0] ?? '',
    }),
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
    ...codedMessage('warning.stageWithoutRate', { stage: stage.name }),
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
    ...codedMessage('warning.lostWithoutStage', { count: lostWithoutStage }),
    ...place,
    action: 'assumed',
    count: lostWithoutStage,
  };
}
