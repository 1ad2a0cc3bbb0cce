import type { WarningPlace } from '../columns/data-warning.js';
import type { WarningCollector } from '../columns/warning-collector.js';
import type { RecordTable } from '../columns/record-table.js';
import type { Deal, StageChange } from '../columns/records.js';
import { normalizeStageName } from './normalize-stage-name.js';
import { OPEN } from './prepared-deals.js';
import { orphanStageChangesWarning, unknownHistoryStageWarning } from './prepare-deals-warnings.js';
import { terminalStatusOf } from './resolve-template.js';

/** One stage change of a deal, its stage matched to the template (-1: none). */
interface DealStageChange {
  stage: number;
  date: number;
  row: number;
}

/** The deals' arrays the stage history reads and fills in. */
export interface StageHistoryTarget {
  table: RecordTable<Deal>;
  size: number;
  matcher: ReadonlyMap<string, number>;
  templateKey: string;
  status: Uint8Array;
  stage: Int16Array;
  /** Raised to the furthest stage the history shows. */
  furthest: Int16Array;
  closeDay: Float64Array;
  /** Filled where blank, from the last change into the deal's current stage. */
  stageEnteredDay: Float64Array;
}

export interface StageHistoryResult {
  /** Completed stays: stage index and days. */
  stays: { stage: Int16Array; days: Float64Array };
}

/**
 * Reads the stage history into the deals: the furthest stage each reached, its completed stays
 * (a stay ends at the next change, or at the close date of a closed deal) and, where the deal has
 * no stage-entered date, the date of its last change into its current stage. Changes naming an
 * unknown deal or stage are ignored and reported.
 */
export function readStageHistory(
  history: readonly StageChange[],
  target: StageHistoryTarget,
  place: WarningPlace,
  warnings: WarningCollector,
): StageHistoryResult {
  const { byDeal, unknownStages, orphans } = changesByDeal(history, target);
  const stayStage: number[] = [];
  const stayDays: number[] = [];
  for (const [dealIndex, changes] of byDeal) {
    changes.sort((a, b) => a.date - b.date || a.row - b.row);
    walkDealChanges(dealIndex, changes, target, stayStage, stayDays);
  }
  for (const [name, rows] of unknownStages)
    warnings.report(unknownHistoryStageWarning(name, rows, target.templateKey, place));
  if (orphans > 0) warnings.report(orphanStageChangesWarning(orphans, place));
  return { stays: { stage: Int16Array.from(stayStage), days: Float64Array.from(stayDays) } };
}

/** The changes grouped by deal index, unknown stage names with their rows, and orphan count. */
function changesByDeal(history: readonly StageChange[], target: StageHistoryTarget) {
  const indexById = new Map<string, number>();
  const ids = target.table.values('id') ?? [];
  for (let i = 0; i < target.size; i += 1) indexById.set(ids[i] as string, i);
  const byDeal = new Map<number, DealStageChange[]>();
  const unknownStages = new Map<string, number[]>();
  let orphans = 0;
  for (const change of history) {
    const dealIndex = indexById.get(change.dealId);
    if (dealIndex === undefined) {
      orphans += 1;
      continue;
    }
    const stage = target.matcher.get(normalizeStageName(change.stage)) ?? -1;
    if (stage < 0 && terminalStatusOf(change.stage) === undefined) {
      const rows = unknownStages.get(change.stage.trim()) ?? [];
      rows.push(change.row);
      unknownStages.set(change.stage.trim(), rows);
    }
    const changes = byDeal.get(dealIndex) ?? [];
    changes.push({ stage, date: change.date, row: change.row });
    byDeal.set(dealIndex, changes);
  }
  return { byDeal, unknownStages, orphans };
}

/** One deal's changes, in date order: furthest stage, completed stays, stage-entered fallback. */
function walkDealChanges(
  dealIndex: number,
  changes: readonly DealStageChange[],
  target: StageHistoryTarget,
  stayStage: number[],
  stayDays: number[],
): void {
  let furthest = target.furthest[dealIndex] ?? -1;
  changes.forEach((change, k) => {
    if (change.stage > furthest) furthest = change.stage;
    if (change.stage < 0) return;
    const end = stayEnd(changes[k + 1], dealIndex, target);
    if (!Number.isNaN(end)) {
      stayStage.push(change.stage);
      stayDays.push(end - change.date);
    }
  });
  target.furthest[dealIndex] = furthest;
  const current = target.stage[dealIndex] ?? -1;
  if (current >= 0 && Number.isNaN(target.stageEnteredDay[dealIndex] ?? NaN)) {
    const last = [...changes].reverse().find((change) => change.stage === current);
    if (last) target.stageEnteredDay[dealIndex] = last.date;
  }
}

/** Where a stay ends: the next change, else the close date of a closed deal; NaN while open. */
function stayEnd(
  next: DealStageChange | undefined,
  dealIndex: number,
  target: StageHistoryTarget,
): number {
  if (next) return next.date;
  return target.status[dealIndex] !== OPEN ? (target.closeDay[dealIndex] ?? NaN) : NaN;
}
