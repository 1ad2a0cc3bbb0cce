import type { DataWarning } from '../columns/data-warning.js';
import type { EpochDay } from '../columns/epoch-day.js';
import type { RecordTable } from '../columns/record-table.js';
import type { Deal, StageChange } from '../columns/records.js';
import type { ForecastFunnelResult } from '../funnel/forecast-funnel.js';
import { forecastFunnel } from '../funnel/forecast-funnel.js';
import type { StageTemplate, StageTemplateKey } from '../funnel/stage-templates.js';
import type { LoadDealsResult } from './load-deals.js';

export interface RunForecastOptions {
  asOf: EpochDay;
  /** Stage template; default the built-in one matching the stage names. */
  template?: StageTemplateKey | StageTemplate;
  quota?: number;
  smallOrderThreshold?: number;
  /** An earlier export of the same pipeline, for slippage. */
  previous?: readonly Deal[];
  /** Seed of the P10/P50/P90 simulation. */
  seed?: number;
  /** Also work out P10/P50/P90 per close month (for the forecast band chart). */
  monthRanges?: boolean;
  /** Keep the per-deal values for per-row tables (result.perDeal). */
  perDeal?: boolean;
}

export interface RunForecastResult {
  result: ForecastFunnelResult;
  /** Reading warnings of the deal and history sheets, then the forecast's own. */
  warnings: DataWarning[];
}

/** Deals to forecast, with where they came from. */
export interface ForecastDeals {
  deals: readonly Deal[] | RecordTable<Deal>;
  /** Stage changes (deal, stage, date), for learned rates and time in stage. */
  stageChanges?: readonly StageChange[];
  /** The deals' file and sheet, for the forecast's warnings. */
  place?: { file: string; sheet: string };
  /** Warnings of reading the deals and the history, listed before the forecast's own. */
  readWarnings?: readonly DataWarning[];
}

/** The deals of loadDeals as runForecast takes them. */
export function forecastDealsOf(loaded: LoadDealsResult): ForecastDeals {
  const { deals, history } = loaded;
  return {
    deals: deals.table ?? deals.records,
    ...(history === undefined ? {} : { stageChanges: history.records }),
    place: { file: deals.grid.file, sheet: deals.grid.sheet },
    readWarnings: [...deals.warnings, ...(history?.warnings ?? [])],
  };
}

/**
 * The funnel forecast of loaded deals, with the stage history when there is one; warnings of
 * the reading and of the analysis in one list.
 *
 * @param input - the deals (forecastDealsOf turns loadDeals' output into them).
 * @param options - as-of date, template, quota, small-order threshold, previous export, seed,
 *   and whether to work out the range per close month.
 * @returns the forecastFunnel result (with monthRanges when asked for) and every warning.
 */
export function runForecast(input: ForecastDeals, options: RunForecastOptions): RunForecastResult {
  const result = forecastFunnel(input.deals, {
    asOf: options.asOf,
    template: options.template,
    stageChanges: input.stageChanges,
    quota: options.quota,
    smallOrderThreshold: options.smallOrderThreshold,
    previous: options.previous,
    range: options.seed === undefined ? {} : { seed: options.seed },
    ...(options.monthRanges === true ? { monthRanges: true } : {}),
    ...(options.perDeal === true ? { perDeal: true } : {}),
    ...(input.place === undefined ? {} : { place: input.place }),
  });
  return {
    result,
    warnings: [...(input.readWarnings ?? []), ...result.warnings],
  };
}
