import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../core/columns/parse-csv-text.js';
import { PipecastError } from '../../../core/errors/pipecast-error.js';
import { readCsvRecords } from '../../../core/columns/read-csv-records.js';
import { WorkbookReadError } from '../../../core/readers/index.js';
import { readXlsxSheets } from '../../../pipeline/xlsx-stream/read-xlsx-sheets.js';
import { sheetXml, textPart, workbookParts, zipParts } from '../../support/hostile-xlsx.js';

const work = mkdtempSync(join(tmpdir(), 'fuzz-readers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Short runs: each property takes a few seconds. */
const RUNS = { numRuns: 150 };

const SAMPLES = resolve(import.meta.dirname, '../../../samples');
const SHARED = resolve(import.meta.dirname, '../../../../shared/data/workbooks');
const HAVE_SHARED = existsSync(SHARED);
if (!HAVE_SHARED) console.warn(`fuzzing skips the real workbooks of ${SHARED}: missing`);

function workbooksIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.xlsx'))
    .map((name) => join(folder, name));
}

/** CSV text of the characters that matter to a CSV reader. */
const csvText = fc.string({
  unit: fc.constantFrom('a', 'B', '7', '.', '-', ' ', ',', ';', '\t', '"', '\n', '\r', '中', 'é'),
  maxLength: 300,
});

/** `text` cut at the given points into pieces, as a file is decoded a block at a time. */
function cut(text: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of at) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  pieces.push(text.slice(from));
  return pieces;
}

describe('fuzzing the CSV readers', () => {
  it('parseCsvText either reads the text or throws a malformed-csv PipecastError naming a line', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        try {
          parseCsvText(text, ',');
        } catch (error) {
          expect(error).toBeInstanceOf(PipecastError);
          expect((error as PipecastError).code).toBe('malformed-csv');
          expect((error as PipecastError).message).toMatch(/line \d+/);
        }
      }),
      RUNS,
    );
  });

  it('readCsvRecords gives the same result however the text is cut, or the same CsvSyntaxError', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 6 }), (body, points) => {
        const text = `Deal,Stage,Amount\n${body}`;
        const read = (source: string | string[]): unknown => {
          try {
            return readCsvRecords(source, { kind: 'deal', sheet: 's', delimiter: ',' });
          } catch (error) {
            expect((error as PipecastError).code).toBe('malformed-csv');
            return (error as Error).message;
          }
        };
        expect(read(cut(text, points))).toEqual(read(text));
      }),
      RUNS,
    );
  });
});

/** The bytes of `bytes` with each (position, value) pair written over them, or cut at `length`. */
function mutate(bytes: Buffer, writes: [number, number][], length: number | null): Buffer {
  const copy = Buffer.from(bytes);
  for (const [at, value] of writes) copy[at % copy.length] = value;
  return length === null ? copy : copy.subarray(0, length % copy.length);
}

async function expectReadOrNamedError(path: string): Promise<void> {
  try {
    await readXlsxSheets(path);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as Error).message.startsWith(`${path}: `)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  }
}

describe('fuzzing the .xlsx scanner', () => {
  const realWorkbooks = [...workbooksIn(SAMPLES), ...(HAVE_SHARED ? workbooksIn(SHARED) : [])];

  it('reads mutated real workbooks or names the file in one line, never anything else', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...realWorkbooks),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat()),
        async (file, writes, length) => {
          const path = join(work, `mutated-${n++}.xlsx`);
          writeFileSync(path, mutate(readFileSync(file), writes, length));
          await expectReadOrNamedError(path);
        },
      ),
      { numRuns: 60 },
    );
  });

  const reference = fc.oneof(
    fc.constantFrom('A1', 'XFD1048576', 'XFE1', 'ZZZZZZ25', 'a1', '', '1A', 'A', 'A0'),
    fc.string({ unit: fc.constantFrom('A', 'Z', 'x', '1', '9', '0'), maxLength: 16 }),
  );
  const cell = fc
    .tuple(
      reference,
      fc.constantFrom('', ' t="s"', ' t="inlineStr"', ' t="b"', ' t="e"', ' s="1"'),
      fc.constantFrom(
        '<v>1</v>',
        '<v>999999999999999999</v>',
        '<is><t>x</t></is>',
        '<v>-1e308</v>',
        '',
        '<v>',
      ),
    )
    .map(([ref, type, value]) => `<c${ref === '' ? '' : ` r="${ref}"`}${type}>${value}</c>`);
  const row = fc
    .tuple(
      fc.option(fc.constantFrom('1', '2', '1048576', '1048577', '2000000000', 'x', '')),
      fc.array(cell, { maxLength: 5 }),
    )
    .map(
      ([number, cells]) => `<row${number === null ? '' : ` r="${number}"`}>${cells.join('')}</row>`,
    );

  it('reads generated sheets with hostile references or names file, sheet and place', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 8 }), async (rows) => {
        const path = join(work, `generated-${n++}.xlsx`);
        writeFileSync(
          path,
          zipParts([
            ...workbookParts(),
            textPart('xl/worksheets/sheet1.xml', sheetXml(rows.join(''))),
          ]),
        );
        await expectReadOrNamedError(path);
      }),
      { numRuns: 150 },
    );
  });
});
