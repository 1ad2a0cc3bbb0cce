/**
 * Names from cells (stages, customers, owners) as charts show them. A chart label is for
 * recognising a bar, not for reading a record: past {@link MAX_CHART_LABEL_CHARS} characters it
 * ends in an ellipsis, so a 10 MB cell cannot make a chart spec, its SVG or the report that embeds
 * it balloon. Tables keep the full text (cut only at Excel's cell limit).
 */

/** Characters (code points) a chart label keeps before its ellipsis. */
export const MAX_CHART_LABEL_CHARS = 40;

/** The ellipsis that ends a cut label. */
export const LABEL_ELLIPSIS = '…';

/**
 * A name cut to `max` characters, the last being an ellipsis; shorter names unchanged. Counts
 * code points, so a character outside the BMP (𠀀, an emoji) is never split in half.
 *
 * @param name - The name as typed.
 * @param max - Characters kept, ellipsis included. Default {@link MAX_CHART_LABEL_CHARS}.
 * @returns The label.
 * @example shortLabel('Interest (customer analysis)', 10) // 'Interest …'
 */
export function shortLabel(name: string, max: number = MAX_CHART_LABEL_CHARS): string {
  // Cheap test first: a string of at most max UTF-16 units has at most max code points.
  if (name.length <= max) return name;
  let kept = '';
  let count = 0;
  for (const char of name) {
    if (count === max - 1) return `${kept.trimEnd()}${LABEL_ELLIPSIS}`;
    kept += char;
    count += 1;
  }
  return name;
}

/**
 * Labels for names that must stay apart (bars keyed by their label): each cut with
 * {@link shortLabel}; a label that a cut made equal to an earlier one gets ` (2)`, ` (3)`… so two
 * long names with one beginning never merge into one bar.
 *
 * @param names - Distinct names, in chart order.
 * @param max - Characters kept before the suffix. Default {@link MAX_CHART_LABEL_CHARS}.
 * @returns One distinct label per name, in the same order.
 * @example shortUniqueLabels(['Acme North Holdings', 'Acme North Trading'], 11) // ['Acme North…', 'Acme North… (2)']
 */
export function shortUniqueLabels(
  names: readonly string[],
  max: number = MAX_CHART_LABEL_CHARS,
): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = shortLabel(name, max);
    let label = base;
    for (let n = 2; used.has(label); n += 1) label = `${base} (${n})`;
    used.add(label);
    return label;
  });
}
