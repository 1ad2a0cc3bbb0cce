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
  for await (const chunk of pkg.streamText(part)) {
    buffer = buffer.length === 0 ? chunk : buffer + chunk;
    if (prefix === undefined) {
      prefix = rootPrefix(buffer);
      if (prefix === undefined) continue;
      siOpen = `<${prefix}si`;
      siClose = `</${prefix}si>`;
      tags = runTags(prefix);
      plainOpen = `<${prefix}t>`;
    }
    let pos = 0;
    for (;;) {
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
