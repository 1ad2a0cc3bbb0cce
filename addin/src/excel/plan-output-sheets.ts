import type { OutputAnalysis, OutputSheet } from '../results/output-model.js';
import type { WorkbookSheet } from './owned-sheets.js';
import { freeSheetName } from './owned-sheets.js';

export interface OutputSheetTarget {
  analysis: OutputAnalysis;
  name: string;
  /** Where the sheet it replaces stood (after the deletions), or null to add it at the end. */
  position: number | null;
}

export interface OutputSheetPlan {
  /** The add-in's own sheets of the analyses being written: replaced. */
  deletions: WorkbookSheet[];
  targets: OutputSheetTarget[];
  /** Output sheets of other analyses, which stay. */
  kept: WorkbookSheet[];
}

/**
 * Which sheets a run replaces and what the new ones are called. Only sheets marked as the
 * add-in's output of an analysis being written are deleted; every other sheet stays as it is,
 * and a new sheet never takes the name of one that stays (it becomes "Pipecast Forecast (2)").
 * An output sheet the user renamed keeps the user's name; one with a default name (in either
 * language) takes the default of the pane's language.
 *
 * @param outputs - the sheets to write, with their default names.
 * @param sheets - the workbook's sheets with their markers.
 * @param defaultNames - every default output name in every language.
 */
export function planOutputSheets(
  outputs: readonly OutputSheet[],
  sheets: readonly WorkbookSheet[],
  defaultNames: readonly string[],
): OutputSheetPlan {
  const writing = new Set(outputs.map((o) => o.analysis));
  const deletions = sheets.filter((s) => s.owner !== null && writing.has(s.owner));
  const kept = sheets.filter((s) => s.owner !== null && !writing.has(s.owner));
  const remaining = sheets.filter((s) => !deletions.includes(s));
  const taken = remaining.map((s) => s.name);
  const isDefault = (name: string) =>
    defaultNames.some((d) => name === d || name.startsWith(`${d} (`));
  const targets = outputs.map((output): OutputSheetTarget => {
    const old = deletions.find((s) => s.owner === output.analysis);
    const wanted = old !== undefined && !isDefault(old.name) ? old.name : output.name;
    const name = freeSheetName(wanted, taken);
    taken.push(name);
    const position =
      old === undefined
        ? null
        : old.position - deletions.filter((d) => d.position < old.position).length;
    return { analysis: output.analysis, name, position };
  });
  return { deletions, targets, kept };
}
