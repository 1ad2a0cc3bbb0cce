import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type CodedText, coded, detailText } from '../core/index.js';
import { UsageError } from './cli-io.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's options and operands, strictly parsed (node:util parseArgs); a mistake becomes one
 * short UsageError line that points at the command's --help.
 *
 * @throws UsageError for an unknown option or an option without its value
 */
export function parseCommandArgs<const T extends OptionsConfig>(
  command: string,
  args: string[],
  options: T,
): ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(coded('error.seeHelp', { problem: argumentProblem(error), command }));
  }
}

/**
 * The one file a command works on.
 *
 * @throws UsageError when there is none, or more than one
 */
export function singleOperand(
  command: string,
  positionals: readonly string[],
  what: 'pipeline' | 'aging' | 'inspect',
): string {
  if (positionals.length === 1) return positionals[0]!;
  throw new UsageError(
    positionals.length === 0
      ? coded('error.seeHelp', {
          problem: coded('error.nameOneFile', { what: coded(`error.what_${what}`) }),
          command,
        })
      : coded('error.oneFileOnly', {
          command,
          count: positionals.length,
          files: positionals.join(' '),
        }),
  );
}

/** parseArgs' messages are multi-sentence; the CLI prints one short line. */
function argumentProblem(error: unknown): string | CodedText {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-[^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option)
    return coded('error.unknownOption', { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    const name = option.replace(/^-\w, /, '').replace(/ <value>$/, '');
    return coded('error.optionNeedsValue', { option: name });
  }
  const detail = message.split(/\.\s/)[0] ?? message;
  return detailText('usage', detail);
}
