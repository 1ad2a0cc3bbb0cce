import type { MissingValues } from '../columns/read-records.js';
import type { Deal, StageChange } from '../columns/records.js';
import type { DateInput } from '../columns/to-epoch-day.js';
import type { EpochDay } from '../columns/epoch-day.js';
import { dataAsOf } from './data-as-of.js';
import { toEpochDay } from '../columns/to-epoch-day.js';
import type { StageTemplate, StageTemplateKey } from '../funnel/stage-templates.js';
import { DEFAULT_WORKBOOK_FILE } from './analyze-workbook.js';
import { joinDealTables } from './join-deal-tables.js';
import { forecastSourceOf, keepDealSheet } from './forecast-source.js';
import { loadDeals, type LoadDealsResult } from './load-deals.js';
import type { ForecastDeals, RunForecastResult } from './run-forecast.js';
import { forecastDealsOf, runForecast } from './run-forecast.js';
import type { ColumnsReadAs } from '../tables/columns-read-as.js';
import type { SheetChoice } from './sheet-choice.js';
import type { SheetGrid } from './sheet-grid.js';
import type { WorkbookInput } from './to-sheet-grids.js';
import { toSheetGrids } from './to-sheet-grids.js';
import { PipecastError, type PipecastErrorPlace } from '../errors/pipecast-error.js';
import { codedError } from '../errors/error-line.js';

/** Deals given as records, with their stage history when there is one. */
export interface ForecastRecords {
  deals: readonly Deal[];
  stageChanges?: readonly StageChange[];
}

/** Options of forecast(). */
export interface ForecastOptions extends SheetChoice {
  /**
   * The forecast date: `'2026-06-30'` or an epoch day. Default: the day after the pipeline's last
   * recorded event (a closed deal's close date, an activity, a stage change; never an open deal's
   * expected close date), reported in the run's `asOf`.
   */
  asOf?: DateInput | undefined;
  /** The workbook's name, for warnings, when the input is sheets; default `'workbook'`. */
  file?: string;
  /** Stage template; default the built-in one matching the stage names. */
  template?: StageTemplateKey | StageTemplate;
  /** Team quota, for coverage and gap. */
  quota?: number;
  /** Open deals below this amount are small orders, added back as a run-rate. */
  smallOrderThreshold?: number;
  /** An earlier export of the same pipeline (sheets or deals), for slippage. */
  previous?: WorkbookInput | readonly Deal[];
  /** Seed of the P10/P50/P90 simulation, when one is needed. */
  seed?: number;
  /** Also work out P10/P50/P90 per close month (for the forecast band chart). */
  monthRanges?: boolean;
  /**
   * Keep each deal's values, for `forecastDealsTable` and `forecastBreakdown` (per-row output
   * costs memory and time on large pipelines, so it is off by default).
   */
  perRow?: boolean;
}

/** Where the deals of a forecast came from, when they were read from sheets. */
export interface ForecastSource {
  file: string;
  sheet: string;
  /** Excel row of the header row. */
  headerRow: number | null;
  rowsRead: number;
  rowsDropped: number;
  /** Blank cells per optional field. */
  missing: Record<string, MissingValues>;
  /** The sheet of stage changes used as history, if any. */
  historySheet: string | null;
}

/** The forecast, its warnings and monthly ranges, and the sheet it read. */
export interface ForecastRun extends RunForecastResult {
  /** null when the deals were given as records. */
  source: ForecastSource | null;
  /** The forecast date used, and whether it was given or taken from the deals. */
  asOf: { day: EpochDay; source: 'option' | 'data' };
  /** The deals' sheet, kept with options.perRow for its other columns; not enumerable. */
  readonly sourceGrid?: SheetGrid;
  /** What its columns were read as, kept with sourceGrid; not enumerable. */
  readonly sourceReadAs?: ColumnsReadAs;
}

/**
 * The weighted funnel forecast of a pipeline: totals by stage, owner, month and forecast
 * category, stage KPIs, learned win rates, sales velocity, P10/P50/P90 and hygiene lists.
 * From sheets it reads the first sheet that holds deals (a stage column, English or Chinese)
 * and the first other sheet of stage changes as history.
 *
 * @param input - the sheets of a workbook (`{ name, values }` as `Range.values` gives them), or
 *   records `{ deals, stageChanges }`.
 * @param options - as-of date (required), template, quota, small-order threshold, previous
 *   export, seed, monthly ranges, and for sheets the sheet kinds and column mappings.
 * @returns the forecast with every warning and where the deals came from; null when no sheet
 *   holds deals (none has a stage column and at least one row).
 * @throws PipecastError when asOf is not an ISO date or epoch day, or an option the forecast
 *   refuses (e.g. a negative quota); TypeError when input is neither sheets nor records.
 * @example
 * forecast({ deals: [{ id: 'D1', stage: 'Compare', amount: 1000, closeDate: 20650, row: 2 }] }, { asOf: '2026-06-30' })
 *   ?.result.totals.weighted; // 300: 1000 × 30%, the six-stage template's Compare rate
 */
export function forecast(
  input: WorkbookInput | ForecastRecords,
  options: ForecastOptions,
): ForecastRun | null {
  const asOfGiven = options?.asOf === undefined ? undefined : toEpochDay(options.asOf, 'asOf');
  const file = options.file ?? DEFAULT_WORKBOOK_FILE;
  const choice = sheetChoiceOf(options);
  let deals: ForecastDeals;
  let source: ForecastSource | null = null;
  let loaded: LoadDealsResult | undefined;
  if (Array.isArray(input)) {
    // Lookup tables beside the deals (accounts, products, sales teams) add their columns.
    const joined = joinDealTables(toSheetGrids(input, file, 'forecast'), choice);
    loaded = loadDeals(joined.sheets, choice);
    if (loaded === undefined) return null;
    deals = forecastDealsOf(loaded);
    deals.readWarnings = [...joined.warnings, ...(deals.readWarnings ?? [])];
    source = forecastSourceOf(loaded);
  } else {
    const records = input as ForecastRecords;
    if (records === null || typeof records !== 'object' || !Array.isArray(records.deals))
      throw new PipecastError(
        'invalid-input',
        'forecast: input must be sheets [{ name, values }] or { deals: [...] }',
      );
    deals = {
      deals: records.deals,
      ...(records.stageChanges === undefined ? {} : { stageChanges: records.stageChanges }),
    };
  }
  const asOf =
    asOfGiven ?? asOfFromDeals(deals, { file, ...(source ? { sheet: source.sheet } : {}) });
  const run = runForecast(deals, {
    asOf,
    template: options.template,
    quota: options.quota,
    smallOrderThreshold: options.smallOrderThreshold,
    previous: previousDeals(options.previous, file, choice),
    seed: options.seed,
    monthRanges: options.monthRanges === true,
    perDeal: options.perRow === true,
  });
  const forecastRun: ForecastRun = {
    ...run,
    source,
    asOf: { day: asOf, source: asOfGiven === undefined ? 'data' : 'option' },
  };
  if (options.perRow === true && loaded !== undefined) keepDealSheet(forecastRun, loaded);
  return forecastRun;
}

/**
 * The day after the pipeline's last recorded event; an error naming the deals' file and sheet
 * when no deal has a date.
 */
function asOfFromDeals(deals: ForecastDeals, place: PipecastErrorPlace): EpochDay {
  const found = dataAsOf({
    deals: deals.deals,
    ...(deals.stageChanges === undefined ? {} : { stageChanges: deals.stageChanges }),
  });
  if (found === undefined) throw codedError('invalid-option', place, 'error.forecastNoAsOf');
  return found.asOf;
}

function sheetChoiceOf(options: SheetChoice): SheetChoice {
  return {
    ...(options.kinds === undefined ? {} : { kinds: options.kinds }),
    ...(options.mappings === undefined ? {} : { mappings: options.mappings }),
  };
}

/** The earlier export's deals: as given, or from its first sheet that holds deals. */
function previousDeals(
  previous: WorkbookInput | readonly Deal[] | undefined,
  file: string,
  choice: SheetChoice,
): readonly Deal[] | undefined {
  // An empty list is no earlier export, whether of sheets or of deals.
  const first = previous?.[0];
  if (previous === undefined || first === undefined) return undefined;
  if (!('values' in first || 'rows' in first)) return previous as readonly Deal[];
  const loaded = loadDeals(toSheetGrids(previous as WorkbookInput, file, 'forecast'), choice);
  return loaded?.deals.table?.toRecords() ?? loaded?.deals.records;
}
