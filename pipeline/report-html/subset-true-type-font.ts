/**
 * A TrueType font cut down to the glyphs some text needs, for embedding in a page: every glyph
 * the text's characters map to (through the font's Unicode cmap) and the glyphs those are built
 * from keeps its outline; every other glyph keeps its id and metrics but loses its outline, so
 * cmap, hmtx and the layout tables stay valid as they are. The glyf table is what makes a CJK font
 * large (2.2 of 2.4 MB in the bundled one), so a page's few hundred characters cost tens of KB.
 */

export interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

/** The font's table directory, by tag. */
export function tableRecords(font: Buffer): Map<string, TableRecord> {
  const tables = new Map<string, TableRecord>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) {
    const at = 12 + 16 * i;
    const tag = font.toString('latin1', at, at + 4);
    tables.set(tag, { tag, offset: font.readUInt32BE(at + 8), length: font.readUInt32BE(at + 12) });
  }
  return tables;
}

/** One table's bytes; throws when the font lacks it. */
export function table(font: Buffer, tables: Map<string, TableRecord>, tag: string): Buffer {
  const record = tables.get(tag);
  if (record === undefined) throw new Error(`subsetTrueTypeFont: the font has no '${tag}' table`);
  return font.subarray(record.offset, record.offset + record.length);
}

/** Glyph ids of the code points (and glyph 0, .notdef, which every font keeps). */
function glyphIdsOf(cmap: Buffer, codePoints: Iterable<number>): Set<number> {
  const lookup = unicodeGlyphLookup(cmap);
  const ids = new Set<number>([0]);
  for (const codePoint of codePoints) {
    const id = lookup(codePoint);
    if (id !== 0) ids.add(id);
  }
  return ids;
}

/** Glyph id of a code point (0 when the font lacks it) from the Unicode cmap (format 12, else 4). */
export function unicodeGlyphLookup(cmap: Buffer): (codePoint: number) => number {
  const count = cmap.readUInt16BE(2);
  const subtables: { format: number; offset: number }[] = [];
  for (let i = 0; i < count; i += 1) {
    const platform = cmap.readUInt16BE(4 + 8 * i);
    const offset = cmap.readUInt32BE(8 + 8 * i);
    if (platform === 3 || platform === 0)
      subtables.push({ format: cmap.readUInt16BE(offset), offset });
  }
  const chosen = subtables.find((s) => s.format === 12) ?? subtables.find((s) => s.format === 4);
  if (chosen === undefined) throw new Error('subsetTrueTypeFont: no Unicode cmap (format 4 or 12)');
  return chosen.format === 12
    ? format12Lookup(cmap, chosen.offset)
    : format4Lookup(cmap, chosen.offset);
}

function format12Lookup(cmap: Buffer, offset: number): (codePoint: number) => number {
  const groups = cmap.readUInt32BE(offset + 12);
  return (codePoint) => {
    for (let g = 0; g < groups; g += 1) {
      const at = offset + 16 + 12 * g;
      const start = cmap.readUInt32BE(at);
      if (codePoint >= start && codePoint <= cmap.readUInt32BE(at + 4))
        return cmap.readUInt32BE(at + 8) + codePoint - start;
    }
    return 0;
  };
}

function format4Lookup(cmap: Buffer, offset: number): (codePoint: number) => number {
  const segments = cmap.readUInt16BE(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let s = 0; s < segments; s += 1) {
      if (codePoint > cmap.readUInt16BE(ends + 2 * s)) continue;
      const start = cmap.readUInt16BE(starts + 2 * s);
      if (codePoint < start) return 0;
      const delta = cmap.readUInt16BE(deltas + 2 * s);
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + 2 * s);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const at = rangeOffsets + 2 * s + rangeOffset + 2 * (codePoint - start);
      const id = cmap.readUInt16BE(at);
      return id === 0 ? 0 : (id + delta) & 0xffff;
    }
    return 0;
  };
}

/** Offsets of each glyph in glyf, from loca (short offsets are stored halved). */
function glyphOffsets(loca: Buffer, glyphCount: number, longOffsets: boolean): number[] {
  const offsets: number[] = [];
  for (let id = 0; id <= glyphCount; id += 1)
    offsets.push(longOffsets ? loca.readUInt32BE(4 * id) : 2 * loca.readUInt16BE(2 * id));
  return offsets;
}

/** Adds the components of composite glyphs, so accented and built-up glyphs keep their parts. */
function addComponents(glyf: Buffer, offsets: readonly number[], ids: Set<number>): void {
  const pending = [...ids];
  while (pending.length > 0) {
    const id = pending.pop() as number;
    const start = offsets[id] ?? 0;
    if ((offsets[id + 1] ?? 0) <= start || glyf.readInt16BE(start) >= 0) continue;
    let at = start + 10;
    for (let more = true; more;) {
      const flags = glyf.readUInt16BE(at);
      const component = glyf.readUInt16BE(at + 2);
      if (!ids.has(component)) {
        ids.add(component);
        pending.push(component);
      }
      at += 4 + (flags & 0x1 ? 4 : 2);
      if (flags & 0x8) at += 2;
      else if (flags & 0x40) at += 4;
      else if (flags & 0x80) at += 8;
      more = (flags & 0x20) !== 0;
    }
  }
}

/** OpenType table checksum: the sum of its big-endian 32-bit words, zero-padded. */
function checksum(data: Buffer): number {
  let sum = 0;
  for (let at = 0; at < data.length; at += 4) {
    const word = Buffer.alloc(4);
    data.copy(word, 0, at, Math.min(at + 4, data.length));
    sum = (sum + word.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

/**
 * The font with outlines kept only for the glyphs `text` needs.
 *
 * @param font - a TrueType (glyf) font file's bytes.
 * @param text - every character the font must draw.
 * @returns the smaller font file's bytes.
 * @throws Error when the font has no glyf/loca outlines or no Unicode cmap.
 */
export function subsetTrueTypeFont(font: Buffer, text: string): Buffer {
  const tables = tableRecords(font);
  const head = table(font, tables, 'head');
  const longOffsets = head.readInt16BE(50) === 1;
  const glyphCount = table(font, tables, 'maxp').readUInt16BE(4);
  const glyf = table(font, tables, 'glyf');
  const offsets = glyphOffsets(table(font, tables, 'loca'), glyphCount, longOffsets);
  const ids = glyphIdsOf(
    table(font, tables, 'cmap'),
    new Set([...text].map((ch) => ch.codePointAt(0) as number)),
  );
  addComponents(glyf, offsets, ids);

  const pieces: Buffer[] = [];
  const loca = Buffer.alloc(longOffsets ? 4 * (glyphCount + 1) : 2 * (glyphCount + 1));
  let size = 0;
  for (let id = 0; id <= glyphCount; id += 1) {
    if (longOffsets) loca.writeUInt32BE(size, 4 * id);
    else loca.writeUInt16BE(size / 2, 2 * id);
    if (id === glyphCount || !ids.has(id)) continue;
    const outline = glyf.subarray(offsets[id], offsets[id + 1]);
    // Each glyph starts on a 4-byte boundary (an even one is all short loca needs).
    const padded = Buffer.alloc(Math.ceil(outline.length / 4) * 4);
    outline.copy(padded);
    pieces.push(padded);
    size += padded.length;
  }
  const replaced = new Map<string, Buffer>([
    ['glyf', Buffer.concat(pieces)],
    ['loca', loca],
    ['head', Buffer.from(head)],
  ]);
  return assembleFont(font, tables, replaced);
}

/** A font file of the same tables, some replaced, with checksums and head's adjustment redone. */
function assembleFont(
  font: Buffer,
  tables: Map<string, TableRecord>,
  replaced: Map<string, Buffer>,
): Buffer {
  const records = [...tables.values()].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const head = replaced.get('head') as Buffer;
  head.writeUInt32BE(0, 8);
  const directory = Buffer.alloc(12 + 16 * records.length);
  font.copy(directory, 0, 0, 12);
  const bodies: Buffer[] = [];
  let offset = directory.length;
  records.forEach((record, i) => {
    const data = replaced.get(record.tag) ?? table(font, tables, record.tag);
    const at = 12 + 16 * i;
    directory.write(record.tag, at, 'latin1');
    directory.writeUInt32BE(checksum(data), at + 4);
    directory.writeUInt32BE(offset, at + 8);
    directory.writeUInt32BE(data.length, at + 12);
    const padded = Buffer.alloc(Math.ceil(data.length / 4) * 4);
    data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  const file = Buffer.concat([directory, ...bodies]);
  const headAt = directory.readUInt32BE(12 + 16 * records.findIndex((r) => r.tag === 'head') + 8);
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
  return file;
}
