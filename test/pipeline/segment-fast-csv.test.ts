import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvGridFast, tokenize } from '../../pipeline/commands/segment-fast-csv.js';
import { readWorkbook } from '../../pipeline/read-workbook.js';

const DIR = '../shared/data/online-retail/by-day';

describe('readCsvGridFast', () => {
  it('gives the same grid as readWorkbook on tricky CSV text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'segment-csv-'));
    const cases = {
      'plain.csv': 'a,b,c\n1,2,3\n4,,\n\n5, ,6\n\n',
      'quoted.csv': 'id,text\r\n1,"x, y"\r\n2,"say ""hi"""\r\n3,"two\nlines"\r\n4,mid"quote\r\n',
      'semicolon.csv': 'Kunde;Betrag\nA;1,5\nB;2\n',
      'bom.csv': '\ufeff客户,金额\n甲,100\n',
      'lonecr.csv': 'a,b\r1,2\r',
      'unclosed.csv': 'a,b\n1,"oops\n',
    };
    for (const [name, text] of Object.entries(cases)) {
      const file = join(dir, name);
      await writeFile(file, text);
      const generic = await readWorkbook(file).then(
        (g) => g[0],
        (e: Error) => e.message,
      );
      const fast = await readCsvGridFast(file).then(
        (g) => g,
        (e: Error) => e.message,
      );
      expect(fast, name).toEqual(generic);
    }
  });

  it('declines text it cannot split simply, so the full parser decides', () => {
    expect(tokenize('a,"b"c\n', ',')).toBeUndefined();
    expect(tokenize('a,"b\n', ',')).toBeUndefined();
    expect(tokenize('a,"b"\n', ',')).toEqual([['a', 'b']]);
  });

  it.skipIf(!existsSync(DIR))(
    'matches readWorkbook on the December 2010 Online Retail files',
    async () => {
      for (const d of ['01', '02', '03', '05', '06', '07', '08', '09', '10']) {
        const file = join(DIR, `2010-12-${d}.csv`);
        expect(await readCsvGridFast(file)).toEqual((await readWorkbook(file))[0]);
      }
    },
  );
});
