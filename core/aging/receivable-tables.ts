import { RecordTable } from '../columns/record-table.js';
import type { Invoice, Payment } from '../columns/records.js';
import { isTrimmedSpace } from './trim-text.js';

/**
 * The invoices as a table: the one a reader collected (ReadRecordsOptions.table), or one made from
 * invoice objects, so aging reads every invoice one way, column by column.
 *
 * @throws {TypeError} When invoices is neither an array nor a RecordTable of invoices.
 */
export function invoiceTable(
  invoices: readonly Invoice[] | RecordTable<Invoice>,
): RecordTable<Invoice> {
  if (invoices instanceof RecordTable && invoices.kind === 'invoice') return invoices;
  if (!Array.isArray(invoices))
    throw new TypeError('ageReceivables: invoices must be an array or a RecordTable of invoices');
  return RecordTable.fromRecords('invoice', invoices);
}

/**
 * The payments as a table, as invoiceTable.
 *
 * @throws {TypeError} When payments is neither an array nor a RecordTable of payments.
 */
export function paymentTable(
  payments: readonly Payment[] | RecordTable<Payment>,
): RecordTable<Payment> {
  if (payments instanceof RecordTable && payments.kind === 'payment') return payments;
  if (!Array.isArray(payments))
    throw new TypeError('ageReceivables: payments must be an array or a RecordTable of payments');
  return RecordTable.fromRecords('payment', payments);
}

/** An id column's code units: row i is codes[starts[i]] … codes[ends[i] − 1], absent when starts[i] < 0. */
export interface IdUnits {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** An id field's code units; every row absent when no row has the field. */
export function idUnits<T>(table: RecordTable<T>, field: string): IdUnits {
  const packed = table.packed(field);
  if (packed !== undefined) return packed.units();
  return {
    codes: new Uint16Array(0),
    starts: new Int32Array(table.size).fill(-1),
    ends: new Int32Array(table.size),
  };
}

/**
 * Row i's id without the white space String.prototype.trim removes: its start into from[i] and
 * end into to[i], from[i] = -1 when it is absent or blank.
 */
export function trimIdRow(u: IdUnits, i: number, from: Int32Array, to: Int32Array): void {
  let s = u.starts[i] as number;
  if (s < 0) {
    from[i] = -1;
    return;
  }
  let e = u.ends[i] as number;
  const codes = u.codes;
  while (s < e && isTrimmedSpace(codes[s] as number)) s++;
  while (e > s && isTrimmedSpace(codes[e - 1] as number)) e--;
  from[i] = s < e ? s : -1;
  to[i] = e;
}
