import type { CellValue } from './cell-value.js';
import { detectHeaderRow } from './detect-header-row.js';
import type { RecordKind } from './records.js';

/** The record kinds in the order they win a tie. */
export const RECORD_KINDS: readonly RecordKind[] = [
  'deal',
  'orderLine',
  'invoice',
  'payment',
  'customer',
  'stageChange',
];

export interface RecordKindCandidate {
  kind: RecordKind;
  /** Excel row number of the header row found for this kind. */
  headerRow: number;
  /** Fields matched by a header. */
  matched: string[];
  /** Required fields with no column: a kind with any cannot be read without a mapping. */
  missingRequired: string[];
}

/**
 * Ranks the record kinds a sheet could hold by how many of their columns its headers name, so a
 * UI or a batch run can pick the analysis without asking. A kind whose required columns are all
 * present always ranks above one that misses some.
 *
 * @param grid rows of cells, grid[i] being Excel row i + 1
 * @returns the candidates, best first; empty when no row looks like a header of any kind
 * @throws nothing
 * @example guessRecordKind([['InvoiceNo', 'InvoiceDate', 'CustomerID', 'Quantity', 'UnitPrice']])[0]?.kind // 'orderLine'
 */
export function guessRecordKind(grid: readonly (readonly CellValue[])[]): RecordKindCandidate[] {
  const candidates: RecordKindCandidate[] = [];
  for (const kind of RECORD_KINDS) {
    const { index, columns } = detectHeaderRow(grid, { kind });
    if (index === undefined) continue;
    candidates.push({
      kind,
      headerRow: index + 1,
      matched: columns.matched.map((m) => m.field),
      missingRequired: columns.missingRequired,
    });
  }
  return candidates.sort(
    (a, b) =>
      Number(a.missingRequired.length > 0) - Number(b.missingRequired.length > 0) ||
      b.matched.length - a.matched.length ||
      RECORD_KINDS.indexOf(a.kind) - RECORD_KINDS.indexOf(b.kind),
  );
}
