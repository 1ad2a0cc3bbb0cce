import { normalizeHeader } from '../columns/normalize-header.js';
import type { Customer } from '../columns/records.js';
import type { ScorecardCriterion, ScorecardItem } from '../segments/scorecard.js';
import type { PipecastErrorPlace } from '../errors/pipecast-error.js';
import { codedError } from '../errors/error-line.js';
import { sheetHead } from './read-sheet-records.js';
import type { SheetGrid } from './sheet-grid.js';

/**
 * A customer list as scorecard items: every extra column plus the named numeric fields, keyed
 * by their normalised header, so criteria name columns as users type them (case-, space- and
 * punctuation-insensitive, English or Chinese) through the same normalisation as the columns.
 *
 * @param customers - the customer list (not mutated).
 * @returns one item per customer, in list order.
 */
export function scorecardItemsOf(customers: readonly Customer[]): ScorecardItem[] {
  return customers.map((customer) => ({
    id: customer.id,
    ...(customer.name === undefined ? {} : { name: customer.name }),
    row: customer.row,
    values: {
      ...Object.fromEntries(
        Object.entries(customer.extra).map(([header, value]) => [normalizeHeader(header), value]),
      ),
      ...(customer.potential === undefined ? {} : { potential: customer.potential }),
      ...(customer.share === undefined ? {} : { share: customer.share }),
      ...(customer.revenue === undefined ? {} : { revenue: customer.revenue }),
      ...(customer.margin === undefined ? {} : { margin: customer.margin }),
      ...(customer.target === undefined ? {} : { target: customer.target }),
    },
  }));
}

/** Criteria with their column normalised the way scorecardItemsOf keys the values. */
export function normalizedCriteria(criteria: readonly ScorecardCriterion[]): ScorecardCriterion[] {
  return criteria.map((criterion) => ({
    ...criterion,
    column: normalizeHeader(criterion.column ?? criterion.name),
  }));
}

/**
 * Refuses a criterion whose column the customer list lacks, or whose column holds no numbers,
 * before any customer is scored: a misspelt name would otherwise score every customer 1 on it.
 *
 * @param criteria - the criteria, their columns normalised (normalizedCriteria).
 * @param items - the customers as scorecardItemsOf gives them.
 * @param headers - the customer list's column headers as typed, for the message.
 * @param fields - normalised header → the customer field it was read as ("purchasepotential" →
 *   "potential"), which is how the items key those columns.
 * @param place - the file and sheet read, put on the error.
 * @throws PipecastError naming the column and listing the list's columns.
 * @example checkCriteriaColumns(normalizedCriteria([{ name: 'Potentail', weight: 100 }]), items, ['Customer', 'Potential'])
 *   // throws: scorecard: no column "Potentail" (columns: Customer, Potential)
 */
export function checkCriteriaColumns(
  criteria: readonly ScorecardCriterion[],
  items: readonly ScorecardItem[],
  headers: readonly string[],
  fields: ReadonlyMap<string, string> = new Map(),
  place: PipecastErrorPlace = {},
): void {
  const numeric = new Set(items.flatMap((item) => Object.keys(item.values)));
  for (const criterion of criteria) {
    const column = criterion.column ?? normalizeHeader(criterion.name);
    if (items.some((item) => typeof item.values[column] === 'number')) continue;
    const typed = headers.find((header) => normalizeHeader(header) === column);
    const keyOf = (header: string): string =>
      fields.get(normalizeHeader(header)) ?? normalizeHeader(header);
    const numbered = headers.filter((header) => numeric.has(keyOf(header)));
    if (typed === undefined && !numeric.has(column))
      throw codedError('missing-column', place, 'error.scorecardNoColumn', {
        column: criterion.name,
        columns: headers.join(', ') || '–',
      });
    throw codedError('missing-column', place, 'error.scorecardTextColumn', {
      column: typed ?? criterion.name,
      columns: numbered.join(', ') || '–',
    });
  }
}

/**
 * The customer list's column headers as typed: each source sheet's header row, else (records
 * given directly) the fields and extra columns the customers carry.
 */
export function customerListHeaders(
  sources: readonly { grid: SheetGrid; headerRow: number | null }[],
  customers: readonly Customer[],
): string[] {
  const headers = new Set<string>();
  for (const source of sources) {
    if (source.headerRow === null) continue;
    // headerRow is the header's 1-based row number.
    const row = sheetHead(source.grid, source.headerRow)[source.headerRow - 1] ?? [];
    for (const cell of row)
      if (cell !== null && String(cell).trim() !== '') headers.add(String(cell).trim());
  }
  if (headers.size > 0) return [...headers];
  for (const customer of customers) {
    for (const [field, value] of Object.entries(customer))
      if (field !== 'extra' && field !== 'row' && value !== undefined) headers.add(field);
    for (const header of Object.keys(customer.extra)) headers.add(header);
  }
  return [...headers];
}
