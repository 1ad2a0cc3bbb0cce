import type { DealStatus } from '../columns/records.js';
import { LOST, OPEN, WON } from './prepared-deals.js';

/**
 * A deal's status: its status column when it says won or lost; otherwise won or lost when the
 * stage name is a won/lost name (`stageTerminal`), else open. A won/lost stage name closes the
 * deal even when the status column still says open (isStaleOpen): an open deal in a closed stage
 * fits no open stage and would otherwise drop out of every total unseen.
 *
 * @param given - the status column's value, undefined when blank.
 * @param stageTerminal - WON or LOST when the stage name says so, else 0.
 * @returns OPEN, WON or LOST.
 * @example dealStatus(undefined, WON) // WON: stage "Closed Won" and no status
 */
export function dealStatus(given: DealStatus | undefined, stageTerminal: number): number {
  if (given === 'won') return WON;
  if (given === 'lost') return LOST;
  return stageTerminal === 0 ? OPEN : stageTerminal;
}

/** Whether the status column says open while the stage name says won or lost (see dealStatus). */
export function isStaleOpen(given: DealStatus | undefined, stageTerminal: number): boolean {
  return given === 'open' && stageTerminal !== 0;
}

/**
 * Whether a deal votes on how well a stage template fits the pipeline (resolveTemplate's rule):
 * its stage name is neither blank nor a won/lost name, and its status does not say closed.
 */
export function votesOnTemplate(
  stageBlank: boolean,
  stageTerminal: number,
  given: DealStatus | undefined,
): boolean {
  return stageTerminal === 0 && !stageBlank && given !== 'won' && given !== 'lost';
}

/**
 * Whether a deal's stage is unknown: its name matches no stage of the template and is no won/lost
 * name. Such deals are listed; the open ones count in the pipeline's "Unknown stage" row and
 * totals, outside every per-stage analysis.
 */
export function isUnknownStage(stageIndex: number, stageTerminal: number): boolean {
  return stageIndex < 0 && stageTerminal === 0;
}
