import type { DataWarning } from '../../core/index.js';

/**
 * The warnings a text report prints: the first `limit`, plus every "… and N more like this"
 * summary the cut would hide, since that line is the only one telling how large a repeated
 * problem is (2,416 repeated invoice numbers, not the 20 printed). The rest are counted for the
 * "… and N more (see --json)" line.
 *
 * @param warnings - All warnings, in the order they are listed.
 * @param limit - How many to print before summaries only.
 * @returns The warnings to print, in their order, and how many are left out.
 */
export function shownWarnings<W extends DataWarning>(
  warnings: readonly W[],
  limit: number,
): { shown: W[]; hidden: number } {
  const shown = warnings.filter((warning, index) => index < limit || isSummary(warning));
  return { shown, hidden: warnings.length - shown.length };
}

function isSummary(warning: DataWarning): boolean {
  return warning.code === 'more-warnings';
}
