import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const HERE = fileURLToPath(new URL('.', import.meta.url));

describe('the simulator in a browser bundle', () => {
  it('imports no Node built-in outside load-xlsx-file.ts and the tests', () => {
    const offenders = readdirSync(HERE)
      .filter(
        (file) =>
          file.endsWith('.ts') &&
          !file.endsWith('.test.ts') &&
          file !== 'load-xlsx-file.ts' &&
          file !== 'index.ts',
      )
      .filter((file) =>
        /from ['"](node:|fs|path|os)['"/]/.test(readFileSync(`${HERE}/${file}`, 'utf8')),
      );
    expect(offenders).toEqual([]);
  });

  it('browser.ts bundles for the browser platform (exceljs through its browser build)', async () => {
    const result = await build({
      entryPoints: [`${HERE}/browser.ts`],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.text).toContain('RequestPayloadSizeLimitExceeded');
  });
});
