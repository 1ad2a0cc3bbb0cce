import type { CellValue } from '../columns/cell-value.js';
import { cellText } from '../columns/cell-value.js';
import { compareIds } from '../columns/compare-ids.js';
import { fromMinorUnits } from '../columns/money.js';

/** One group of a breakdown: the key as first typed (null for blank), a count and sums. */
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
 * The records are summed into one slot per group in a single pass over typed arrays: arquero's
 * groupby/rollup gives the same rows (test/reference/arquero-breakdown-rows.ts, checked against
 * this on random records) but builds a table and calls an aggregate per record, about ten times
 * the time on a million deals (bench/breakdown.ts).
 *
 * @param keyOf - record i's key cell.
 * @param included - which records count (1) and which do not (0).
 * @param measures - per measure name, each record's amount in minor units (NaN adds nothing).
 * @param scale - minor units per unit of money.
 * @param counts - measures that are counts, not money: summed as they are.
 * @param sortBy - the measure the rows are ordered by, largest first.
 */
export function breakdownRows<M extends string>(
  keyOf: (i: number) => CellValue | undefined,
  included: ArrayLike<number>,
  measures: Readonly<Record<M, ArrayLike<number>>>,
  scale: number,
  counts: ReadonlySet<string> = new Set(),
  sortBy: NoInfer<M> | undefined = Object.keys(measures)[0] as M | undefined,
): BreakdownRow<M>[] {
  const names = Object.keys(measures) as M[];
  const { codes, labels } = keyCodes(keyOf, included);
  const groupCount = new Float64Array(labels.length);
  const sums = names.map(() => new Float64Array(labels.length));
  const sources = names.map((name) => measures[name]);
  let k = 0;
  for (let i = 0; i < included.length; i += 1) {
    if (included[i] !== 1) continue;
    const code = codes[k++] as number;
    groupCount[code] = (groupCount[code] as number) + 1;
    for (let m = 0; m < sources.length; m += 1) {
      const value = (sources[m] as ArrayLike<number>)[i] as number;
      // Whole minor units below 2^53 add exactly in doubles, in any order.
      if (value === value) {
        const sum = sums[m] as Float64Array;
        sum[code] = (sum[code] as number) + value;
      }
    }
  }
  const rows = labels.map((key, g) => {
    const row: Record<string, unknown> = { key, count: groupCount[g] };
    names.forEach((name, m) => {
      const sum = (sums[m] as Float64Array)[g] as number;
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

/** Each included record's group code, and each group's label (the first text typed). */
function keyCodes(
  keyOf: (i: number) => CellValue | undefined,
  included: ArrayLike<number>,
): { codes: Int32Array; labels: (string | null)[]; size: number } {
  let size = 0;
  for (let i = 0; i < included.length; i += 1) size += included[i] === 1 ? 1 : 0;
  const codes = new Int32Array(size);
  const labels: (string | null)[] = [];
  const codeOfKey = new Map<string, number>();
  // Cells repeat: remember each distinct cell's code so each text is normalised once.
  const codeOfCell = new Map<CellValue | undefined, number>();
  let k = 0;
  for (let i = 0; i < included.length; i += 1) {
    if (included[i] !== 1) continue;
    const cell = keyOf(i);
    let code = codeOfCell.get(cell);
    if (code === undefined) {
      const text = cellText(cell).trim();
      const key = text === '' ? '' : breakdownKey(text);
      code = codeOfKey.get(key);
      if (code === undefined) {
        code = labels.length;
        codeOfKey.set(key, code);
        labels.push(text === '' ? null : text);
      }
      codeOfCell.set(cell, code);
    }
    codes[k++] = code;
  }
  return { codes, labels, size };
}
