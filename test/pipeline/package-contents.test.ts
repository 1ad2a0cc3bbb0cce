import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/** The file list `npm pack` would write, without running the prepare script (the suite built dist/). */
async function packedFiles(): Promise<string[]> {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
  });
  const [pack] = JSON.parse(stdout) as { files: { path: string }[] }[];
  return pack!.files.map((file) => file.path);
}

describe('npm pack', () => {
  // An install outside the clone (`npm install -g ./pipecast-0.1.0.tgz`) runs no build: the packed
  // file must carry the compiled command and every file it reads at run time.
  it('packs the compiled command, the report worker, the chart font and the config schema', async () => {
    const files = await packedFiles();
    for (const needed of [
      'bin/pipecast.js',
      'dist/pipeline/cli.js',
      'dist/pipeline/report/batch/report-worker.js',
      'dist/core/index.js',
      'dist/core/index.d.ts',
      'assets/fonts/NotoSansSC-Regular-GB2312.ttf',
      'docs/pipecast.schema.json',
      'package.json',
    ])
      expect(files).toContain(needed);
  }, 60_000);

  it('leaves tests, benchmarks and the add-in sources out', async () => {
    const files = await packedFiles();
    expect(files.filter((path) => /^(test|bench|addin|core|pipeline)\//.test(path))).toEqual([]);
  }, 60_000);
});
