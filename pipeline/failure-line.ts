import { errorLine, type Locale, PipecastError } from '../core/index.js';
import { UsageError } from './cli-io.js';

/**
 * What a command that stopped on an error no other branch knows prints after its name: its
 * message as one line, never a stack trace (PIPECAST_DEBUG=1 adds the stack for a bug report).
 * Usage mistakes and PipecastErrors (an unreadable file names the file, and the sheet, row and
 * column where known) have their own one-line forms: see {@link errorLineOf}.
 *
 * @example failureLine(new Error('out of memory'), 'zh') // '已停止：out of memory'
 */
export function failureLine(error: unknown, locale: Locale = 'en'): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = errorLine(
    { code: 'stopped', message: message.trim() === '' ? 'an error without a message' : message },
    locale,
  );
  const stack = error instanceof Error ? error.stack : undefined;
  const english = locale === 'en' ? `stopped: ${line}` : line;
  return process.env.PIPECAST_DEBUG === '1' && stack !== undefined
    ? `${english}\n${stack}`
    : english;
}

/**
 * Any error a command stops on as one line in `locale`: a usage mistake or a PipecastError in
 * its catalogue words where it has them (else a Chinese lead-in before the English detail), the
 * place in front; anything else as {@link failureLine}.
 *
 * @example errorLineOf(new WorkbookReadError('a.xlsx', coded('error.fileNotFound')), 'zh')
 * // 'a.xlsx：找不到文件'
 */
export function errorLineOf(error: unknown, locale: Locale): string {
  if (error instanceof UsageError) {
    return errorLine(
      { code: 'usage', message: error.message, ...(error.text ? { text: error.text } : {}) },
      locale,
    );
  }
  if (error instanceof PipecastError) return errorLine(error, locale);
  return failureLine(error, locale);
}
