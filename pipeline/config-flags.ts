import { coded, type ReportConfig, STAGE_TEMPLATES } from '../core/index.js';
import { UsageError } from './cli-io.js';
import { readReportConfigFile } from './report/batch/read-report-config-file.js';

/** A config value as the command's own flag would spell it, or undefined when not set. */
type FlagSource = (config: ReportConfig) => string | undefined;

const list = (values: readonly number[] | undefined): string | undefined => values?.join(',');
const text = (value: number | string | undefined): string | undefined =>
  value === undefined ? undefined : String(value);

/**
 * Which config keys feed which flag of each single-file command (`report` reads the whole file
 * itself). The config's inline stage template has no flag: it is refused with the way out.
 */
const FLAGS_FROM_CONFIG: Record<string, Record<string, FlagSource>> = {
  forecast: {
    locale: (config) => config.locale,
    sheet: (config) => onlySheetOf(config, 'deal'),
    template: (config) => {
      const template = config.forecast?.template;
      return template === undefined ? undefined : templateKey(template);
    },
    quota: (config) => text(config.forecast?.quota),
    'small-orders': (config) => text(config.forecast?.smallOrderThreshold),
    seed: (config) => text(config.forecast?.seed),
  },
  aging: {
    locale: (config) => config.locale,
    sheet: (config) => onlySheetOf(config, 'invoice'),
    by: (config) => config.aging?.by,
    buckets: (config) => list(config.aging?.buckets),
    currency: (config) => config.aging?.currency,
    'dso-days': (config) => text(config.aging?.dsoDays),
    provision: (config) => list(config.aging?.provisionRates),
    margin: (config) => text(config.aging?.netMargin),
  },
  segment: {
    locale: (config) => config.locale,
    measure: (config) => config.segments?.measure,
    currency: (config) => config.segments?.currency,
    // The config holds shares (0.8); the flag takes percents (80).
    'cut-points': (config) =>
      list(config.segments?.cutPoints?.map((share) => Math.round(share * 1e6) / 1e4)),
    mode: (config) => config.segments?.rfmMode,
    recency: (config) => list(config.segments?.rfmThresholds?.recency),
    frequency: (config) => list(config.segments?.rfmThresholds?.frequency),
    monetary: (config) => list(config.segments?.rfmThresholds?.monetary),
  },
  inspect: { locale: (config) => config.locale },
  export: { locale: (config) => config.locale },
};

function templateKey(template: NonNullable<NonNullable<ReportConfig['forecast']>['template']>) {
  // parseReportConfig resolves a built-in key to the built-in template itself.
  for (const [key, builtIn] of Object.entries(STAGE_TEMPLATES))
    if (builtIn === template) return key;
  throw new UsageError(coded('error.configInlineTemplate'));
}

/** The one sheet the config says holds `kind`, for the commands that read one sheet kind. */
function onlySheetOf(config: ReportConfig, kind: string): string | undefined {
  const names = Object.entries(config.sheets ?? {}).filter(([, sheetKind]) => sheetKind === kind);
  return names.length === 1 ? names[0]?.[0] : undefined;
}

/**
 * The command's arguments with `--config FILE` replaced by the flags its keys stand for (checked
 * against docs/pipecast.schema.json's rules by parseReportConfig). A flag given on the command
 * line wins over the config. `report` reads the config itself and gets its arguments unchanged.
 *
 * @param command - the pipecast command.
 * @param args - its arguments.
 * @returns the arguments to parse.
 * @throws {UsageError} For an unreadable or invalid config (the message names the file and key).
 */
export async function expandConfigFlag(
  command: string,
  args: readonly string[],
): Promise<string[]> {
  const flags = FLAGS_FROM_CONFIG[command];
  const at = args.findIndex((arg) => arg === '--config' || arg.startsWith('--config='));
  if (flags === undefined || at < 0) return [...args];
  const inline = args[at]!.startsWith('--config=');
  const path = inline ? args[at]!.slice('--config='.length) : args[at + 1];
  if (path === undefined || path === '') throw new UsageError(coded('error.configNeedsFile'));
  const rest = [...args.slice(0, at), ...args.slice(at + (inline ? 1 : 2))];
  const config = await readReportConfigFile(path);
  const given = new Set(rest.map((arg) => /^--([^=]+)/.exec(arg)?.[1]));
  const added: string[] = [];
  for (const [flag, source] of Object.entries(flags)) {
    const value = given.has(flag) ? undefined : source(config);
    if (value !== undefined) added.push(`--${flag}`, value);
  }
  return [...rest, ...added];
}
