import { CodedTextColumn, type TextCodes } from '../internal/coded-text-column.js';
import { ownSlice } from '../internal/csv-fast-fields.js';
import { PackedTextColumn, type PackedTexts } from '../internal/packed-text-column.js';
import { RECORD_FIELDS, type FieldType } from './record-fields.js';
import type { RecordByKind, RecordKind } from './records.js';
import { PipecastError } from '../errors/pipecast-error.js';

/**
 * How a field is stored: numbers and dates, booleans, ids (packed: they differ row by row),
 * texts and statuses (coded: they repeat), or any other value (objects).
 */
const NUMBER = 0;
const FLAG = 1;
const VALUE = 2;
const PACKED = 3;
const CODED = 4;

function storageOf(type: FieldType | 'object'): number {
  if (type === 'number' || type === 'date' || type === 'fraction') return NUMBER;
  if (type === 'boolean') return FLAG;
  if (type === 'id') return PACKED;
  if (type === 'text' || type === 'status') return CODED;
  return VALUE;
}

/**
 * Numbers: NaN when absent. Flags: -1 absent, 0 false, 1 true. Values, packed ids and coded
 * texts: undefined when absent.
 */
type FieldColumn = Float64Array | Int8Array | unknown[] | PackedTextColumn | CodedTextColumn;

const FIRST_CAPACITY = 1024;
const MAX_FIRST_CAPACITY = 1 << 24;

/**
 * Records of one kind stored column by column: a typed array per number, date and boolean field,
 * ids packed in one character buffer, texts and statuses as codes into their distinct values,
 * and a plain array for other values (a customer's extra columns).
 *
 * Why: a million records as objects are a million objects (plus a boxed number per amount) that
 * the garbage collector copies twice before they settle, which on a 2-core machine cost as much
 * as reading the file. Here a million rows are a few arrays. Consumers that read every row (the
 * funnel's prepareDeals) read the columns; `record(i)` rebuilds one record when a list needs it.
 *
 * A field no row has keeps no column. NaN is never a parsed value, so it marks an absent number.
 * Give the number of rows to expect when it is known (a file's size tells it roughly): columns
 * made once at their full size cost a fraction of columns grown by doubling.
 */
export class RecordTable<T> {
  /** Rows held. */
  size = 0;
  /** The field names, in the order RECORD_FIELDS lists them (and `extra` for customers). */
  readonly fields: readonly string[];
  private capacity: number;
  private excelRows: Int32Array;
  private readonly storage: Uint8Array;
  private readonly columns: (FieldColumn | undefined)[];
  private readonly indexByField = new Map<string, number>();
  /**
   * Fields written in the row being built (the first `writtenCount`), so a dropped row can be
   * cleared. A count, not `length = 0`: emptying an array frees its store, and the next push
   * would allocate a new one for every row.
   */
  private readonly written: number[] = [];
  private writtenCount = 0;

  /**
   * @param kind - the record kind the table holds.
   * @param expectedRows - room to make at first (grows by doubling past it).
   */
  constructor(
    readonly kind: RecordKind,
    expectedRows = FIRST_CAPACITY,
  ) {
    const specs = RECORD_FIELDS[kind];
    const types: (FieldType | 'object')[] = specs.map((s) => s.type);
    const fields = specs.map((s) => s.field);
    if (kind === 'customer') {
      fields.push('extra');
      types.push('object');
    }
    this.fields = fields;
    fields.forEach((field, f) => this.indexByField.set(field, f));
    this.storage = Uint8Array.from(types, storageOf);
    this.columns = fields.map(() => undefined);
    // A hint, not a promise: never more room at first than 16M rows (128 MB per number column).
    this.capacity = Math.min(MAX_FIRST_CAPACITY, Math.max(16, Math.ceil(expectedRows) || 16));
    this.excelRows = new Int32Array(this.capacity);
  }

  /** The records of an array, as a table (the same records come back from `record`). */
  static fromRecords<K extends RecordKind>(
    kind: K,
    records: readonly RecordByKind[K][],
  ): RecordTable<RecordByKind[K]> {
    const table = new RecordTable<RecordByKind[K]>(kind, records.length);
    const fields = table.fields;
    for (const record of records) {
      const values = record as unknown as Record<string, unknown>;
      table.beginRow(record.row);
      for (let f = 0; f < fields.length; f++) {
        const value = values[fields[f]!];
        if (value !== undefined) table.set(f, value);
      }
      table.commitRow();
    }
    return table;
  }

  /** The position of a field in `fields`; throws for a field the kind does not have. */
  fieldIndex(field: string): number {
    const f = this.indexByField.get(field);
    if (f === undefined)
      throw new PipecastError(
        'unknown-field',
        `RecordTable: ${this.kind} records have no field '${field}'`,
      );
    return f;
  }

  /** Starts the next row (its Excel row number); every field is absent until set. */
  beginRow(excelRow: number): void {
    if (this.size === this.capacity) this.grow();
    this.excelRows[this.size] = excelRow;
    this.writtenCount = 0;
  }

  /** Sets field `f` of the row being built. */
  set(f: number, value: unknown): void {
    const column =
      this.columns[f] ?? this.makeColumn(f, typeof value === 'string' ? value.length : 0);
    const storage = this.storage[f];
    if (storage === NUMBER) (column as Float64Array)[this.size] = value as number;
    else if (storage === FLAG) (column as Int8Array)[this.size] = value ? 1 : 0;
    else if (storage === PACKED) (column as PackedTextColumn).set(this.size, value as string);
    else if (storage === CODED) (column as CodedTextColumn).set(this.size, value);
    else (column as unknown[])[this.size] = value;
    this.written[this.writtenCount++] = f;
  }

  /** Sets field `f` of the row being built to `text.slice(start, end)`. */
  setText(f: number, text: string, start: number, end: number): void {
    const column = this.columns[f] ?? this.makeColumn(f, end - start);
    if (column instanceof PackedTextColumn) {
      column.setSlice(this.size, text, start, end);
      this.written[this.writtenCount++] = f;
    } else this.set(f, ownSlice(text, start, end));
  }

  /**
   * Sets field `f` of the row being built to text `i` of `source` (an .xlsx shared-string
   * table): an id's code units are copied, a text is coded by its number (no string hashed
   * when the number was seen before); any other field gets the text as a string.
   */
  setShared(f: number, source: PackedTexts, i: number): void {
    const storage = this.storage[f];
    if (storage === PACKED) {
      const column = (this.columns[f] ??
        this.makeColumn(f, source.packed.lengthOf(i))) as PackedTextColumn;
      column.copyFrom(this.size, source.packed, i);
    } else if (storage === CODED) {
      const column = (this.columns[f] ?? this.makeColumn(f, 0)) as CodedTextColumn;
      column.setKeyed(this.size, source, i);
    } else {
      this.set(f, source.text(i));
      return;
    }
    this.written[this.writtenCount++] = f;
  }

  /**
   * setShared for a coded field when its column has coded text `i` of `source` before (see
   * CodedTextColumn.setKeyedIfKnown); false, and nothing set, otherwise.
   */
  setSharedIfKnown(f: number, source: PackedTexts, i: number): boolean {
    const column = this.columns[f];
    if (this.storage[f] !== CODED || column === undefined) return false;
    if (!(column as CodedTextColumn).setKeyedIfKnown(this.size, source, i)) return false;
    this.written[this.writtenCount++] = f;
    return true;
  }

  /** Field `f` of the row being built (undefined when not set). */
  current(f: number): unknown {
    return this.get(f, this.size);
  }

  /** Whether field `f` of the row being built is set (without rebuilding a packed id). */
  hasCurrent(f: number): boolean {
    const column = this.columns[f];
    if (column instanceof PackedTextColumn) return column.has(this.size);
    return this.get(f, this.size) !== undefined;
  }

  /** Keeps the row being built. */
  commitRow(): void {
    this.size++;
  }

  /** Forgets the row being built. */
  discardRow(): void {
    const slot = this.size;
    for (let w = 0; w < this.writtenCount; w++) {
      const f = this.written[w]!;
      const column = this.columns[f]!;
      const storage = this.storage[f];
      if (storage === NUMBER) (column as Float64Array)[slot] = NaN;
      else if (storage === FLAG) (column as Int8Array)[slot] = -1;
      else if (storage === PACKED) (column as PackedTextColumn).clear(slot);
      else if (storage === CODED) (column as CodedTextColumn).clear(slot);
      else (column as unknown[])[slot] = undefined;
    }
    this.writtenCount = 0;
  }

  /** Field `f` of row `i` (0-based), undefined when absent. */
  get(f: number, i: number): unknown {
    const column = this.columns[f];
    if (column === undefined) return undefined;
    const storage = this.storage[f];
    if (storage === NUMBER) {
      const value = (column as Float64Array)[i]!;
      return Number.isNaN(value) ? undefined : value;
    }
    if (storage === FLAG) {
      const value = (column as Int8Array)[i]!;
      return value < 0 ? undefined : value === 1;
    }
    if (storage === PACKED) return (column as PackedTextColumn).get(i);
    if (storage === CODED) return (column as CodedTextColumn).get(i);
    return (column as unknown[])[i];
  }

  /** Excel row numbers, one per record. */
  rows(): Int32Array {
    return this.excelRows.subarray(0, this.size);
  }

  /** A number or date field's column (NaN where absent); undefined when no row has the field. */
  numbers(field: string): Float64Array | undefined {
    return this.typed(field, NUMBER) as Float64Array | undefined;
  }

  /** A boolean field's column (-1 absent, 0 false, 1 true); undefined when no row has it. */
  flags(field: string): Int8Array | undefined {
    return this.typed(field, FLAG) as Int8Array | undefined;
  }

  /**
   * A text, id, status or object field's values, one per row (undefined where absent; an object
   * field's array may be longer than `size`: read only the first `size`); undefined when no row
   * has the field. Text, id and status columns are rebuilt as an array on each call: to go
   * through a text or status column, read its `codes` instead; to read one id, use
   * `get(fieldIndex(field), i)`.
   */
  values<T = string>(field: string): readonly (T | undefined)[] | undefined {
    const f = this.fieldIndex(field);
    const column = this.columns[f];
    const storage = this.storage[f];
    if (storage === PACKED || storage === CODED) {
      if (column === undefined) return undefined;
      return Array.from({ length: this.size }, (_, i) => this.get(f, i) as T | undefined);
    }
    if (storage !== VALUE)
      throw new PipecastError('unknown-field', `RecordTable: ${field} is not a text field`);
    return column as (T | undefined)[] | undefined;
  }

  /**
   * A text or status field as a code per row into the distinct values (see CodedTextColumn), so
   * a consumer can work once per distinct value; undefined when no row has the field.
   */
  codes(field: string): TextCodes | undefined {
    const f = this.fieldIndex(field);
    if (this.storage[f] !== CODED)
      throw new PipecastError(
        'unknown-field',
        `RecordTable: ${field} is not a text or status field`,
      );
    return (this.columns[f] as CodedTextColumn | undefined)?.codes(this.size);
  }

  /** Record `i` (0-based) as an object, with only the fields it has. */
  record(i: number): T {
    const record: Record<string, unknown> = { row: this.excelRows[i] };
    const fields = this.fields;
    for (let f = 0; f < fields.length; f++) {
      const value = this.get(f, i);
      if (value !== undefined) record[fields[f]!] = value;
    }
    return record as unknown as T;
  }

  /** Every record as an object, in row order. */
  toRecords(): T[] {
    return Array.from({ length: this.size }, (_, i) => this.record(i));
  }

  private typed(field: string, storage: number): FieldColumn | undefined {
    const f = this.fieldIndex(field);
    if (this.storage[f] !== storage)
      throw new PipecastError(
        'unknown-field',
        `RecordTable: ${field} is not a ${storage === NUMBER ? 'number' : 'boolean'} field`,
      );
    const column = this.columns[f] as Float64Array | Int8Array | undefined;
    return column?.subarray(0, this.size);
  }

  /**
   * A new column for field `f`; an id column makes room for texts a little longer than its
   * first (at most 32 code units a row: one long first id must not reserve room for all).
   */
  private makeColumn(f: number, firstLength: number): FieldColumn {
    const column =
      this.storage[f] === PACKED
        ? new PackedTextColumn(this.capacity, Math.min(32, Math.max(8, firstLength * 1.25)))
        : emptyColumn(this.storage[f]!, this.capacity);
    this.columns[f] = column;
    return column;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const rows = new Int32Array(capacity);
    rows.set(this.excelRows);
    this.excelRows = rows;
    for (let f = 0; f < this.columns.length; f++) {
      const old = this.columns[f];
      if (old === undefined) continue;
      if (old instanceof PackedTextColumn || old instanceof CodedTextColumn) {
        old.resize(capacity, this.size);
        continue;
      }
      const grown = emptyColumn(this.storage[f]!, capacity);
      if (grown instanceof PackedTextColumn || grown instanceof CodedTextColumn) continue;
      if (Array.isArray(grown)) {
        const values = old as unknown[];
        for (let i = 0; i < this.size; i++) grown[i] = values[i];
      } else grown.set(old as Float64Array & Int8Array);
      this.columns[f] = grown;
    }
    this.capacity = capacity;
  }
}

function emptyColumn(storage: number, capacity: number): FieldColumn {
  if (storage === NUMBER) return new Float64Array(capacity).fill(NaN);
  if (storage === FLAG) return new Int8Array(capacity).fill(-1);
  if (storage === PACKED) return new PackedTextColumn(capacity);
  if (storage === CODED) return new CodedTextColumn(capacity);
  // Made at full length: a column grown by appending cost ~4× as much fresh memory (slow to
  // touch on this VM) as one made once. Its holes read as undefined.
  return new Array<unknown>(capacity);
}
