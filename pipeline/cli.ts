import type { CliIo, Command } from './cli-io.js';
import { UsageError } from './cli-io.js';
import { GLOBAL_OPTIONS_USAGE, takeGlobalOptions } from './take-global-options.js';
import { failureLine } from './failure-line.js';
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
  const io: CliIo = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(safeTerminalText(text)),
    stderr: (text) => rawIo.stderr(safeTerminalText(text)),
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
  try {
    const { expandConfigFlag } = await import('./config-flags.js');
    return await (
      await command.load()
    )(await expandConfigFlag(name, takeGlobalOptions(rest)), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`pipecast ${name}: ${error.message}\n`);
      return 1;
    }
    // Loaded only now: the command has loaded core already, and `pipecast --help` stays quick.
    const { PipecastError } = await import('../core/index.js');
    if (error instanceof PipecastError) {
      io.stderr(`pipecast ${name}: ${error.oneLine()}\n`);
      return 1;
    }
    io.stderr(`pipecast ${name}: ${failureLine(error)}\n`);
    return 1;
  }
}
