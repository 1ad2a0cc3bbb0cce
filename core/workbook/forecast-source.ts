import { columnsReadAs } from '../tables/columns-read-as.js';
import type { ForecastRun, ForecastSource } from './forecast.js';
import type { LoadDealsResult } from './load-deals.js';

/**
 * Where a forecast read its deals: the deal sheet's file, name, header row, rows read and
 * dropped, blank cells per optional field, and the stage-history sheet if one was used.
 *
 * @param loaded - the deal sheet (and history sheet) loadDeals picked.
 * @returns the run's `source`.
 * @example forecastSourceOf(loaded) // { file: 'deals.xlsx', sheet: 'Deals', headerRow: 1, … }
 */
export function forecastSourceOf(loaded: LoadDealsResult): ForecastSource {
  const picked = loaded.deals;
  return {
    file: picked.grid.file,
    sheet: picked.grid.sheet,
    headerRow: picked.headerRow ?? null,
    rowsRead: picked.rowsRead,
    rowsDropped: picked.rowsDropped,
    missing: picked.missing,
    historySheet: loaded.history?.grid.sheet ?? null,
  };
}

/**
 * Keeps the deal sheet on a run, for forecastDealsTable and forecastBreakdown: the sheet (its
 * other columns) and what its columns were read as (a header in the other language names a
 * column through its field; a date field's serials show as dates). Not enumerable, so JSON of
 * the run stays its figures.
 *
 * @param run - the run to keep them on.
 * @param loaded - the deal sheet loadDeals picked.
 */
export function keepDealSheet(run: ForecastRun, loaded: LoadDealsResult): void {
  const picked = loaded.deals;
  Object.defineProperties(run, {
    sourceGrid: { value: picked.grid, enumerable: false },
    sourceReadAs: { value: columnsReadAs('deal', picked.columns.matched), enumerable: false },
  });
}
