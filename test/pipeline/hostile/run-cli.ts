import type { CliIo } from '../../../pipeline/cli-io.js';
import { main } from '../../../pipeline/cli.js';

/** A pipecast command line run in this process: exit code, stdout and stderr. */
export async function runCli(
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    isTTY: false,
  };
  const code = await main(args, io);
  return { code, out, err };
}
