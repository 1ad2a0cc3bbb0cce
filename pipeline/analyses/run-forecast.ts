import type { DataWarning } from '../../core/columns/data-warning.js';
import type { EpochDay } from '../../core/columns/epoch-day.js';
import type { Deal } from '../../core/columns/records.js';
import type { ForecastFunnelResult } from '../../core/funnel/forecast-funnel.js';
import { forecastFunnel } from '../../core/funnel/forecast-funnel.js';
import type { StageTemplate } from '../../core/funnel/stage-templates.js';
import type { ForecastMonthRange } from './forecast-month-ranges.js';
import { forecastMonthRanges } from './forecast-month-ranges.js';
import type { LoadDealsResult } from './load-deals.js';

export interface RunForecastOptions {
  asOf: EpochDay;
  /** Stage template; default the built-in one matching the stage names. */
  template?: StageTemplate;
  quota?: number;
  smallOrderThreshold?: number;
  /** An earlier export of the same pipeline, for slippage. */
  previous?: readonly Deal[];
  /** Seed of the P10/P50/P90 simulation. */
  seed?: number;
  /** Also work out P10/P50/P90 per close month (for the forecast band chart). */
  monthRanges?: boolean;
}

export interface RunForecastResult {
  result: ForecastFunnelResult;
  /** Reading warnings of the deal and history sheets, then the forecast's own. */
  warnings: DataWarning[];
  /** P10/P50/P90 per close month, when asked for. */
  monthRanges: ForecastMonthRange[] | null;
}

/**
 * The funnel forecast of loaded deals, with the stage history when there is one; warnings of
 * the reading and of the analysis in one list.
 *
 * @param loaded - the output of loadDeals.
 * @param options - as-of date, template, quota, small-order threshold, previous export, seed,
 *   and whether to work out the range per close month.
 * @returns the forecastFunnel result, every warning and the monthly ranges (or null).
 */
export function runForecast(
  loaded: LoadDealsResult,
  options: RunForecastOptions,
): RunForecastResult {
  const { deals, history } = loaded;
  const dealRows = deals.table ?? deals.records;
  const result = forecastFunnel(dealRows, {
    asOf: options.asOf,
    template: options.template,
    stageChanges: history?.records,
    quota: options.quota,
    smallOrderThreshold: options.smallOrderThreshold,
    previous: options.previous,
    range: options.seed === undefined ? {} : { seed: options.seed },
    place: { file: deals.grid.file, sheet: deals.grid.sheet },
  });
  const monthRanges = options.monthRanges
    ? forecastMonthRanges(dealRows, {
        template: options.template,
        stageChanges: history?.records,
        smallOrderThreshold: options.smallOrderThreshold,
        seed: options.seed,
      })
    : null;
  return {
    result,
    monthRanges,
    warnings: [...deals.warnings, ...(history?.warnings ?? []), ...result.warnings],
  };
}
