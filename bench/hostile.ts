/**
 * Time and peak memory of each refusal of a hostile file (issue 19): `pipecast inspect` run on
 * each file in a child process of its own, from the sources with tsx, as the hostile tests run
 * it. The files are those test/pipeline/hostile/ asserts the messages of, built by the same
 * builders (test/support/hostile-files.ts). A small valid CSV is timed too: what starting Node,
 * tsx and the CLI costs before any file is read.
 *
 *   node --import tsx bench/hostile.ts [--runs 1] [--only long-line,open-quote]
 *
 * The files are built by a child process first, so that the process that starts the probes
 * never held them: Linux counts a parent's resident memory at the fork in the child's peak.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  cellAtRow,
  CSV_HEAD,
  HEADER_ROW,
  longLineCsv,
  longRowWorkbook,
  openQuoteCsv,
  sharedStringsRatioBomb,
  sharedStringsRecordedAs,
  understatedRowsBomb,
} from '../test/support/hostile-files.js';
import { writeSheetWorkbook, zipParts } from '../test/support/hostile-xlsx.js';
import { runCliChild } from '../test/support/run-cli-child.js';
import { recordMeasures, type Measure } from './record-measures.js';

interface Probe {
  /** Short name, for --only and the file name. */
  name: string;
  /** What the file is, as the results table says it. */
  what: string;
  file: string;
  /** The exit code a clean run gives: 1 for a refusal, 0 for the valid file. */
  exitCode: number;
  build(path: string): Promise<void>;
}

const writeParts = async (path: string, parts: Parameters<typeof zipParts>[0]) =>
  writeFileSync(path, zipParts(parts));

const PROBES: Probe[] = [
  {
    name: 'valid',
    what: 'a valid 2-line CSV (startup of Node, tsx and the CLI)',
    file: 'valid.csv',
    exitCode: 0,
    build: async (path) => writeFileSync(path, CSV_HEAD),
  },
  {
    name: 'zzzzzz25',
    what: 'cell ZZZZZZ25 (past column XFD)',
    file: 'zzzzzz25.xlsx',
    exitCode: 1,
    build: (path) => writeSheetWorkbook(path, HEADER_ROW + cellAtRow(25, 'ZZZZZZ')),
  },
  {
    name: 'row-2e9',
    what: 'row 2,000,000,000',
    file: 'row-2e9.xlsx',
    exitCode: 1,
    build: (path) => writeSheetWorkbook(path, HEADER_ROW + cellAtRow(2_000_000_000)),
  },
  {
    name: 'row-5e7',
    what: 'row 50,000,000',
    file: 'row-5e7.xlsx',
    exitCode: 1,
    build: (path) => writeSheetWorkbook(path, HEADER_ROW + cellAtRow(50_000_000)),
  },
  {
    name: 'sst-4gb',
    what: 'shared strings the zip records as 4 GB',
    file: 'sst-4gb.xlsx',
    exitCode: 1,
    build: (path) => writeParts(path, sharedStringsRecordedAs(4e9)),
  },
  {
    name: 'sst-ratio',
    what: 'shared-strings bomb: 48 MB deflated 412 to 1',
    file: 'sst-ratio.xlsx',
    exitCode: 1,
    build: async (path) => writeParts(path, await sharedStringsRatioBomb()),
  },
  {
    name: 'rows-bomb',
    what: 'rows bomb: 200 MB of rows the zip records as 1 MB',
    file: 'rows-bomb.xlsx',
    exitCode: 1,
    build: async (path) => writeParts(path, await understatedRowsBomb()),
  },
  {
    name: 'long-row',
    what: 'one row of 70 MB of XML',
    file: 'long-row.xlsx',
    exitCode: 1,
    build: (path) => writeParts(path, longRowWorkbook(70)),
  },
  {
    name: 'long-line',
    what: 'CSV: a 200 MB line without a line feed',
    file: 'long-line.csv',
    exitCode: 1,
    build: async (path) => writeFileSync(path, longLineCsv(200)),
  },
  {
    name: 'open-quote',
    what: 'CSV: a quote that never closes, 32 MB after it',
    file: 'open-quote.csv',
    exitCode: 1,
    build: async (path) => writeFileSync(path, openQuoteCsv(11_000_000)),
  },
];

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    only: { type: 'string' },
    build: { type: 'string' },
  },
});

/** Child mode: builds the chosen probes' files into the folder given. */
async function buildFiles(dir: string, probes: readonly Probe[]): Promise<void> {
  for (const probe of probes) await probe.build(join(dir, probe.file));
}

/** Runs one probe `runs` times; null (and a line on stderr) when it did not refuse as it should. */
async function timeProbe(probe: Probe, path: string, runs: number): Promise<Measure | null> {
  const ms: number[] = [];
  let peakMb = 0;
  let message = '';
  for (let run = 0; run < runs; run++) {
    const result = await runCliChild(['inspect', path]);
    message = result.stderr.trim().split('\n')[0] ?? '';
    if (result.code !== probe.exitCode || (probe.exitCode === 1 && message === '')) {
      console.error(
        `bench/hostile: ${probe.name}: exit ${result.code} (signal ${result.signal}), expected ${probe.exitCode}: ${result.stderr.slice(-500)}`,
      );
      return null;
    }
    ms.push(result.ms);
    peakMb = Math.max(peakMb, result.peakMb);
  }
  return {
    what: `${probe.what}; file ${fileSize(statSync(path).size)}`,
    ours: { name: 'pipecast inspect', ms, peakMb },
    note: probe.exitCode === 1 ? message.replace(path, '<file>') : 'read',
  };
}

async function main(): Promise<void> {
  const only = values.only?.split(',');
  const probes = PROBES.filter((probe) => only === undefined || only.includes(probe.name));
  if (probes.length === 0)
    throw new Error(`--only names none of ${PROBES.map((probe) => probe.name).join(', ')}`);
  if (values.build !== undefined) return buildFiles(values.build, probes);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');
  const dir = mkdtempSync(join(tmpdir(), 'pipecast-bench-hostile-'));
  try {
    const built = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--build', dir, ...onlyArgs(probes)],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (built.status !== 0)
      throw new Error(`building the hostile files failed (exit ${built.status})`);
    const measures: Measure[] = [];
    console.log('| file | exit | time (ms) | peak RSS (MB) | message |');
    console.log('|---|---:|---:|---:|---|');
    for (const probe of probes) {
      const measure = await timeProbe(probe, join(dir, probe.file), runs);
      if (measure === null) {
        process.exitCode = 1;
        continue;
      }
      measures.push(measure);
      const ms = [...measure.ours.ms].sort((a, b) => a - b)[Math.floor((runs - 1) / 2)]!;
      console.log(
        `| ${measure.what} | ${probe.exitCode} | ${ms.toFixed(0)} | ${measure.ours.peakMb?.toFixed(0)} | ${measure.note} |`,
      );
    }
    recordMeasures('hostile', measures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A file's size as the results table gives it: bytes, KB or MB. */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 2 ** 20) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

function onlyArgs(probes: readonly Probe[]): string[] {
  return ['--only', probes.map((probe) => probe.name).join(',')];
}

await main();
