import type { CellValue } from './cell-value.js';
import { matchColumns, type ColumnMapping, type ColumnMatches } from './match-columns.js';
import type { RecordKind } from './records.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** How far down a header row is looked for: title blocks are rarely taller. */
export const DEFAULT_HEADER_SEARCH_ROWS = 30;
/** A header row must name at least this many known columns (or all of a kind's columns). */
export const DEFAULT_MIN_HEADER_MATCHES = 2;

export interface DetectHeaderRowOptions {
  kind: RecordKind;
  /** The user's mapping: a row that lacks a mapped header is not the header row. */
  mapping?: ColumnMapping;
  /** Rows to look through from the top; default DEFAULT_HEADER_SEARCH_ROWS. */
  searchRows?: number;
}

export interface DetectHeaderRowResult {
  /** 0-based index into the grid, or undefined when no row looks like a header. */
  index: number | undefined;
  /** Column matches of that row (empty when there is none). */
  columns: ColumnMatches;
}

const NO_COLUMNS: ColumnMatches = {
  matched: [],
  unmatched: [],
  ambiguous: [],
  missingRequired: [],
};

/**
 * Finds the header row of a table for a record kind: title rows, notes and blank rows above it are
 * passed over. The header is the first row that names at least DEFAULT_MIN_HEADER_MATCHES known
 * columns and every required one; failing that, the row naming the most known columns (at least
 * DEFAULT_MIN_HEADER_MATCHES), so a table missing a required column is still found and reported.
 *
 * @param grid rows of cells, grid[i] being Excel row i + 1
 * @param options record kind and how many rows to search
 * @returns the header row index and its column matches
 * @throws PipecastError when searchRows is not a positive integer
 * @example detectHeaderRow([['Pipeline Q3'], [], ['Deal', 'Stage', 'Amount']], { kind: 'deal' }).index // 2
 */
export function detectHeaderRow(
  grid: readonly (readonly CellValue[])[],
  options: DetectHeaderRowOptions,
): DetectHeaderRowResult {
  const searchRows = options.searchRows ?? DEFAULT_HEADER_SEARCH_ROWS;
  if (!Number.isInteger(searchRows) || searchRows < 1) {
    throw new PipecastError(
      'invalid-option',
      `detectHeaderRow: searchRows must be a positive integer, got ${searchRows}`,
    );
  }
  let best: DetectHeaderRowResult = { index: undefined, columns: NO_COLUMNS };
  const limit = Math.min(grid.length, searchRows);
  for (let i = 0; i < limit; i++) {
    const row = grid[i];
    if (!row || row.length === 0) continue;
    const columns = tryMatchColumns(row, options);
    if (!columns) continue;
    const count = columns.matched.length;
    if (count === 0) continue;
    const enough = count >= DEFAULT_MIN_HEADER_MATCHES || columns.unmatched.length === 0;
    if (enough && columns.missingRequired.length === 0) return { index: i, columns };
    if (count >= DEFAULT_MIN_HEADER_MATCHES && count > best.columns.matched.length)
      best = { index: i, columns };
  }
  return best;
}

function tryMatchColumns(
  row: readonly CellValue[],
  options: DetectHeaderRowOptions,
): ColumnMatches | undefined {
  try {
    return matchColumns(row, { kind: options.kind, mapping: options.mapping });
  } catch {
    // A mapped header missing from this row only means this row is not the header.
    return undefined;
  }
}
