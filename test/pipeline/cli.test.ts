import { describe, expect, it, vi } from 'vitest';
import { PipecastError } from '../../core/index.js';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';

// The inspect command stands in for any command that lets a core error through.
vi.mock('../../pipeline/commands/inspect.js', () => ({
  inspectCommand: async (args: string[]): Promise<number> => {
    if (args[0] === 'core-error') {
      throw new PipecastError(
        'missing-column',
        "matchColumns: mapping for 'amount' names column 'Betrag',\nwhich the header row does not have",
        { file: 'q3.xlsx', sheet: 'Deals', row: 1, column: 'Betrag' },
      );
    }
    throw new Error('a bug, not a user mistake');
  },
}));

function capture(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false },
    out: () => out,
    err: () => err,
  };
}

describe('main', () => {
  it('prints a PipecastError as one line with its place, no stack, and exits 1', async () => {
    const run = capture();
    expect(await main(['inspect', 'core-error'], run.io)).toBe(1);
    expect(run.err()).toBe(
      "pipecast inspect: q3.xlsx, sheet Deals, row 1, column Betrag: matchColumns: mapping for 'amount' names column 'Betrag', which the header row does not have\n",
    );
    expect(run.out()).toBe('');
  });

  // Issue 19: every failure is one line and a non-zero exit, never a stack trace; a bug is
  // marked "stopped:" rather than dressed up as a user mistake, and PIPECAST_DEBUG=1 adds its stack.
  it('prints any other error as one "stopped:" line, no stack, and exits 1', async () => {
    const run = capture();
    expect(await main(['inspect', 'bug'], run.io)).toBe(1);
    expect(run.err()).toBe('pipecast inspect: stopped: a bug, not a user mistake\n');
  });

  it('--version prints the version of package.json and exits 0', async () => {
    const { readFile } = await import('node:fs/promises');
    const manifest = JSON.parse(
      await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    const run = capture();
    expect(await main(['--version'], run.io)).toBe(0);
    expect(run.out()).toBe(`pipecast ${manifest.version}\n`);
    expect(run.err()).toBe('');
  });
});
