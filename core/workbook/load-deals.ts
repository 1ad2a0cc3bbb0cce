import type { Deal, StageChange } from '../columns/records.js';
import type { SheetGrid } from './sheet-grid.js';
import type { PickedSheet, SheetChoice } from './sheet-choice.js';
import { isUsable, mayHold, readSheetAs } from './sheet-choice.js';

/** The pipeline sheet and, when the workbook has one, its stage-history sheet. */
export interface LoadDealsResult {
  deals: PickedSheet<Deal>;
  /** Another sheet of stage changes (deal, stage, date), for learned rates and time in stage. */
  history: PickedSheet<StageChange> | undefined;
}

/**
 * Finds the deals of a workbook: the first sheet that reads as deals (a stage column and at
 * least one row), then the first other sheet that reads as stage changes.
 *
 * @param sheets - the workbook's sheets, in workbook order.
 * @param choice - sheet kinds and column mappings the user gave.
 * @returns the picked sheets, or undefined when no sheet reads as deals.
 */
export function loadDeals(
  sheets: readonly SheetGrid[],
  choice: SheetChoice = {},
): LoadDealsResult | undefined {
  let deals: PickedSheet<Deal> | undefined;
  for (const grid of sheets) {
    if (!mayHold(grid, 'deal', choice)) continue;
    // A million-row pipeline reads several times faster as a table than as deal objects.
    const read = readSheetAs(grid, 'deal', choice, { table: true });
    if (isUsable(read)) {
      deals = read;
      break;
    }
  }
  if (deals === undefined) return undefined;
  let history: PickedSheet<StageChange> | undefined;
  for (const grid of sheets) {
    if (grid === deals.grid || !mayHold(grid, 'stageChange', choice)) continue;
    const read = readSheetAs(grid, 'stageChange', choice);
    if (isUsable(read)) {
      history = read;
      break;
    }
  }
  return { deals, history };
}
