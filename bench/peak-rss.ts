/**
 * Loaded by `npm run bench` into every benchmark it starts (node --import): when the process
 * exits, its peak resident memory is appended to the record file (see record-measures.ts), so
 * each run's memory is measured the same way, whatever the benchmark prints.
 */
import { appendFileSync } from 'node:fs';
import { RECORD_ENV, type RecordLine } from './record-measures.js';

const file = process.env[RECORD_ENV];
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    // maxRSS is in kilobytes.
    const line: RecordLine = { kind: 'peak', peakMb: process.resourceUsage().maxRSS / 1024 };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
}
