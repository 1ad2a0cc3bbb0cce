import type { XlsxPackage } from './open-xlsx-package.js';
import { runTags, runsText } from './runs-text.js';
import type { RunTags } from './runs-text.js';
import { decodeXmlText, detachedString, rootPrefix } from './xml-text.js';

/**
 * Reads the shared string table (`sharedStrings.xml`) as the texts Excel shows, in index order,
 * streaming the part so only the strings themselves are held, never the whole XML.
 *
 * Rich-text items give their runs' text joined; phonetic runs (`<rPh>`) are left out.
 */
export async function readSharedStrings(pkg: XlsxPackage, part: string): Promise<string[]> {
  const strings: string[] = [];
  let buffer = '';
  let prefix: string | undefined;
  let siOpen = '<si';
  let siClose = '</si>';
  let tags = runTags('');
  let plainOpen = '<t>';
  let plainItemOpen = '<si><t>';
  let plainItemClose = '</t></si>';
  for await (const chunk of pkg.streamText(part)) {
    buffer = buffer.length === 0 ? chunk : buffer + chunk;
    if (prefix === undefined) {
      prefix = rootPrefix(buffer);
      if (prefix === undefined) continue;
      siOpen = `<${prefix}si`;
      siClose = `</${prefix}si>`;
      tags = runTags(prefix);
      plainOpen = `<${prefix}t>`;
      plainItemOpen = `<${prefix}si><${prefix}t>`;
      plainItemClose = `</${prefix}t></${prefix}si>`;
    }
    let pos = 0;
    for (;;) {
      // Most items are `<si><t>text</t></si>` right after the previous one: read those with one
      // search for the text's end.
      if (buffer.startsWith(plainItemOpen, pos)) {
        const textStart = pos + plainItemOpen.length;
        const textEnd = buffer.indexOf('<', textStart);
        if (textEnd >= 0 && buffer.startsWith(plainItemClose, textEnd)) {
          strings.push(plainText(buffer.slice(textStart, textEnd)));
          pos = textEnd + plainItemClose.length;
          continue;
        }
      }
      const open = buffer.indexOf(siOpen, pos);
      if (open < 0) {
        pos = Math.max(pos, buffer.length - siOpen.length);
        break;
      }
      const tagEnd = buffer.indexOf('>', open);
      if (tagEnd < 0) {
        pos = open;
        break;
      }
      if (buffer.charCodeAt(tagEnd - 1) === 47 /* <si/> */) {
        strings.push('');
        pos = tagEnd + 1;
        continue;
      }
      const close = buffer.indexOf(siClose, tagEnd);
      if (close < 0) {
        pos = open;
        break;
      }
      strings.push(detachedString(itemText(buffer, tagEnd + 1, close, tags, plainOpen)));
      pos = close + siClose.length;
    }
    buffer = buffer.slice(pos);
  }
  return strings;
}

/**
 * A plain item's text, kept as a slice of the chunk when nothing needs decoding: unlike a cell's
 * value, shared strings keep nearly all of their chunk anyway (the markup around a plain item is
 * 16 bytes), so a copy would cost time and save little memory.
 */
function plainText(raw: string): string {
  return raw.includes('&') || raw.includes('_x') || raw.includes('\r')
    ? detachedString(decodeXmlText(raw))
    : raw;
}

/** The common case `<si><t>text</t></si>` without the general run walk. */
function itemText(
  xml: string,
  start: number,
  end: number,
  tags: RunTags,
  plainOpen: string,
): string {
  const textStart = start + plainOpen.length;
  if (
    xml.startsWith(plainOpen, start) &&
    xml.startsWith(tags.tClose, end - tags.tClose.length) &&
    xml.lastIndexOf('<', end - tags.tClose.length - 1) < textStart
  ) {
    return decodeXmlText(xml.slice(textStart, end - tags.tClose.length));
  }
  return runsText(xml, start, end, tags);
}
