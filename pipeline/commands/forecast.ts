import type { CliIo } from '../cli-io.js';

/** Placeholder until the forecast issue lands: says so and fails. */
export async function forecastCommand(_args: string[], io: CliIo): Promise<number> {
  io.stderr('pipecast forecast: not built yet\n');
  return 1;
}
