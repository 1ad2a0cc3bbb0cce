import type { CliIo } from '../cli-io.js';

/** Placeholder until the aging issue lands: says so and fails. */
export async function agingCommand(_args: string[], io: CliIo): Promise<number> {
  io.stderr('pipecast aging: not built yet\n');
  return 1;
}
