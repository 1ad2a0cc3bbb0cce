/**
 * Breakdown by any column against DuckDB's GROUP BY, same synthetic pipeline, same run.
 *
 * 1,048,576 deals of bench/deal-csv.ts (seeded, the forecast benchmark's pipeline) with an
 * industry column, a text column of 1,000 values. Measured, best of N runs:
 * - ours: forecastBreakdown(run, 'industry') after the core's own forecast (forecast with
 *   perRow: true, timed once for reference): key folding, arquero groupby/rollup in cents;
 * - DuckDB: count, sum(amount) and sum(amount × rate) of the open deals GROUP BY industry, over
 *   the same CSV loaded into a table (load not timed), a join to the rate table.
 * The first breakdown (by region) also splits the CSV's lines into cells (the sheet's other
 * columns are only read when asked for), which codes each column whose texts repeat, industry
 * among them (splitCsvSheet); it is reported separately, as DuckDB's load is not timed. The first
 * breakdown by industry after it is reported too.
 * Wall times, and CPU times of the whole process (DuckDB's threads included), best of N each.
 * Run: node --import tsx bench/breakdown.ts [--runs N]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { forecast, forecastBreakdown } from '../core/index.js';
import { dealCsv, dealCsvDuckDbColumns, RATES } from './deal-csv.js';
import { readWorkbook } from '../pipeline/read-workbook.js';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const SIZE = 1_048_576;
const INDUSTRIES = 1_000;
async function best<T>(
  runs: number,
  work: () => T | Promise<T>,
): Promise<{ seconds: number; cpuSeconds: number; value: T }> {
  let seconds = Infinity;
  let cpuSeconds = Infinity;
  let value: T | undefined;
  for (let r = 0; r < runs; r += 1) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    value = await work();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
    const used = process.cpuUsage(cpu);
    cpuSeconds = Math.min(cpuSeconds, (used.user + used.system) / 1e6);
  }
  return { seconds, cpuSeconds, value: value as T };
}

const dir = await mkdtemp(join(tmpdir(), 'pipecast-bench-breakdown-'));
try {
  const file = join(dir, 'deals.csv');
  await writeFile(file, dealCsv(SIZE, { industries: INDUSTRIES }));
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const duckLoad = await best(1, () =>
    con.run(
      `CREATE TABLE deals AS SELECT * FROM read_csv('${file}', header = true, columns = ${dealCsvDuckDbColumns(INDUSTRIES)})`,
    ),
  );
  await con.run('CREATE TABLE rates (stage VARCHAR, rate DECIMAL(4,2))');
  for (const [stage, rate] of Object.entries(RATES))
    await con.run(`INSERT INTO rates VALUES ('${stage}', ${rate})`);
  const duck = await best(RUNS, async () =>
    (
      await con.runAndReadAll(
        'SELECT industry, count(*), sum(amount), sum(round(amount * rate, 2)) FROM deals JOIN rates USING (stage) GROUP BY industry',
      )
    ).getRows(),
  );

  const [sheet] = await readWorkbook(file);
  if (sheet === undefined) throw new Error('no sheet read');
  const forecastTime = await best(1, () => forecast([sheet], { asOf: '2024-06-30', perRow: true }));
  const run = forecastTime.value;
  if (run === null) throw new Error('no deals read');
  const first = await best(1, () => forecastBreakdown(run, 'region'));
  const firstOfColumn = await best(1, () => forecastBreakdown(run, 'industry'));
  const ours = await best(RUNS, () => forecastBreakdown(run, 'industry'));

  const oursCount = ours.value.rows.reduce((sum, row) => sum + row.count, 0);
  const duckCount = duck.value.reduce((sum, row) => sum + Number(row[1]), 0);
  console.log(
    `machine: ${cpus().length} CPUs, load ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')}`,
  );
  console.log(`${SIZE.toLocaleString('en-US')} deals, ${INDUSTRIES} industries, best of ${RUNS}`);
  console.log(`forecast (perRow, once):            ${forecastTime.seconds.toFixed(3)} s`);
  console.log(`breakdown, first (splits the CSV):  ${first.seconds.toFixed(3)} s`);
  // For comparison with the two lines above, not part of the ratios: the ratios compare
  // breakdowns of data already read, as DuckDB's GROUP BY reads its loaded table.
  console.log(`DuckDB load (read_csv):             ${duckLoad.seconds.toFixed(3)} s`);
  console.log(`breakdown, first by industry:       ${firstOfColumn.seconds.toFixed(3)} s`);
  console.log(
    `breakdown (ours):                   ${ours.seconds.toFixed(3)} s, ${ours.value.rows.length} rows, ${oursCount} deals`,
  );
  console.log(
    `DuckDB GROUP BY:                    ${duck.seconds.toFixed(3)} s, ${duck.value.length} rows, ${duckCount} deals`,
  );
  console.log(`ratio ours / DuckDB:                ${(ours.seconds / duck.seconds).toFixed(2)}×`);
  // A one-off `--by industry` on a read sheet: its own ratio, so the floor is judged on what a
  // user waits for, not only on repeated breakdowns.
  console.log(
    `ratio first by industry / DuckDB:   ${(firstOfColumn.seconds / duck.seconds).toFixed(2)}×, by CPU ${(firstOfColumn.cpuSeconds / duck.cpuSeconds).toFixed(2)}×`,
  );
  // CPU time of the whole process (DuckDB's two threads both count): steadier than wall time
  // when other work shares the cores.
  console.log(
    `by CPU time:                        ${ours.cpuSeconds.toFixed(3)} s / ${duck.cpuSeconds.toFixed(3)} s = ${(ours.cpuSeconds / duck.cpuSeconds).toFixed(2)}×`,
  );
  con.closeSync();
} finally {
  await rm(dir, { recursive: true, force: true });
}
