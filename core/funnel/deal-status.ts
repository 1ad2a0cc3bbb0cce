import type { DealStatus } from '../columns/records.js';
import { LOST, OPEN, WON } from './prepared-deals.js';

/**
 * A deal's status: its status column when it says won, lost or open; without one, won or lost
 * when the stage name is a won/lost name (`stageTerminal`), else open.
 *
 * @param given - the status column's value, undefined when blank.
 * @param stageTerminal - WON or LOST when the stage name says so, else 0.
 * @returns OPEN, WON or LOST.
 * @example dealStatus(undefined, WON) // WON: stage "Closed Won" and no status
 */
export function dealStatus(given: DealStatus | undefined, stageTerminal: number): number {
  if (given === 'won') return WON;
  if (given === 'lost') return LOST;
  return given === undefined ? stageTerminal : OPEN;
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
 * name. Such deals are listed, and kept out of the stage rows and totals.
 */
export function isUnknownStage(stageIndex: number, stageTerminal: number): boolean {
  return stageIndex < 0 && stageTerminal === 0;
}
