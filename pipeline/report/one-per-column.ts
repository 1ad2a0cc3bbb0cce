/**
 * The breakdowns of one named column that are not shown yet, marking them shown: two names that
 * find the same sheet column ("Region" and 区域 through the header aliases, a header and its
 * letter) are one breakdown, shown where it was first named. The sheet column found (the
 * breakdown's `column`, one name per sheet column) is compared, not the text typed.
 *
 * @param group - the breakdowns one name made: one, or for an aging in several currencies one each.
 * @param shown - the columns shown so far; the group's columns are added.
 * @returns the group, or none when its column was shown already.
 */
export function notShownYet<T extends { column: string }>(
  group: readonly T[],
  shown: Set<string>,
): T[] {
  const fresh = group.filter((breakdown) => !shown.has(breakdown.column));
  for (const breakdown of fresh) shown.add(breakdown.column);
  return fresh;
}

/** Each named column's breakdowns once, in the order first named (see notShownYet). */
export function onePerColumn<T extends { column: string }>(groups: readonly (readonly T[])[]): T[] {
  const shown = new Set<string>();
  return groups.flatMap((group) => notShownYet(group, shown));
}
