import { op, table } from 'arquero';
import { cellText, type CellValue } from '../../core/columns/cell-value.js';
import { fromMinorUnits } from '../../core/columns/money.js';
import type { BreakdownRow } from '../../core/tables/breakdown-rows.js';
import { breakdownKey, sortBreakdownRows } from '../../core/tables/breakdown-rows.js';

/**
 * breakdownRows written the plain way, as the issue first put it: each included record's folded
 * key in a column beside its measures, arquero's groupby and rollup (count, sums), each group
 * labelled with the first text typed for it. The core's single-pass version must give the same
 * rows.
 */
export function arqueroBreakdownRows<M extends string>(
  keyOf: (i: number) => CellValue | undefined,
  included: ArrayLike<number>,
  measures: Readonly<Record<M, ArrayLike<number>>>,
  scale: number,
  counts: ReadonlySet<string> = new Set(),
): BreakdownRow<M>[] {
  const names = Object.keys(measures) as M[];
  const labelOf = new Map<string, string | null>();
  const columns: Record<string, unknown[]> = { key: [] };
  for (const name of names) columns[name] = [];
  for (let i = 0; i < included.length; i += 1) {
    if (included[i] !== 1) continue;
    const text = cellText(keyOf(i)).trim();
    const key = text === '' ? '' : breakdownKey(text);
    if (!labelOf.has(key)) labelOf.set(key, text === '' ? null : text);
    columns.key!.push(key);
    for (const name of names) {
      const value = measures[name][i] as number;
      columns[name]!.push(Number.isNaN(value) ? 0 : value);
    }
  }
  const rollups: Record<string, unknown> = { count: op.count() };
  for (const name of names) rollups[name] = op.sum(name);
  const grouped = table(columns)
    .groupby('key')
    .rollup(rollups as Parameters<ReturnType<typeof table>['rollup']>[0]);
  const rows = (grouped.objects() as Record<string, number | string>[]).map((group) => {
    const row: Record<string, unknown> = {
      key: labelOf.get(group.key as string),
      count: group.count,
    };
    for (const name of names)
      row[name] = counts.has(name) ? group[name] : fromMinorUnits(group[name] as number, scale);
    return row as BreakdownRow<M>;
  });
  return sortBreakdownRows(rows, names[0]);
}
