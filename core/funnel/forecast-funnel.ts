import type { DataWarning } from '../columns/data-warning.js';
import type { DealWeights } from './deal-weights.js';
import type { PreparedDeals } from './prepared-deals.js';
import type { EpochDay } from '../columns/epoch-day.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { RecordTable } from '../columns/record-table.js';
import type { Deal } from '../columns/records.js';
import { dealWeights } from './deal-weights.js';
import type { ForecastCategoriesResult } from './forecast-categories.js';
import { forecastCategoriesOf } from './forecast-categories.js';
import type { HygieneOptions, HygieneResult } from './hygiene.js';
import { hygiene } from './hygiene.js';
import type { LearnWinRatesResult } from './learn-win-rates.js';
import { learnWinRates } from './learn-win-rates.js';
import type { PrepareDealsOptions } from './prepare-deals.js';
import type { ForecastMonthRange } from './month-ranges.js';
import { monthRangesOf } from './month-ranges.js';
import { prepareDeals } from './prepare-deals.js';
import { createdAfterAsOfWarning } from './created-after-as-of.js';
import type { MissingField } from './prepared-deals.js';
import type { QuotaCoverageResult } from './quota-coverage.js';
import { quotaCoverageOf } from './quota-coverage.js';
import type { RevenueRangeOptions, RevenueRangeResult } from './revenue-range.js';
import { revenueRangeOf } from './revenue-range.js';
import type { SalesVelocityResult } from './sales-velocity.js';
import { salesVelocityOf } from './sales-velocity.js';
import type { SlippageResult } from './slippage.js';
import { slippage } from './slippage.js';
import type { SmallOrderRunRateResult } from './small-order-run-rate.js';
import { smallOrderRunRate } from './small-order-run-rate.js';
import type { StageKpisResult } from './stage-kpis.js';
import { stageKpisOf } from './stage-kpis.js';
import type { PipelineStageRow, WeightedPipelineResult } from './weighted-pipeline.js';
import { weightedPipelineOf } from './weighted-pipeline.js';
import { PipecastError } from '../errors/pipecast-error.js';

export interface ForecastFunnelOptions extends PrepareDealsOptions {
  /** The day the forecast is made (hygiene, run-rate, time in stage). Core never reads the clock. */
  asOf: EpochDay;
  /** Open deals below this amount are small orders: out of the funnel, added back as a run-rate. */
  smallOrderThreshold?: number;
  runRateLookbackDays?: number;
  runRateHorizonDays?: number;
  /** Team quota or quota per owner, for coverage and gap. */
  quota?: number | Readonly<Record<string, number>>;
  /** Quota period (epoch days, inclusive) for categories and coverage. */
  period?: { start: EpochDay; end: EpochDay };
  /** An earlier snapshot of the same pipeline, for slippage. */
  previous?: readonly Deal[];
  noActivityDays?: number;
  stageNormDays?: HygieneOptions['stageNormDays'];
  /** Options of the P10/P50/P90 range (seed, method, maxCdfError, trials, alpha). */
  range?: Pick<RevenueRangeOptions, 'seed' | 'method' | 'maxCdfError' | 'trials' | 'alpha'>;
  /** Learn per-owner win rates too. */
  ratesByOwner?: boolean;
  /** Also work out P10/P50/P90 per close month (the forecast band chart). */
  monthRanges?: boolean;
  /** Keep the per-deal values (stage, rate, weight, category) for per-row tables. */
  perDeal?: boolean;
}

/**
 * The per-deal values a forecast worked with, kept when asked for (options.perDeal): the
 * prepared deals, their weights and each deal's forecast category (index into
 * FORECAST_CATEGORIES, -1 when not categorised: open outside the funnel or outside the period).
 */
export interface ForecastPerDeal {
  prepared: PreparedDeals;
  weights: DealWeights;
  category: Int8Array;
}

export interface ForecastStageRow extends PipelineStageRow {
  reached: number;
  conversion: number | null;
  avgDaysInStage: number | null;
  /** Closed deals the learned rate for this stage rests on. */
  learnedFrom: number;
  learnedRate: number | null;
}

export interface ForecastFunnelResult extends Omit<WeightedPipelineResult, 'stages' | 'warnings'> {
  asOf: string;
  stages: ForecastStageRow[];
  categories: ForecastCategoriesResult;
  quota: QuotaCoverageResult | null;
  smallOrderRunRate: SmallOrderRunRateResult | null;
  kpis: Omit<StageKpisResult, 'stages'>;
  winRates: LearnWinRatesResult;
  velocity: SalesVelocityResult;
  range: RevenueRangeResult;
  /** P10/P50/P90 per close month, when asked for (options.monthRanges). */
  monthRanges?: ForecastMonthRange[];
  /** Per-deal values, when asked for (options.perDeal); not enumerable, so never in JSON. */
  readonly perDeal?: ForecastPerDeal;
  hygiene: HygieneResult;
  slippage: SlippageResult | null;
  missing: MissingField[];
  warnings: DataWarning[];
}

/**
 * The whole funnel forecast of DOMAIN.md section 1 in one call, for the CLI, the report and the
 * add-in: weighted pipeline by stage/owner/region/product/month/quarter, forecast categories and
 * roll-ups, quota coverage, small-order run-rate, stage KPIs and bottleneck, learned win rates,
 * sales velocity, P10/P50/P90, hygiene lists and slippage. Deals are prepared once and shared.
 *
 * See each part's function for its formula and how blanks count; all money is summed in integer
 * minor units, so `totals` equal the sum of `stages` exactly.
 *
 * @param deals - the pipeline (open, won and lost deals; not mutated), as deal objects or as the
 *   table a reader collected them in.
 * @param options - asOf (required) and the options of the parts.
 * @returns one plain JSON object.
 * @throws PipecastError when asOf is not an integer, and for any part's bad options.
 * @example forecastFunnel(deals, { asOf: epochDayFromIso('2024-07-01')! }).totals // {count, amount, weighted}
 */
export function forecastFunnel(
  deals: readonly Deal[] | RecordTable<Deal>,
  options: ForecastFunnelOptions,
): ForecastFunnelResult {
  checkForecastOptions(options);
  const { asOf, smallOrderThreshold: threshold } = options;
  const prepared = prepareDeals(deals, options);
  const weights = dealWeights(prepared, threshold);
  const pipeline = weightedPipelineOf(prepared, weights, threshold);
  const kpis = stageKpisOf(prepared, weights, asOf);
  const winRates = learnWinRates(prepared, {
    ...options,
    byOwner: options.ratesByOwner ?? false,
  });
  const categoryOfDeal =
    options.perDeal === true ? new Int8Array(prepared.size).fill(-1) : undefined;
  const categories = forecastCategoriesOf(prepared, weights, options.period, categoryOfDeal);
  const { bottleneck, avgCycleDays, cycleDeals, lostWithoutStage } = kpis;
  const slip = options.previous
    ? slippage(options.previous, prepared.table.toRecords(), { template: prepared.template })
    : null;
  const lateCreated = createdAfterAsOfWarning(prepared, asOf, options.place ?? {});
  const result: ForecastFunnelResult = {
    asOf: isoFromEpochDay(asOf),
    ...pipelineParts(pipeline),
    stages: forecastStageRows(pipeline, kpis, winRates),
    unknownStage: pipeline.unknownStage,
    categories,
    ...optionalParts(prepared, weights, options),
    kpis: { bottleneck, avgCycleDays, cycleDeals, lostWithoutStage },
    winRates,
    velocity: salesVelocityOf(prepared, weights),
    range: revenueRangeOf(prepared, weights, options.range ?? {}),
    ...(options.monthRanges === true
      ? { monthRanges: monthRangesOf(prepared, weights, options.range) }
      : {}),
    hygiene: hygiene(prepared, {
      asOf,
      noActivityDays: options.noActivityDays,
      stageNormDays: options.stageNormDays,
    }),
    slippage: slip,
    missing: prepared.missing,
    warnings: [
      ...prepared.warnings,
      ...(lateCreated === null ? [] : [lateCreated]),
      ...categories.warnings,
      ...(slip?.warnings ?? []),
    ],
  };
  if (categoryOfDeal !== undefined) {
    const perDeal: ForecastPerDeal = { prepared, weights, category: categoryOfDeal };
    Object.defineProperty(result, 'perDeal', { value: perDeal, enumerable: false });
  }
  return result;
}

/** Refuses an asOf that is not a whole epoch day and a negative small-order threshold. */
function checkForecastOptions(options: ForecastFunnelOptions): void {
  const { asOf, smallOrderThreshold: threshold } = options;
  if (!Number.isInteger(asOf))
    throw new PipecastError(
      'invalid-option',
      `forecastFunnel: asOf must be an integer epoch day, got ${asOf}`,
    );
  if (threshold !== undefined && !(threshold >= 0))
    throw new PipecastError(
      'invalid-option',
      `forecastFunnel: smallOrderThreshold must be ≥ 0, got ${threshold}`,
    );
}

/** The weighted pipeline's parts a forecast shows as they are (all but stages and warnings). */
function pipelineParts(
  pipeline: WeightedPipelineResult,
): Omit<WeightedPipelineResult, 'stages' | 'unknownStage' | 'warnings'> {
  return {
    template: pipeline.template,
    byOwner: pipeline.byOwner,
    byRegion: pipeline.byRegion,
    byProduct: pipeline.byProduct,
    byMonth: pipeline.byMonth,
    byQuarter: pipeline.byQuarter,
    totals: pipeline.totals,
    won: pipeline.won,
    lost: pipeline.lost,
    unknownStages: pipeline.unknownStages,
    smallOrders: pipeline.smallOrders,
  };
}

/** The pipeline's stage rows with each stage's KPIs and learned rate beside them. */
function forecastStageRows(
  pipeline: WeightedPipelineResult,
  kpis: StageKpisResult,
  winRates: LearnWinRatesResult,
): ForecastStageRow[] {
  return pipeline.stages.map((row, s) => ({
    ...row,
    reached: kpis.stages[s]?.reached ?? 0,
    conversion: kpis.stages[s]?.conversion ?? null,
    avgDaysInStage: kpis.stages[s]?.avgDaysInStage ?? null,
    learnedFrom: winRates.stages[s]?.closed ?? 0,
    learnedRate: winRates.stages[s]?.rate ?? null,
  }));
}

/** Quota coverage and the small-order run-rate, each null unless its option is given. */
function optionalParts(
  prepared: PreparedDeals,
  weights: DealWeights,
  options: ForecastFunnelOptions,
): Pick<ForecastFunnelResult, 'quota' | 'smallOrderRunRate'> {
  const { quota, period, smallOrderThreshold: threshold, asOf } = options;
  return {
    quota: quota === undefined ? null : quotaCoverageOf(prepared, weights, { quota, period }),
    smallOrderRunRate:
      threshold === undefined
        ? null
        : smallOrderRunRate(prepared, {
            threshold,
            asOf,
            lookbackDays: options.runRateLookbackDays,
            horizonDays: options.runRateHorizonDays,
          }),
  };
}
