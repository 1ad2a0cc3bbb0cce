import type { CliIo, Command } from './cli-io.js';
import { GLOBAL_OPTIONS_USAGE, takeGlobalOptions } from './take-global-options.js';
import { errorLineOf } from './failure-line.js';
import type { Locale } from '../core/index.js';
import { safeTerminalText } from './safe-terminal-text.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  inspect: {
    summary: 'show per sheet the header row, column mapping and warnings',
    load: async () => (await import('./commands/inspect.js')).inspectCommand,
  },
  forecast: {
    summary: 'weighted funnel forecast, stage KPIs, ranges and hygiene',
    load: async () => (await import('./commands/forecast.js')).forecastCommand,
  },
  segment: {
    summary: 'customer segmentation: ABC, RFM, portfolio, scorecard',
    load: async () => (await import('./commands/segment.js')).segmentCommand,
  },
  aging: {
    summary: 'receivables aging, DSO, provision and collection priority',
    load: async () => (await import('./commands/aging.js')).agingCommand,
  },
  export: {
    summary: 'per-deal results as CSV or Arrow files, for DuckDB, Polars or pandas',
    load: async () => (await import('./commands/export.js')).exportCommand,
  },
  report: {
    summary: 'charts, HTML, workbook and data files for many workbooks at once',
    load: async () => (await import('./commands/report.js')).reportCommand,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`);
  return [
    'Usage: pipecast <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    GLOBAL_OPTIONS_USAGE,
    '',
    'Run `pipecast <command> --help` for its options, `pipecast --version` for the version.',
    '',
  ].join('\n');
}

/** Runs one pipecast command line; returns the exit code (0 ok, 1 nothing done, 2 partly failed). */
export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  // Cell text reaches the terminal through every command's output: cleaned here, once.
  // The language of an error line: the command's --locale until the command settles on one.
  let locale: Locale | undefined;
  const io: CliIo = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(safeTerminalText(text)),
    stderr: (text) => rawIo.stderr(safeTerminalText(text)),
    useLocale: (chosen) => {
      locale = chosen;
      rawIo.useLocale?.(chosen);
    },
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    const { readPackageVersion } = await import('./read-package-version.js');
    io.stdout(`pipecast ${await readPackageVersion()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`pipecast: unknown command '${name}'\n${usage()}`);
    return 1;
  }
  locale = localeFlag(rest);
  try {
    const { expandConfigFlag } = await import('./config-flags.js');
    const args = await expandConfigFlag(name, takeGlobalOptions(rest));
    // A config's locale arrives as the flag.
    locale = localeFlag(args);
    return await (
      await command.load()
    )(args, io);
  } catch (error) {
    // Usage mistakes, PipecastErrors (with their place) and anything else, each as one line.
    io.stderr(`pipecast ${name}: ${errorLineOf(error, locale ?? 'en')}\n`);
    return 1;
  }
}

/** The valid `--locale` of a command line, if any (an invalid one is the command's to refuse). */
function localeFlag(args: readonly string[]): Locale | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg === '--locale') value = args[++i];
    else if (arg.startsWith('--locale=')) value = arg.slice('--locale='.length);
  }
  return value === 'en' || value === 'zh' ? value : undefined;
}
