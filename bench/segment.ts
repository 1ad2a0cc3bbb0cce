/**
 * RFM + ABC over all 541,909 Online Retail lines (305 daily CSVs), against DuckDB in the same run.
 *
 *   node --import tsx bench/segment.ts [--runs N] [--write]
 *
 * End to end: ours = what `pipecast segment --method rfm` does: list files → readWorkbook →
 * readSheetRecords (CSV text straight to records; each file's records are counted into one
 * OrderLineTally, then dropped) → RFM and ABC from the tally; DuckDB = read_csv over the
 * same files with a declared schema → per-customer monetary, frequency and last order date.
 * Compute only: ours = RFM + ABC on order lines already in memory; DuckDB = the same aggregate
 * over a table already loaded. Ours and DuckDB alternate run by run (so a burst of load from
 * other processes hits both); best of N wall times each, with the CPU time of that run (DuckDB's
 * worker threads included) and the 1-minute load average before and after.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { CsvValueCache } from '../core/columns/csv-value-cache.js';
import type { OrderLine } from '../core/columns/records.js';
import { epochDayFromIso } from '../core/columns/epoch-day.js';
import { abc } from '../core/segments/abc.js';
import { rfm } from '../core/segments/rfm.js';
import { ORDER_LINE_TALLY_FIELDS, OrderLineTally } from '../core/segments/tally-order-lines.js';
import { listInputFiles } from '../pipeline/list-input-files.js';
import { readSheetRecords } from '../core/readers/index.js';
import { readWorkbook } from '../pipeline/read-workbook.js';
import { recordMeasures } from './record-measures.js';

const DIR = '../shared/data/online-retail/by-day';
const AS_OF = epochDayFromIso('2011-12-10')!;
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;
const write = args.includes('--write');
const POOL = 8;

if (!existsSync(DIR)) {
  console.error(`bench/segment: ${DIR} is missing; nothing to measure`);
  process.exit(1);
}

async function readLines(): Promise<OrderLine[]> {
  const files = await listInputFiles([DIR]);
  const perFile: OrderLine[][] = [];
  // As `pipecast segment` does: one value cache for all the files of the folder.
  const valueCache = new CsvValueCache();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      const grid = (await readWorkbook(file))[0]!;
      perFile[i] = readSheetRecords(grid, { kind: 'orderLine', valueCache }).records;
    }
  };
  await Promise.all(Array.from({ length: POOL }, worker));
  // Array.prototype.flat is generic and slow in V8 (~0.1 s here); concat copies packed arrays.
  return ([] as OrderLine[]).concat(...perFile);
}

/**
 * As `pipecast segment --method rfm` reads: each file in order, its order lines counted into one
 * tally once the file is read, then dropped; only the fields the tally reads are parsed.
 */
async function readTally(): Promise<OrderLineTally> {
  const files = await listInputFiles([DIR]);
  const valueCache = new CsvValueCache();
  const tally = new OrderLineTally({ to: AS_OF });
  for (const file of files) {
    const grid = (await readWorkbook(file))[0]!;
    const read = readSheetRecords(grid, {
      kind: 'orderLine',
      valueCache,
      fields: ORDER_LINE_TALLY_FIELDS,
    });
    for (const line of read.records) tally.add(line);
  }
  return tally;
}

function compute(lines: readonly OrderLine[] | OrderLineTally): {
  scored: number;
  classA: number;
} {
  // One pass over the lines: ABC ranks the same net revenue RFM calls monetary.
  const r = rfm(lines, { asOf: AS_OF });
  const a = abc([
    ...r.customers.map((c) => ({ id: c.id, revenue: c.monetary })),
    ...r.returnsOnly.map((c) => ({ id: c.id, revenue: c.monetary })),
  ]);
  return { scored: r.customers.length, classA: a.classes[0]!.customers };
}

interface Timing<T> {
  ms: number;
  cpuMs: number;
  value: T;
  /** Every run's wall time, for `npm run bench`, which reports medians. */
  runs: number[];
}

/** Best of `runs` for each side, the two sides alternating run by run. */
async function timePair<A, B>(
  ours: () => Promise<A> | A,
  duck: () => Promise<B>,
): Promise<[Timing<A>, Timing<B>]> {
  const once = async <T>(fn: () => Promise<T> | T, best: Timing<T> | undefined) => {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const value = await fn();
    const ms = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const runs = [...(best?.runs ?? []), ms];
    return best === undefined || ms < best.ms ? { ms, cpuMs, value, runs } : { ...best, runs };
  };
  let a: Timing<A> | undefined;
  let b: Timing<B> | undefined;
  for (let i = 0; i < runs; i++) {
    a = await once(ours, a);
    b = await once(duck, b);
  }
  return [a!, b!];
}

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const SCHEMA = `columns = {'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR', 'Description': 'VARCHAR',
  'Quantity': 'BIGINT', 'InvoiceDate': 'TIMESTAMP', 'UnitPrice': 'DOUBLE', 'CustomerID': 'VARCHAR',
  'Country': 'VARCHAR'}, header = true, auto_detect = false, delim = ',', quote = '"'`;
const AGGREGATE = (from: string) => `
  SELECT CustomerID, sum(Quantity * UnitPrice) AS monetary,
         count(DISTINCT CASE WHEN NOT starts_with(InvoiceNo, 'C') THEN InvoiceNo END) AS frequency,
         max(CASE WHEN NOT starts_with(InvoiceNo, 'C') THEN CAST(InvoiceDate AS DATE) END) AS last_order
  FROM ${from} WHERE CustomerID IS NOT NULL GROUP BY 1`;

const loadBefore = loadavg()[0]!;
const [oursE2E, duckE2E] = await timePair(
  async () => compute(await readTally()),
  async () =>
    (await con.runAndReadAll(AGGREGATE(`read_csv('${DIR}/*.csv', ${SCHEMA})`))).getRows().length,
);
const lines = await readLines();
await con.run(`CREATE TABLE retail AS SELECT * FROM read_csv('${DIR}/*.csv', ${SCHEMA})`);
const [oursCompute, duckCompute] = await timePair(
  () => compute(lines),
  async () => (await con.runAndReadAll(AGGREGATE('retail'))).getRows().length,
);
// The tally read must score exactly what the kept lines score.
if (JSON.stringify(oursE2E.value) !== JSON.stringify(oursCompute.value)) {
  throw new Error(
    `bench/segment: tally read ${JSON.stringify(oursE2E.value)} ≠ kept lines ${JSON.stringify(oursCompute.value)}`,
  );
}
const loadAfter = loadavg()[0]!;
con.closeSync();

const fmt = (t: Timing<unknown>) => `${t.ms.toFixed(0)} ms (CPU ${t.cpuMs.toFixed(0)} ms)`;
const rows = [
  [
    'end to end (readWorkbook + readSheetRecords into a tally + RFM + ABC)',
    fmt(oursE2E),
    fmt(duckE2E),
    (oursE2E.ms / duckE2E.ms).toFixed(2),
    '≤ 3',
  ],
  [
    'compute only (RFM + ABC)',
    fmt(oursCompute),
    fmt(duckCompute),
    (oursCompute.ms / duckCompute.ms).toFixed(2),
    '≤ 2',
  ],
];
const table = [
  `| ${lines.length.toLocaleString('en-US')} lines, ${oursE2E.value.scored} scored customers, ${duckE2E.value} DuckDB groups, best of ${runs} | pipecast | DuckDB | ratio | goal |`,
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const notes = [
  `node ${process.version}, class A customers ${oursE2E.value.classA}`,
  `1-minute load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${cpus().length} CPUs (wall times suffer when it exceeds the CPU count)`,
].join('\n');
console.log(table);
console.log(notes);
const segmentMeasure = (
  what: string,
  ours: Timing<unknown>,
  duck: Timing<unknown>,
  goal: string,
) => ({
  what: `${what}, Online Retail (${lines.length.toLocaleString('en-US')} lines)`,
  ours: { name: 'pipecast', ms: ours.runs },
  peer: { name: 'DuckDB', ms: duck.runs },
  goal,
});
recordMeasures('segment', [
  segmentMeasure('RFM + ABC end to end from 305 CSVs', oursE2E, duckE2E, '≤ 3×'),
  segmentMeasure('RFM + ABC on lines in memory', oursCompute, duckCompute, '≤ 2×'),
]);
if (write) {
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/segment.md', `# bench/segment\n\n${table}\n\n${notes}\n`);
}
