/**
 * Reading a 1,048,576-row × 10-column .xlsx: our streaming reader (rows, and typed records)
 * against the floor, exceljs's streaming WorkbookReader and SheetJS, each in its own child
 * process so peak RSS is clean. With --runs N (default 3) the readers take turns N times and each
 * reports its median run by wall time (peak RSS: the highest of its runs), so one slow moment of
 * this VM does not decide a ratio.
 *
 * The floor is the one issue 6 defines: "merely inflating the sheet XML with node's zlib and
 * scanning its bytes" (2.7 s when the issue was filed; yauzl's stream with a for…of pass over
 * each chunk still takes 2.6 s here). Ours is the strict form of it: the sheet read through the
 * same package code as our reader (stored bytes in 1 MiB reads, node's zlib stream), then one
 * indexed JS pass over every byte that counts the `<row` tags, so a faster zip read speeds up
 * the floor too. `search` is stricter still and only informative: the same inflate with the
 * `<row` tags found by Buffer.indexOf, native code that never passes over the bytes in JS.
 *
 *   node --import tsx bench/xlsx-read.ts [--rows 1048576] [--only ours,floor] [--runs 3] [--write]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LARGE_ROWS, largeXlsxPath } from './make-large-xlsx.js';
import { recordMeasures, type Measure, type MeasuredSide } from './record-measures.js';

const READERS = ['floor', 'search', 'ours', 'records', 'exceljs', 'sheetjs'] as const;
type Reader = (typeof READERS)[number];

interface Measurement {
  reader: Reader;
  ms: number;
  /** User + system CPU time: less distorted than wall time when other jobs share the cores. */
  cpuMs: number;
  maxRssMb: number;
  rows: number;
  cells: number;
}

const DESCRIPTIONS: Record<Reader, string> = {
  floor: 'floor: zlib inflate of the sheet XML + a JS pass over every byte (counts "<row")',
  search: 'stricter: zlib inflate + Buffer.indexOf("<row"), no JS pass over the bytes',
  ours: 'ours: streamXlsxRows → typed CellValue rows',
  records: 'ours: streamXlsxRecords → typed Deal records (all kept, in a RecordTable)',
  exceljs: 'exceljs 4 streaming WorkbookReader, rows only',
  sheetjs: 'SheetJS xlsx 0.18.5 readFile + sheet_to_json',
};

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/**
 * The floor's pass over the bytes: reads every byte once and counts the `<row` tags, even one
 * split across chunks. A small method of its own, as a reader's scanning loop is, so V8 optimises
 * it as such (inline in runChild's for-await body the same loop ran twice as slowly).
 */
class RowTagCounter {
  rows = 0;
  /** The last three bytes of the previous chunk, where a split tag may begin. */
  private tail = new Uint8Array(0);

  pass(bytes: Uint8Array): void {
    let rows = this.rows;
    if (this.tail.length > 0) {
      const joined = new Uint8Array(this.tail.length + Math.min(3, bytes.length));
      joined.set(this.tail);
      joined.set(bytes.subarray(0, joined.length - this.tail.length), this.tail.length);
      for (let i = 0; i < this.tail.length; i++) if (isRowTag(joined, i)) rows++;
    }
    const end = bytes.length - 3;
    for (let i = 0; i < end; i++) {
      if (bytes[i] === 60 /* < */ && isRowTag(bytes, i)) rows++;
    }
    this.tail = bytes.slice(Math.max(0, end));
    this.rows = rows;
  }
}

/** Whether `<row` starts at `i` (read only when it fits). */
function isRowTag(bytes: Uint8Array, i: number): boolean {
  return (
    i + 3 < bytes.length &&
    bytes[i] === 60 &&
    bytes[i + 1] === 114 &&
    bytes[i + 2] === 111 &&
    bytes[i + 3] === 119
  );
}

/**
 * Loads a reader's modules before it is timed: under tsx that includes compiling TypeScript (about
 * 80 ms for the records path's modules, 40 ms for the floor's, with tsx's cache warm), which the
 * shipped, compiled command never does, and no part of reading a workbook.
 */
async function preload(reader: Reader): Promise<void> {
  if (reader === 'floor' || reader === 'search')
    await import('../pipeline/xlsx-stream/open-xlsx-package.js');
  else if (reader === 'ours') await import('../pipeline/xlsx-stream/stream-xlsx-rows.js');
  else if (reader === 'records') await import('../pipeline/stream-xlsx-records.js');
  else if (reader === 'exceljs') await import('exceljs');
  else await import('xlsx');
}

async function runChild(reader: Reader, file: string): Promise<Measurement> {
  let rows = 0;
  let cells = 0;
  await preload(reader);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  if (reader === 'floor') {
    const { openXlsxPackage } = await import('../pipeline/xlsx-stream/open-xlsx-package.js');
    const pkg = await openXlsxPackage(file);
    const counter = new RowTagCounter();
    for await (const chunk of await pkg.streamBytes('xl/worksheets/sheet1.xml'))
      counter.pass(chunk as Buffer);
    rows = counter.rows;
    pkg.close();
  } else if (reader === 'search') {
    const { openXlsxPackage } = await import('../pipeline/xlsx-stream/open-xlsx-package.js');
    const pkg = await openXlsxPackage(file);
    const needle = Buffer.from('<row');
    let tail: Buffer = Buffer.alloc(0);
    for await (const chunk of await pkg.streamBytes('xl/worksheets/sheet1.xml')) {
      const bytes = chunk as Buffer;
      // A "<row" split across two chunks.
      if (Buffer.concat([tail, bytes.subarray(0, 3)]).includes(needle)) rows++;
      for (let i = bytes.indexOf(needle); i >= 0; i = bytes.indexOf(needle, i + 4)) rows++;
      tail = bytes.subarray(bytes.length - 3);
    }
    pkg.close();
  } else if (reader === 'ours') {
    const { streamXlsxRows } = await import('../pipeline/xlsx-stream/stream-xlsx-rows.js');
    for await (const row of streamXlsxRows(file)) {
      rows++;
      cells += row.cells.length;
    }
  } else if (reader === 'records') {
    const { streamXlsxRecords } = await import('../pipeline/stream-xlsx-records.js');
    const result = await streamXlsxRecords(file, { kind: 'deal', table: true });
    const table = result.table!;
    rows = table.size;
    cells = Object.keys(table.record(0)).length * rows;
  } else if (reader === 'exceljs') {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
    });
    for await (const worksheet of workbook) {
      for await (const row of worksheet as AsyncIterable<{ cellCount: number }>) {
        rows++;
        cells += row.cellCount;
      }
    }
  } else {
    const xlsx = await import('xlsx');
    const read = xlsx.readFile ?? (xlsx as unknown as { default: typeof xlsx }).default.readFile;
    const utils = xlsx.utils ?? (xlsx as unknown as { default: typeof xlsx }).default.utils;
    const workbook = read(file, { cellDates: true, dense: true });
    for (const name of workbook.SheetNames) {
      const sheet = workbook.Sheets[name];
      if (sheet === undefined) continue;
      const grid = utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
      rows += grid.length;
      for (const row of grid) cells += row.length;
    }
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  return { reader, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb, rows, cells };
}

/** Our readers' wall time over the stricter native-search floor, when both ran. */
function vsSearch(measurements: Measurement[]): string[] {
  const search = measurements.find((m) => m.reader === 'search');
  if (search === undefined) return [];
  const ours = measurements.filter((m) => m.reader === 'ours' || m.reader === 'records');
  return ours.map(
    (m) =>
      `Against the stricter native search (informative): ${m.reader} ${(m.ms / search.ms).toFixed(2)}×.`,
  );
}

/** Each reader's median run by wall time, with the highest peak RSS of its runs. */
function medians(runs: Measurement[]): Measurement[] {
  const readers = READERS.filter((r) => runs.some((m) => m.reader === r));
  return readers.map((reader) => {
    const own = runs.filter((m) => m.reader === reader).sort((a, b) => a.ms - b.ms);
    const median = own[Math.floor((own.length - 1) / 2)]!;
    return { ...median, maxRssMb: Math.max(...own.map((m) => m.maxRssMb)) };
  });
}

const SIDE_NAMES: Record<Reader, string> = {
  floor: 'the inflate floor',
  search: 'inflate + Buffer.indexOf',
  ours: 'pipecast',
  records: 'pipecast',
  exceljs: 'exceljs',
  sheetjs: 'SheetJS',
};

/** Every run of one reader, for `npm run bench` (its peak: the highest of the runs). */
function sideOf(runs: Measurement[], reader: Reader): MeasuredSide | undefined {
  const own = runs.filter((m) => m.reader === reader);
  if (own.length === 0) return undefined;
  const peakMb = Math.max(...own.map((m) => m.maxRssMb));
  return { name: SIDE_NAMES[reader], ms: own.map((m) => m.ms), peakMb };
}

/** Our two readers against the floor, and the kept records against exceljs and SheetJS. */
function comparisons(runs: Measurement[], rows: number): Measure[] {
  const pairs: [string, Reader, Reader, string?][] = [
    ['.xlsx to rows (streamXlsxRows) vs the inflate floor', 'ours', 'floor', '≤ 3×'],
    ['.xlsx to kept records (streamXlsxRecords) vs the inflate floor', 'records', 'floor', '≤ 3×'],
    ['.xlsx to kept records vs exceljs streaming reader', 'records', 'exceljs'],
    ['.xlsx to kept records vs SheetJS readFile + sheet_to_json', 'records', 'sheetjs'],
  ];
  const measures: Measure[] = [];
  for (const [what, ours, peer, goal] of pairs) {
    const oursSide = sideOf(runs, ours);
    const peerSide = sideOf(runs, peer);
    if (oursSide === undefined) continue;
    measures.push({ what, size: rows, ours: oursSide, peer: peerSide, goal });
  }
  return measures;
}

function format(measurements: Measurement[], file: string, rows: number, runs: number): string {
  const floor = measurements.find((m) => m.reader === 'floor');
  const lines = [
    `File: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB, ${rows} rows × 10 columns); median of ${runs} run(s) each, readers taking turns`,
    '',
    '| reader | wall (s) | × floor | CPU (s) | × floor CPU | peak RSS (MB) | rows | cells |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...measurements.map((m) => {
      const ratio = floor ? (m.ms / floor.ms).toFixed(2) : '–';
      const cpuRatio = floor ? (m.cpuMs / floor.cpuMs).toFixed(2) : '–';
      return `| ${DESCRIPTIONS[m.reader]} | ${(m.ms / 1000).toFixed(2)} | ${ratio} | ${(m.cpuMs / 1000).toFixed(2)} | ${cpuRatio} | ${m.maxRssMb.toFixed(0)} | ${m.rows} | ${m.cells} |`;
    }),
    '',
    'Goal (issue 6): ours within 3× the floor and under 500 MB peak RSS.',
    ...vsSearch(measurements),
    `Load average while measuring: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ', ',
      )} on ${availableParallelism()} cores (wall times stretch under load; CPU times much less).`,
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const child = argValue('--child') as Reader | undefined;
  if (child !== undefined) {
    const file = argValue('--file') ?? '';
    process.stdout.write(`${JSON.stringify(await runChild(child, file))}\n`);
    return;
  }
  const rows = Number(argValue('--rows') ?? DEFAULT_LARGE_ROWS);
  if (!Number.isInteger(rows) || rows < 2)
    throw new Error(`--rows must be an integer ≥ 2, got ${argValue('--rows')}`);
  const only = argValue('--only')?.split(',') ?? [...READERS];
  const runs = Number(argValue('--runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be an integer ≥ 1, got ${argValue('--runs')}`);
  const started = performance.now();
  // Made in a child process: a child started by a process that had just written the workbook
  // would report that process's peak RSS as its own (Linux keeps it across fork and exec).
  const made = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('make-large-xlsx.ts', import.meta.url)),
      '--rows',
      String(rows),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (made.status !== 0) throw new Error(`making the workbook failed (exit ${made.status})`);
  const file = largeXlsxPath(rows);
  console.error(
    `workbook ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`,
  );
  const script = fileURLToPath(import.meta.url);
  const measurements: Measurement[] = [];
  for (let run = 1; run <= runs; run++)
    for (const reader of READERS.filter((r) => only.includes(r))) {
      console.error(`running ${reader} (${run}/${runs})…`);
      const result = spawnSync(
        process.execPath,
        ['--max-old-space-size=8192', '--import', 'tsx', script, '--child', reader, '--file', file],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      const line = result.stdout.trim().split('\n').pop() ?? '';
      if (result.status !== 0 || !line.startsWith('{')) {
        console.error(`${reader} failed (exit ${result.status}): ${result.stderr.slice(-2000)}`);
        continue;
      }
      measurements.push(JSON.parse(line) as Measurement);
    }
  const table = format(medians(measurements), file, rows, runs);
  console.log(table);
  recordMeasures('xlsx-read', comparisons(measurements, rows));
  if (process.argv.includes('--write')) {
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/xlsx-read.md', `# xlsx-read\n\n${table}\n`);
  }
}

await main();
