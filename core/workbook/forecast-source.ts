import type { ForecastSource } from './forecast.js';
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
