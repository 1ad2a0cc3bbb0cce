import type { XlsxPackage } from './open-xlsx-package.js';
import { runTags, runsText } from './runs-text.js';
import { detachedString, rootPrefix } from './xml-text.js';

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
  for await (const chunk of pkg.streamText(part)) {
    buffer = buffer.length === 0 ? chunk : buffer + chunk;
    if (prefix === undefined) {
      prefix = rootPrefix(buffer);
      if (prefix === undefined) continue;
      siOpen = `<${prefix}si`;
      siClose = `</${prefix}si>`;
      tags = runTags(prefix);
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
      strings.push(detachedString(runsText(buffer, tagEnd + 1, close, tags)));
      pos = close + siClose.length;
    }
    buffer = buffer.slice(pos);
  }
  return strings;
}
