import { type CodedText, type Locale, renderCoded } from '../core/index.js';

/** Where a command writes; tests pass their own to capture output. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  /**
   * Told the language a command settled on (its --locale, its config's, or its headers'), so an
   * error the command throws afterwards is printed in that language too.
   */
  useLocale?: (locale: Locale) => void;
}

/** A subcommand: takes its own arguments, returns the process exit code. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

/**
 * A mistake in how the command was called: printed as one line with the usage, exit code 1.
 * Given as coded text (`coded('error.localeValue', { value })`) it is printed in the user's
 * language; its `message` is then the English.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The message as a catalogue key and parameters, when it has one. */
  readonly text?: CodedText;

  constructor(message: string | CodedText) {
    super(typeof message === 'string' ? message : renderCoded(message, 'en'));
    if (typeof message !== 'string') this.text = message;
  }
}
