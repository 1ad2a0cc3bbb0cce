import type { CellValue } from '../columns/cell-value.js';
import { cellText, isBlankCell } from '../columns/cell-value.js';
import { columnLetter } from '../columns/column-letter.js';
import { normalizeHeader } from '../columns/normalize-header.js';
import type { Customer, OrderLine } from '../columns/records.js';
import type { SegmentRecordSource } from '../workbook/load-segment-records.js';
import type { SheetGrid } from '../workbook/sheet-grid.js';
import { ORDER_LINE_TALLY_FIELDS } from '../segments/tally-order-lines.js';
import type { FieldSpec } from '../columns/record-fields.js';
import type { RecordKind } from '../columns/records.js';
import { breakdownKey } from './breakdown-rows.js';
import { columnsNamedByAlias } from './column-by-alias.js';
import { columnsReadAs, READ_AS_NOTHING, type ColumnsReadAs } from './columns-read-as.js';

/** A record of a sheet as the customer columns need it: whose it is, where, and when. */
export interface CustomerColumnRecord {
  customer?: string | undefined;
  /** Excel row of the record. */
  row: number;
  /** Its epoch day (order lines); undefined for a customer list. */
  date?: number;
}

/**
 * What a sheet added to a tally holds: records of the customers' business (order lines, or
 * invoices and won deals read as orders), or a customer list, one row per customer, whose
 * values take precedence (see CustomerColumnTally).
 */
export type CustomerColumnSheetKind = 'lines' | 'customerList';

/** A column on which some customers' records differ, and how many customers. */
export interface CustomerColumnDisagreement {
  column: string;
  customers: number;
}

/**
 * The other columns of the sheets a segmentation read, one value per customer. For each
 * customer and column: the value of its most recent record with a value there (latest date,
 * then the later record read), blank when none has one.
 */
export interface CustomerColumns {
  /** Header texts as typed ('' when blank), one per column, in first-seen order. */
  headers: string[];
  /** Each column's letter in the first sheet that had it. */
  letters: string[];
  /** Customer `id`'s value in column j; null when blank or unknown. */
  valueOf(id: string, j: number): CellValue | null;
  /** Per column, the customers whose records hold different values there (0 when all agree). */
  disagreeing: number[];
  /** Per column, whether a customer list read provides it (false for all when none was read). */
  fromList: boolean[];
  /** Whether customer `id` has a row in a customer list that provides column j. */
  isOnList(id: string, j: number): boolean;
  /** Columns of the sheets left ungathered by a tally made for some columns (header or letter). */
  ungathered?: string[];
  /** The kinds the sheets were read as and, per column, the field its first sheet read it as. */
  readAs: ColumnsReadAs;
  /** Per column, the date system of the first sheet that had it (for a date field's serials). */
  date1904: boolean[];
}

/** No columns: the records were given as objects. */
export const NO_CUSTOMER_COLUMNS: CustomerColumns = {
  headers: [],
  letters: [],
  valueOf: () => null,
  disagreeing: [],
  fromList: [],
  isOnList: () => false,
  readAs: READ_AS_NOTHING,
  date1904: [],
};

/** One customer's value per column, with the date it came from and whether others differed. */
interface CustomerSlot {
  values: (CellValue | null)[];
  /** The kept value's breakdown key, worked out when a different cell first shows up. */
  keys: (string | undefined)[];
  dates: number[];
  differs: boolean[];
  /** Whether the kept value is a customer list's (order lines no longer replace it). */
  listed: boolean[];
  /** Whether the customer has a row, blank or not, in a customer list that has the column. */
  onList: boolean[];
}

/**
 * Gathers, sheet after sheet, each customer's value of every column not already summed into its
 * figures. A customer is many order lines: where they agree (Country in Online Retail) that is
 * the customer's value. Where they differ, the most recent line's value is kept, because a
 * customer's country, rep or channel is what it is now, and a breakdown by it should put the
 * customer where a sales manager would look for it today; how many customers differed is counted
 * per column, so a report can say so rather than pretend the value was unanimous. Values are
 * compared as breakdown keys are (width, case, spaces), and blank cells are missing values, not
 * a different value. Memory grows with customers × columns, never with lines.
 *
 * A customer list read beside the lines joins by customer id, as the core compares ids (the
 * text parseId gives, exact: "C001 " is C001, "c001" is another customer, as in ABC and RFM).
 * Its columns come as they are; a customer it lacks has no value there. A column both sheets
 * have (Region, Owner) is one column, and the list's non-blank value wins over the lines',
 * whatever their dates: the list is the customer's master record, kept one row per customer,
 * while a line holds what was typed on one order (a ship-to region, the rep who took it), so a
 * breakdown by Region puts a customer where the account list, and the manager's territory plan,
 * put it. Where the list is blank or lacks the customer, the lines' value is still better than
 * a blank. A customer whose value comes from the list is not counted as disagreeing: it shows
 * the list's value, not its most recent line's. Which customers had a row in a list with the
 * column is kept too (isOnList), so a blank can be told apart from a customer the list lacks.
 *
 * @example
 * const columns = new CustomerColumnTally();
 * columns.addSheet(grid, 1, lines, new Set([0, 1, 2, 3]));
 * columns.finish().valueOf('C1', 0);
 */
export class CustomerColumnTally {
  /**
   * @param wanted - keep only these columns (header text, compared as headers are, or letter),
   *   when a caller needs some: `segment --by Country` gathers Country alone.
   */
  constructor(private readonly wanted?: readonly string[]) {}

  private readonly headers: string[] = [];
  private readonly ungathered = new Set<string>();
  private readonly letters: string[] = [];
  private readonly kinds = new Set<RecordKind>();
  private readonly fields: (FieldSpec | undefined)[] = [];
  private readonly date1904: boolean[] = [];
  private readonly fromList: boolean[] = [];
  private readonly indexByKey = new Map<string, number>();
  private readonly customers = new Map<string, CustomerSlot>();

  /**
   * Adds a sheet's records.
   *
   * @param grid - the sheet.
   * @param headerRow - its header row (Excel row number), null when it has none.
   * @param records - its records, in sheet order.
   * @param skip - the sheet's column indices left out (the customer's figures are read from them).
   * @param kind - order lines (default) or a customer list, whose values win.
   * @param readAs - what the sheet and its columns were read as (default: as nothing).
   */
  addSheet(
    grid: SheetGrid,
    headerRow: number | null,
    records: readonly CustomerColumnRecord[],
    skip: ReadonlySet<number>,
    kind: CustomerColumnSheetKind = 'lines',
    readAs: ColumnsReadAs = READ_AS_NOTHING,
  ): void {
    const rows = grid.rows;
    const header = headerRow === null ? [] : (rows[headerRow - 1] ?? []);
    let width = header.length;
    for (const record of records) width = Math.max(width, rows[record.row - 1]?.length ?? 0);
    for (const kind of readAs.kinds) this.kinds.add(kind);
    const byAlias = this.wantedByAlias(header, readAs);
    const kept: { sheet: number; index: number }[] = [];
    for (let j = 0; j < width; j += 1) {
      if (skip.has(j)) continue;
      if (byAlias.has(j) || this.isWanted(header[j], j)) {
        const index = this.columnOf(header[j], j);
        this.fields[index] ??= readAs.fields[j];
        this.date1904[index] ??= grid.date1904;
        kept.push({ sheet: j, index });
      } else
        this.ungathered.add(isBlankCell(header[j]) ? columnLetter(j) : String(header[j]).trim());
    }
    if (kept.length === 0) return;
    const listed = kind === 'customerList';
    if (listed) for (const { index } of kept) this.fromList[index] = true;
    for (const record of records) {
      const id = record.customer?.trim();
      if (id === undefined || id === '') continue;
      const slot = this.slotOf(id);
      const cells = rows[record.row - 1] ?? [];
      const date = record.date ?? 0;
      for (const { sheet, index } of kept) {
        if (listed) slot.onList[index] = true;
        const cell = cells[sheet];
        if (cell === undefined || isBlankCell(cell)) continue;
        if (listed && slot.listed[index] !== true) this.list(slot, index, cell);
        else if (listed || slot.listed[index] !== true) this.take(slot, index, cell, date);
      }
    }
  }

  /** The columns gathered so far, one value per customer. */
  finish(): CustomerColumns {
    const count = this.headers.length;
    const disagreeing = new Array<number>(count).fill(0);
    for (const slot of this.customers.values())
      for (let j = 0; j < count; j += 1) if (slot.differs[j] === true) disagreeing[j]! += 1;
    const customers = this.customers;
    return {
      headers: [...this.headers],
      letters: [...this.letters],
      valueOf: (id, j) => customers.get(id.trim())?.values[j] ?? null,
      disagreeing,
      fromList: Array.from({ length: count }, (_, j) => this.fromList[j] === true),
      isOnList: (id, j) => customers.get(id.trim())?.onList[j] === true,
      readAs: {
        kinds: [...this.kinds],
        fields: Array.from({ length: count }, (_, j) => this.fields[j]),
      },
      date1904: Array.from({ length: count }, (_, j) => this.date1904[j] ?? false),
      ...(this.wanted === undefined ? {} : { ungathered: [...this.ungathered] }),
    };
  }

  /**
   * The sheet's columns a wanted name may mean through the header alias table ("Region" for a
   * column headed 区域): gathered too, so segmentBreakdown can choose among them.
   */
  private wantedByAlias(header: readonly CellValue[], readAs: ColumnsReadAs): Set<number> {
    if (this.wanted === undefined) return new Set();
    const texts = Array.from(header, (cell) => (isBlankCell(cell) ? '' : cellText(cell).trim()));
    return new Set(
      this.wanted.flatMap((name) => columnsNamedByAlias(texts, name, readAs).candidates),
    );
  }

  private isWanted(cell: CellValue | undefined, j: number): boolean {
    if (this.wanted === undefined) return true;
    const header = isBlankCell(cell) ? '' : normalizeHeader(String(cell));
    const letter = columnLetter(j);
    return this.wanted.some(
      (name) =>
        (header !== '' && normalizeHeader(name) === header) || name.trim().toUpperCase() === letter,
    );
  }

  /** The index of a sheet column among all sheets': by header text, else by letter. */
  private columnOf(cell: CellValue | undefined, j: number): number {
    const text = isBlankCell(cell) ? '' : String(cell).trim();
    const key = text === '' ? `\u0000${columnLetter(j)}` : normalizeHeader(text) || text;
    let index = this.indexByKey.get(key);
    if (index === undefined) {
      index = this.headers.length;
      this.indexByKey.set(key, index);
      this.headers.push(text);
      this.letters.push(columnLetter(j));
    }
    return index;
  }

  private slotOf(id: string): CustomerSlot {
    let slot = this.customers.get(id);
    if (slot === undefined) {
      slot = { values: [], keys: [], dates: [], differs: [], listed: [], onList: [] };
      this.customers.set(id, slot);
    }
    return slot;
  }

  /** A customer list's first value of the column: it replaces the lines', and their differences. */
  private list(slot: CustomerSlot, j: number, cell: CellValue): void {
    slot.values[j] = cell;
    slot.keys[j] = undefined;
    slot.dates[j] = 0;
    slot.differs[j] = false;
    slot.listed[j] = true;
  }

  /** A non-blank cell of a record: kept when it is the latest; flags the customer when it differs. */
  private take(slot: CustomerSlot, j: number, cell: CellValue, date: number): void {
    const value = slot.values[j];
    // Records come in the order read, so an equal date means a later record: it wins.
    const later = value === undefined || value === null || date >= (slot.dates[j] as number);
    // Texts are normalised only while the customer's records still agree, and not for a cell
    // equal to the value kept (daily exports repeat one string instance per value).
    if (value !== undefined && value !== null && slot.differs[j] !== true && cell !== value) {
      const key = breakdownKey(cellText(cell));
      slot.keys[j] ??= breakdownKey(cellText(value));
      if (key !== slot.keys[j]) slot.differs[j] = true;
    }
    if (later) {
      slot.values[j] = cell;
      slot.dates[j] = date;
    }
  }
}

/**
 * The order lines' fields each customer's figures are made of (the ones the tally reads): their
 * per-customer meaning is already a result column (id, frequency, recency, revenue), so they are
 * not customer columns.
 */
const FIGURE_FIELDS: ReadonlySet<string> = new Set(ORDER_LINE_TALLY_FIELDS);

/**
 * The fields of invoices and won deals read as order history that are per-record figures, not
 * the customer's: those the order lines took (customer, number, date, amount), the invoice's
 * other dates and amounts, and the deal's progress (all won, so its stage says nothing).
 */
const HISTORY_FIGURE_FIELDS: Record<'invoice' | 'deal', ReadonlySet<string>> = {
  invoice: new Set([
    'customer',
    'invoice',
    'invoiceDate',
    'amount',
    'dueDate',
    'paidDate',
    'paidAmount',
    'balance',
  ]),
  deal: new Set([
    'account',
    'id',
    'closeDate',
    'amount',
    'stage',
    'status',
    'probability',
    'createdDate',
    'stageEnteredDate',
    'lastActivityDate',
  ]),
};

/** The fields of a source sheet that are not customer columns. */
function figureFieldsOf(source: SegmentRecordSource, isLines: boolean): ReadonlySet<string> {
  if (source.history !== undefined) return HISTORY_FIGURE_FIELDS[source.history];
  return isLines ? FIGURE_FIELDS : ID_FIELD;
}

const ID_FIELD: ReadonlySet<string> = new Set(['id']);

/**
 * Adds the sheets loadSegmentRecords read to a tally: of order lines every column but those the
 * figures are made of, of a customer list every column but the id (its values win over the
 * lines': see CustomerColumnTally); of invoices or won deals read as order lines
 * (ordersOrHistory) every column but their own figures (HISTORY_FIGURE_FIELDS).
 *
 * @param tally - the tally to add to.
 * @param sources - the sheets read, in order, each with its count of records.
 * @param lines - the order lines read from them, in the same order.
 * @param customers - the customers read from them, in the same order.
 */
export function addSegmentSources(
  tally: CustomerColumnTally,
  sources: readonly SegmentRecordSource[],
  lines: readonly OrderLine[],
  customers: readonly Customer[],
): void {
  let nextLine = 0;
  let nextCustomer = 0;
  for (const source of sources) {
    const isLines =
      source.history !== undefined || source.matched.some((column) => column.field === 'customer');
    const figures = figureFieldsOf(source, isLines);
    const skip = new Set(
      source.matched.filter((column) => figures.has(column.field)).map((column) => column.index),
    );
    const readAs = columnsReadAs(
      source.history ?? (isLines ? 'orderLine' : 'customer'),
      source.matched,
    );
    if (isLines) {
      tally.addSheet(
        source.grid,
        source.headerRow,
        lines.slice(nextLine, nextLine + source.count),
        skip,
        'lines',
        readAs,
      );
      nextLine += source.count;
    } else {
      const records = customers
        .slice(nextCustomer, nextCustomer + source.count)
        .map((customer) => ({ customer: customer.id, row: customer.row }));
      tally.addSheet(source.grid, source.headerRow, records, skip, 'customerList', readAs);
      nextCustomer += source.count;
    }
  }
}
