/**
 * Whether a UTF-16 code unit is a control character that must not reach a terminal raw: C0
 * controls but tab and line feed, DEL, and C1 controls (U+009B is a one-character CSI). Any of
 * them in a cell could move the cursor, recolour or retitle the terminal, ring its bell, or hide
 * the text before it.
 */
export function isTerminalControl(code: number): boolean {
  return (code < 32 && code !== 9 && code !== 10) || (code >= 0x7f && code <= 0x9f);
}

const ERASE_LINE = '\x1b[K';

/**
 * Text for a terminal with every control character from the data shown as a `\u001b`-style
 * escape, so a cell cannot rewrite the terminal; inside JSON strings that escape is the same
 * character, so `--json` output stays valid and means the same. Only what pipecast's own
 * progress line writes is kept: a carriage return (and erase-line) at the start of a write, an
 * erase-line at its end.
 */
export function safeTerminalText(text: string): string {
  let first = 0;
  while (first < text.length && !isTerminalControl(text.charCodeAt(first))) first++;
  if (first === text.length) return text;
  let start = 0;
  if (text.startsWith('\r')) start = text.startsWith(ERASE_LINE, 1) ? 1 + ERASE_LINE.length : 1;
  const end =
    text.endsWith(ERASE_LINE) && text.length - ERASE_LINE.length >= start
      ? text.length - ERASE_LINE.length
      : text.length;
  let body = '';
  let from = start;
  for (let i = Math.max(first, start); i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isTerminalControl(code)) continue;
    body += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return text.slice(0, start) + body + text.slice(from, end) + text.slice(end);
}
