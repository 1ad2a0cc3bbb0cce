import type { CliIo } from '../cli-io.js';

/** Placeholder until the segment issue lands: says so and fails. */
export async function segmentCommand(_args: string[], io: CliIo): Promise<number> {
  io.stderr('pipecast segment: not built yet\n');
  return 1;
}
