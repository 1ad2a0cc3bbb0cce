import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeFields, RECORD_KINDS, STAGE_TEMPLATES } from '../../../core/index.js';
import { headersMarkdown } from '../../../pipeline/docs/headers-markdown.js';

const DOC = new URL('../../../docs/headers.md', import.meta.url);

describe('headersMarkdown', () => {
  it('docs/headers.md is up to date with the header and stage tables (npm run docs:headers)', async () => {
    expect(await readFile(DOC, 'utf8')).toBe(headersMarkdown());
  });

  it('lists every header alias of every kind and every stage name, English and Chinese', () => {
    const page = headersMarkdown();
    for (const kind of RECORD_KINDS)
      for (const field of describeFields(kind))
        for (const alias of field.aliases)
          expect(page).toContain(`\`${alias.replace(/\|/g, '\\|')}\``);
    for (const template of Object.values(STAGE_TEMPLATES))
      for (const stage of template.stages) {
        expect(page).toContain(stage.name);
        expect(page).toContain(stage.nameZh);
      }
  });
});

describe('README', () => {
  it('points to the list of recognised headers and stage names in both languages', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('docs/headers.md');
  });
});
