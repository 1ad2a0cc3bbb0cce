// `npm run docs:headers`: writes docs/headers.md from the header and stage tables.
import { writeFile } from 'node:fs/promises';
import { headersMarkdown } from './headers-markdown.js';

const target = new URL('../../docs/headers.md', import.meta.url);
await writeFile(target, headersMarkdown());
console.log(`wrote ${target.pathname}`);
