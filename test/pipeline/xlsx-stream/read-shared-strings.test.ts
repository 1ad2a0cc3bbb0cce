import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { XlsxPackage } from '../../../pipeline/xlsx-stream/open-xlsx-package.js';
import { readSharedStrings } from '../../../pipeline/xlsx-stream/read-shared-strings.js';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A package whose only part is handed over in the given byte chunks. */
function packageOf(chunks: Buffer[]): XlsxPackage {
  return {
    file: 'test.xlsx',
    has: () => true,
    partBytes: () => undefined,
    readText: () => Promise.resolve(Buffer.concat(chunks).toString('utf8')),
    streamText: () => {
      throw new Error('not used');
    },
    streamByteChunks: async function* () {
      for (const chunk of chunks) {
        // The reader must copy what it keeps: the chunk's memory is overwritten after the call.
        const copy = Buffer.from(chunk);
        yield await Promise.resolve(copy);
        copy.fill(0x3c);
      }
    },
    streamBytes: () => Promise.reject(new Error('not used')),
    close: () => undefined,
  };
}

/** One item as written (with prefix p) and the text Excel shows for it. */
const item = fc.oneof(
  fc.constantFrom('Customer 7919', 'Owner 02', '中文 ☺', '').map((text) => ({
    xml: (p: string) => `<${p}si><${p}t>${text}</${p}t></${p}si>`,
    text,
  })),
  fc.constant({
    xml: (p: string) => `<${p}si><${p}t>R&amp;D &lt;x&gt; _x0041_</${p}t></${p}si>`,
    text: 'R&D <x> A',
  }),
  fc.constant({
    xml: (p: string) => `<${p}si><${p}t>user_name</${p}t></${p}si>`,
    text: 'user_name',
  }),
  fc.constant({ xml: (p: string) => `<${p}si><${p}t>A_x0042_C</${p}t></${p}si>`, text: 'ABC' }),
  fc.constant({
    xml: (p: string) => `<${p}si><${p}t>line\r\nend</${p}t></${p}si>`,
    text: 'line\nend',
  }),
  fc.constant({
    xml: (p: string) => `<${p}si><${p}t xml:space="preserve"> a </${p}t></${p}si>`,
    text: ' a ',
  }),
  fc.constant({
    xml: (p: string) =>
      `<${p}si><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>bold </${p}t></${p}r><${p}r><${p}t>run</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>ふ</${p}t></${p}rPh></${p}si>`,
    text: 'bold run',
  }),
  fc.constant({ xml: (p: string) => `<${p}si/>`, text: '' }),
);

describe('readSharedStrings', () => {
  it('reads plain, escaped, rich-text and empty items the same however the bytes are cut (even inside a character)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { maxLength: 20 }),
        fc.constantFrom('', 'x:'),
        fc.constantFrom('', '\n  '),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (items, p, spacing, points) => {
          const ns = p === '' ? 'xmlns' : `xmlns:${p.slice(0, -1)}`;
          const xml = `<?xml version="1.0"?>\n<${p}sst ${ns}="${MAIN_NS}">${spacing}${items.map((i) => i.xml(p)).join(spacing)}</${p}sst>`;
          const bytes = Buffer.from(xml);
          const at = [...new Set([0, ...points.map((n) => n % (bytes.length + 1)), bytes.length])];
          at.sort((a, b) => a - b);
          const chunks = at.slice(1).map((end, i) => bytes.subarray(at[i], end));
          const strings = await readSharedStrings(packageOf(chunks), 'sst.xml');
          expect(strings.toArray()).toEqual(items.map((i) => i.text));
        },
      ),
      { numRuns: 300 },
    );
  });
});
