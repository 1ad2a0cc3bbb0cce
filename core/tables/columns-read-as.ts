import type { MatchedColumn } from '../columns/match-columns.js';
import { RECORD_FIELDS, type FieldSpec } from '../columns/record-fields.js';
import type { RecordKind } from '../columns/records.js';

/**
 * What the core read a sheet's columns as, so a breakdown can name a column by any header its
 * field goes by (columnByAlias) and show a date field's serials as dates (breakdownKeyCells).
 */
export interface ColumnsReadAs {
  /** The record kinds the columns' sheets were read as (deal, invoice, orderLine, customer…). */
  readonly kinds: readonly RecordKind[];
  /** Per column, the field the core read it as; undefined for a column it read as none. */
  readonly fields: readonly (FieldSpec | undefined)[];
}

/** Columns the core read as nothing: the records were given as objects. */
export const READ_AS_NOTHING: ColumnsReadAs = { kinds: [], fields: [] };

/**
 * A sheet's columns as the core read them as `kind`: per sheet column index, the field spec its
 * match names.
 *
 * @param kind - what the sheet was read as.
 * @param matched - the columns matched to fields (readRecords' `columns.matched`).
 * @returns the kind and, by column index, each matched column's field.
 * @example columnsReadAs('deal', [{ index: 2, field: 'closeDate' }]).fields[2]?.type // 'date'
 */
export function columnsReadAs(
  kind: RecordKind,
  matched: readonly Pick<MatchedColumn, 'index' | 'field'>[],
): ColumnsReadAs {
  const width = matched.reduce((most, column) => Math.max(most, column.index + 1), 0);
  const fields = new Array<FieldSpec | undefined>(width).fill(undefined);
  for (const column of matched)
    fields[column.index] = RECORD_FIELDS[kind].find((spec) => spec.field === column.field);
  return { kinds: [kind], fields };
}
