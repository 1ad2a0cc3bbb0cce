import { coded } from '../core/index.js';
import { UsageError } from './cli-io.js';
import { CSV_ENCODING_ENV, checkCsvEncodingName } from './csv-encoding.js';
import { MAX_INFLATED_ENV } from './xlsx-stream/xlsx-read-limits.js';

/** The options every command takes, as the top-level usage lists them. */
export const GLOBAL_OPTIONS_USAGE = `Options of every command:
  --max-inflated-mb N  read .xlsx parts that inflate to up to N MB (default 1024)
  --encoding NAME      read CSV files without a byte-order mark in this encoding (e.g. utf-8,
                       gb18030, windows-1252); default: UTF-8, else guessed with a warning`;

/**
 * Takes the options every command accepts out of a command's arguments and applies them:
 * `--encoding NAME` names the encoding of CSV files without a BOM; `--max-inflated-mb N` raises (or lowers) the ceiling on an .xlsx part's inflated size. It is
 * set in the environment, so report worker threads started afterwards inherit it.
 *
 * @returns the arguments left for the command
 * @throws UsageError when N is not a positive number or NAME no known encoding
 */
export function takeGlobalOptions(args: readonly string[]): string[] {
  const rest: string[] = [];
  // A run names its own encoding or none (in-process runs must not inherit an earlier one).
  delete process.env[CSV_ENCODING_ENV];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === '--encoding' || arg.startsWith('--encoding=')) {
      const name = arg === '--encoding' ? (args[++i] ?? '') : arg.slice('--encoding='.length);
      process.env[CSV_ENCODING_ENV] = checkCsvEncodingName(name);
      continue;
    }
    let value: string | undefined;
    if (arg === '--max-inflated-mb') value = args[++i] ?? '';
    else if (arg.startsWith('--max-inflated-mb=')) value = arg.slice('--max-inflated-mb='.length);
    else {
      rest.push(arg);
      continue;
    }
    const mb = Number(value);
    if (value.trim() === '' || !Number.isFinite(mb) || mb <= 0) {
      throw new UsageError(coded('error.maxInflatedValue', { value }));
    }
    process.env[MAX_INFLATED_ENV] = String(mb);
  }
  return rest;
}
