/**
 * Longest column part of a breakdown's file name, in characters: 60 Chinese characters are 180
 * bytes of UTF-8, which with `abc-by-` and `.vl.json` stays under the 255 bytes Linux and macOS
 * allow a file name, and under Windows' 255 characters.
 */
const MAX_NAME_CHARS = 60;

/** Characters no file name may hold on Windows (the strictest): `\ / : * ? " < > |`. */
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|]/u;

/** Control characters and lone surrogates (not encodable in a UTF-8 file name). */
const CONTROL_OR_SURROGATE = /[\p{Cc}\p{Cs}]/u;

/**
 * A header as a piece of a file name: as the user typed it (Unicode letters and digits, `_`,
 * `-`, spaces and punctuation stay), with `_` only for what a file name cannot hold on Windows,
 * macOS or Linux: `\ / : * ? " < > |`, control characters, and dots or spaces at the end
 * (Windows drops those); cut to MAX_NAME_CHARS characters.
 *
 * @param text - the header text.
 * @returns the name piece: `区域` → `区域`, `sales_agent` → `sales_agent`, `a/b` → `a_b`.
 * @example fileNamePart('Stage: 2/3 ') // 'Stage_ 2_3_'
 */
export function fileNamePart(text: string): string {
  const chars = Array.from(text.normalize('NFC'), (char) =>
    UNSAFE_IN_FILE_NAMES.test(char) || CONTROL_OR_SURROGATE.test(char) ? '_' : char,
  ).slice(0, MAX_NAME_CHARS);
  for (let i = chars.length - 1; i >= 0 && (chars[i] === '.' || chars[i] === ' '); i -= 1)
    chars[i] = '_';
  return chars.join('');
}

/**
 * The id of a breakdown's table and chart, `<analysis>-by-<column>`, which names its CSV
 * (`forecast-by-区域.csv`) and chart files. A name another table or chart of the part already
 * has, compared as Windows and macOS compare file names (case and Unicode form ignored), gets
 * `-2`, `-3`…, so two columns that differ only in unsafe characters (`a/b`, `a:b`) or past the
 * cut keep one file each.
 *
 * @param analysis - the part's name: forecast, aging, abc.
 * @param column - the breakdown's column, as its table names it.
 * @param taken - the ids the part's tables and charts have.
 * @returns the id, unique among `taken`.
 * @example breakdownFileName('forecast', 'sales_agent', []) // 'forecast-by-sales_agent'
 */
export function breakdownFileName(
  analysis: string,
  column: string,
  taken: Iterable<string>,
): string {
  const fold = (name: string): string => name.normalize('NFC').toLowerCase();
  const used = new Set(Array.from(taken, fold));
  const base = `${analysis}-by-${fileNamePart(column)}`;
  let name = base;
  for (let n = 2; used.has(fold(name)); n += 1) name = `${base}-${n}`;
  return name;
}
