/**
 * CSV parsing speed: parseCsvText (hand-written) against csv-parse, the library it replaced, on
 * the same synthetic export, the two taking turns. Then splitCsvSheet, the split a CSV sheet's
 * rows come from (repeated texts shared, their columns coded): its time, and the heap its rows
 * hold against parseCsvText's.
 * Run: node --import tsx bench/read-csv.ts [--rows 1000000] [--runs 1]
 */
import { parse } from 'csv-parse/sync';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseCsvText } from '../core/columns/parse-csv-text.js';
import { splitCsvSheet } from '../core/columns/split-csv-sheet.js';
import { recordMeasures } from './record-measures.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '300000' }, runs: { type: 'string', default: '1' } },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1`);

const stages = ['Prospecting', 'Engaging', 'Won', 'Lost'];
const lines = [
  'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value',
];
for (let i = 0; i < rows; i++) {
  const note = i % 10 === 0 ? '"Acme, Inc."' : `Account ${i % 85}`;
  lines.push(
    `OPP${i},Agent ${i % 35},GTX Pro,${note},${stages[i % 4]},2017-0${1 + (i % 9)}-1${i % 10},2017-1${i % 3}-0${1 + (i % 9)},${(i * 37) % 10000}`,
  );
}
const text = lines.join('\n');

function time(label: string, run: () => unknown[][]): number {
  const start = performance.now();
  const result = run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(14)} ${seconds.toFixed(3)} s  (${result.length} rows)`);
  return seconds;
}

console.log(`${rows} rows, ${(text.length / 1e6).toFixed(1)} MB`);
const oursMs: number[] = [];
const peerMs: number[] = [];
const splitMs: number[] = [];
for (let run = 0; run < runs; run++) {
  const ours = time('parseCsvText', () => parseCsvText(text, ','));
  const peer = time(
    'csv-parse',
    () => parse(text, { relax_column_count: true, relax_quotes: true }) as unknown[][],
  );
  console.log(`csv-parse / parseCsvText = ${(peer / ours).toFixed(1)}×`);
  const split = time('splitCsvSheet', () => splitCsvSheet(text, ','));
  oursMs.push(ours * 1000);
  peerMs.push(peer * 1000);
  splitMs.push(split * 1000);
}
console.log(`heap held by the rows: parseCsvText ${heldMb(() => parseCsvText(text, ','))} MB,`);
console.log(`                       splitCsvSheet ${heldMb(() => splitCsvSheet(text, ','))} MB`);

/** Megabytes of heap that `make`'s result holds, measured after full collections. */
function heldMb(make: () => unknown): string {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  const held = process.memoryUsage().heapUsed - before;
  if (kept === undefined) throw new Error('nothing made');
  return (held / 1e6).toFixed(0);
}

recordMeasures('read-csv', [
  {
    what: 'parseCsvText vs csv-parse, CSV text to cells',
    size: rows,
    ours: { name: 'pipecast', ms: oursMs },
    peer: { name: 'csv-parse', ms: peerMs },
  },
  {
    what: 'splitCsvSheet (cells shared and coded) vs parseCsvText, CSV text to a sheet’s rows',
    size: rows,
    ours: { name: 'pipecast', ms: splitMs },
    peer: { name: 'parseCsvText', ms: oursMs },
  },
]);
