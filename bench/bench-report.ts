/**
 * The tables `npm run bench` prints and writes into bench/RESULTS.md, from the measurements its
 * runs recorded (see record-measures.ts). Pure functions: no clock, no files, so the format is
 * tested with made-up measurements.
 */
import type { Measure, MeasuredSide } from './record-measures.js';

/** One benchmark process the runner started: which, at what size, and what it gave. */
export interface JobResult {
  bench: string;
  /** The rows it was asked to run at; undefined for a benchmark of fixed data. */
  size?: number;
  exitCode: number | null;
  /** Wall time of the whole process, data generation included. */
  seconds: number;
  /** Peak resident memory of the process (the benchmark and its peer in it), when it reported it. */
  peakMb?: number;
  measures: Measure[];
  /** Where its output went, for a failed run. */
  log: string;
}

/** What the machine was, as the generated section states it. */
export interface MachineDescription {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  duckdb: string;
  loadAtStart: number[];
  loadAtEnd: number[];
  commit: string;
  date: string;
  /** The options the run was given, e.g. "--sizes 10000 --quick"; empty for the full run. */
  options: string;
}

/** The deals bench/breakdown.ts runs on, a fixed number: Excel's last row. */
export const BREAKDOWN_ROWS = 1_048_576;

/**
 * bench/breakdown.ts prints its best times rather than recording them: they are read from its
 * lines "breakdown (ours): 0.123 s, …", "breakdown, first by industry: 0.2 s" and
 * "DuckDB GROUP BY: 0.045 s, …".
 */
export function parseBreakdown(output: string): Measure[] {
  const seconds = (label: RegExp) => {
    const match = label.exec(output);
    return match === null ? undefined : Number(match[1]) * 1000;
  };
  const ours = seconds(/^breakdown \(ours\):\s+([\d.]+) s/m);
  const duck = seconds(/^DuckDB GROUP BY:\s+([\d.]+) s/m);
  const firstOfColumn = seconds(/^breakdown, first by industry:\s+([\d.]+) s/m);
  if (ours === undefined || duck === undefined) return [];
  const measures: Measure[] = [
    {
      what: 'breakdown by a column of 1,000 values vs DuckDB GROUP BY (best of its runs)',
      size: BREAKDOWN_ROWS,
      ours: { name: 'pipecast', ms: [ours] },
      peer: { name: 'DuckDB', ms: [duck] },
      goal: '≤ 2×',
    },
  ];
  // The first breakdown by that column after the CSV's split (what a one-off `--by` waits for
  // once the file is read): the split codes the column, so this is held to the same goal.
  if (firstOfColumn !== undefined)
    measures.push({
      what: 'first breakdown by that column vs DuckDB GROUP BY',
      size: BREAKDOWN_ROWS,
      ours: { name: 'pipecast', ms: [firstOfColumn] },
      peer: { name: 'DuckDB', ms: [duck] },
      goal: '≤ 2×',
    });
  return measures;
}

export const SECTION_START = '<!-- npm run bench: generated section, replaced by each run -->';
export const SECTION_END = '<!-- npm run bench: end of generated section -->';

/** The median of the values (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds as people read them: "850 ms", "1.23 s", "61.0 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(ms < 60_000 ? 2 : 1)} s`;
}

const formatMb = (mb: number | undefined): string =>
  mb === undefined || !Number.isFinite(mb) ? '–' : mb.toFixed(0);

const formatSize = (size: number | undefined): string =>
  size === undefined ? '–' : size.toLocaleString('en-US');

/** Ours over the peer, both by their median run; '–' without a peer. */
export function ratioOf(measure: Measure): string {
  if (measure.peer === undefined) return '–';
  const ratio = median(measure.ours.ms) / median(measure.peer.ms);
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–';
}

const sideTime = (side: MeasuredSide): string =>
  `${formatMs(median(side.ms))}${side.ms.length > 1 ? ` (${side.ms.length} runs)` : ''}`;

/** Peak memory: each side's own where it ran alone, else the whole process's, marked so. */
function peakOf(measure: Measure, job: JobResult): string {
  if (measure.ours.peakMb !== undefined) {
    const peer = measure.peer?.peakMb;
    return peer === undefined
      ? formatMb(measure.ours.peakMb)
      : `${formatMb(measure.ours.peakMb)} / ${formatMb(peer)}`;
  }
  return `${formatMb(job.peakMb)} (process)`;
}

/**
 * Every measure with its job, grouped by benchmark and measure (in the order first met), then by
 * size. The same measure at the same size from several processes (forecast's P10/P50/P90, which
 * each of its runs times) is one row, its runs pooled, with the first process's peak.
 */
function groupedMeasures(jobs: readonly JobResult[]): { job: JobResult; measure: Measure }[] {
  const rows = new Map<string, { job: JobResult; measure: Measure; group: number }>();
  const groups = new Map<string, number>();
  for (const job of jobs)
    for (const measure of job.measures) {
      const groupKey = `${job.bench}\u0000${measure.what}`;
      if (!groups.has(groupKey)) groups.set(groupKey, groups.size);
      const key = `${groupKey}\u0000${measure.size ?? ''}`;
      const first = rows.get(key);
      if (first === undefined) rows.set(key, { job, measure, group: groups.get(groupKey)! });
      else first.measure = pooled(first.measure, measure);
    }
  return [...rows.values()].sort(
    (a, b) => a.group - b.group || (a.measure.size ?? 0) - (b.measure.size ?? 0),
  );
}

/** One measure with the runs of both. */
function pooled(first: Measure, next: Measure): Measure {
  const side = (a: MeasuredSide, b: MeasuredSide | undefined): MeasuredSide => ({
    ...a,
    ms: [...a.ms, ...(b?.ms ?? [])],
  });
  return {
    ...first,
    ours: side(first.ours, next.ours),
    peer: first.peer === undefined ? undefined : side(first.peer, next.peer),
  };
}

/** The table of every comparison, so growth with the rows reads down each group. */
export function measuresTable(jobs: readonly JobResult[]): string {
  const rows = groupedMeasures(jobs.filter((job) => job.bench !== 'hostile'));
  return [
    '| benchmark | what | rows | pipecast | peer | peer time | ratio | goal | peak RSS MB (ours / peer) |',
    '|---|---|---:|---:|---|---:|---:|---|---:|',
    ...rows.map(({ job, measure }) =>
      tableRow([
        job.bench,
        measure.what,
        formatSize(measure.size),
        sideTime(measure.ours),
        measure.peer?.name ?? '–',
        measure.peer === undefined ? '–' : sideTime(measure.peer),
        ratioOf(measure),
        measure.goal ?? '–',
        peakOf(measure, job),
      ]),
    ),
  ].join('\n');
}

/** The hostile files: time and peak memory of each refusal, with its message. */
export function hostileTable(jobs: readonly JobResult[]): string {
  const rows = groupedMeasures(jobs.filter((job) => job.bench === 'hostile'));
  if (rows.length === 0) return '';
  return [
    '| file | time | peak RSS MB | message |',
    '|---|---:|---:|---|',
    ...rows.map(({ job, measure }) =>
      tableRow([measure.what, sideTime(measure.ours), peakOf(measure, job), measure.note ?? '–']),
    ),
  ].join('\n');
}

/** Each process the run started: how long it took in all and its peak memory. */
export function jobsTable(jobs: readonly JobResult[]): string {
  return [
    '| benchmark | rows | exit | wall time of the process | peak RSS MB | measures |',
    '|---|---:|---:|---:|---:|---:|',
    ...jobs.map((job) =>
      tableRow([
        job.bench,
        formatSize(job.size),
        String(job.exitCode ?? 'killed'),
        formatMs(job.seconds * 1000),
        formatMb(job.peakMb),
        String(job.measures.length),
      ]),
    ),
  ].join('\n');
}

/** Runs that failed or measured nothing, each with where its output is. */
export function failures(jobs: readonly JobResult[]): string[] {
  return jobs
    .filter((job) => job.exitCode !== 0 || job.measures.length === 0)
    .map(
      (job) =>
        `${job.bench}${job.size === undefined ? '' : ` at ${formatSize(job.size)} rows`}: ${job.exitCode === 0 ? 'measured nothing' : `exit ${job.exitCode ?? '(killed)'}`}; its output: ${job.log}`,
    );
}

/** The machine and the run, in one paragraph a reader can judge the figures by. */
export function machineParagraph(machine: MachineDescription): string {
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  return [
    `Run of ${machine.date} on commit ${machine.commit}${machine.options === '' ? '' : `, with \`${machine.options}\``}.`,
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb.toFixed(0)} GiB of memory, ${machine.os};`,
    `Node ${machine.node}, DuckDB ${machine.duckdb}.`,
    `Load average (1 / 5 / 15 min) ${load(machine.loadAtStart)} at the start, ${load(machine.loadAtEnd)} at the end:`,
    `near or above ${machine.cores}, other work shared the cores and wall times stretched.`,
  ].join(' ');
}

/** The whole generated section, between its markers. */
export function resultsSection(machine: MachineDescription, jobs: readonly JobResult[]): string {
  const failed = failures(jobs);
  const hostile = hostileTable(jobs);
  return [
    SECTION_START,
    '## Latest `npm run bench`',
    '',
    machineParagraph(machine),
    '',
    "Times are medians of the runs shown; a ratio is pipecast's median over its peer's, measured",
    'in the same run. Peak memory is that of the side alone where it ran in a process of its',
    'own, else of the whole benchmark process (data, pipecast and its peer together; for the',
    "add-in, the Node process that drives Chromium, not Chromium's). Hostile files: the time and",
    'peak of the whole `pipecast inspect` process, started from the sources with tsx, whose start',
    'alone the valid file shows.',
    '',
    measuresTable(jobs),
    ...(hostile === ''
      ? []
      : ['', '### Hostile files: each refusal (`pipecast inspect`)', '', hostile]),
    '',
    '### The processes',
    '',
    jobsTable(jobs),
    ...(failed.length === 0
      ? []
      : ['', 'Failed or empty:', '', ...failed.map((line) => `- ${line}`)]),
    SECTION_END,
  ].join('\n');
}

/**
 * RESULTS.md with its generated section replaced; without markers yet, the section goes before
 * the first dated heading, so the hand-written history below it stays as it is.
 */
export function replaceSection(results: string, section: string): string {
  const start = results.indexOf(SECTION_START);
  const end = results.indexOf(SECTION_END);
  if (start >= 0 && end > start)
    return results.slice(0, start) + section + results.slice(end + SECTION_END.length);
  const firstDated = results.search(/^## \d{4}-/m);
  const at = firstDated >= 0 ? firstDated : results.length;
  return `${results.slice(0, at)}${section}\n\n${results.slice(at)}`;
}

const tableRow = (cells: readonly string[]): string =>
  `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
