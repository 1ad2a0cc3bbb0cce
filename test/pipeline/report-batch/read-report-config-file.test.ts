import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../pipeline/cli-io.js';
import { readReportConfigFile } from '../../../pipeline/report/batch/read-report-config-file.js';

let dir: string;

async function configFile(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-config-'));
});

describe('readReportConfigFile', () => {
  it('readReportConfigFile returns the checked config, BOM or not', async () => {
    const path = await configFile(
      'ok.json',
      '\ufeff{"aging": {"buckets": [30, 60]}, "locale": "zh"}',
    );
    const config = await readReportConfigFile(path);
    expect(config.aging?.buckets).toEqual([30, 60]);
    expect(config.locale).toBe('zh');
  });

  it('readReportConfigFile names the file, line and column of a JSON fault V8 gives a position for', async () => {
    // Line 3 is `  "locale": "en",` and the fault is the `}` on line 4, column 1 (after the comma).
    const path = await configFile('comma.json', '{\n  "aging": {},\n  "locale": "en",\n}\n');
    const error = await readReportConfigFile(path).catch((e) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      `${path}: not JSON at line 4, column 1: Expected double-quoted property name`,
    );
  });

  it('readReportConfigFile finds the position of a fault V8 reports without one', async () => {
    // `{"locale": }`: V8 says only "Unexpected token '}'"; the } is at line 2, column 13.
    const path = await configFile('token.json', '{\n  "locale": }\n');
    await expect(readReportConfigFile(path)).rejects.toThrow(
      `${path}: not JSON at line 2, column 13: Unexpected token '}'`,
    );
  });

  it('readReportConfigFile says a truncated file ends early, at its end', async () => {
    const path = await configFile('short.json', '{"aging": {');
    await expect(readReportConfigFile(path)).rejects.toThrow(/not JSON at line 1, column 12: /);
    const empty = await configFile('empty.json', '  \n');
    await expect(readReportConfigFile(empty)).rejects.toThrow(
      `${empty}: not JSON: the file is empty`,
    );
  });

  it('readReportConfigFile passes on the config checker’s message naming the bad key', async () => {
    const path = await configFile('bad-key.json', '{"agin": {}}');
    const error = await readReportConfigFile(path).catch((e) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: agin`),
    );
    expect(error.message).not.toContain('\n');
  });

  it('readReportConfigFile says when the file is missing', async () => {
    await expect(readReportConfigFile(join(dir, 'nope.json'))).rejects.toThrow(
      `cannot read config ${join(dir, 'nope.json')}: no such file`,
    );
  });
});
