/**
 * The hostile files issue 19 probes with, built the same way by the tests that assert each
 * refusal (test/pipeline/hostile/) and by the benchmark that times it (bench/hostile.ts).
 * Every builder is deterministic; the large ones are built in memory, never committed.
 */
import {
  repeatedPart,
  SHEET_HEAD,
  SHEET_TAIL,
  sheetXml,
  SST_HEAD,
  SST_TAIL,
  textPart,
  workbookParts,
  type ZipPart,
} from './hostile-xlsx.js';

/** The sheet part of every one-sheet hostile workbook. */
export const SHEET_PART = 'xl/worksheets/sheet1.xml';

/** A header and one good deal, which every hostile CSV starts with. */
export const CSV_HEAD = 'Deal,Stage,Amount,Close date\nA,Won,100,2026-01-05\n';

/** A CSV whose third line is `megabytes` MB of one field without a line feed. */
export function longLineCsv(megabytes = 200): string {
  return CSV_HEAD + 'x'.repeat(megabytes * 2 ** 20);
}

/** A CSV whose quote opened on line 3 never closes: `lines` short lines follow it (32 MB). */
export function openQuoteCsv(lines = 11_000_000): string {
  return `${CSV_HEAD}B,"Won${',x\n'.repeat(lines)}`;
}

/** A first row with an inline-string header cell, before the rows of a hostile sheet. */
export const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>Deal</t></is></c></row>';

/** One row holding one number at row `row`, in column `column` (e.g. row 25 at ZZZZZZ). */
export function cellAtRow(row: number | string, column = 'A'): string {
  return `<row r="${row}"><c r="${column}${row}"><v>1</v></c></row>`;
}

/** A sheet holding only shared string 0 in A1, for workbooks whose shared strings are hostile. */
export const A_SHEET = textPart(
  SHEET_PART,
  sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
);

/** A workbook whose shared-string part the zip records as `bytes` long; its stored bytes are few. */
export function sharedStringsRecordedAs(bytes: number): ZipPart[] {
  const sst = { ...textPart('xl/sharedStrings.xml', `${SST_HEAD}${SST_TAIL}`), size: bytes };
  return [...workbookParts('Deals', true), sst, A_SHEET];
}

/** A workbook of 2,000,000 shared strings of 24 bytes: 48 MB deflated about 412 to 1. */
export async function sharedStringsRatioBomb(): Promise<ZipPart[]> {
  const sst = await repeatedPart(
    'xl/sharedStrings.xml',
    SST_HEAD,
    '<si><t>AAAAAAAA</t></si>',
    2_000_000,
    SST_TAIL,
  );
  return [...workbookParts('Deals', true), sst, A_SHEET];
}

/** A workbook of 200 MB of rows (8,000,000 rows) that its zip records as 1 MB. */
export async function understatedRowsBomb(): Promise<ZipPart[]> {
  const sheet = await repeatedPart(
    SHEET_PART,
    SHEET_HEAD,
    '<row><c><v>1</v></c></row>',
    8_000_000,
    SHEET_TAIL,
  );
  return [...workbookParts(), { ...sheet, size: 1 << 20 }];
}

/**
 * About `bytes` bytes of `<x a="…"/>` elements whose attribute text is deterministic noise (an
 * LCG's high bits as letters), which deflate badly: no compression ratio stops them.
 */
export function noisyElements(bytes: number): string {
  const element = 80;
  const count = Math.ceil(bytes / element);
  const out = Buffer.alloc(count * element);
  let state = 7;
  for (let e = 0; e < count; e++) {
    const at = e * element;
    out.write('<x a="', at, 'latin1');
    for (let k = 6; k < element - 3; k++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      out[at + k] = 97 + (state >>> 27);
    }
    out.write('"/>', at + element - 3, 'latin1');
  }
  return out.toString('latin1');
}

/** A workbook whose first row is `megabytes` MB of noisy XML (past the 64 MB row ceiling at 70). */
export function longRowWorkbook(megabytes = 70): ZipPart[] {
  const rows = `<row r="1"><c r="A1"><v>1</v></c>${noisyElements(megabytes * 2 ** 20)}</row>`;
  return [...workbookParts(), textPart(SHEET_PART, sheetXml(rows))];
}
