import { codedMessage } from '../text/coded-text.js';
import { table } from 'arquero';
import { type CellValue, cellText, isBlankCell } from '../columns/cell-value.js';
import type { DataWarning } from '../columns/data-warning.js';
import { matchColumns } from '../columns/match-columns.js';
import { normalizeHeader } from '../columns/normalize-header.js';
import { parseStatus } from '../columns/parse-status.js';
import { terminalStatusOf } from '../funnel/resolve-template.js';
import { planSheets, type PlanSheetsResult, type SheetPlanEntry } from './plan-sheets.js';
import { sheetHead } from './read-sheet-records.js';
import type { SheetChoice } from './sheet-choice.js';
import type { SheetGrid } from './sheet-grid.js';

/** Headers of a product table's price, compared as header matching does. */
export const LIST_PRICE_HEADERS: readonly string[] = [
  'list price',
  'sales price',
  'price',
  'unit price',
  'standard price',
  '标价',
  '价格',
  '单价',
  '定价',
  '目录价',
];

/** The column added to joined deals, saying which amounts are list prices. */
export const AMOUNT_BASIS_HEADER = 'Amount basis';
/** Its value on a deal valued at its product's list price. */
export const LIST_PRICE_BASIS = 'list price';

/** The deal fields a lookup is keyed on, in the order its roll-ups are shown. */
const ROLLUP_KEY_ORDER = ['owner', 'account', 'product'] as const;

/** At most this many distinct values make a joined column a roll-up (manager, office, sector). */
const MAX_ROLLUP_VALUES = 20;

/** One lookup table joined to the deals. */
export interface DealTableJoin {
  /** The lookup sheet. */
  sheet: string;
  /** The header the deals and the lookup share, as the deals' sheet types it. */
  key: string;
  /** Headers added to the deals, as they appear in the joined sheet. */
  columns: string[];
  /** Deals whose key was found in the lookup. */
  matched: number;
  /** Deals with a key that the lookup does not have (blank keys are neither). */
  unmatched: number;
}

export interface JoinDealTablesResult {
  /** The sheets, with the deals' sheet replaced by the joined one when anything was joined. */
  sheets: SheetGrid[];
  /** The joined deals' sheet name; null when nothing was joined. */
  dealSheet: string | null;
  joins: DealTableJoin[];
  /** Open deals without an amount that were given their product's list price. */
  valuedAtListPrice: number;
  /** Joined text columns with few distinct values, to break the forecast down by. */
  rollups: string[];
  warnings: DataWarning[];
}

/** A table as the join reads it: its header cells and the rows below the header. */
interface HeadedRows {
  grid: SheetGrid;
  headerIndex: number;
  header: CellValue[];
  rows: CellValue[][];
}

/**
 * Joins a pipeline to the lookup tables exported beside it (the accounts, products and sales
 * teams of a CRM): a table whose column has the same header as a column of the deals (case,
 * spaces and punctuation ignored), with unique values in the lookup that match at least half of
 * the deals' non-blank keys, gives each deal its row's other columns (an account's sector and
 * office, a rep's manager and regional office). Key values are compared ignoring case, spaces
 * and punctuation ("GTXPro" finds "GTX Pro"). An open deal (not won or lost by status or stage)
 * with a blank amount, joined to a product table with a price column, takes the product's price
 * as its amount and says so in an added "Amount basis" column ("list price") and one warning.
 *
 * @param sheets - the workbook's sheets (or a folder's files as sheets).
 * @param choice - sheet kinds and column mappings the user gave.
 * @param plan - what each sheet holds, when the caller has planned them already (planSheets).
 * @returns the sheets with the deals joined, what was joined, the deals valued at list price,
 *   the roll-up columns and warnings (keys not found, keys matched loosely, list prices used).
 * @example
 * joinDealTables([deals, teams]).joins[0]; // { sheet: 'teams', key: 'sales_agent', columns: ['manager'], … }
 */
export function joinDealTables(
  sheets: readonly SheetGrid[],
  choice: SheetChoice = {},
  plan?: PlanSheetsResult,
): JoinDealTablesResult {
  const none: JoinDealTablesResult = {
    sheets: [...sheets],
    dealSheet: null,
    joins: [],
    valuedAtListPrice: 0,
    rollups: [],
    warnings: [],
  };
  if (sheets.length < 2) return none;
  const entries = (
    plan ??
    planSheets(sheets, {
      ...(choice.kinds === undefined ? {} : { sheets: choice.kinds }),
      ...(choice.mappings === undefined ? {} : { mappings: choice.mappings }),
    })
  ).sheets;
  const dealIndex = entries.findIndex((entry) => entry.kind === 'deal' && entry.headerRow);
  if (dealIndex < 0) return none;
  const headerIndex = entries[dealIndex]!.headerRow! - 1;
  const dealGrid = sheets[dealIndex]!;
  const dealHeaders = new Set(
    (sheetHead(dealGrid, headerIndex + 1)[headerIndex] ?? []).map((cell) =>
      normalizeHeader(cellText(cell)),
    ),
  );
  dealHeaders.delete('');
  // Only tables sharing a header with the deals can join: the deals' rows (a large CSV's, say)
  // are split into cells and copied only when there is one.
  const lookups = sheets.flatMap((grid, index) => {
    const entry = entries[index]!;
    if (index === dealIndex || !isLookupCandidate(entry)) return [];
    const lookup = sharingLookup(grid, entry, dealHeaders);
    return lookup === undefined ? [] : [lookup];
  });
  if (lookups.length === 0) return none;
  const joined = new JoinedDeals(
    headedRows(dealGrid, headerIndex),
    choice.mappings?.[dealGrid.sheet],
  );
  for (const lookup of lookups) joined.tryJoin(lookup);
  if (joined.joins.length === 0) return none;
  const grid = joined.grid();
  return {
    sheets: sheets.map((sheet, index) => (index === dealIndex ? grid : sheet)),
    dealSheet: grid.sheet,
    joins: joined.joins,
    valuedAtListPrice: joined.valuedAtListPrice,
    rollups: joined.rollups,
    warnings: joined.warnings,
  };
}

/** Sheets that may be lookups: a customer list, or a table of no kind (products, teams). */
function isLookupCandidate(entry: SheetPlanEntry): boolean {
  return entry.kind === null || entry.kind === 'customer';
}

function headedRows(grid: SheetGrid, headerIndex: number): HeadedRows {
  const all = grid.rows;
  return { grid, headerIndex, header: all[headerIndex] ?? [], rows: all.slice(headerIndex + 1) };
}

/**
 * A lookup that shares a header with the deals, read from its header row (the plan's, else its
 * first row with two or more filled cells); undefined for any other table, whose rows are then
 * never split into cells.
 */
function sharingLookup(
  grid: SheetGrid,
  entry: SheetPlanEntry,
  dealHeaders: ReadonlySet<string>,
): HeadedRows | undefined {
  const head = sheetHead(grid);
  const index =
    entry.headerRow !== null
      ? entry.headerRow - 1
      : head.findIndex((row) => row.filter((cell) => !isBlankCell(cell)).length >= 2);
  const header = head[index] ?? [];
  if (!header.some((cell) => dealHeaders.has(normalizeHeader(cellText(cell))))) return undefined;
  return headedRows(grid, index);
}

/** How key values are compared: letters and digits only, lower case ("GTX Pro" = "GTXPro"). */
function looseKey(cell: CellValue): string {
  return normalizeHeader(cellText(cell));
}

/** A lookup's key column: shared header, unique values, matching half the deals' keys or more. */
interface JoinKey {
  dealColumn: number;
  lookupColumn: number;
  /** Per deal row, the lookup row it found, or undefined. */
  found: (number | undefined)[];
  matched: number;
  unmatched: number;
}

/**
 * The deals' sheet being joined: its rows grow by the lookups' columns, one join after another.
 */
class JoinedDeals {
  readonly joins: DealTableJoin[] = [];
  readonly warnings: DataWarning[] = [];
  /** Roll-up columns with the rank of their join's key (owner first: manager, office). */
  private readonly rollupRanks: { header: string; rank: number }[] = [];
  valuedAtListPrice = 0;
  private readonly header: CellValue[];
  private readonly rows: CellValue[][];
  private readonly fields: Map<string, number>;
  private readonly width: number;

  constructor(
    private readonly deals: HeadedRows,
    mapping: Parameters<typeof matchColumns>[1]['mapping'],
  ) {
    let width = deals.header.length;
    for (const row of deals.rows) width = Math.max(width, row.length);
    this.width = width;
    this.header = padded(deals.header, this.width);
    this.rows = deals.rows.map((row) => padded(row, this.width));
    const matches = matchColumns(deals.header, { kind: 'deal', ...(mapping ? { mapping } : {}) });
    this.fields = new Map(matches.matched.map((match) => [match.field, match.index]));
  }

  /** Joins one lookup when it shares a key with the deals; otherwise leaves the deals as they are. */
  tryJoin(lookup: HeadedRows | undefined): void {
    if (lookup === undefined) return;
    const key = this.findKey(lookup);
    if (key === undefined) return;
    const added = this.addColumns(lookup, key);
    const keyHeader = cellText(this.header[key.dealColumn]).trim();
    this.joins.push({
      sheet: lookup.grid.sheet,
      key: keyHeader,
      columns: added.map((column) => column.header),
      matched: key.matched,
      unmatched: key.unmatched,
    });
    this.warnKeys(lookup, key, keyHeader);
    if (key.dealColumn === this.fields.get('product')) this.valueAtListPrice(lookup, key);
  }

  /** The joined deals as a sheet: the rows above the header as they were, then header and rows. */
  grid(): SheetGrid {
    const above = this.deals.grid.rows.slice(0, this.deals.headerIndex);
    const { file, sheet, date1904 } = this.deals.grid;
    return { file, sheet, date1904, rows: [...above, this.header, ...this.rows] };
  }

  private findKey(lookup: HeadedRows): JoinKey | undefined {
    let best: JoinKey | undefined;
    lookup.header.forEach((cell, lookupColumn) => {
      const name = normalizeHeader(cellText(cell));
      if (name === '') return;
      const dealColumn = this.header.findIndex((h) => normalizeHeader(cellText(h)) === name);
      if (dealColumn < 0) return;
      const key = matchKey(this.rows, dealColumn, lookup.rows, lookupColumn);
      if (key !== undefined && (best === undefined || key.matched > best.matched)) best = key;
    });
    return best;
  }

  private addColumns(lookup: HeadedRows, key: JoinKey): { index: number; header: string }[] {
    const taken = new Set(this.header.map((cell) => normalizeHeader(cellText(cell))));
    const added: { index: number; header: string }[] = [];
    lookup.header.forEach((cell, index) => {
      const text = cellText(cell).trim();
      if (index === key.lookupColumn || text === '' || taken.has(normalizeHeader(text))) return;
      const header = this.competes(text) ? `${lookup.grid.sheet} › ${text}` : text;
      taken.add(normalizeHeader(header));
      added.push({ index, header });
    });
    for (const { index, header } of added) {
      const values = this.rows.map((row, i) => {
        const found = key.found[i];
        return found === undefined ? null : (lookup.rows[found]?.[index] ?? null);
      });
      this.appendColumn(header, values);
      if (isRollup(values)) this.rollupRanks.push({ header, rank: this.keyRank(key.dealColumn) });
    }
    return added;
  }

  /** The roll-up columns, those of a rep's team first, then an account's, then the others. */
  get rollups(): string[] {
    return [...this.rollupRanks].sort((a, b) => a.rank - b.rank).map((entry) => entry.header);
  }

  private keyRank(dealColumn: number): number {
    const rank = ROLLUP_KEY_ORDER.findIndex((field) => this.fields.get(field) === dealColumn);
    return rank < 0 ? ROLLUP_KEY_ORDER.length : rank;
  }

  /**
   * Whether a lookup's header would be read as a deal field the deals already have (an account's
   * "revenue" as the deal's amount): such a column is named after its sheet, so the deals keep
   * their own.
   */
  private competes(header: string): boolean {
    const field = matchColumns([header], { kind: 'deal' }).matched[0]?.field;
    return field !== undefined && this.fields.has(field);
  }

  private appendColumn(header: string, values: CellValue[]): void {
    this.header.push(header);
    this.rows.forEach((row, i) => row.push(values[i] ?? null));
  }

  private warnKeys(lookup: HeadedRows, key: JoinKey, keyHeader: string): void {
    const place = { file: this.deals.grid.file, sheet: this.deals.grid.sheet, column: keyHeader };
    if (key.unmatched > 0)
      this.warnings.push({
        ...place,
        code: 'other',
        ...codedMessage('warning.joinKeyUnmatched', {
          key: keyHeader,
          count: key.unmatched,
          sheet: lookup.grid.sheet,
        }),
        action: 'row kept',
        count: key.unmatched,
      });
    const loose = new Map<string, string>();
    key.found.forEach((found, i) => {
      if (found === undefined) return;
      const typed = cellText(this.rows[i]![key.dealColumn]).trim();
      const listed = cellText(lookup.rows[found]![key.lookupColumn]).trim();
      if (typed !== listed) loose.set(typed, listed);
    });
    for (const [typed, listed] of loose)
      this.warnings.push({
        ...place,
        code: 'other',
        ...codedMessage('warning.joinKeyLoose', {
          key: keyHeader,
          typed,
          listed,
          sheet: lookup.grid.sheet,
        }),
        raw: typed,
        action: 'assumed',
      });
  }

  /** Open deals without an amount take the product's list price, marked in "Amount basis". */
  private valueAtListPrice(lookup: HeadedRows, key: JoinKey): void {
    const amount = this.fields.get('amount');
    const priceKeys = new Set(LIST_PRICE_HEADERS.map(normalizeHeader));
    const price = lookup.header.findIndex((cell) => priceKeys.has(normalizeHeader(cellText(cell))));
    if (amount === undefined || price < 0 || price === key.lookupColumn) return;
    const basis = this.rows.map((row, i): CellValue => {
      const found = key.found[i];
      const listPrice = found === undefined ? null : (lookup.rows[found]?.[price] ?? null);
      if (!isBlankCell(row[amount]) || isBlankCell(listPrice) || !this.isOpen(row)) return null;
      row[amount] = listPrice;
      return LIST_PRICE_BASIS;
    });
    this.valuedAtListPrice = basis.filter((cell) => cell !== null).length;
    if (this.valuedAtListPrice === 0) return;
    this.appendColumn(AMOUNT_BASIS_HEADER, basis);
    const column = cellText(this.header[amount]).trim();
    const priceHeader = cellText(lookup.header[price]).trim();
    this.warnings.push({
      file: this.deals.grid.file,
      sheet: this.deals.grid.sheet,
      column,
      code: 'missing-value',
      ...codedMessage('warning.valuedAtListPrice', {
        count: this.valuedAtListPrice,
        column,
        sheet: lookup.grid.sheet,
        price: priceHeader,
        basis: LIST_PRICE_BASIS,
        basisColumn: AMOUNT_BASIS_HEADER,
      }),
      action: 'assumed',
      count: this.valuedAtListPrice,
    });
  }

  /** Open: neither the status column nor the stage name says won or lost. */
  private isOpen(row: readonly CellValue[]): boolean {
    const statusColumn = this.fields.get('status');
    const status = statusColumn === undefined ? undefined : parseStatus(row[statusColumn] ?? null);
    if (status?.ok === true && (status.value === 'won' || status.value === 'lost')) return false;
    const stageColumn = this.fields.get('stage');
    const stage = stageColumn === undefined ? '' : cellText(row[stageColumn]);
    return terminalStatusOf(stage) === undefined;
  }
}

/**
 * The key between the deals' column and the lookup's: the lookup's non-blank values are unique
 * and the deals' non-blank values are found for at least half of them (arquero's lookup, on
 * the loose keys).
 */
function matchKey(
  dealRows: readonly CellValue[][],
  dealColumn: number,
  lookupRows: readonly CellValue[][],
  lookupColumn: number,
): JoinKey | undefined {
  const lookupKeys = lookupRows.map((row) => looseKey(row[lookupColumn] ?? null));
  const filled = lookupKeys.filter((key) => key !== '');
  if (filled.length === 0 || new Set(filled).size !== filled.length) return undefined;
  const dealKeys = dealRows.map((row) => looseKey(row[dealColumn] ?? null) || null);
  const listed = lookupKeys.flatMap((key, at) => (key === '' ? [] : [at]));
  const lookups = table({ key: listed.map((at) => lookupKeys[at]), at: listed });
  const joined = table({ key: dealKeys }).lookup(lookups, 'key', 'at');
  const found = Array.from(joined.array('at') as ArrayLike<number | undefined>, (at) =>
    at === undefined || at === null ? undefined : at,
  );
  const withKey = dealKeys.filter((key) => key !== null).length;
  const matched = found.filter((at) => at !== undefined).length;
  if (matched === 0 || matched * 2 < withKey) return undefined;
  return { dealColumn, lookupColumn, found, matched, unmatched: withKey - matched };
}

/** Text values, two to MAX_ROLLUP_VALUES of them: a column a manager groups deals by. */
function isRollup(values: readonly CellValue[]): boolean {
  const distinct = new Set<string>();
  for (const value of values) {
    if (isBlankCell(value)) continue;
    if (typeof value !== 'string' || !Number.isNaN(Number(value))) return false;
    distinct.add(value.trim().toLowerCase());
    if (distinct.size > MAX_ROLLUP_VALUES) return false;
  }
  return distinct.size >= 2;
}

function padded(row: readonly CellValue[], width: number): CellValue[] {
  const out = row.slice();
  while (out.length < width) out.push(null);
  return out;
}
