/**
 * A stage or category name reduced to what a user means by it, for matching.
 *
 * Formula: NFKC (full-width letters, digits and brackets become ASCII), lower case, a leading
 * ordinal such as "1." / "02 -" / "3、" dropped, then every space, punctuation and symbol removed.
 * So "Interest (customer analysis)", "interest（Customer Analysis）" and "1. Interest(customer
 * analysis)" all give "interestcustomeranalysis", and "兴趣（客户分析）" gives "兴趣客户分析".
 * Blank text gives "".
 *
 * @param text - the name as typed.
 * @returns the normalised key.
 * @example normalizeStageName('承诺（赢取承诺）') // '承诺赢取承诺'
 */
export function normalizeStageName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*\d{1,2}\s*[.、:\-)_]?\s*(?=\D)/u, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
