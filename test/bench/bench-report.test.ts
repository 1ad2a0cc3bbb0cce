import { describe, expect, it } from 'vitest';
import {
  failures,
  formatMs,
  hostileTable,
  jobsTable,
  measuresTable,
  median,
  parseBreakdown,
  ratioOf,
  replaceSection,
  resultsSection,
  SECTION_END,
  SECTION_START,
  type JobResult,
  type MachineDescription,
} from '../../bench/bench-report.js';

// Made-up measurements: these tests check the format of `npm run bench`'s tables, not speed.
const forecastAt = (size: number, ours: number[], duck: number[]): JobResult => ({
  bench: 'forecast',
  size,
  exitCode: 0,
  seconds: 12.5,
  peakMb: 321.4,
  measures: [
    {
      what: 'aggregation',
      size,
      ours: { name: 'pipecast', ms: ours },
      peer: { name: 'DuckDB', ms: duck },
      goal: '≤ 2×',
    },
  ],
  log: 'out/bench/forecast.log',
});

const xlsxJob: JobResult = {
  bench: 'xlsx-read',
  size: 1_048_576,
  exitCode: 0,
  seconds: 90,
  peakMb: 120,
  measures: [
    {
      what: 'records vs exceljs',
      size: 1_048_576,
      ours: { name: 'pipecast', ms: [2500], peakMb: 265.2 },
      peer: { name: 'exceljs', ms: [10_000], peakMb: 310.7 },
    },
  ],
  log: 'out/bench/xlsx-read-1048576.log',
};

const hostileJob: JobResult = {
  bench: 'hostile',
  exitCode: 0,
  seconds: 40,
  peakMb: 90,
  measures: [
    {
      what: 'cell ZZZZZZ25',
      ours: { name: 'pipecast inspect', ms: [700, 900, 800], peakMb: 112.6 },
      note: "pipecast inspect: <file>: sheet 'Deals', cell ZZZZZZ25 is past column XFD | x",
    },
  ],
  log: 'out/bench/hostile.log',
};

const machine: MachineDescription = {
  cpu: 'Example CPU @ 2.0GHz',
  cores: 2,
  memoryGb: 24,
  os: 'Linux 6.1',
  node: 'v20.19.0',
  duckdb: '1.5.6-r.1',
  loadAtStart: [0.5, 0.25, 0.125],
  loadAtEnd: [1.5, 1, 0.75],
  commit: 'abc1234',
  date: '2026-12-07 18:00 UTC',
  options: '--quick',
};

describe('median and the formats of the bench tables', () => {
  it('takes the middle run, or the mean of the middle two', () => {
    expect(median([300, 100, 200])).toBe(200);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('writes times in ms below a second and in seconds above', () => {
    expect(formatMs(5.5)).toBe('5.5 ms');
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatMs(61_000)).toBe('61.0 s');
    expect(formatMs(NaN)).toBe('–');
  });

  it('divides our median by the peer median', () => {
    // Medians 200 and 80: 200 / 80 = 2.5.
    expect(ratioOf(forecastAt(10, [100, 300, 200], [70, 80, 90]).measures[0]!)).toBe('2.50×');
    expect(ratioOf(hostileJob.measures[0]!)).toBe('–');
  });
});

describe('the tables of a run', () => {
  it('lists each measure by size within its group, with the process peak when no side has its own', () => {
    const table = measuresTable([
      forecastAt(100_000, [40, 50, 60], [20, 25, 30]),
      forecastAt(10_000, [4, 5, 6], [5]),
      xlsxJob,
    ]).split('\n');
    expect(table[0]).toBe(
      '| benchmark | what | rows | pipecast | peer | peer time | ratio | goal | peak RSS MB (ours / peer) |',
    );
    // 5 / 5 = 1.00×; 50 / 25 = 2.00×; 2,500 / 10,000 = 0.25×.
    expect(table.slice(2)).toEqual([
      '| forecast | aggregation | 10,000 | 5.0 ms (3 runs) | DuckDB | 5.0 ms | 1.00× | ≤ 2× | 321 (process) |',
      '| forecast | aggregation | 100,000 | 50 ms (3 runs) | DuckDB | 25 ms (3 runs) | 2.00× | ≤ 2× | 321 (process) |',
      '| xlsx-read | records vs exceljs | 1,048,576 | 2.50 s | exceljs | 10.00 s | 0.25× | – | 265 / 311 |',
    ]);
  });

  it('pools the runs of one measure at one size that several processes timed', () => {
    const range = (ms: number): JobResult => ({
      ...forecastAt(10, [1], [1]),
      measures: [{ what: 'P10/P50/P90', size: 100_000, ours: { name: 'pipecast', ms: [ms] } }],
    });
    // The runs 60, 20, 40 pooled: median 40.
    expect(
      measuresTable([range(60), range(20), range(40)])
        .split('\n')
        .slice(2),
    ).toEqual([
      '| forecast | P10/P50/P90 | 100,000 | 40 ms (3 runs) | – | – | – | – | 321 (process) |',
    ]);
  });

  it('gives each hostile file its time, peak and message, a | in it escaped', () => {
    expect(hostileTable([hostileJob, xlsxJob]).split('\n').slice(2)).toEqual([
      "| cell ZZZZZZ25 | 800 ms (3 runs) | 113 | pipecast inspect: <file>: sheet 'Deals', cell ZZZZZZ25 is past column XFD \\| x |",
    ]);
    expect(hostileTable([xlsxJob])).toBe('');
  });

  it('lists every process and names the failed or empty ones with their log', () => {
    const failed: JobResult = { ...xlsxJob, size: 10_000, exitCode: 1, measures: [] };
    const empty: JobResult = { ...hostileJob, measures: [] };
    expect(jobsTable([xlsxJob, failed]).split('\n').slice(2)).toEqual([
      '| xlsx-read | 1,048,576 | 0 | 90.0 s | 120 | 1 |',
      '| xlsx-read | 10,000 | 1 | 90.0 s | 120 | 0 |',
    ]);
    expect(failures([xlsxJob, failed, empty])).toEqual([
      'xlsx-read at 10,000 rows: exit 1; its output: out/bench/xlsx-read-1048576.log',
      'hostile: measured nothing; its output: out/bench/hostile.log',
    ]);
  });
});

describe('the generated section of bench/RESULTS.md', () => {
  const history = '# Benchmark results\n\nIntro.\n\n## 2026-12-02\n\nOld figures.\n';

  it('goes before the first dated section the first time, then replaces only itself', () => {
    const first = replaceSection(history, resultsSection(machine, [forecastAt(10, [1], [1])]));
    expect(first.startsWith(`# Benchmark results\n\nIntro.\n\n${SECTION_START}\n`)).toBe(true);
    expect(first.endsWith(`${SECTION_END}\n\n## 2026-12-02\n\nOld figures.\n`)).toBe(true);
    const second = replaceSection(first, `${SECTION_START}\nnew\n${SECTION_END}`);
    expect(second).toBe(
      `# Benchmark results\n\nIntro.\n\n${SECTION_START}\nnew\n${SECTION_END}\n\n## 2026-12-02\n\nOld figures.\n`,
    );
  });

  it('states the machine, the load and the options of the run', () => {
    const section = resultsSection(machine, [forecastAt(10, [1], [1]), hostileJob]);
    expect(section).toContain(
      'Run of 2026-12-07 18:00 UTC on commit abc1234, with `--quick`. Example CPU @ 2.0GHz, 2 cores, 24 GiB of memory, Linux 6.1; Node v20.19.0, DuckDB 1.5.6-r.1. Load average (1 / 5 / 15 min) 0.50 / 0.25 / 0.13 at the start, 1.50 / 1.00 / 0.75 at the end:',
    );
    expect(section).toContain('### Hostile files: each refusal (`pipecast inspect`)');
    expect(section).not.toContain('Failed or empty');
  });
});

describe("bench/breakdown.ts's printed times", () => {
  it('are read from its lines', () => {
    const output = [
      '1,048,576 deals, 1000 industries, best of 3',
      'breakdown, first by industry:       0.075 s',
      'breakdown (ours):                   0.123 s, 1000 rows, 786432 deals',
      'DuckDB GROUP BY:                    0.041 s, 1000 rows, 786432 deals',
    ].join('\n');
    const [measure, firstOfColumn] = parseBreakdown(output);
    expect(measure?.ours.ms).toEqual([123]);
    expect(measure?.peer?.ms).toEqual([41]);
    expect(firstOfColumn?.ours.ms).toEqual([75]);
    expect(firstOfColumn?.peer?.ms).toEqual([41]);
    expect(parseBreakdown('breakdown (ours): failed')).toEqual([]);
  });
});
