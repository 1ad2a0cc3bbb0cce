/**
 * npm run addin:validate: the offline manifest check (no network, no Office). URLs are checked
 * against the files the build produces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './build-addin.js';
import { checkManifest } from './check-manifest.js';
import { builtFiles, DEV_ORIGIN } from './built-files.js';

const problems = checkManifest(readFileSync(join(REPO, 'manifest.xml'), 'utf8'), {
  origin: DEV_ORIGIN,
  files: builtFiles(),
});
if (problems.length === 0) {
  console.log('addin:validate: manifest.xml is valid (offline check).');
} else {
  for (const problem of problems) console.error(`manifest.xml: ${problem}`);
  process.exitCode = 1;
}
