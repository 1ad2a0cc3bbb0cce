import { readFile } from 'node:fs/promises';
import { UsageError } from '../../cli-io.js';
import {
  type CodedText,
  coded,
  parseReportConfig,
  type ReportConfig,
  ReportConfigError,
} from '../../../core/index.js';

/**
 * Reads and checks a `pipecast.json` config file. Every failure is one line naming the file:
 * unreadable, not JSON (with line and column of the fault), or not a valid config (the key).
 *
 * @param path - The --config path.
 * @returns The checked configuration.
 * @throws {UsageError} With the one-line reason.
 */
export async function readReportConfigFile(path: string): Promise<ReportConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      coded('error.configUnreadable', {
        path,
        reason: code === 'ENOENT' ? coded('error.noSuchFile') : (code ?? String(error)),
      }),
    );
  }
  // Windows editors like to write a byte-order mark, which JSON.parse rejects.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(coded('error.inFile', { file: path, text: jsonErrorText(error, text) }));
  }
  try {
    return parseReportConfig(json, path);
  } catch (error) {
    if (error instanceof ReportConfigError && error.text !== undefined)
      throw new UsageError(coded('error.inFile', { file: path, text: error.text }));
    throw error;
  }
}

/** V8's JSON error with the position turned into line and column (1-based), on one line. */
function jsonErrorText(error: unknown, text: string): CodedText {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
  if (text.trim() === '') return coded('error.configEmpty');
  const problem = message
    .replace(/, ".*" is not valid JSON$/, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .trim();
  const match = /at position (\d+)/.exec(message);
  const position = match === null ? faultPosition(text) : Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return coded('error.configNotJson', { line, column, problem });
}

/**
 * Where parsing breaks, for the V8 messages that give no position ("Unexpected token '}', …"):
 * the shortest prefix that fails other than by ending early ends one past the fault.
 */
function faultPosition(text: string): number {
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (/Unexpected end of JSON input/.test(message)) return false;
      // V8 also reports running out of text as "Expected …" at the prefix's end.
      const at = /at position (\d+)/.exec(message);
      return at === null || Number(at[1]) < length;
    }
  };
  if (!failsInside(text.length)) return text.length;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (failsInside(mid)) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}
