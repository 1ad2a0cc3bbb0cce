/**
 * What a command that stopped on an error no other branch knows prints after its name: its
 * message as one line, never a stack trace (PIPECAST_DEBUG=1 adds the stack for a bug report).
 * Usage mistakes and PipecastErrors (an unreadable file names the file, and the sheet, row and
 * column where known) have their own one-line forms.
 */
export function failureLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = `stopped: ${message.replace(/\s+/g, ' ').trim() || 'an error without a message'}`;
  const stack = error instanceof Error ? error.stack : undefined;
  return process.env.PIPECAST_DEBUG === '1' && stack !== undefined ? `${line}\n${stack}` : line;
}
