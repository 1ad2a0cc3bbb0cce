import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../core/columns/parse-csv-text.js';
import { readCsvHead, readCsvRecords } from '../../../core/columns/read-csv-records.js';
import { readCsv } from '../../../pipeline/read-csv.js';
import { CSV_HEAD as HEAD, longLineCsv, openQuoteCsv } from '../../support/hostile-files.js';
import { runCliChild } from '../../support/run-cli-child.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'csv-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function csv(name: string, text: string | Buffer): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

describe('CSV past Excel limits', () => {
  it('refuses a 200 MB line without a line feed in seconds, in a child under 250 MB', async () => {
    const path = csv('long-line.csv', longLineCsv(200));
    const run = await runCliChild(['forecast', path, '--as-of', '2026-06-30']);
    expect(run.stderr).toBe(
      `pipecast forecast: ${path}: malformed CSV: line 3, column A: a field of more than 32,767 characters, Excel's limit per cell\n`,
    );
    expect(run.code).toBe(1);
    // Before: the process aborted at 5 GB.
    expect(run.peakMb).toBeLessThan(250);
    expect(run.ms).toBeLessThan(20_000);
  });

  it.each([['inspect'], ['forecast', '--as-of', '2026-06-30'], ['aging', '--as-of', '2026-06-30']])(
    '%s refuses a 32 MB quote that never closes in linear time, with one line',
    async (...args) => {
      // Before: 55 s (quadratic); 8 MB took 3.5 s.
      const path = csv(`open-quote-${args[0]}.csv`, openQuoteCsv(11_000_000));
      const started = performance.now();
      const { code, out, err } = await runCli(args[0]!, path, ...args.slice(1));
      expect(performance.now() - started).toBeLessThan(5000);
      expect({ code, out }).toEqual({ code: 1, out: '' });
      expect(err).toBe(
        `pipecast ${args[0]}: ${path}: malformed CSV: line 3, column B: a field of more than 32,767 characters, Excel's limit per cell (a quote that never closes, from line 3?)\n`,
      );
    },
  );

  it.each(['inspect', 'forecast', 'aging'])(
    '%s reports a short quote that never closes with its line and column, no stack',
    async (command) => {
      const path = csv(
        `short-quote-${command}.csv`,
        `${HEAD}B,Won,"200,2026-01-06\nC,Lost,5,2026-01-07\n`,
      );
      const { code, err } = await runCli(
        command,
        path,
        ...(command === 'inspect' ? [] : ['--as-of', '2026-06-30']),
      );
      expect(code).toBe(1);
      expect(err).toBe(
        `pipecast ${command}: ${path}: malformed CSV: a quoted field opened on line 3 is never closed (column C)\n`,
      );
    },
  );

  it('refuses a field of 40,000 characters naming line and column, and reads one of 32,767', async () => {
    const tooLong = csv('field.csv', `${HEAD}B,${'y'.repeat(40_000)},2\n`);
    const { code, err } = await runCli('inspect', tooLong);
    expect(code).toBe(1);
    expect(err).toBe(
      `pipecast inspect: ${tooLong}: malformed CSV: line 3, column B: a field of 40,000 characters, past Excel's limit of 32,767 per cell\n`,
    );
    const atLimit = csv('field-ok.csv', `${HEAD}B,${'y'.repeat(32_767)},2\n`);
    expect((await runCli('inspect', atLimit)).code).toBe(0);
  });

  it('refuses a line of more than 16,384 fields', async () => {
    const path = csv('wide.csv', `${HEAD}B,Won,1${','.repeat(20_000)}\n`);
    const { code, err } = await runCli('forecast', path, '--as-of', '2026-06-30');
    expect(code).toBe(1);
    expect(err).toBe(
      `pipecast forecast: ${path}: malformed CSV: line 3 has more than 16,384 fields, Excel's limit of columns (the last is XFD)\n`,
    );
  });

  it('refuses a long field in a GB18030 file (read whole) as well', async () => {
    const path = csv(
      'gbk.csv',
      iconv.encode(`客户,金额\n张三,${'中'.repeat(40_000)}\n`, 'gb18030'),
    );
    const grid = await readCsv(path);
    expect(() => grid.rows).toThrow(
      `${path}: malformed CSV: line 2, column B: a field of 40,000 characters, past Excel's limit of 32,767 per cell`,
    );
  });
});

describe('the CSV text readers past the limits', () => {
  it('parseCsvText counts a quoted field without its quotes, a "" pair as one character', () => {
    // 32,767 quote characters written as 32,767 "" pairs inside quotes: exactly at the limit.
    const atLimit = `"${'""'.repeat(32_767)}"`;
    expect(parseCsvText(atLimit, ',')[0]![0]).toHaveLength(32_767);
    expect(() => parseCsvText(`a\n"${'""'.repeat(32_768)}"`, ',')).toThrow(
      "line 2, column A: a field of 32,768 characters, past Excel's limit of 32,767 per cell",
    );
  });

  it('readCsvHead and readCsvRecords refuse a long field cut across many pieces', () => {
    const pieces = ['Deal,Stage\nA,', ...Array.from({ length: 100 }, () => 'z'.repeat(65_536))];
    const message =
      "line 2, column B: a field of more than 32,767 characters, Excel's limit per cell";
    expect(() => readCsvHead(pieces, ',', 30)).toThrow(message);
    expect(() => readCsvRecords(pieces, { kind: 'deal', sheet: 's', delimiter: ',' })).toThrow(
      message,
    );
  });

  it('reads a long line of many short fields cut into small pieces', () => {
    // 16,000 fields of 100 characters (1.6 MB): under both limits.
    const line = Array.from({ length: 16_000 }, (_, i) => String(i).padStart(100, '0')).join(',');
    const text = `Deal,Stage\n${line}\nB,Design\n`;
    const pieces: string[] = [];
    for (let at = 0; at < text.length; at += 4096) pieces.push(text.slice(at, at + 4096));
    const result = readCsvRecords(pieces, { kind: 'deal', sheet: 's', delimiter: ',' });
    expect(result.records.map((r) => r.id)).toEqual(['0'.repeat(100), 'B']);
  });
});
