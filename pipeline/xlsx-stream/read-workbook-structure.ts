import { coded, WorkbookReadError } from '../../core/readers/index.js';
import { isDateNumberFormat, isTimeOnlyNumberFormat } from './is-date-number-format.js';
import type { XlsxPackage } from './open-xlsx-package.js';
import { attributeByLocalName, readAttributes, startTags } from './xml-text.js';

/** One worksheet of a workbook, in tab order. */
export interface WorkbookSheet {
  name: string;
  /** Zip part name of the sheet XML, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

/** What a sheet reader needs to know before it reads any cell. */
export interface WorkbookStructure {
  sheets: WorkbookSheet[];
  /** True when workbookPr says `date1904="1"` or `"true"` (an xsd:boolean). */
  date1904: boolean;
  sharedStringsPart: string | undefined;
  stylesPart: string | undefined;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;

/**
 * Reads the workbook part (found through `_rels/.rels`), its relationships, the sheet list in tab
 * order and the date system. Chart sheets and dialog sheets are left out: they hold no cells.
 *
 * @throws WorkbookReadError when the zip has no workbook part (it is not an Excel workbook).
 */
export async function readWorkbookStructure(pkg: XlsxPackage): Promise<WorkbookStructure> {
  const rootRels = parseRelationships(await pkg.readText('_rels/.rels'), '');
  const workbookPart =
    rootRels.find((rel) => OFFICE_DOCUMENT.test(rel.type) && pkg.has(rel.target))?.target ??
    'xl/workbook.xml';
  const workbookXml = await pkg.readText(workbookPart);
  if (workbookXml === undefined) {
    throw new WorkbookReadError(pkg.file, coded('error.noWorkbookPart'));
  }
  const baseDir = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const relsPart = `${baseDir}_rels/${workbookPart.slice(baseDir.length)}.rels`;
  const rels = parseRelationships(await pkg.readText(relsPart), baseDir);
  const relById = new Map(rels.map((rel) => [rel.id, rel]));

  const sheets: WorkbookSheet[] = [];
  for (const tag of startTags(workbookXml, 'sheet')) {
    const attributes = readAttributes(tag);
    const rel = relById.get(attributeByLocalName(attributes, 'id') ?? '');
    if (rel === undefined || !WORKSHEET.test(rel.type)) continue;
    sheets.push({ name: attributes.get('name') ?? rel.target, part: rel.target });
  }

  const workbookPr = startTags(workbookXml, 'workbookPr')[0];
  const flag = workbookPr === undefined ? undefined : readAttributes(workbookPr).get('date1904');
  const date1904 = flag !== undefined && /^\s*(1|true)\s*$/i.test(flag);

  const findPart = (type: RegExp, fallback: string): string | undefined => {
    const target = rels.find((rel) => type.test(rel.type))?.target;
    if (target !== undefined && pkg.has(target)) return target;
    return pkg.has(fallback) ? fallback : undefined;
  };
  return {
    sheets,
    date1904,
    sharedStringsPart: findPart(SHARED_STRINGS, `${baseDir}sharedStrings.xml`),
    stylesPart: findPart(STYLES, `${baseDir}styles.xml`),
  };
}

interface Relationship {
  id: string;
  type: string;
  /** Zip part name, resolved against the source part's folder. */
  target: string;
}

function parseRelationships(xml: string | undefined, baseDir: string): Relationship[] {
  if (xml === undefined) return [];
  return startTags(xml, 'Relationship').map((tag) => {
    const attributes = readAttributes(tag);
    return {
      id: attributes.get('Id') ?? '',
      type: attributes.get('Type') ?? '',
      target: resolvePartName(baseDir, attributes.get('Target') ?? ''),
    };
  });
}

/** `/xl/worksheets/a.xml` is absolute; `worksheets/a.xml` and `../x.xml` are relative. */
export function resolvePartName(baseDir: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : baseDir + target;
  const parts: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/**
 * For each cell style index (`s` attribute, an index into `cellXfs`), whether its number format
 * shows a date or time: true for a date, 'time' for a time or duration only (read as a number),
 * false otherwise. Styles without a numFmtId use General (not a date).
 */
export function parseDateStyles(stylesXml: string | undefined): (boolean | 'time')[] {
  if (stylesXml === undefined) return [];
  const customFormats = new Map<number, string>();
  for (const tag of startTags(stylesXml, 'numFmt')) {
    const attributes = readAttributes(tag);
    const id = Number(attributes.get('numFmtId'));
    const code = attributes.get('formatCode');
    if (Number.isInteger(id) && code !== undefined) customFormats.set(id, code);
  }
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml);
  if (cellXfs === null) return [];
  return startTags(cellXfs[1] ?? '', 'xf').map((tag) => {
    const id = Number(readAttributes(tag).get('numFmtId') ?? '0');
    if (!Number.isInteger(id) || !isDateNumberFormat(id, customFormats.get(id))) return false;
    return isTimeOnlyNumberFormat(id, customFormats.get(id)) ? 'time' : true;
  });
}
