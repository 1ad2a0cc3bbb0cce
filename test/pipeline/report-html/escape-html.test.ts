import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../pipeline/report-html/escape-html.js';

describe('escapeHtml', () => {
  it('escapeHtml turns an img-onerror payload into inert text', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapeHtml escapes all five HTML-special characters, ampersand first', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('&lt;')).toBe('&amp;lt;'); // already-escaped text is shown literally
  });

  it('escapeHtml leaves Chinese and plain text alone and converts non-strings', () => {
    expect(escapeHtml('华东机电 Acme')).toBe('华东机电 Acme');
    expect(escapeHtml(12.5)).toBe('12.5');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(false)).toBe('false');
  });

  it('escapeHtml output never contains a raw < > or quote (property over random text)', () => {
    let seed = 7;
    const alphabet = `<>&"' a=/\\x华`;
    for (let n = 0; n < 500; n += 1) {
      let s = '';
      for (let i = 0; i < 12; i += 1) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += alphabet[seed % alphabet.length];
      }
      expect(escapeHtml(s)).not.toMatch(/[<>"']/);
    }
  });
});
