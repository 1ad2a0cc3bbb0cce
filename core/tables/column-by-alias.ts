import { normalizeHeader, stripBracketedNote } from '../columns/normalize-header.js';
import { RECORD_FIELDS, type FieldSpec } from '../columns/record-fields.js';
import type { RecordKind } from '../columns/records.js';
import type { PipecastErrorPlace } from '../errors/pipecast-error.js';
import { codedError } from '../errors/error-line.js';
import type { ColumnsReadAs } from './columns-read-as.js';

const ALL_KINDS = Object.keys(RECORD_FIELDS) as RecordKind[];

/**
 * The column a word names through the bilingual header alias table (record-fields.ts), for a
 * word that heads no column as typed: "Region" on a sheet headed 区域, "行业" on one headed
 * "Industry". The word names the fields whose aliases include it, looked up first among the
 * sheets' own kinds; only when it names none of theirs, among the other kinds' fields that the
 * sheets' kinds lack (a deal sheet's "行业" is the customer list's industry field, but its
 * "Country" stays unknown: deals have a region field, and its words do not include "country").
 * Every column headed by an alias of such a field, or read by the core as one, qualifies; of
 * several, the one the core read as the field is taken.
 *
 * @param headers - the header texts as typed ('' when blank), one per column.
 * @param by - the word the user typed, compared as headers are (normalizeHeader).
 * @param readAs - the kinds the sheets were read as and the field of each column.
 * @param place - file and sheet, for the error.
 * @returns the column index, or undefined when no column qualifies.
 * @throws PipecastError (invalid-option) when several columns qualify and the core read none of
 *   them, or several, as the field: the message lists them.
 * @example columnByAlias(['Deal', 'Stage', '区域'], 'Region', columnsReadAs('deal', [])) // 2
 */
export function columnByAlias(
  headers: readonly string[],
  by: string,
  readAs: ColumnsReadAs,
  place: PipecastErrorPlace = {},
): number | undefined {
  const { candidates, read } = columnsNamedByAlias(headers, by, readAs);
  if (candidates.length <= 1) return candidates[0];
  if (read.length === 1) return read[0];
  throw codedError('invalid-option', place, 'error.breakdownColumnAmbiguous', {
    column: by,
    columns: candidates.map((j) => headers[j]).join(', '),
  });
}

/**
 * Every column a word may name through the alias table (see columnByAlias), and those of them
 * the core read as a field the word names.
 *
 * @param headers - the header texts as typed ('' when blank), one per column.
 * @param by - the word, compared as headers are.
 * @param readAs - the kinds the sheets were read as and the field of each column.
 * @returns the qualifying column indices, in column order, and the ones read as the field.
 * @example columnsNamedByAlias(['Region', '区域'], '地区', READ_AS_NOTHING).candidates // [0, 1]
 */
export function columnsNamedByAlias(
  headers: readonly string[],
  by: string,
  readAs: ColumnsReadAs,
): { candidates: number[]; read: number[] } {
  const word = normalizeHeader(by);
  const named = word === '' ? [] : fieldsNamedBy(word, readAs.kinds);
  if (named.length === 0) return { candidates: [], read: [] };
  const aliases = new Set(named.flatMap((spec) => spec.aliases.map(normalizeHeader)));
  const readAsNamed = (j: number): boolean => {
    const field = readAs.fields[j];
    return field !== undefined && named.includes(field);
  };
  const candidates: number[] = [];
  headers.forEach((header, j) => {
    if (isAliasHeader(header, aliases) || readAsNamed(j)) candidates.push(j);
  });
  return { candidates, read: candidates.filter(readAsNamed) };
}

/**
 * The fields whose aliases include the word: of the sheets' own kinds; when none, of the other
 * kinds, for fields the own kinds lack (their own alias lists say what words mean them).
 */
function fieldsNamedBy(word: string, kinds: readonly RecordKind[]): FieldSpec[] {
  const hasWord = (spec: FieldSpec): boolean =>
    spec.aliases.some((alias) => normalizeHeader(alias) === word);
  const own = kinds.flatMap((kind) => RECORD_FIELDS[kind].filter(hasWord));
  if (own.length > 0) return own;
  const ownFields = new Set(kinds.flatMap((kind) => RECORD_FIELDS[kind].map((s) => s.field)));
  return ALL_KINDS.filter((kind) => !kinds.includes(kind)).flatMap((kind) =>
    RECORD_FIELDS[kind].filter((spec) => !ownFields.has(spec.field) && hasWord(spec)),
  );
}

/** Whether a header is one of the aliases, as typed or without a bracketed note ("区域（华东）"). */
function isAliasHeader(header: string, aliases: ReadonlySet<string>): boolean {
  if (header === '') return false;
  if (aliases.has(normalizeHeader(header))) return true;
  const stripped = stripBracketedNote(header);
  return stripped !== undefined && aliases.has(normalizeHeader(stripped));
}
