import { cellText, isBlankCell, type CellValue } from './cell-value.js';
import { columnIndexFromLetter, columnLetter } from './column-letter.js';
import { normalizeHeader, stripBracketedNote } from './normalize-header.js';
import { RECORD_FIELDS, type FieldSpec } from './record-fields.js';
import type { RecordKind } from './records.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { codedError } from '../errors/error-line.js';

/** A column of the user's sheet. */
export interface SheetColumn {
  /** 0-based column index. */
  index: number;
  /** Excel column letters ("A", "B", …). */
  column: string;
  /** Header text as typed. */
  header: string;
}

export interface MatchedColumn extends SheetColumn {
  field: string;
  /** How the column was chosen: by a known header, or by the user's mapping. */
  via: 'alias' | 'mapping';
}

export interface AmbiguousField {
  field: string;
  /** Every column that could be this field; the first is the one used. */
  candidates: SheetColumn[];
}

/** Which column feeds which field, shaped for a mapping UI. */
export interface ColumnMatches {
  matched: MatchedColumn[];
  unmatched: SheetColumn[];
  ambiguous: AmbiguousField[];
  /** Required fields that no column feeds. */
  missingRequired: string[];
}

/**
 * A user's explicit mapping: field name → header text (or Excel column letters such as "C").
 * A value of null keeps a field unmatched even when a header would match it.
 */
export type ColumnMapping = Readonly<Record<string, string | null>>;

export interface MatchColumnsOptions {
  kind: RecordKind;
  mapping?: ColumnMapping;
}

interface Candidate {
  field: FieldSpec;
  fieldOrder: number;
  column: SheetColumn;
  /** Position of the alias that matched: earlier aliases are stronger. */
  rank: number;
}

const aliasIndexCache = new Map<
  RecordKind,
  Map<string, { field: FieldSpec; order: number; rank: number }[]>
>();

function aliasIndex(
  kind: RecordKind,
): Map<string, { field: FieldSpec; order: number; rank: number }[]> {
  let index = aliasIndexCache.get(kind);
  if (index) return index;
  index = new Map();
  RECORD_FIELDS[kind].forEach((field, order) => {
    field.aliases.forEach((alias, rank) => {
      const key = normalizeHeader(alias);
      const list = index!.get(key) ?? [];
      if (!list.some((entry) => entry.field === field)) list.push({ field, order, rank });
      index!.set(key, list);
    });
  });
  aliasIndexCache.set(kind, index);
  return index;
}

function columnsOf(headerRow: readonly CellValue[]): SheetColumn[] {
  const columns: SheetColumn[] = [];
  headerRow.forEach((cell, index) => {
    if (!isBlankCell(cell))
      columns.push({ index, column: columnLetter(index), header: cellText(cell).trim() });
  });
  return columns;
}

function findMappedColumn(columns: SheetColumn[], target: string): SheetColumn | undefined {
  const key = normalizeHeader(target);
  const byHeader =
    columns.find((c) => c.header === target) ??
    columns.find((c) => normalizeHeader(c.header) === key);
  if (byHeader) return byHeader;
  const index = columnIndexFromLetter(target.trim());
  return index === undefined ? undefined : columns.find((c) => c.index === index);
}

/**
 * Matches a header row to the fields of a record kind by their English and Chinese aliases
 * (case, space, punctuation and width insensitive), with the user's mapping taking precedence.
 *
 * A column feeds at most one field. When several columns could feed a field, the one whose header
 * is the stronger alias (then the leftmost) is used and the field is listed as ambiguous.
 *
 * @param headerRow the cells of the header row, as read
 * @param options record kind and optional user mapping
 * @returns matched, unmatched and ambiguous columns and the required fields left unmatched
 * @throws PipecastError when the mapping names a field the record kind does not have, or a column that is not there
 * @example matchColumns(['Deal', '阶段', 'Amount'], { kind: 'deal' }).matched.map((m) => m.field) // ['id', 'stage', 'amount']
 */
export function matchColumns(
  headerRow: readonly CellValue[],
  options: MatchColumnsOptions,
): ColumnMatches {
  const fields = RECORD_FIELDS[options.kind];
  const columns = columnsOf(headerRow);
  const takenColumns = new Set<number>();
  const doneFields = new Set<string>();
  const matched: MatchedColumn[] = [];
  const ambiguous: AmbiguousField[] = [];

  for (const [fieldName, target] of Object.entries(options.mapping ?? {})) {
    if (!fields.some((f) => f.field === fieldName)) {
      throw new PipecastError(
        'unknown-field',
        `matchColumns: mapping names unknown field '${fieldName}' for ${options.kind} records`,
      );
    }
    doneFields.add(fieldName);
    if (target === null) continue;
    const column = findMappedColumn(columns, target);
    if (!column)
      throw codedError('missing-column', { column: target }, 'error.mappingMissingColumn', {
        field: fieldName,
        column: target,
      });
    takenColumns.add(column.index);
    matched.push({ ...column, field: fieldName, via: 'mapping' });
  }

  const index = aliasIndex(options.kind);
  const candidates: Candidate[] = [];
  for (const column of columns) {
    if (takenColumns.has(column.index)) continue;
    const stripped = stripBracketedNote(column.header);
    const hits =
      index.get(normalizeHeader(column.header)) ??
      (stripped ? index.get(normalizeHeader(stripped)) : undefined) ??
      [];
    for (const hit of hits)
      candidates.push({ field: hit.field, fieldOrder: hit.order, column, rank: hit.rank });
  }
  candidates.sort(
    (a, b) => a.rank - b.rank || a.fieldOrder - b.fieldOrder || a.column.index - b.column.index,
  );

  for (const candidate of candidates) {
    const name = candidate.field.field;
    if (doneFields.has(name) || takenColumns.has(candidate.column.index)) continue;
    doneFields.add(name);
    takenColumns.add(candidate.column.index);
    matched.push({ ...candidate.column, field: name, via: 'alias' });
  }
  // A field is ambiguous when a column that could also feed it was left over.
  for (const match of matched) {
    if (match.via !== 'alias') continue;
    const rivals = candidates.filter(
      (c) => c.field.field === match.field && !takenColumns.has(c.column.index),
    );
    if (rivals.length > 0) {
      const chosen: SheetColumn = {
        index: match.index,
        column: match.column,
        header: match.header,
      };
      ambiguous.push({ field: match.field, candidates: [chosen, ...rivals.map((r) => r.column)] });
    }
  }

  matched.sort((a, b) => a.index - b.index);
  return {
    matched,
    unmatched: columns.filter((c) => !takenColumns.has(c.index)),
    ambiguous,
    missingRequired: fields
      .filter((f) => f.required && !matched.some((m) => m.field === f.field))
      .map((f) => f.field),
  };
}
