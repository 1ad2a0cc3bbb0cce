import type { CliIo } from '../cli-io.js';

/** Placeholder until the report issue lands: says so and fails. */
export async function reportCommand(_args: string[], io: CliIo): Promise<number> {
  io.stderr('pipecast report: not built yet\n');
  return 1;
}
