/**
 * `npm run bench`: every benchmark, each with its peer in the same run, at 10,000, 100,000 and
 * 1,048,576 rows (seeded data each benchmark generates), plus the time and peak memory of each
 * hostile file's refusal. Prints the tables and replaces the generated section of
 * bench/RESULTS.md (the hand-written history below it stays).
 *
 *   npm run bench [-- --sizes 10000,100000] [--only forecast,aging] [--quick] [--no-write]
 *
 * Each benchmark at each size is a process of its own, so its peak memory is its own; it hands
 * its measurements back through a record file (record-measures.ts). Its output goes to a log in
 * out/bench/. --quick runs each measurement once instead of three times.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  failures,
  hostileTable,
  jobsTable,
  machineParagraph,
  measuresTable,
  parseBreakdown,
  replaceSection,
  resultsSection,
  type JobResult,
  type MachineDescription,
  BREAKDOWN_ROWS,
} from './bench-report.js';
import { RECORD_ENV, type Measure, type RecordLine } from './record-measures.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'out', 'bench');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const ALL_SIZES = [10_000, 100_000, 1_048_576];
/** Excel's last row: the size the fixed-size benchmarks (breakdown, the add-in's second) use. */
const EXCEL_ROWS = BREAKDOWN_ROWS;

/** One benchmark process to start. */
interface Job {
  bench: string;
  size?: number;
  args: string[];
  /** For a benchmark that records nothing itself: its measures read from what it printed. */
  parse?: (output: string) => Measure[];
  /** Files to delete first, so the benchmark makes its data afresh rather than reusing it. */
  stale?: string[];
}

/** The benchmarks, in the order they run, each with the processes it needs at these sizes. */
const BENCHES: Record<string, (sizes: number[], runs: number) => Job[]> = {
  forecast: (sizes, runs) =>
    sizes.map((size) => ({
      bench: 'forecast',
      size,
      args: ['--sizes', String(size), '--runs', String(runs)],
    })),
  breakdown: (sizes, runs) =>
    // Its size is fixed (1,048,576 deals): it runs when that size is asked for.
    sizes.includes(EXCEL_ROWS)
      ? [
          {
            bench: 'breakdown',
            size: EXCEL_ROWS,
            args: ['--runs', String(runs)],
            parse: parseBreakdown,
          },
        ]
      : [],
  aging: (sizes, runs) =>
    sizes.map((size) => ({
      bench: 'aging',
      size,
      args: ['--invoices', String(size), '--payments', String(size), '--runs', String(runs)],
    })),
  'read-csv': (sizes, runs) =>
    sizes.map((size) => ({
      bench: 'read-csv',
      size,
      args: ['--rows', String(size), '--runs', String(runs)],
    })),
  'xlsx-read': (sizes, runs) =>
    sizes.map((size) => ({
      bench: 'xlsx-read',
      size,
      args: ['--rows', String(size), '--runs', String(runs)],
      // make-large-xlsx's cached workbook (largeXlsxPath; imported, it would load exceljs here).
      stale: [join(tmpdir(), `pipecast-bench-${size}x10.xlsx`)],
    })),
  segment: (_sizes, runs) => [{ bench: 'segment', args: ['--runs', String(runs)] }],
  'render-charts': (_sizes, runs) => [{ bench: 'render-charts', args: ['--runs', String(runs)] }],
  'revenue-range': (_sizes, runs) => [{ bench: 'revenue-range', args: ['--runs', String(runs)] }],
  addin: (sizes) => [
    { bench: 'addin', args: sizes.includes(EXCEL_ROWS) ? [] : ['--skip-million'] },
  ],
  hostile: (_sizes, runs) => [{ bench: 'hostile', args: ['--runs', String(runs)] }],
};

interface Options {
  sizes: number[];
  only: string[];
  runs: number;
  write: boolean;
  /** The options as given, for the results' header. */
  given: string;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes === undefined ? ALL_SIZES : values.sizes.split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 2 || size > EXCEL_ROWS))
    fail(`--sizes takes whole numbers from 2 to 1,048,576, comma-separated; got ${values.sizes}`);
  const only = values.only === undefined ? Object.keys(BENCHES) : values.only.split(',');
  const unknown = only.filter((name) => !(name in BENCHES));
  if (unknown.length > 0)
    fail(
      `--only: no benchmark ${unknown.join(', ')}; there are ${Object.keys(BENCHES).join(', ')}`,
    );
  return {
    sizes,
    only,
    runs: values.quick ? 1 : 3,
    write: !values['no-write'],
    given: argv.join(' '),
  };
}

function fail(message: string): never {
  console.error(`npm run bench: ${message}`);
  process.exit(1);
}

/** Starts one benchmark with the peak-memory hook, its output to a log; collects its record. */
async function runJob(job: Job): Promise<JobResult> {
  const name = `${job.bench}${job.size === undefined ? '' : `-${job.size}`}`;
  const log = join(OUT, `${name}.log`);
  const record = join(OUT, `${name}.jsonl`);
  for (const path of [record, ...(job.stale ?? [])]) rmSync(path, { force: true });
  const started = performance.now();
  const output: string[] = [];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './bench/peak-rss.ts', `bench/${job.bench}.ts`, ...job.args],
      {
        cwd: ROOT,
        env: { ...process.env, [RECORD_ENV]: record },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const file = createWriteStream(log);
    for (const stream of [child.stdout, child.stderr])
      stream.on('data', (chunk: Buffer) => {
        file.write(chunk);
        if (job.parse !== undefined) output.push(chunk.toString('utf8'));
      });
    child.on('error', reject);
    child.on('close', (code) => file.end(() => resolve(code)));
  });
  const lines = readRecord(record);
  const measures = lines.flatMap((line) => (line.kind === 'measure' ? [line.measure] : []));
  if (job.parse !== undefined) measures.push(...job.parse(output.join('')));
  const peak = lines.find((line) => line.kind === 'peak');
  return {
    bench: job.bench,
    size: job.size,
    exitCode,
    seconds: (performance.now() - started) / 1000,
    peakMb: peak?.kind === 'peak' ? peak.peakMb : undefined,
    measures,
    log: log.slice(ROOT.length),
  };
}

function readRecord(path: string): RecordLine[] {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as RecordLine);
}

function describeMachine(given: string, loadAtStart: number[]): MachineDescription {
  const duckdb = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/@duckdb/node-api/package.json'), 'utf8'),
  ) as { version: string };
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGb: totalmem() / 2 ** 30,
    os: `${osType()} ${release()}`,
    node: process.version,
    duckdb: duckdb.version,
    loadAtStart,
    loadAtEnd: loadavg(),
    commit,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    options: given,
  };
}

async function main(): Promise<void> {
  const chosen = options(process.argv.slice(2));
  const loadAtStart = loadavg();
  mkdirSync(OUT, { recursive: true });
  const jobs = chosen.only.flatMap((name) => BENCHES[name]!(chosen.sizes, chosen.runs));
  const results: JobResult[] = [];
  for (const [index, job] of jobs.entries()) {
    const label = `${job.bench}${job.size === undefined ? '' : ` at ${job.size.toLocaleString('en-US')} rows`}`;
    process.stderr.write(`[${index + 1}/${jobs.length}] ${label}… `);
    const result = await runJob(job);
    results.push(result);
    process.stderr.write(
      `${result.exitCode === 0 ? 'done' : `exit ${result.exitCode}`} in ${result.seconds.toFixed(1)} s, ${result.measures.length} measures\n`,
    );
  }
  const machine = describeMachine(chosen.given, loadAtStart);
  const tables = [measuresTable(results), hostileTable(results), jobsTable(results)];
  console.log([machineParagraph(machine), ...tables.filter((table) => table !== '')].join('\n\n'));
  const failed = failures(results);
  for (const line of failed) console.error(`npm run bench: ${line}`);
  const measured = results.some((result) => result.measures.length > 0);
  if (chosen.write && measured) {
    writeFileSync(
      RESULTS,
      replaceSection(readFileSync(RESULTS, 'utf8'), resultsSection(machine, results)),
    );
    console.error(`npm run bench: wrote the generated section of bench/RESULTS.md`);
  }
  if (!measured || failed.length > 0) process.exitCode = 1;
}

await main();
