import { decodeXmlText } from './xml-text.js';

/** Tag names of a string item's parts, with the document's namespace prefix. */
export interface RunTags {
  /** `<t` */
  tOpen: string;
  /** `</t>` */
  tClose: string;
  /** `<rPh` */
  rPhOpen: string;
  /** `</rPh>` */
  rPhClose: string;
}

export function runTags(prefix: string): RunTags {
  return {
    tOpen: `<${prefix}t`,
    tClose: `</${prefix}t>`,
    rPhOpen: `<${prefix}rPh`,
    rPhClose: `</${prefix}rPh>`,
  };
}

/**
 * The text Excel shows for a string item (`<si>` or `<is>`) spanning `xml[start, end)`: the
 * `<t>` of a plain string, or the `<t>` of every rich-text run `<r>` joined. Phonetic guides
 * (`<rPh>`, furigana above Japanese text) are not part of the cell's text and are skipped.
 */
export function runsText(xml: string, start: number, end: number, tags: RunTags): string {
  // Searching a slice keeps every indexOf inside this item (a miss would scan the whole chunk).
  const item = xml.slice(start, end);
  const itemEnd = item.length;
  let text = '';
  let pieces = 0;
  let pos = 0;
  let phonetic = item.indexOf(tags.rPhOpen);
  for (;;) {
    const open = item.indexOf(tags.tOpen, pos);
    if (open < 0) break;
    if (phonetic >= 0 && open > phonetic) {
      const phoneticEnd = item.indexOf(tags.rPhClose, phonetic);
      if (phoneticEnd < 0) break;
      pos = phoneticEnd + tags.rPhClose.length;
      phonetic = item.indexOf(tags.rPhOpen, pos);
      continue;
    }
    const after = item.charCodeAt(open + tags.tOpen.length);
    // `<t` must be the whole tag name (not `<text…`): next is `>`, `/` or white space.
    if (
      after !== 62 &&
      after !== 47 &&
      after !== 32 &&
      after !== 9 &&
      after !== 10 &&
      after !== 13
    ) {
      pos = open + 1;
      continue;
    }
    const tagEnd = item.indexOf('>', open);
    if (tagEnd < 0) break;
    if (item.charCodeAt(tagEnd - 1) === 47 /* / */) {
      pos = tagEnd + 1;
      continue;
    }
    const close = item.indexOf(tags.tClose, tagEnd);
    const contentEnd = close < 0 ? itemEnd : close;
    const piece = item.slice(tagEnd + 1, contentEnd);
    text = pieces === 0 ? piece : text + piece;
    pieces += 1;
    pos = contentEnd + tags.tClose.length;
  }
  return decodeXmlText(text);
}
