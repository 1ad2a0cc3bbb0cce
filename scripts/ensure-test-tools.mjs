// Runs before `npm test`: installs the Debian packages the browser, rendering and spreadsheet tests
// use, when this machine can (root with apt-get). Elsewhere it says what is missing; those tests then skip
// with a visible reason and every other test still runs.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  { pkg: 'chromium', file: '/usr/bin/chromium', why: 'report opens in a headless browser' },
  {
    pkg: 'libreoffice-calc-nogui',
    file: '/usr/bin/soffice',
    why: 'results.xlsx opens in LibreOffice Calc',
  },
];

const missing = NEEDED.filter((tool) => !existsSync(tool.file));
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  for (const tool of missing) {
    console.warn(
      `ensure-test-tools: ${tool.file} is missing (${tool.why}); install Debian package '${tool.pkg}' or those tests skip.`,
    );
  }
  process.exit(0);
}

const packages = missing.map((tool) => tool.pkg);
console.log(`ensure-test-tools: installing ${packages.join(', ')} with apt-get`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
  stdio: 'inherit',
  env,
});
