import { op, table, type ColumnTable } from 'arquero';
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
 * Sums of money per key, with arquero's groupby and rollup over integer minor units, so every
 * group's sum is exact and the groups add up to the overall total. Blank keys form one group
 * (key null). Rows come largest first by the first measure, then by key.
 *
 * @param keyOf - record i's key cell.
 * @param included - which records count (1) and which do not (0).
 * @param measures - per measure name, each record's amount in minor units (NaN adds nothing).
 * @param scale - minor units per unit of money.
 * @param counts - measures that are counts, not money: summed as they are.
 */
export function breakdownRows<M extends string>(
  keyOf: (i: number) => CellValue | undefined,
  included: ArrayLike<number>,
  measures: Readonly<Record<M, ArrayLike<number>>>,
  scale: number,
  counts: ReadonlySet<string> = new Set(),
): BreakdownRow<M>[] {
  const names = Object.keys(measures) as M[];
  const { codes, labels, size } = keyCodes(keyOf, included);
  const columns: Record<string, Int32Array | Float64Array> = { code: codes };
  for (const name of names) {
    const source = measures[name];
    const minor = new Float64Array(size);
    let k = 0;
    for (let i = 0; i < included.length; i += 1) {
      if (included[i] !== 1) continue;
      const value = source[i] as number;
      minor[k++] = value === value ? value : 0;
    }
    columns[name] = minor;
  }
  // Typed as arquero's expression object; op.sum's declared result type is the row's value.
  const rollups: Parameters<ColumnTable['rollup']>[0] = { count: op.count() };
  for (const name of names) Object.assign(rollups as object, { [name]: op.sum(name) });
  const grouped = table(columns).groupby('code').rollup(rollups);
  const code = grouped.array('code') as ArrayLike<number>;
  const count = grouped.array('count') as ArrayLike<number>;
  const sums = names.map((name) => grouped.array(name) as ArrayLike<number>);
  const rows: BreakdownRow<M>[] = [];
  for (let g = 0; g < grouped.numRows(); g += 1) {
    const row: Record<string, unknown> = { key: labels[code[g] as number], count: count[g] };
    names.forEach((name, m) => {
      const sum = sums[m]?.[g] as number;
      row[name] = counts.has(name) ? sum : fromMinorUnits(sum, scale);
    });
    rows.push(row as BreakdownRow<M>);
  }
  const first = names[0];
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
