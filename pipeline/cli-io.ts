/** Where a command writes; tests pass their own to capture output. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

/** A subcommand: takes its own arguments, returns the process exit code. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

/** A mistake in how the command was called: printed as one line with the usage, exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}
