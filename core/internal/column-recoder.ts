import type { TextCodes } from './coded-text-column.js';
import { StringIndex } from './string-index.js';

/**
 * Recodes a coded text column (owner, region, product) into a StringIndex of trimmed texts, in the
 * order rows first name them.
 *
 * Why: the column's own codes keep raw cell texts ("Ann", " Ann"); groupings need the trimmed
 * ones, numbered in first-appearance order as coding every row's text would. Each distinct column
 * code is recoded once and remembered (`codeOf`, -1 until then), so a million rows cost a million
 * array reads, not a million trims and hash lookups.
 */
export class ColumnRecoder {
  readonly dictionary = new StringIndex();
  private readonly codeOf: Int32Array;

  constructor(readonly texts: TextCodes) {
    this.codeOf = new Int32Array(texts.dictionary.length).fill(-1);
  }

  /** Row `row`'s text, coded in `dictionary`. */
  codeOfRow(row: number): number {
    const columnCode = this.texts.codes[row]!;
    let code = this.codeOf[columnCode]!;
    if (code < 0) {
      const text = (this.texts.dictionary[columnCode] as string | undefined) ?? '';
      code = this.dictionary.intern(text.trim());
      this.codeOf[columnCode] = code;
    }
    return code;
  }
}
