/**
 * P10/P50/P90 of won revenue (revenueQuantiles, monthRangesOf) where the methods with a stated
 * bound leave it to Monte Carlo: pipelines of 2,000–12,000 uncertain deals, and the per-month
 * ranges the add-in shows.
 *
 *   node --import tsx bench/revenue-range.ts [--runs N]
 *
 * - The CRM sample's shape: 2,089 open deals at its seven list prices, each at its learned win
 *   rate 63.2% (so drawn as seven binomials), against the plain reference Monte Carlo
 *   (test/reference: one seededRandom() call per deal) with as many trials: the quantiles agree
 *   within the stated bound, not to the digit.
 * - 3,000 and 12,000 open deals, six-stage rates, skewed amounts (bench/forecast.ts's open
 *   deals), against the same reference, which gives the same numbers for the seed.
 * - monthRangesOf over 100,000 deals: bench/addin.ts's sheet (six-stage names plus Won/Lost,
 *   amounts 1,000–1,960, 120 close days), and a harder one whose 24 close months of about
 *   3,100 uncertain deals each all need Monte Carlo.
 *
 * Best of N wall times (default 3); ours and the reference alternate run by run.
 */
import { cpus, loadavg } from 'node:os';
import type { Deal } from '../core/columns/records.js';
import { dealWeights } from '../core/funnel/deal-weights.js';
import { monthRangesOf } from '../core/funnel/month-ranges.js';
import { prepareDeals } from '../core/funnel/prepare-deals.js';
import { DEFAULT_SEED, revenueQuantiles } from '../core/funnel/revenue-range.js';
import { seededRandom } from '../core/funnel/seeded-random.js';
import { referenceMonteCarloQuantiles } from '../test/reference/reference-monte-carlo.js';
import { STAGES } from './deal-csv.js';
import { recordMeasures, type Measure } from './record-measures.js';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;
const LEVELS = [0.1, 0.5, 0.9];
const CRM_PRICES = [550, 4821, 55, 3393, 5482, 1096, 26_768];
const SIX_RATES = [0.05, 0.1, 0.2, 0.3, 0.5, 0.8];

/** Milliseconds of one call, and its value. */
function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

interface Pipeline {
  name: string;
  amounts: Float64Array;
  probabilities: Float64Array;
}

function crmShaped(): Pipeline {
  const amounts = Float64Array.from({ length: 2089 }, (_, i) => CRM_PRICES[i % 7] ?? 0);
  const probabilities = new Float64Array(2089).fill(0.632);
  return {
    name: 'CRM sample shape: 2,089 deals, 7 list prices, p = 63.2%',
    amounts,
    probabilities,
  };
}

function skewed(size: number): Pipeline {
  const next = seededRandom(11);
  const amounts = Float64Array.from({ length: size }, () =>
    Math.round(100 * 500 * (1 + 20 * next() ** 3)),
  );
  const probabilities = Float64Array.from(
    { length: size },
    () => SIX_RATES[Math.floor(next() * 6)] ?? 0.05,
  );
  return {
    name: `${size.toLocaleString('en-US')} deals, six-stage rates, skewed amounts`,
    amounts,
    probabilities,
  };
}

const measures: Measure[] = [];
const rows: string[] = [];
const loadBefore = loadavg()[0] ?? NaN;

for (const pipeline of [crmShaped(), skewed(3000), skewed(12_000)]) {
  const ours: number[] = [];
  const reference: number[] = [];
  let result = revenueQuantiles(pipeline.amounts, pipeline.probabilities);
  let referenceQuantiles: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const mine = timed(() => revenueQuantiles(pipeline.amounts, pipeline.probabilities));
    ours.push(mine.ms);
    result = mine.value;
    const trials = result.trials ?? 0;
    const plain = timed(() =>
      referenceMonteCarloQuantiles(
        [...pipeline.amounts],
        [...pipeline.probabilities],
        trials,
        DEFAULT_SEED,
        LEVELS,
      ),
    );
    reference.push(plain.ms);
    referenceQuantiles = plain.value;
  }
  const best = (ms: number[]) => Math.min(...ms);
  rows.push(
    `| ${pipeline.name} | ${result.method}, ${result.trials ?? '–'} trials, ε ≤ ${result.cdfError.toFixed(4)} | ${best(ours).toFixed(0)} ms | ${best(reference).toFixed(0)} ms | ${(best(reference) / best(ours)).toFixed(1)}× | ${[result.p10, result.p50, result.p90].join(' / ')} | ${referenceQuantiles.join(' / ')} |`,
  );
  measures.push({
    what: `P10/P50/P90, ${pipeline.name}`,
    size: pipeline.amounts.length,
    ours: { name: 'pipecast', ms: ours },
    peer: { name: 'plain Monte Carlo (test/reference)', ms: reference },
  });
}

/** 100,000 deals in the add-in benchmark's sheet, or spread over 24 months with skewed amounts. */
function monthDeals(hard: boolean): Deal[] {
  const next = seededRandom(5);
  return Array.from({ length: 100_000 }, (_, i) => ({
    row: i + 2,
    id: `D${i}`,
    stage: hard ? (STAGES[i % 6] ?? 'Interest') : (STAGES[i % 8] ?? 'Interest'),
    amount: hard ? Math.round(500 * (1 + 20 * next() ** 3)) : 1000 + (i % 97) * 10,
    closeDate: hard ? 20_635 + (i % 730) : 20_634 + (i % 120),
  }));
}

const monthRows: string[] = [];
for (const hard of [false, true]) {
  const prepared = prepareDeals(monthDeals(hard), { template: 'six' });
  const weights = dealWeights(prepared);
  const times: number[] = [];
  let months = monthRangesOf(prepared, weights);
  for (let run = 0; run < runs; run += 1) {
    const one = timed(() => monthRangesOf(prepared, weights));
    times.push(one.ms);
    months = one.value;
  }
  const methods = new Map<string, number>();
  for (const month of months)
    methods.set(month.range.method, (methods.get(month.range.method) ?? 0) + 1);
  const name = hard
    ? '100,000 deals over 24 months, skewed amounts'
    : "100,000 rows of bench/addin.ts's sheet";
  monthRows.push(
    `| ${name} | ${[...methods].map(([m, k]) => `${k} ${m}`).join(', ')} | ${Math.min(...times).toFixed(0)} ms |`,
  );
  measures.push({
    what: `P10/P50/P90 per close month (monthRangesOf), ${name}`,
    size: 100_000,
    ours: { name: 'pipecast', ms: times },
  });
}
recordMeasures('revenue-range', measures);

console.log(
  [
    "| pipeline | method | pipecast | plain Monte Carlo | speed-up | P10 / P50 / P90 | the reference's |",
    '|---|---|---:|---:|---:|---|---|',
    ...rows,
    '',
    '| per-month ranges | months | monthRangesOf |',
    '|---|---|---:|',
    ...monthRows,
    '',
    `Node ${process.version}, best of ${runs}; 1-minute load average ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? NaN).toFixed(2)} after, on ${cpus().length} CPUs.`,
  ].join('\n'),
);
