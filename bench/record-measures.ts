/**
 * How a benchmark hands its measurements to `npm run bench` (bench/run-all.ts): when the runner
 * starts it, PIPECAST_BENCH_RECORD names a file, and each measurement is appended to it as one
 * JSON line. Run by hand, a benchmark records nothing and only prints its own tables.
 */
import { appendFileSync } from 'node:fs';

/** The environment variable naming the file measurements are appended to. */
export const RECORD_ENV = 'PIPECAST_BENCH_RECORD';

/** One side of a comparison: every timed run, so the runner can take the median. */
export interface MeasuredSide {
  /** Who ran: "pipecast", "DuckDB", "exceljs", "the inflate floor", … */
  name: string;
  /** Wall time of each run, in milliseconds. */
  ms: number[];
  /** Peak resident memory of this side alone, when it ran in a process of its own. */
  peakMb?: number;
}

/** One measurement: ours, and the peer it is compared with in the same run (if any). */
export interface Measure {
  /** What was measured, e.g. "aggregation" or "end to end from the CSV". */
  what: string;
  /** Rows (deals, invoices, lines) the measurement ran on, when it scales with them. */
  size?: number;
  ours: MeasuredSide;
  peer?: MeasuredSide;
  /** A goal the measurement is held to, as the benchmark states it ("≤ 2×", "< 1 s"). */
  goal?: string;
  /** What the run said, where that is the point (a hostile file's refusal message). */
  note?: string;
}

/** A line the record file holds: a measure of one benchmark, or the process's peak memory. */
export type RecordLine =
  { kind: 'measure'; bench: string; measure: Measure } | { kind: 'peak'; peakMb: number };

/** Appends the measures to the runner's record file; does nothing when run by hand. */
export function recordMeasures(bench: string, measures: readonly Measure[]): void {
  const file = process.env[RECORD_ENV];
  if (file === undefined || file === '') return;
  const lines = measures.map((measure) =>
    JSON.stringify({ kind: 'measure', bench, measure } satisfies RecordLine),
  );
  appendFileSync(file, lines.map((line) => `${line}\n`).join(''));
}
