import { basename } from 'node:path';
import {
  type ColumnMatches,
  type DataWarning,
  inspectSheet,
  type MissingValues,
  RECORD_KINDS,
  type RecordKind,
  type RecordKindCandidate,
  type Locale,
  TEXT_CATALOGUE,
  textFor,
  type TextKey,
  formatCount,
} from '../../core/index.js';
import {
  chooseLocale,
  colon,
  LOCALE_OPTION,
  padToWidth,
  parseLocaleFlag,
  rowText,
  warningWithAction,
  sayIn,
} from '../cli-locale.js';
import { displayWidth } from '../render/text-table.js';
import { WorkbookReadError } from '../../core/readers/index.js';
import type { CliIo } from '../cli-io.js';
import { parseCommandArgs, singleOperand } from '../parse-command-args.js';
import { UsageError } from '../cli-io.js';
import { readInputPath } from '../read-input-path.js';
import type { SheetGrid } from '../read-workbook.js';
import { moreRowsLine } from '../render/text-table.js';
import { outputJson } from '../render/output-json.js';
import { errorLineOf } from '../failure-line.js';

/** Warnings listed per sheet in the text report; `--json` always lists them all. */
export const DEFAULT_TEXT_WARNINGS_PER_SHEET = 30;

const USAGE = `Usage: pipecast inspect <file> [--sheet NAME] [--kind KIND] [--locale en|zh] [--json]

Shows, per sheet, which kind of records it holds, the header row, which column feeds which
field, what is unmatched, ambiguous or missing, row counts and every data warning.
Reads .xlsx, .xlsm, .csv, .tsv and .txt; writes nothing.

Options:
  --sheet NAME   inspect only this sheet
  --kind KIND    read the sheet as this record kind instead of guessing:
                 ${RECORD_KINDS.join(', ')}
  --config FILE  pipecast.json (docs/pipecast.schema.json), checked; its locale is used
  --locale en|zh language of the output; default from the config, else the headers
  --json         print one JSON object instead of text
  -h, --help     show this help
`;

/** What inspect reports for one sheet (the `--json` shape). */
export interface SheetInspection {
  sheet: string;
  /** The record kind read, or null when no row looks like a header of any kind. */
  kind: RecordKind | null;
  /** Whether the kind came from `--kind` or was guessed from the headers. */
  kindFrom: 'option' | 'detected' | null;
  /** Excel row number of the header row, or null when none was found. */
  headerRow: number | null;
  columns: ColumnMatches;
  /** Non-blank data rows below the header. */
  rowsRead: number;
  /** Rows left out, each with a warning. */
  rowsDropped: number;
  /** Per optional field: blank cells in kept rows, with the first rows. */
  missing: Record<string, MissingValues>;
  warnings: DataWarning[];
  /** Other kinds the headers could also be read as, best first (only when guessed). */
  alsoFits: { kind: RecordKind; headerRow: number; matched: number; missingRequired: string[] }[];
}

export interface InspectResult {
  file: string;
  date1904: boolean;
  sheets: SheetInspection[];
}

interface InspectOptions {
  file: string;
  sheet: string | undefined;
  kind: RecordKind | undefined;
  json: boolean;
  locale: Locale | undefined;
}

/** `pipecast inspect`: how pipecast reads each sheet of one file, before any analysis. */
export async function inspectCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseInspectArgs(args);
  if (options === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  let sheets: SheetGrid[];
  try {
    sheets = await readInputPath(options.file, { sheet: options.sheet });
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    io.stderr(`pipecast inspect: ${errorLineOf(error, options.locale ?? 'en')}\n`);
    return 1;
  }
  const result: InspectResult = {
    file: options.file,
    date1904: sheets.some((s) => s.date1904),
    sheets: sheets.map((grid) => inspectGrid(grid, options.kind)),
  };
  const locale = chooseLocale(options.locale, sheets);
  io.useLocale?.(locale);
  io.stdout(options.json ? `${outputJson(result, 2)}\n` : formatInspection(result, locale));
  return 0;
}

function parseInspectArgs(args: string[]): InspectOptions | 'help' {
  const { values, positionals } = parseCommandArgs('inspect', args, {
    sheet: { type: 'string' },
    kind: { type: 'string' },
    json: { type: 'boolean', default: false },
    ...LOCALE_OPTION,
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return 'help';
  const file = singleOperand('inspect', positionals, 'inspect');
  const kind = values.kind;
  if (kind !== undefined && !(RECORD_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`unknown --kind '${kind}' (one of ${RECORD_KINDS.join(', ')})`);
  }
  return {
    file,
    sheet: values.sheet,
    kind: kind as RecordKind | undefined,
    json: values.json,
    locale: parseLocaleFlag(values.locale),
  };
}

function inspectGrid(grid: SheetGrid, kindOption: RecordKind | undefined): SheetInspection {
  const seen = inspectSheet(grid, kindOption === undefined ? {} : { kind: kindOption });
  return {
    sheet: seen.sheet,
    kind: seen.kind,
    kindFrom: seen.kindFrom,
    headerRow: seen.headerRow,
    columns: seen.columns,
    rowsRead: seen.rowsRead,
    rowsDropped: seen.rowsDropped,
    missing: seen.missing,
    warnings: seen.warnings,
    alsoFits: seen.alsoFits.map(summariseCandidate),
  };
}

function summariseCandidate(candidate: RecordKindCandidate): SheetInspection['alsoFits'][number] {
  return {
    kind: candidate.kind,
    headerRow: candidate.headerRow,
    matched: candidate.matched.length,
    missingRequired: candidate.missingRequired,
  };
}

/** The human-readable report. */
/** The text report of inspect, in English unless another locale is given. */
export function formatInspection(result: InspectResult, locale: Locale = 'en'): string {
  const date1904 = result.date1904 ? ` ${textFor(locale, 'cli.date1904')}` : '';
  const lines: string[] = [`${basename(result.file)}${date1904}`];
  for (const sheet of result.sheets) lines.push('', ...formatSheet(sheet, locale));
  return `${lines.join('\n')}\n`;
}

/** A field or kind name as typed in a mapping, with its Chinese name beside it in Chinese. */
function nameIn(kindOrField: 'kind' | 'field', name: string, locale: Locale): string {
  if (locale === 'en') return name;
  const key = `term.${kindOrField}_${name}`;
  return Object.hasOwn(TEXT_CATALOGUE.term, key.slice(5))
    ? `${name}（${sayIn(locale)(key as TextKey)}）`
    : name;
}

function formatSheet(sheet: SheetInspection, locale: Locale): string[] {
  const say = sayIn(locale);
  const list = (items: readonly string[]): string =>
    items.length === 0 ? say('cli.none') : items.join(locale === 'zh' ? '、' : ', ');
  if (sheet.kind === null) {
    return [
      say('cli.sheetNoKind', { sheet: sheet.sheet }),
      ...formatWarnings(sheet.warnings, locale),
    ];
  }
  const how = say(sheet.kindFrom === 'option' ? 'cli.kindAsAsked' : 'cli.kindDetected');
  const kind = nameIn('kind', sheet.kind, locale);
  const lines = [say('cli.sheetKind', { sheet: sheet.sheet, kind, how })];
  if (sheet.headerRow === null) {
    lines.push(`  ${say('cli.headerRowNotFound')}`);
    return [...lines, ...formatWarnings(sheet.warnings, locale)];
  }
  lines.push(`  ${say('cli.headerRowAt', { row: sheet.headerRow })}`);
  const { matched, unmatched, ambiguous, missingRequired } = sheet.columns;
  lines.push(`  ${say('cli.columnsHeading')}`);
  const width = Math.max(0, ...matched.map((m) => displayWidth(m.header)));
  for (const m of matched) {
    const via = m.via === 'mapping' ? `  ${say('cli.yourMapping')}` : '';
    lines.push(
      `    ${m.column.padEnd(3)} ${padToWidth(m.header, width)}  → ${nameIn('field', m.field, locale)}${via}`,
    );
  }
  if (matched.length === 0) lines.push(`    ${say('cli.noneInBrackets')}`);
  const columns = list(unmatched.map((c) => `${c.column} "${c.header}"`));
  lines.push(`  ${say('cli.unmatchedColumns', { columns })}`);
  for (const a of ambiguous) {
    const options = a.candidates.map((c) => `${c.column} "${c.header}"`).join(` ${say('cli.or')} `);
    const used = a.candidates[0]?.column ?? '?';
    lines.push(
      `  ${say('cli.ambiguousLine', { field: nameIn('field', a.field, locale), options, used })}`,
    );
  }
  const fields = list(missingRequired.map((field) => nameIn('field', field, locale)));
  lines.push(`  ${say('cli.missingRequiredFields', { fields })}`);
  const kept = sheet.rowsRead - sheet.rowsDropped;
  lines.push(
    `  ${say('cli.rowsLine', {
      read: formatCount(sheet.rowsRead),
      kept: formatCount(kept),
      dropped: formatCount(sheet.rowsDropped),
    })}`,
  );
  const blanks = Object.entries(sheet.missing);
  if (blanks.length > 0) {
    lines.push(`  ${say('cli.blankValues')}`);
    for (const [field, { count, rows }] of blanks) {
      const more = count > rows.length ? ', …' : '';
      const name = nameIn('field', field, locale);
      lines.push(
        `    ${say('cli.blankValueLine', { field: name, count: formatCount(count), rows: `${rows.join(', ')}${more}` })}`,
      );
    }
  }
  if (sheet.alsoFits.length > 0) {
    const others = sheet.alsoFits.map((c) =>
      say('cli.fitsColumns', {
        kind: nameIn('kind', c.kind, locale),
        matched: c.matched,
        lacks:
          c.missingRequired.length > 0
            ? say('cli.lacks', {
                fields: list(c.missingRequired.map((f) => nameIn('field', f, locale))),
              })
            : '',
      }),
    );
    lines.push(`  ${say('cli.alsoFits', { kinds: others.join(locale === 'zh' ? '；' : '; ') })}`);
  }
  return [...lines, ...formatWarnings(sheet.warnings, locale)];
}

function formatWarnings(warnings: readonly DataWarning[], locale: Locale): string[] {
  const say = sayIn(locale);
  if (warnings.length === 0) return [`  ${say('cli.warningsNone')}`];
  const shown = warnings.slice(0, DEFAULT_TEXT_WARNINGS_PER_SHEET);
  const lines = [`  ${say('cli.warningsHeading', { count: formatCount(warnings.length) })}`];
  for (const w of shown) {
    const place = [
      w.row === undefined ? undefined : rowText(w.row, locale),
      w.column === undefined ? undefined : say('cli.column', { column: w.column }),
      w.raw === undefined ? undefined : say('cli.value', { value: w.raw }),
    ]
      .filter((part) => part !== undefined)
      .join(locale === 'zh' ? '，' : ', ');
    lines.push(
      `    ${place ? `${place}${colon(locale)}` : ''}${warningWithAction(w, locale, '[]')}`,
    );
  }
  if (warnings.length > shown.length) {
    lines.push(`    ${moreRowsLine(warnings.length - shown.length, locale)}`);
  }
  return lines;
}
