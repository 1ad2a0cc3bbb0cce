import { inflateRawSync } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** End-of-central-directory record: 22 bytes plus a comment of up to 65 535 bytes. */
const EOCD_MAX_SEARCH = 22 + 0xffff;

/**
 * Whether an .xlsx file's workbook part declares the 1904 date system, read straight from the
 * zip; undefined when that cannot be told (not a zip, zip64, odd layout).
 *
 * exceljs only honours `date1904="1"`, but the attribute is an xsd:boolean and LibreOffice writes
 * `date1904="true"` (../shared/data/workbooks/date_1904.xlsx), which exceljs reads as the 1900
 * system, putting every date 1462 days early. Reading the flag ourselves lets read-xlsx correct it.
 */
export function readXlsxDate1904(bytes: Buffer): boolean | undefined {
  try {
    const entries = zipEntries(bytes);
    if (entries === undefined) return undefined;
    const rels = entries.get('_rels/.rels');
    const target = rels && officeDocumentTarget(inflateEntry(bytes, rels).toString('utf8'));
    const workbook = entries.get(target ?? 'xl/workbook.xml') ?? entries.get('xl/workbook.xml');
    if (workbook === undefined) return undefined;
    const xml = inflateEntry(bytes, workbook).toString('utf8');
    const pr = /<(?:[\w-]+:)?workbookPr\b[^>]*>/.exec(xml);
    if (!pr) return false;
    const flag = /\bdate1904\s*=\s*["']\s*([^"']*)["']/.exec(pr[0]);
    return flag !== null && /^(1|true)$/i.test(flag[1] ?? '');
  } catch {
    return undefined;
  }
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

function zipEntries(bytes: Buffer): Map<string, ZipEntry> | undefined {
  const stop = Math.max(0, bytes.length - EOCD_MAX_SEARCH);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  // 0xffff / 0xffffffff mean the real values live in a zip64 record: not worth parsing here.
  if (count === 0xffff || at === 0xffffffff) return undefined;
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n += 1) {
    if (bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, '');
    entries.set(name, {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflateEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  const local = entry.localOffset;
  if (bytes.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error('bad local header');
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`zip method ${entry.method}`);
}

function officeDocumentTarget(relsXml: string): string | undefined {
  for (const match of relsXml.matchAll(/<(?:[\w-]+:)?Relationship\b[^>]*>/g)) {
    const tag = match[0];
    if (!/Type\s*=\s*["'][^"']*\/officeDocument["']/.test(tag)) continue;
    const target = /Target\s*=\s*["']([^"']+)["']/.exec(tag)?.[1];
    return target?.replace(/^\//, '');
  }
  return undefined;
}
