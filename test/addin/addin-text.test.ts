import { describe, expect, it } from 'vitest';
import { ADDIN_TEXT, addinText } from '../../addin/src/text/addin-text.js';
import { TEXT_CATALOGUE, textFor } from '../../core/index.js';

describe('addinText', () => {
  it("holds the add-in's words (ADDIN_TEXT is its addin section by language)", () => {
    expect(Object.keys(ADDIN_TEXT.zh)).toEqual(Object.keys(TEXT_CATALOGUE.addin));
    expect(ADDIN_TEXT.zh.run).toBe(TEXT_CATALOGUE.addin.run.zh);
    expect(textFor('zh', 'addin.errorNoTable', { name: 'Deals' })).toBe(
      addinText('zh', 'errorNoTable', { name: 'Deals' }),
    );
  });

  it('leaves a placeholder without its parameter as it is', () => {
    expect(addinText('en', 'errorNoTable')).toBe('There is no Excel table named {name}.');
  });
});
