import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTerminalControl, safeTerminalText } from '../../../pipeline/safe-terminal-text.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'terminal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('safeTerminalText', () => {
  it('shows ESC, BEL, NUL, CR, DEL and the one-character CSI as escapes, keeps tab and line feed', () => {
    expect(safeTerminalText('a\x1b]0;pwned\x07b\x00c\rd\x7fe\u009bf\tg\n')).toBe(
      'a\\u001b]0;pwned\\u0007b\\u0000c\\u000dd\\u007fe\\u009bf\tg\n',
    );
  });

  it("keeps the progress line's own carriage return and erase-line at the ends of a write", () => {
    expect(safeTerminalText('\r[##--] 1/2  a\x1b[2Jb.xlsx\x1b[K')).toBe(
      '\r[##--] 1/2  a\\u001b[2Jb.xlsx\x1b[K',
    );
    expect(safeTerminalText('\r\x1b[K[1/2] error x: y\n')).toBe('\r\x1b[K[1/2] error x: y\n');
  });

  it('leaves text without control characters as it is, and JSON escapes valid', () => {
    expect(safeTerminalText('Müller 中文')).toBe('Müller 中文');
    const json = safeTerminalText(JSON.stringify({ name: 'a\u009bb' }));
    expect(JSON.parse(json)).toEqual({ name: 'a\u009bb' });
  });
});

describe('cell text on the terminal', () => {
  it('inspect prints a header holding ESC, BEL and NUL as escapes', async () => {
    const path = join(work, 'bell.csv');
    writeFileSync(path, 'Deal\x1b[31m\x07\x00,Stage,Amount\nA,Won,1\n');
    const { out } = await runCli('inspect', path);
    expect(out).toContain('Deal\\u001b[31m\\u0007\\u0000');
    expect([...out].some((char) => isTerminalControl(char.charCodeAt(0)))).toBe(false);
  });
});
