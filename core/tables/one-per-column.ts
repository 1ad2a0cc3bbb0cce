/**
 * The breakdowns of one named column that are not shown yet, marking them shown: two names that
 * find the same sheet column ("Region" and 区域 through the header aliases, a header and its
 * letter) are one breakdown, shown where it was first named. The sheet column found (the
 * breakdown's `columnIndex`) is compared, not the text typed nor the header: two columns headed
 * alike are two breakdowns.
 *
 * @param group - the breakdowns one name made: one, or for an aging in several currencies one each.
 * @param shown - the columns shown so far; the group's columns are added.
 * @returns the group, or none when its column was shown already.
 */
export function notShownYet<T extends { columnIndex: number }>(
  group: readonly T[],
  shown: Set<number>,
): T[] {
  const fresh = group.filter((breakdown) => !shown.has(breakdown.columnIndex));
  for (const breakdown of fresh) shown.add(breakdown.columnIndex);
  return fresh;
}

/** Each named column's breakdowns once, in the order first named (see notShownYet). */
export function onePerColumn<T extends { columnIndex: number }>(
  groups: readonly (readonly T[])[],
): T[] {
  const shown = new Set<number>();
  return groups.flatMap((group) => notShownYet(group, shown));
}
