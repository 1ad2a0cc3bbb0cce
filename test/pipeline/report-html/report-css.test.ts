import { describe, expect, it } from 'vitest';
import { EMBEDDED_CJK_FAMILY } from '../../../pipeline/report-html/embed-cjk-font.js';
import { REPORT_CSS } from '../../../pipeline/report-html/report-css.js';

/** The font-family list of every `font` and `font-family` declaration in the CSS. */
function fontStacks(css: string): string[] {
  return [...css.matchAll(/[{;]font(?:-family)?:([^;}]+)/g)].map((m) =>
    // In the `font` shorthand the family list follows the size/line-height.
    (m[1] ?? '').replace(/^.*?\d+px(?:\/[\d.]+)?\s+/, ''),
  );
}

describe('REPORT_CSS font stacks', () => {
  it('list the embedded CJK font first in every stack (body, chart text, warning locations)', () => {
    // Chromium draws the first CJK text of each font size and weight as empty boxes when an
    // installed font without CJK glyphs comes before the embedded font (see report-css.ts).
    const stacks = fontStacks(REPORT_CSS);
    expect(stacks).toHaveLength(3);
    for (const stack of stacks) expect(stack.startsWith(`"${EMBEDDED_CJK_FAMILY}",`)).toBe(true);
  });
});
