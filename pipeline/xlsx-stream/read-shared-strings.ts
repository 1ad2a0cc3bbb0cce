import { Buffer } from 'node:buffer';
import type { XlsxPackage } from './open-xlsx-package.js';
import { runTags, runsText } from './runs-text.js';
import type { RunTags } from './runs-text.js';
import { SharedStrings } from './shared-strings.js';
import { decodeXmlText, rootPrefix } from './xml-text.js';
import { EXCEL_MAX_CELL_CHARS } from '../../core/readers/index.js';
import { cellTooLong, SheetLimitError, withFile } from './excel-limits.js';

const LT = 60;
const GT = 62;
const SLASH = 47;
const AMPERSAND = 38;
const UNDERSCORE = 95;
const CR = 13;
const NO_BYTES = Buffer.alloc(0);

/**
 * Reads the shared string table (`sharedStrings.xml`) as the texts Excel shows, in index order,
 * streaming the part so only the strings themselves are held, never the whole XML.
 *
 * Rich-text items give their runs' text joined; phonetic runs (`<rPh>`) are left out.
 */
export async function readSharedStrings(pkg: XlsxPackage, part: string): Promise<SharedStrings> {
  const reader = new SharedStringsReader(pkg.partBytes(part));
  try {
    for await (const chunk of pkg.streamByteChunks(part)) reader.push(chunk);
  } catch (error) {
    throw withFile(error, pkg.file);
  }
  return reader.strings;
}

/**
 * The most bytes of XML one shared string may take: its text is at most 32,767 characters, but
 * rich-text runs with their formatting may take a hundred bytes per character. An item longer
 * is refused rather than held, since each chunk of it is joined to all the bytes before it.
 */
const MAX_ITEM_XML_BYTES = 16 * 1024 * 1024;

/**
 * The shared strings of inflated sharedStrings.xml bytes fed in chunks cut anywhere (even inside
 * a character). It works on the bytes, as SheetRowScanner does: markup is ASCII, so items are
 * found without decoding the XML, and each item's text is decoded on its own into a fresh string
 * (no string of the whole chunk is made, and none is kept alive by the strings cut from it).
 */
class SharedStringsReader {
  strings = new SharedStrings();

  /** @param partBytes - the part's size, to guess the items' length from their count. */
  constructor(private readonly partBytes: number | undefined) {}

  private tail: Buffer = NO_BYTES;
  private prefixKnown = false;
  private siOpen = Buffer.from('<si');
  private siClose = Buffer.from('</si>');
  private plainItemOpen = Buffer.from('<si><t>');
  private plainItemClose = Buffer.from('</t></si>');
  private plainOpen = '<t>';
  private tags: RunTags = runTags('');
  /** Where the next `&`, `_` and CR are at or after the current item (-1: none in the chunk). */
  private nextAmpersand = -1;
  private nextUnderscore = -1;
  private nextCr = -1;

  push(chunk: Buffer): void {
    let rest = chunk;
    if (this.tail.length > MAX_ITEM_XML_BYTES) {
      throw new SheetLimitError(
        `shared string ${this.strings.length} is more than ${MAX_ITEM_XML_BYTES / (1024 * 1024)} MB of XML`,
      );
    }
    if (!this.prefixKnown) {
      rest = this.tail.length === 0 ? chunk : Buffer.concat([this.tail, chunk]);
      this.tail = NO_BYTES;
      if (!this.detectPrefix(rest)) {
        this.tail = Buffer.from(rest);
        return;
      }
    }
    if (this.tail.length > 0) {
      // The item cut by the chunk boundary is joined with only as much of this chunk as ends
      // it, not the whole chunk: a fresh chunk-sized buffer per chunk costs more than the copy.
      const close = chunk.indexOf(this.siClose);
      const cut = close < 0 ? chunk.length : close + this.siClose.length;
      const head = Buffer.concat([this.tail, chunk.subarray(0, cut)]);
      const read = this.readItems(head);
      rest = chunk.subarray(cut);
      if (read < head.length) rest = Buffer.concat([head.subarray(read), rest]);
    }
    const pos = this.readItems(rest);
    // A copy: the caller may reuse its chunk's memory.
    this.tail = pos >= rest.length ? NO_BYTES : Buffer.from(rest.subarray(pos));
  }

  private detectPrefix(buf: Buffer): boolean {
    // The root element's name is ASCII; latin1 keeps any other byte as one character.
    const head = buf.toString('latin1');
    const prefix = rootPrefix(head);
    if (prefix === undefined) return false;
    // The root's uniqueCount sizes the table (a hint: only room is made from it).
    const unique = /uniqueCount="(\d+)"/.exec(head.slice(0, 4096));
    if (unique !== null) {
      // `<si/>`, the shortest item, is 5 bytes: a count the part cannot hold is not believed.
      const count = Math.min(Number(unique[1]), (this.partBytes ?? Infinity) / 5);
      // `<si><t>…</t></si>` is 16 bytes of markup around each item's (mostly one-byte) text.
      const perItem = this.partBytes === undefined ? 8 : this.partBytes / Math.max(1, count) - 16;
      this.strings = new SharedStrings(count, Math.max(4, perItem * 1.1));
    }
    const p = Buffer.from(prefix, 'latin1');
    this.prefixKnown = true;
    this.siOpen = Buffer.concat([Buffer.from('<'), p, Buffer.from('si')]);
    this.siClose = Buffer.concat([Buffer.from('</'), p, Buffer.from('si>')]);
    this.plainItemOpen = Buffer.concat([this.siOpen, Buffer.from('><'), p, Buffer.from('t>')]);
    this.plainItemClose = Buffer.concat([Buffer.from('</'), p, Buffer.from('t>'), this.siClose]);
    // Items are decoded as UTF-8, so their tags are matched with the prefix as UTF-8 text.
    const text = p.toString('utf8');
    this.plainOpen = `<${text}t>`;
    this.tags = runTags(text);
    return true;
  }

  /** Reads the complete items of `buf`; returns where the unread rest begins. */
  private readItems(buf: Buffer): number {
    const { strings, siOpen, siClose, plainItemOpen, plainItemClose } = this;
    const length = buf.length;
    this.nextAmpersand = buf.indexOf(AMPERSAND);
    this.nextUnderscore = buf.indexOf(UNDERSCORE);
    this.nextCr = buf.indexOf(CR);
    let pos = 0;
    for (;;) {
      // Most items are `<si><t>text</t></si>` right after the previous one: read those with one
      // search for the text's end.
      if (bytesAt(buf, pos, plainItemOpen)) {
        const textStart = pos + plainItemOpen.length;
        // Items are short (ids, names): a loop finds their end sooner than a native search call.
        let textEnd = textStart;
        while (textEnd < length && buf[textEnd] !== LT) textEnd++;
        if (textEnd < length && bytesAt(buf, textEnd, plainItemClose)) {
          if (!this.plainAscii(buf, textStart, textEnd))
            this.pushItem(this.plainText(buf, textStart, textEnd));
          pos = textEnd + plainItemClose.length;
          continue;
        }
      }
      const open = buf.indexOf(siOpen, pos);
      if (open < 0) return Math.max(pos, length - siOpen.length);
      const tagEnd = buf.indexOf(GT, open);
      if (tagEnd < 0) return open;
      if (buf[tagEnd - 1] === SLASH /* <si/> */) {
        strings.push('');
        pos = tagEnd + 1;
        continue;
      }
      const close = buf.indexOf(siClose, tagEnd);
      if (close < 0) return open;
      const xml = buf.toString('utf8', tagEnd + 1, close);
      // Packed: its code units are copied, so the string may share the item's XML.
      this.pushItem(itemText(xml, 0, xml.length, this.tags, this.plainOpen));
      pos = close + siClose.length;
    }
  }

  /**
   * Adds a plain item of ASCII text with nothing to decode (no entity, `_x` escape or CR) from
   * its bytes, no string made; false (nothing added) for any other item.
   */
  private plainAscii(buf: Buffer, start: number, end: number): boolean {
    if (end - start > EXCEL_MAX_CELL_CHARS) return false;
    return !this.needsDecoding(buf, start, end) && this.strings.pushAscii(buf, start, end);
  }

  /** Adds the next item, unless it is longer than a cell may be. */
  private pushItem(text: string): void {
    if (text.length > EXCEL_MAX_CELL_CHARS) {
      throw cellTooLong(`shared string ${this.strings.length}`, text.length);
    }
    this.strings.push(text);
  }

  /** Whether `buf[start..end)` holds an entity, an `_x` escape or a CR (decodeXmlText's work). */
  private needsDecoding(buf: Buffer, start: number, end: number): boolean {
    if (this.nextAmpersand >= 0 && this.nextAmpersand < start) {
      this.nextAmpersand = buf.indexOf(AMPERSAND, start);
    }
    if (this.nextUnderscore >= 0 && this.nextUnderscore < start) {
      this.nextUnderscore = buf.indexOf(UNDERSCORE, start);
    }
    if (this.nextCr >= 0 && this.nextCr < start) this.nextCr = buf.indexOf(CR, start);
    return (
      isBefore(this.nextAmpersand, end) ||
      isBefore(this.nextUnderscore, end) ||
      isBefore(this.nextCr, end)
    );
  }

  /** A plain item's text: decoded as is unless it holds an entity, an `_x` escape or a CR. */
  private plainText(buf: Buffer, start: number, end: number): string {
    const text = buf.toString('utf8', start, end);
    return this.needsDecoding(buf, start, end) ? decodeXmlText(text) : text;
  }
}

function isBefore(at: number, end: number): boolean {
  return at >= 0 && at < end;
}

/** Whether `buf` holds `bytes` at `at` (false when it ends first). */
function bytesAt(buf: Buffer, at: number, bytes: Buffer): boolean {
  if (at + bytes.length > buf.length) return false;
  for (let k = 0; k < bytes.length; k++) if (buf[at + k] !== bytes[k]) return false;
  return true;
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
