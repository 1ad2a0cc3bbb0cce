import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkbookReadError } from '../../../pipeline/workbook-read-error.js';
import { openXlsxPackage } from '../../../pipeline/xlsx-stream/open-xlsx-package.js';
import { readXlsxSheets } from '../../../pipeline/xlsx-stream/read-xlsx-sheets.js';
import { makeZip } from './make-zip.js';

const work = mkdtempSync(join(tmpdir(), 'xlsx-worker-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet workbook of `rows` rows (A: the row number, B: a text), as a hand-made zip. */
function writeWorkbook(name: string, rows: number): string {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++)
    body.push(
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>row ${r} 行</t></is></c></row>`,
    );
  const path = join(work, name);
  writeFileSync(
    path,
    makeZip({
      '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData>${body.join('')}</sheetData></worksheet>`,
    }),
  );
  return path;
}

const ROWS = 30_000;
const path = writeWorkbook('rows.xlsx', ROWS);
const SHEET = 'xl/worksheets/sheet1.xml';

async function bytesOf(chunks: AsyncIterable<Buffer>, pause: boolean): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) {
    parts.push(Buffer.from(chunk));
    // A slow reader now and then, so the worker fills its allowance and waits.
    if (pause && parts.length % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Buffer.concat(parts);
}

describe('inflating a part on a worker thread', () => {
  it('hands over the same bytes as inflating on the main thread, in chunks of the size asked', async () => {
    const inWorker = await openXlsxPackage(path, { workerFromBytes: 0 });
    const onMain = await openXlsxPackage(path, { workerFromBytes: Infinity });
    try {
      // 1 KiB chunks: thousands of them, so the worker stops at its allowance many times.
      const sizes: number[] = [];
      const chunks = inWorker.streamByteChunks(SHEET, 1024);
      const viaWorker = await bytesOf(
        (async function* () {
          for await (const chunk of chunks) {
            sizes.push(chunk.length);
            yield chunk;
          }
        })(),
        true,
      );
      const viaMain = await bytesOf(onMain.streamByteChunks(SHEET, 1024), false);
      expect(viaWorker.equals(viaMain)).toBe(true);
      expect(viaWorker.length).toBe(inWorker.partBytes(SHEET));
      expect(sizes.length).toBeGreaterThan(1000);
      // Every chunk but the last is full.
      expect(sizes.slice(0, -1).every((n) => n === 1024)).toBe(true);
    } finally {
      inWorker.close();
      onMain.close();
    }
  });

  it('reads the sheet row for row as the main thread does', async () => {
    const [viaWorker] = await readXlsxSheets(path, { workerFromBytes: 0 });
    expect(viaWorker?.rows).toHaveLength(ROWS);
    // The file's own values: row r holds r and "row r 行".
    expect(viaWorker?.rows[ROWS - 1]).toEqual([ROWS, `row ${ROWS} 行`]);
    expect(viaWorker).toEqual((await readXlsxSheets(path, { workerFromBytes: Infinity }))[0]);
  });

  it('a damaged part is a WorkbookReadError naming the file and the part, as on the main thread', async () => {
    // The sheet's deflated data cut in half: the zip's sizes say so (local and central header),
    // so the zip reads fine and inflating runs out of data.
    const bytes = Buffer.from(readFileSync(path));
    const name = Buffer.from(SHEET);
    const local = bytes.indexOf(name) - 30;
    const central = bytes.indexOf(name, local + 30 + name.length) - 46;
    const half = Math.floor(bytes.readUInt32LE(local + 18) / 2);
    bytes.writeUInt32LE(half, local + 18);
    bytes.writeUInt32LE(half, central + 20);
    const cut = join(work, 'cut.xlsx');
    writeFileSync(cut, bytes);
    const viaWorker = readXlsxSheets(cut, { workerFromBytes: 0 });
    await expect(viaWorker).rejects.toThrow(WorkbookReadError);
    await expect(viaWorker).rejects.toThrow(
      `${cut}: damaged part ${SHEET}: unexpected end of file`,
    );
    await expect(readXlsxSheets(cut, { workerFromBytes: Infinity })).rejects.toThrow(
      `${cut}: damaged part ${SHEET}: unexpected end of file`,
    );
  });

  it('a reader that stops early ends the thread, so the process can exit', () => {
    // Run in a child: a thread left running would keep it alive until the timeout kills it.
    const script = join(work, 'stop-early.mts');
    const module = pathToFileURL(join(process.cwd(), 'pipeline/xlsx-stream/stream-xlsx-rows.ts'));
    writeFileSync(
      script,
      `import { streamXlsxRows } from ${JSON.stringify(module.href)};
let rows = 0;
for await (const row of streamXlsxRows(${JSON.stringify(path)}, { workerFromBytes: 0 })) if (++rows === 10) break;
console.log('rows', rows);`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('rows 10');
    expect(child.status).toBe(0);
  });
});
