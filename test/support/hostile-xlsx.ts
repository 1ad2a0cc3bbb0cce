import { writeFile } from 'node:fs/promises';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

/** One part of a hand-made zip: its stored bytes and what the zip's directory says of it. */
export interface ZipPart {
  name: string;
  /** The bytes as stored (deflated for method 8). */
  stored: Buffer;
  method: 0 | 8;
  /** CRC-32 and size of the inflated bytes, as recorded in the zip (a test may lie in them). */
  crc: number;
  size: number;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A deflated part of the given text, its CRC and size recorded truthfully. */
export function textPart(name: string, text: string): ZipPart {
  const data = Buffer.from(text, 'utf8');
  return { name, stored: deflateRawSync(data), method: 8, crc: crc32(data), size: data.length };
}

/**
 * A deflated part of `head`, then `unit` `repeat` times, then `tail`, deflated as a stream so a
 * part of gigabytes is never held (a decompression bomb: kilobytes that inflate to gigabytes).
 */
export async function repeatedPart(
  name: string,
  head: string,
  unit: string,
  repeat: number,
  tail: string,
): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const headBytes = Buffer.from(head);
  const tailBytes = Buffer.from(tail);
  // Units are written a megabyte at a time: one write per unit would take minutes.
  const unitBytes = Buffer.from(unit);
  const perBlock = Math.max(1, Math.floor((1 << 20) / unitBytes.length));
  const block = Buffer.concat(Array.from({ length: perBlock }, () => unitBytes));
  let crc = crc32(headBytes);
  deflate.write(headBytes);
  for (let left = repeat; left > 0; left -= perBlock) {
    const piece = left >= perBlock ? block : block.subarray(0, left * unitBytes.length);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = crc32(tailBytes, crc);
  deflate.end(tailBytes);
  await done;
  const size = headBytes.length + unitBytes.length * repeat + tailBytes.length;
  return { name, stored: Buffer.concat(out), method: 8, crc, size };
}

/** A zip archive of the parts, in order (zip64 is not written: parts stay below 4 GiB). */
export function zipParts(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.stored.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.stored.length, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.stored);
    centrals.push(central, name);
    offset += local.length + name.length + part.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts every one-sheet workbook needs besides its sheet (and shared strings, if given). */
export function workbookParts(sheetName = 'Deals', withSharedStrings = false): ZipPart[] {
  const sst = withSharedStrings
    ? `<Relationship Id="rS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`
    : '';
  return [
    textPart(
      '_rels/.rels',
      `<?xml version="1.0"?><Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="r1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    textPart(
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    textPart(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>${sst}</Relationships>`,
    ),
  ];
}

/** Sheet XML around the given `<row>` elements. */
export function sheetXml(rows: string): string {
  return `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData>${rows}</sheetData></worksheet>`;
}

/** The opening of sheet XML up to its first row, and its closing, for repeatedPart. */
export const SHEET_HEAD = `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';
export const SST_HEAD = `<?xml version="1.0"?><sst xmlns="${MAIN_NS}">`;
export const SST_TAIL = '</sst>';

/** Writes a one-sheet workbook named `Deals` whose rows are exactly the XML given. */
export async function writeSheetWorkbook(path: string, rows: string): Promise<void> {
  await writeFile(
    path,
    zipParts([...workbookParts(), textPart('xl/worksheets/sheet1.xml', sheetXml(rows))]),
  );
}
