import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SharedStrings } from '../../../pipeline/xlsx-stream/shared-strings.js';
import { readXlsxSheets } from '../../../pipeline/xlsx-stream/read-xlsx-sheets.js';
import { SheetRowScanner } from '../../../pipeline/xlsx-stream/sheet-row-scanner.js';
import type { ScannedRow } from '../../../pipeline/xlsx-stream/sheet-row-scanner.js';
import { streamXlsxRows } from '../../../pipeline/xlsx-stream/stream-xlsx-rows.js';
import { WorkbookReadError } from '../../../core/workbook/workbook-read-error.js';
import { makeZip } from './make-zip.js';

const work = mkdtempSync(join(tmpdir(), 'xlsx-stream-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Fixture {
  sheets: { name: string; xml: string; target?: string }[];
  sharedStrings?: string;
  styles?: string;
  workbookPr?: string;
}

/** Writes a hand-made .xlsx whose parts are exactly the XML given. */
function writeXlsx(name: string, fixture: Fixture): string {
  const sheetTags = fixture.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const sheetRels = fixture.sheets
    .map(
      (s, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`,
    )
    .join('');
  const files: Record<string, string> = {
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${fixture.workbookPr ?? ''}<sheets>${sheetTags}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}<Relationship Id="rS" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL_TYPE}/styles" Target="/xl/styles.xml"/></Relationships>`,
  };
  fixture.sheets.forEach((s, i) => {
    const target = s.target ?? `worksheets/sheet${i + 1}.xml`;
    files[target.startsWith('/') ? target.slice(1) : `xl/${target}`] = s.xml;
  });
  if (fixture.sharedStrings !== undefined) files['xl/sharedStrings.xml'] = fixture.sharedStrings;
  if (fixture.styles !== undefined) files['xl/styles.xml'] = fixture.styles;
  const path = join(work, name);
  writeFileSync(path, makeZip(files));
  return path;
}

const STYLES = `<?xml version="1.0"?><styleSheet xmlns="${MAIN_NS}"><numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="#,##0 ;[Red](#,##0)"/><numFmt numFmtId="166" formatCode="0 &quot;days&quot;"/><numFmt numFmtId="167" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="22"><alignment/></xf></cellXfs></styleSheet>`;

const SST = `<?xml version="1.0"?><sst xmlns="${MAIN_NS}" count="4" uniqueCount="4"><si><t>plain</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">bold </t></r><r><t>run</t></r></si><si><t/></si><si><t>R&amp;D &lt;中文&gt; _x000D_x &#x41;&#66;</t></si></sst>`;

describe('streamXlsxRows on hand-made workbooks', () => {
  it('types every kind of cell and places sparse cells by their reference', async () => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><dimension ref="A1:E4"/><sheetData>
<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="E2" t="s"><v>3</v></c></row>
<row r="3"><c r="A3" s="1"><v>44197</v></c><c r="B3" s="2"><v>44197.5</v></c><c r="C3" s="3"><v>-5</v></c><c r="D3" s="4"><v>12</v></c><c r="E3" s="5"><v>45000</v></c><c r="F3" s="6"><v>1</v></c></row>
<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="b"><v>0</v></c><c r="C4" t="e"><f>NA()</f><v>#N/A</v></c><c r="D4" t="str"><f>A1&amp;"x"</f><v>a&amp;b</v></c><c r="E4" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r><rPh><t>ignored</t></rPh></is></c><c r="F4" s="1"/><c r="G4"><f>1+1</f></c></row>
<row r="5" spans="1:3"><c r="B5" t="s"><v>2</v></c><c r="C5" s="1"/></row>
<row r="9"><c r="AA9"><v>1.5E-3</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><rowBreaks count="1"><brk id="3"/></rowBreaks></worksheet>`;
    const path = writeXlsx('kinds.xlsx', {
      sheets: [{ name: 'R&amp;D 数据', xml: sheet }],
      sharedStrings: SST,
      styles: STYLES,
    });
    const rows = [];
    for await (const row of streamXlsxRows(path)) rows.push(row);
    expect(new Set(rows.map((r) => r.sheet))).toEqual(new Set(['R&D 数据']));
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 9]);
    expect(rows[0]?.cells).toEqual(['plain', null, 'bold run', null, 'R&D <中文> \rx AB']);
    expect(rows[1]?.cells).toEqual([
      new Date('2021-01-01T00:00:00Z'), // numFmtId 14; 44197 − 25569 = 18628 days after 1970-01-01
      new Date('2021-01-01T12:00:00Z'), // yyyy\-mm\-dd: the escaped "-" does not hide the date
      -5, // #,##0 ;[Red](#,##0): "[Red]" is not a date token
      12, // 0 "days": quoted text is not a date token
      new Date('2023-03-15T00:00:00Z'), // [$-804]yyyy"年"m"月"d"日"; 45000 − 25569 = 19431 days
      new Date('1900-01-01T00:00:00Z'), // numFmtId 22; serial 1 is 1900-01-01 (exceljs says 1899-12-31)
    ]);
    // F4 (styled blank) and G4 (formula without a cached value) are blank, so dropped at the end.
    expect(rows[2]?.cells).toEqual([true, false, { error: '#N/A' }, 'a&b', 'inline']);
    // Row 5: a shared empty string stays '' (as exceljs gives it); the styled blank is dropped.
    expect(rows[3]?.cells).toEqual([null, '']);
    expect(rows[4]?.cells).toHaveLength(27);
    expect(rows[4]?.cells[26]).toBe(0.0015);
    const grid = await readXlsxSheets(path);
    expect(grid[0]?.rows[4]).toEqual([null, '']);
    expect(grid[0]?.rows.slice(5, 8)).toEqual([[], [], []]);
    expect(grid[0]?.rows).toHaveLength(9);
  });

  it('reads prefixed (x:) XML, rows and cells without r, single quotes and absolute targets', async () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row><x:c t='s'><x:v>0</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2" t="inlineStr"><x:is><x:t>z</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row><x:row r="5"><x:c s="1"><x:v>0</x:v></x:c></x:row><x:row><x:c><x:v>6</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const sst = `<x:sst xmlns:x="${MAIN_NS}"><x:si><x:t>p</x:t></x:si></x:sst>`;
    const path = writeXlsx('prefixed.xlsx', {
      sheets: [{ name: 'P', xml: sheet, target: '/xl/worksheets/data.xml' }],
      sharedStrings: sst,
      styles: STYLES,
      workbookPr: '<workbookPr date1904="1"/>',
    });
    const [grid] = await readXlsxSheets(path);
    expect(grid?.date1904).toBe(true);
    expect(grid?.rows).toEqual([
      ['p', 2],
      [null, null, 'z', 7],
      [],
      [],
      [new Date('1904-01-01T00:00:00Z')], // serial 0 in the 1904 system
      [6],
    ]);
  });

  it('keeps sheets in tab order and gives empty sheets an empty grid', async () => {
    const empty = `<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>`;
    const one = `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const path = writeXlsx('order.xlsx', {
      sheets: [
        { name: 'Zeta', xml: one, target: 'worksheets/sheet9.xml' },
        { name: 'Alpha', xml: empty, target: 'worksheets/sheet1.xml' },
      ],
    });
    expect(await readXlsxSheets(path)).toEqual([
      { sheet: 'Zeta', rows: [[1]], date1904: false },
      { sheet: 'Alpha', rows: [], date1904: false },
    ]);
  });
});

describe('streamXlsxRows errors', () => {
  const good = writeXlsx('good.xlsx', {
    sheets: [
      {
        name: 'S',
        xml: `<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>`,
      },
    ],
  });

  it('a corrupt zip throws a WorkbookReadError naming the file', async () => {
    const path = join(work, 'corrupt.xlsx');
    writeFileSync(path, 'this is not a zip file at all'.repeat(10));
    await expect(readXlsxSheets(path)).rejects.toThrow(WorkbookReadError);
    await expect(readXlsxSheets(path)).rejects.toThrow(path);
  });

  it('a truncated zip throws naming the file', async () => {
    const bytes = readFileSync(good);
    const path = join(work, 'truncated.xlsx');
    writeFileSync(path, bytes.subarray(0, bytes.length - 30));
    await expect(readXlsxSheets(path)).rejects.toThrow(path);
  });

  it('a part whose deflated data ends early throws naming the file and the part', async () => {
    const sheet = `<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(5000)}</sheetData></worksheet>`;
    const path = writeXlsx('cut.xlsx', { sheets: [{ name: 'S', xml: sheet }] });
    // The sheet's stored size halved in its local and central headers: the zip reads fine, and
    // inflating runs out of data.
    const bytes = Buffer.from(readFileSync(path));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = bytes.indexOf(name) - 30;
    const central = bytes.indexOf(name, local + 30 + name.length) - 46;
    const half = Math.floor(bytes.readUInt32LE(local + 18) / 2);
    bytes.writeUInt32LE(half, local + 18);
    bytes.writeUInt32LE(half, central + 20);
    writeFileSync(path, bytes);
    await expect(readXlsxSheets(path)).rejects.toThrow(WorkbookReadError);
    await expect(readXlsxSheets(path)).rejects.toThrow(
      `${path}: damaged file: part xl/worksheets/sheet1.xml cannot be read (unexpected end of file)`,
    );
  });

  it('a zip with overwritten bytes throws naming the file', async () => {
    const sheet = `<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(5000)}</sheetData></worksheet>`;
    const path = writeXlsx('damaged.xlsx', { sheets: [{ name: 'S', xml: sheet }] });
    const bytes = Buffer.from(readFileSync(path));
    // Overwrite 100 bytes in the middle of the archive.
    bytes.fill(0xff, 600, 700);
    writeFileSync(path, bytes);
    await expect(readXlsxSheets(path)).rejects.toThrow(path);
  });

  it('a missing file throws naming the file', async () => {
    const path = join(work, 'nope.xlsx');
    await expect(readXlsxSheets(path)).rejects.toThrow(path);
  });

  it('a zip that is not a workbook throws naming the file', async () => {
    const path = join(work, 'plain.zip');
    writeFileSync(path, makeZip({ 'readme.txt': 'hello' }));
    await expect(readXlsxSheets(path)).rejects.toThrow(`${path}: no workbook part`);
  });

  it('an unknown sheet name or index throws naming the file and the sheets', async () => {
    await expect(readXlsxSheets(good, { sheet: 'Other' })).rejects.toThrow(
      `${good}: no sheet named 'Other' (sheets: 'S')`,
    );
    await expect(readXlsxSheets(good, { sheet: 3 })).rejects.toThrow(`no sheet at index 3`);
  });

  it('a sheet index that is not a non-negative integer is a caller mistake', async () => {
    await expect(readXlsxSheets(good, { sheet: -1 })).rejects.toThrow(RangeError);
    await expect(readXlsxSheets(good, { sheet: 1.5 })).rejects.toThrow(/streamXlsxRows.*1\.5/);
  });
});

describe('SheetRowScanner', () => {
  const context = {
    sharedStrings: SharedStrings.of(['a', 'bb']),
    dateStyles: [false, true],
    date1904: false,
  };
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45292.25</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> 中文 &amp; ☺ </t></is></c></row><row r="2"/><row r="3"><c r="B3" t="s"><v>1</v></c><c r="D3" t="e"><v>#REF!</v></c></row></sheetData><rowBreaks count="0"/></worksheet>`;
  const scanWhole = (): ScannedRow[] => {
    const out: ScannedRow[] = [];
    new SheetRowScanner(context).push(xml, out);
    return out;
  };

  it('reads a sheet given whole', () => {
    expect(scanWhole()).toEqual([
      {
        rowNumber: 1,
        cells: ['a', new Date('2024-01-01T06:00:00Z'), ' 中文 & ☺ '],
      },
      { rowNumber: 3, cells: [null, 'bb', null, { error: '#REF!' }] },
    ]);
  });

  it('gives the same rows however the text is cut into chunks', () => {
    const whole = scanWhole();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: xml.length }), { maxLength: 40 }), (cuts) => {
        const points = [...new Set([0, ...cuts, xml.length])].sort((a, b) => a - b);
        const scanner = new SheetRowScanner(context);
        const out: ScannedRow[] = [];
        for (let i = 1; i < points.length; i++) {
          scanner.push(xml.slice(points[i - 1], points[i]), out);
        }
        expect(out).toEqual(whole);
        expect(scanner.isAtRowBoundary).toBe(true);
      }),
    );
  });

  it('reports a sheet that stops inside a row', () => {
    const scanner = new SheetRowScanner(context);
    scanner.push(xml.slice(0, xml.indexOf('<c r="B3"')), []);
    expect(scanner.isAtRowBoundary).toBe(false);
  });

  it('an empty sheet gives no rows', () => {
    const out: ScannedRow[] = [];
    const scanner = new SheetRowScanner(context);
    scanner.push(`<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>`, out);
    expect(out).toEqual([]);
    expect(scanner.isAtRowBoundary).toBe(true);
  });
});

describe('SheetRowScanner numbers', () => {
  const scanNumber = (text: string): unknown => {
    const out: ScannedRow[] = [];
    const scanner = new SheetRowScanner({
      sharedStrings: new SharedStrings(),
      dateStyles: [],
      date1904: false,
    });
    scanner.push(
      `<worksheet><sheetData><row r="1"><c r="A1"><v>${text}</v></c></row></sheetData></worksheet>`,
      out,
    );
    return out[0]?.cells[0];
  };

  it('reads every number exactly as Number() reads its text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
          fc
            .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 12 }))
            .map(([n, k]) => (n / 1000).toFixed(k)),
          fc.stringMatching(/^-?\d{1,20}(\.\d{0,25})?$/),
        ),
        (text) => {
          expect(scanNumber(text)).toBe(Number(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
