import { basename } from 'node:path';
import {
  type ColumnMatches,
  type DataWarning,
  inspectSheet,
  type MissingValues,
  RECORD_KINDS,
  type RecordKind,
  type RecordKindCandidate,
  formatCount,
} from '../../core/index.js';
import { WorkbookReadError } from '../../core/readers/index.js';
import type { CliIo } from '../cli-io.js';
import { parseCommandArgs, singleOperand } from '../parse-command-args.js';
import { UsageError } from '../cli-io.js';
import { readInputPath } from '../read-input-path.js';
import type { SheetGrid } from '../read-workbook.js';
import { moreRowsLine } from '../render/text-table.js';
import { outputJson } from '../render/output-json.js';

/** Warnings listed per sheet in the text report; `--json` always lists them all. */
export const DEFAULT_TEXT_WARNINGS_PER_SHEET = 30;

const USAGE = `Usage: pipecast inspect <file> [--sheet NAME] [--kind KIND] [--json]

Shows, per sheet, which kind of records it holds, the header row, which column feeds which
field, what is unmatched, ambiguous or missing, row counts and every data warning.
Reads .xlsx, .xlsm, .csv, .tsv and .txt; writes nothing.

Options:
  --sheet NAME   inspect only this sheet
  --kind KIND    read the sheet as this record kind instead of guessing:
                 ${RECORD_KINDS.join(', ')}
  --config FILE  pipecast.json (docs/pipecast.schema.json), checked
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
    io.stderr(`pipecast inspect: ${error.message}\n`);
    return 1;
  }
  const result: InspectResult = {
    file: options.file,
    date1904: sheets.some((s) => s.date1904),
    sheets: sheets.map((grid) => inspectGrid(grid, options.kind)),
  };
  io.stdout(options.json ? `${outputJson(result, 2)}\n` : formatInspection(result));
  return 0;
}

function parseInspectArgs(args: string[]): InspectOptions | 'help' {
  const { values, positionals } = parseCommandArgs('inspect', args, {
    sheet: { type: 'string' },
    kind: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return 'help';
  const file = singleOperand('inspect', positionals, 'one file to inspect');
  const kind = values.kind;
  if (kind !== undefined && !(RECORD_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`unknown --kind '${kind}' (one of ${RECORD_KINDS.join(', ')})`);
  }
  return {
    file,
    sheet: values.sheet,
    kind: kind as RecordKind | undefined,
    json: values.json,
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
export function formatInspection(result: InspectResult): string {
  const lines: string[] = [
    `${basename(result.file)}${result.date1904 ? ' (1904 date system)' : ''}`,
  ];
  for (const sheet of result.sheets) lines.push('', ...formatSheet(sheet));
  return `${lines.join('\n')}\n`;
}

function formatSheet(sheet: SheetInspection): string[] {
  if (sheet.kind === null) {
    return [
      `Sheet "${sheet.sheet}": no table of any known kind`,
      ...formatWarnings(sheet.warnings),
    ];
  }
  const how = sheet.kindFrom === 'option' ? 'as asked' : 'detected';
  const lines = [`Sheet "${sheet.sheet}": ${sheet.kind} records (${how})`];
  if (sheet.headerRow === null) {
    lines.push('  Header row: not found');
    return [...lines, ...formatWarnings(sheet.warnings)];
  }
  lines.push(`  Header row: ${sheet.headerRow}`);
  const { matched, unmatched, ambiguous, missingRequired } = sheet.columns;
  lines.push('  Columns:');
  const width = Math.max(0, ...matched.map((m) => m.header.length));
  for (const m of matched) {
    const via = m.via === 'mapping' ? '  (your mapping)' : '';
    lines.push(`    ${m.column.padEnd(3)} ${m.header.padEnd(width)}  → ${m.field}${via}`);
  }
  if (matched.length === 0) lines.push('    (none)');
  lines.push(
    `  Unmatched columns: ${unmatched.length === 0 ? 'none' : unmatched.map((c) => `${c.column} "${c.header}"`).join(', ')}`,
  );
  for (const a of ambiguous) {
    const options = a.candidates.map((c) => `${c.column} "${c.header}"`).join(' or ');
    lines.push(
      `  Ambiguous: ${a.field} could be ${options}; used ${a.candidates[0]?.column ?? '?'}`,
    );
  }
  lines.push(
    `  Missing required fields: ${missingRequired.length === 0 ? 'none' : missingRequired.join(', ')}`,
  );
  lines.push(
    `  Rows: ${formatCount(sheet.rowsRead)} read, ${formatCount(sheet.rowsRead - sheet.rowsDropped)} kept, ${formatCount(sheet.rowsDropped)} dropped`,
  );
  const blanks = Object.entries(sheet.missing);
  if (blanks.length > 0) {
    lines.push('  Blank values:');
    for (const [field, { count, rows }] of blanks) {
      const more = count > rows.length ? ', …' : '';
      lines.push(`    ${field}: ${formatCount(count)} (rows ${rows.join(', ')}${more})`);
    }
  }
  if (sheet.alsoFits.length > 0) {
    const others = sheet.alsoFits.map(
      (c) =>
        `${c.kind} (${c.matched} columns${c.missingRequired.length > 0 ? `, lacks ${c.missingRequired.join(', ')}` : ''})`,
    );
    lines.push(`  Also fits: ${others.join('; ')}`);
  }
  return [...lines, ...formatWarnings(sheet.warnings)];
}

function formatWarnings(warnings: readonly DataWarning[]): string[] {
  if (warnings.length === 0) return ['  Warnings: none'];
  const shown = warnings.slice(0, DEFAULT_TEXT_WARNINGS_PER_SHEET);
  const lines = [`  Warnings (${formatCount(warnings.length)}):`];
  for (const w of shown) {
    const place = [
      w.row === undefined ? undefined : `row ${w.row}`,
      w.column === undefined ? undefined : `column "${w.column}"`,
      w.raw === undefined ? undefined : `value "${w.raw}"`,
    ]
      .filter((part) => part !== undefined)
      .join(', ');
    lines.push(`    ${place ? `${place}: ` : ''}${w.message} [${w.action}]`);
  }
  if (warnings.length > shown.length) {
    lines.push(`    ${moreRowsLine(warnings.length - shown.length)}`);
  }
  return lines;
}
