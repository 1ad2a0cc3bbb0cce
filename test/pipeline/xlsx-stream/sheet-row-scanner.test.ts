import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedStrings } from '../../../pipeline/xlsx-stream/shared-strings.js';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { SheetRowScanner } from '../../../pipeline/xlsx-stream/sheet-row-scanner.js';
import type { ScannedRow } from '../../../pipeline/xlsx-stream/sheet-row-scanner.js';
import type { RowCells } from '../../../pipeline/xlsx-stream/row-cells.js';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHARED = ['zero', 'один', '中文 ☺', 'R&D'];
/** Style 1 is a date format, style 2 a time-only format. */
const CONTEXT = {
  sharedStrings: SharedStrings.of(SHARED),
  dateStyles: [false, true, 'time' as const],
  date1904: false,
};

/** One generated cell: how it is written (with prefix p) and the value it must read as. */
interface CellCase {
  xml: (p: string, ref: string) => string;
  value: CellValue;
}

const q = (quote: string, name: string, value: string): string =>
  ` ${name}=${quote}${value}${quote}`;

/**
 * Every form a cell takes in the scanner: the plain one-pass forms (numbers, shared string
 * indexes, 0/1 booleans, with either quote) and the general ones (formulas before the value,
 * exponents and long digit runs, formula strings, errors, inline strings with entities and
 * non-ASCII text, typed dates, empty and self-closing cells).
 */
const cellCase: fc.Arbitrary<CellCase> = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.integer({ min: -1e9, max: 1e9 }).map(String),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
        fc.stringMatching(/^-?\d{1,18}(\.\d{0,6})?$/),
      ),
      fc.constantFrom('"', "'"),
      fc.boolean(),
    )
    .map(([text, quote, typed]): CellCase => ({
      xml: (p, ref) =>
        `<${p}c${ref}${typed ? q(quote, 't', 'n') : ''}><${p}v>${text}</${p}v></${p}c>`,
      value: Number(text),
    })),
  fc
    .tuple(fc.integer({ min: 0, max: SHARED.length - 1 }), fc.constantFrom('"', "'"))
    .map(([index, quote]): CellCase => ({
      xml: (p, ref) => `<${p}c${ref}${q(quote, 't', 's')}><${p}v>${index}</${p}v></${p}c>`,
      value: SHARED[index]!,
    })),
  fc.boolean().map((flag): CellCase => ({
    xml: (p, ref) => `<${p}c${ref} t="b"><${p}v>${flag ? 1 : 0}</${p}v></${p}c>`,
    value: flag,
  })),
  // Date style: serial − 25569 days (one more before the phantom 1900-02-29, serial 60, which
  // stays a number), at noon.
  fc.integer({ min: 1, max: 60_000 }).map((serial): CellCase => ({
    xml: (p, ref) => `<${p}c${ref} s="1"><${p}v>${serial}.5</${p}v></${p}c>`,
    value:
      serial === 60
        ? 60.5
        : new Date(((serial < 60 ? serial + 1 : serial) - 25_569 + 0.5) * 86_400_000),
  })),
  // Date style, whole days (most exported dates), 1900's phantom 1900-02-29 (serial 60) included.
  fc.integer({ min: 1, max: 60_000 }).map((serial): CellCase => ({
    xml: (p, ref) => `<${p}c${ref} s="1"><${p}v>${serial}</${p}v></${p}c>`,
    value:
      serial === 60 ? 60 : new Date(((serial < 60 ? serial + 1 : serial) - 25_569) * 86_400_000),
  })),
  // Time-only: the serial itself, rounded to the millisecond as exceljs does (exact here).
  fc.integer({ min: 0, max: 999 }).map((n): CellCase => ({
    xml: (p, ref) => `<${p}c${ref} s="2"><${p}v>0.${String(n).padStart(3, '0')}</${p}v></${p}c>`,
    value: n / 1000,
  })),
  fc.integer({ min: 1, max: 99 }).map((n): CellCase => ({
    xml: (p, ref) => `<${p}c${ref}><${p}f>A1*${n}</${p}f><${p}v>${n}e3</${p}v></${p}c>`,
    value: n * 1000,
  })),
  fc.constantFrom('plain', 'R&amp;D', '中文 ☺ 𝄞').map((text): CellCase => ({
    xml: (p, ref) => `<${p}c${ref} t="str"><${p}f>X</${p}f><${p}v>${text}</${p}v></${p}c>`,
    value: text.replace('&amp;', '&'),
  })),
  fc.constantFrom('#N/A', '#DIV/0!').map((error): CellCase => ({
    xml: (p, ref) => `<${p}c${ref} t="e"><${p}v>${error}</${p}v></${p}c>`,
    value: { error },
  })),
  fc.constantFrom(' 中文 &amp; ☺ ', 'a&lt;b', '𝄞 clef').map((text): CellCase => ({
    xml: (p, ref) =>
      `<${p}c${ref} t="inlineStr"><${p}is><${p}t xml:space="preserve">${text}</${p}t></${p}is></${p}c>`,
    value: text.replace('&amp;', '&').replace('&lt;', '<'),
  })),
  fc.constant<CellCase>({
    xml: (p, ref) => `<${p}c${ref} t="d"><${p}v>2024-03-01T12:00:00</${p}v></${p}c>`,
    value: new Date('2024-03-01T12:00:00Z'),
  }),
  fc.constant<CellCase>({ xml: (p, ref) => `<${p}c${ref} s="1"/>`, value: null }),
  fc.constant<CellCase>({ xml: (p, ref) => `<${p}c${ref}><${p}v></${p}v></${p}c>`, value: null }),
);

interface SheetCase {
  xml: string;
  rows: ScannedRow[];
}

/** Column letters of a 0-based index (0 → A, 26 → AA). */
function letters(index: number): string {
  let text = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  }
  return text;
}

const sheetCase: fc.Arbitrary<SheetCase> = fc
  .record({
    prefix: fc.constantFrom('', 'x:'),
    // Cells with a reference (and a gap before them) or without one (the next column).
    rows: fc.array(
      fc.record({
        gap: fc.nat({ max: 3 }),
        numbered: fc.boolean(),
        // What follows the row number: mostly the same as the row before (as Excel writes it),
        // sometimes other attributes, one holding a `>`.
        rowTail: fc.constantFrom(
          ' spans="1:9"',
          ' spans="1:9"',
          ' spans="1:9"',
          ' spans="1:9" ht="20" customHeight="1"',
          ' note="a>b" spans="1:9"',
          '',
        ),
        cells: fc.array(
          fc.record({
            cell: cellCase,
            gap: fc.nat({ max: 30 }),
            ref: fc.boolean(),
            // Digits after the row's own number: a reference whose row part is longer than the
            // row's number (a writer's slip) still names its column; the row part is not read.
            refTail: fc.constantFrom('', '', '', '0', '99'),
          }),
          {
            maxLength: 8,
          },
        ),
      }),
      { maxLength: 12 },
    ),
    spacing: fc.constantFrom('', '\n  '),
  })
  .map(({ prefix: p, rows, spacing }) => {
    const expected: ScannedRow[] = [];
    let rowNumber = 0;
    const body = rows
      .map((row) => {
        rowNumber += row.numbered ? row.gap + 1 : 1;
        const cells: CellValue[] = [];
        let column = 0;
        const cellsXml = row.cells
          .map(({ cell, gap, ref, refTail }) => {
            column = ref ? column + gap : column;
            const xml = cell.xml(p, ref ? ` r="${letters(column)}${rowNumber}${refTail}"` : '');
            if (cell.value !== null) {
              while (cells.length < column) cells.push(null);
              cells[column] = cell.value;
            }
            column += 1;
            return xml;
          })
          .join(spacing);
        if (cells.length > 0) expected.push({ rowNumber, cells });
        const attributes = row.numbered ? ` r="${rowNumber}"${row.rowTail}` : '';
        return `<${p}row${attributes}>${spacing}${cellsXml}${spacing}</${p}row>`;
      })
      .join(spacing);
    const ns = p === '' ? 'xmlns' : `xmlns:${p.slice(0, -1)}`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet ${ns}="${MAIN_NS}"><${p}sheetData>${body}</${p}sheetData><${p}rowBreaks count="0"/></${p}worksheet>`;
    return { xml, rows: expected };
  });

function scan(chunks: (string | Uint8Array)[]): { rows: ScannedRow[]; atBoundary: boolean } {
  const scanner = new SheetRowScanner(CONTEXT);
  const rows: ScannedRow[] = [];
  for (const chunk of chunks) scanner.push(chunk, rows);
  return { rows, atBoundary: scanner.isAtRowBoundary };
}

/** `whole` cut at the given points (each taken modulo its length). */
function cut<T extends string | Uint8Array>(whole: T, points: number[]): T[] {
  const at = [...new Set([0, ...points.map((p) => p % (whole.length + 1)), whole.length])].sort(
    (a, b) => a - b,
  );
  return at.slice(1).map((end, i) => whole.slice(at[i], end) as T);
}

describe('SheetRowScanner on generated sheets', () => {
  it('reads every cell form to its value, given whole as text or as UTF-8 bytes', () => {
    fc.assert(
      fc.property(sheetCase, ({ xml, rows }) => {
        expect(scan([xml])).toEqual({ rows, atBoundary: true });
        expect(scan([Buffer.from(xml, 'utf8')])).toEqual({ rows, atBoundary: true });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same rows however the bytes are cut, even inside a character', () => {
    fc.assert(
      fc.property(sheetCase, fc.array(fc.nat(), { maxLength: 30 }), ({ xml, rows }, points) => {
        const bytes = new Uint8Array(Buffer.from(xml, 'utf8'));
        expect(scan(cut(bytes, points))).toEqual({ rows, atBoundary: true });
      }),
      { numRuns: 300 },
    );
  });

  it('hands a sink the same rows in place, however the bytes are cut (rows across a cut are held as copies)', () => {
    fc.assert(
      fc.property(sheetCase, fc.array(fc.nat(), { maxLength: 30 }), ({ xml, rows }, points) => {
        const scanner = new SheetRowScanner(CONTEXT);
        const seen: ScannedRow[] = [];
        const sink = {
          typedRow: (rowNumber: number, cells: RowCells) =>
            seen.push({ rowNumber, cells: cells.toArray() }),
        };
        for (const chunk of cut(new Uint8Array(Buffer.from(xml, 'utf8')), points))
          scanner.pushTo(chunk, sink);
        expect(seen).toEqual(rows);
        expect(scanner.isAtRowBoundary).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same rows however the text is cut, even inside a surrogate pair', () => {
    fc.assert(
      fc.property(sheetCase, fc.array(fc.nat(), { maxLength: 30 }), ({ xml, rows }, points) => {
        expect(scan(cut(xml, points))).toEqual({ rows, atBoundary: true });
      }),
      { numRuns: 300 },
    );
  });

  it('reads a byte chunk the caller overwrites after the call (the unfinished row is copied)', () => {
    const xml = `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`;
    const bytes = Buffer.from(xml);
    const split = xml.indexOf('<c r="A2"') + 4;
    const reused = Buffer.alloc(bytes.length);
    const scanner = new SheetRowScanner(CONTEXT);
    const rows: ScannedRow[] = [];
    bytes.copy(reused, 0, 0, split);
    scanner.push(reused.subarray(0, split), rows);
    reused.fill(0x78);
    bytes.copy(reused, 0, split);
    scanner.push(reused.subarray(0, bytes.length - split), rows);
    expect(rows).toEqual([
      { rowNumber: 1, cells: [1] },
      { rowNumber: 2, cells: [2] },
    ]);
  });
});
