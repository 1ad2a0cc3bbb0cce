import type { CellValue } from '../columns/cell-value.js';
import { compareIds } from '../columns/compare-ids.js';
import { fromMinorUnits } from '../columns/money.js';
import type { CellCodes } from '../internal/sheet-column-codes.js';
import { breakdownKeyText } from './breakdown-key-text.js';

/**
 * One group of a breakdown: the key as first typed (null for blank; a date as `2026-07-28`, see
 * breakdownKeyText), a count and sums.
 */
export type BreakdownRow<M extends string> = { key: string | null; count: number } & Record<
  M,
  number
>;

/**
 * How keys are compared: Unicode NFKC (full-width → half-width), lower case, runs of spaces as
 * one, trimmed; so "Beijing", "ＢＥＩＪＩＮＧ " and "beijing" are one group.
 */
export function breakdownKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Sums of money per key over integer minor units, so every group's sum is exact and the groups
 * add up to the overall total. Blank keys form one group (key null). Rows come largest first by
 * `sortBy` (default the first measure), then by key.
 *
 * The records come with their key cells as codes into the distinct cells (a sheet column coded
 * once, see SourceColumns.codes; or codeCells): one pass over typed arrays sums each record into
 * its code's slot, then each distinct cell is folded to its key once and the slots of cells that
 * fold together are added up. arquero's groupby/rollup gives the same rows
 * (test/reference/arquero-breakdown-rows.ts, checked against this on random records) but builds
 * a table and calls an aggregate per record, about ten times the time on a million deals. On the
 * breakdown bench (bench/breakdown.ts: 1,048,576 deals by a column of 1,000 texts, CPU time on a
 * busy 2-core machine) a forecast breakdown by a coded column takes about 25-35 ms, where hashing
 * each deal's cell instead took about 85 ms, against DuckDB's 65 ms for its GROUP BY; the first
 * breakdown by a column, which codes it, about 120 ms.
 *
 * @param keys - record i's key cell is `keys.dictionary[keys.codes[i]]`.
 * @param included - which records count (1) and which do not (0).
 * @param measures - per measure name, each record's amount in minor units (NaN adds nothing).
 * @param scale - minor units per unit of money.
 * @param counts - measures that are counts, not money: summed as they are.
 * @param sortBy - the measure the rows are ordered by, largest first.
 */
export function breakdownRows<M extends string>(
  keys: CellCodes,
  included: ArrayLike<number>,
  measures: Readonly<Record<M, ArrayLike<number>>>,
  scale: number,
  counts: ReadonlySet<string> = new Set(),
  sortBy: NoInfer<M> | undefined = Object.keys(measures)[0] as M | undefined,
): BreakdownRow<M>[] {
  const names = Object.keys(measures) as M[];
  const { codes, dictionary } = keys;
  const { count, firstAt } = countPerCode(codes, included, dictionary.length);
  const { groupOf, labels } = foldCells(dictionary, count, firstAt);
  const groupCount = addUpGroups(count, groupOf, labels.length);
  const groupSums = names.map((name) =>
    addUpGroups(
      sumPerCode(codes, included, measures[name], dictionary.length),
      groupOf,
      labels.length,
    ),
  );
  const rows = labels.map((key, g) => {
    const row: Record<string, unknown> = { key, count: groupCount[g] };
    names.forEach((name, m) => {
      const sum = (groupSums[m] as Float64Array)[g] as number;
      row[name] = counts.has(name) ? sum : fromMinorUnits(sum, scale);
    });
    return row as BreakdownRow<M>;
  });
  return sortBreakdownRows(rows, sortBy);
}

/** Largest first by the measure, then by key (blank last): the order every breakdown lists. */
export function sortBreakdownRows<M extends string>(
  rows: BreakdownRow<M>[],
  first: M | undefined,
): BreakdownRow<M>[] {
  return rows.sort(
    (a, b) =>
      (first === undefined ? 0 : b[first] - a[first]) ||
      compareIds(a.key ?? '\uffff', b.key ?? '\uffff'),
  );
}

/** Per code: how many included records have it, and the first of them (its label's record). */
function countPerCode(
  codes: Int32Array,
  included: ArrayLike<number>,
  size: number,
): { count: Float64Array; firstAt: Int32Array } {
  const count = new Float64Array(size);
  const firstAt = new Int32Array(size);
  for (let i = 0; i < included.length; i += 1) {
    if (included[i] !== 1) continue;
    const code = codes[i] as number;
    const seen = count[code] as number;
    if (seen === 0) firstAt[code] = i;
    count[code] = seen + 1;
  }
  return { count, firstAt };
}

/**
 * One measure's sum per code over the included records. A pass per measure, not all measures
 * in one pass: the loop stays free of an inner loop over the measures (measured on a million
 * records with two measures: about a third less CPU time).
 */
function sumPerCode(
  codes: Int32Array,
  included: ArrayLike<number>,
  values: ArrayLike<number>,
  size: number,
): Float64Array {
  const sums = new Float64Array(size);
  for (let i = 0; i < included.length; i += 1) {
    if (included[i] !== 1) continue;
    const value = values[i] as number;
    // Whole minor units below 2^53 add exactly in doubles, in any order.
    if (value === value) {
      const code = codes[i] as number;
      sums[code] = (sums[code] as number) + value;
    }
  }
  return sums;
}

/**
 * Each counted code's group (cells whose texts fold to one key share it) and each group's label:
 * the text of the group's first included record, so codes are visited in that order.
 */
function foldCells(
  dictionary: readonly CellValue[],
  count: Float64Array,
  firstAt: Int32Array,
): { groupOf: Int32Array; labels: (string | null)[] } {
  const groupOf = new Int32Array(dictionary.length).fill(-1);
  const labels: (string | null)[] = [];
  const groupOfKey = new Map<string, number>();
  const counted: number[] = [];
  for (let code = 0; code < dictionary.length; code += 1) if (count[code]! > 0) counted.push(code);
  counted.sort((a, b) => firstAt[a]! - firstAt[b]!);
  for (const code of counted) {
    const text = breakdownKeyText(dictionary[code]).trim();
    const key = text === '' ? '' : breakdownKey(text);
    let group = groupOfKey.get(key);
    if (group === undefined) {
      group = labels.length;
      groupOfKey.set(key, group);
      labels.push(text === '' ? null : text);
    }
    groupOf[code] = group;
  }
  return { groupOf, labels };
}

/** Per group, the sum of its codes' values (codes in no group, -1, were not counted). */
function addUpGroups(perCode: Float64Array, groupOf: Int32Array, groups: number): Float64Array {
  const perGroup = new Float64Array(groups);
  for (let code = 0; code < perCode.length; code += 1) {
    const group = groupOf[code] as number;
    if (group >= 0) perGroup[group] = (perGroup[group] as number) + (perCode[code] as number);
  }
  return perGroup;
}
