import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** The workbook part's usual name, used when the package relationships do not say. */
const DEFAULT_WORKBOOK_PART = 'xl/workbook.xml';

/**
 * Whether an .xlsx file's workbook part declares the 1904 date system, read straight from the
 * zip; undefined when that cannot be told (not a zip, no workbook part).
 *
 * exceljs only honours `date1904="1"`, but the attribute is an xsd:boolean and LibreOffice writes
 * `date1904="true"` (../shared/data/workbooks/date_1904.xlsx), which exceljs reads as the 1900
 * system, putting every date 1462 days early. Reading the flag ourselves lets read-xlsx correct it.
 */
export async function readXlsxDate1904(bytes: Buffer): Promise<boolean | undefined> {
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry())
      entries.set(entry.fileName.replace(/^\//, ''), entry);
    const rels = entries.get('_rels/.rels');
    const target = rels && officeDocumentTarget(await entryText(zip, rels));
    const workbook =
      entries.get(target ?? DEFAULT_WORKBOOK_PART) ?? entries.get(DEFAULT_WORKBOOK_PART);
    if (workbook === undefined) return undefined;
    return declaresDate1904(await entryText(zip, workbook));
  } catch {
    return undefined;
  } finally {
    zip?.close();
  }
}

/** True when a workbook.xml's `workbookPr` sets date1904 to true (`1` or `true`). */
export function declaresDate1904(workbookXml: string): boolean {
  const pr = /<(?:[\w-]+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  const flag = pr && /\bdate1904\s*=\s*["']\s*([^"']*?)\s*["']/.exec(pr[0]);
  return flag !== null && /^(1|true)$/i.test(flag[1] ?? '');
}

async function entryText(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  const stream: Readable = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function officeDocumentTarget(relsXml: string): string | undefined {
  for (const match of relsXml.matchAll(/<(?:[\w-]+:)?Relationship\b[^>]*>/g)) {
    const tag = match[0];
    if (!/Type\s*=\s*["'][^"']*\/officeDocument["']/.test(tag)) continue;
    return /Target\s*=\s*["']([^"']+)["']/.exec(tag)?.[1]?.replace(/^\//, '');
  }
  return undefined;
}
