/**
 * The form in which headers and aliases are compared: Unicode NFKC (full-width → half-width),
 * lower case, and only letters and digits kept, so "Close Date", "close_date", "ＣＬＯＳＥ－ＤＡＴＥ"
 * and "预计成交日期 " all compare by their words alone.
 *
 * @param text header text as typed
 * @returns the comparison key ('' for a header with no letters or digits)
 * @throws nothing
 * @example normalizeHeader('Opportunity_ID') // 'opportunityid'
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The header without a bracketed note, for a second matching attempt: "Amount (USD)" → "Amount",
 * "金额（万元）" → "金额". Returns undefined when there is no bracketed part.
 */
export function stripBracketedNote(text: string): string | undefined {
  const stripped = text
    .normalize('NFKC')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .trim();
  return stripped !== text.normalize('NFKC').trim() && stripped !== '' ? stripped : undefined;
}
