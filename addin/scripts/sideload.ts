/**
 * npm run addin:start / addin:stop: sideload manifest.xml into Excel and debug it with
 * office-addin-debugging when it is installed (it is optional: its keytar build needs
 * libsecret). Without it, prints how to sideload by hand.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './build-addin.js';

const command = process.argv[2] === 'stop' ? 'stop' : 'start';
const require = createRequire(import.meta.url);

function hasDebugging(): boolean {
  try {
    require.resolve('office-addin-debugging/package.json');
    return true;
  } catch {
    return false;
  }
}

const MANUAL = `office-addin-debugging is not installed (it is an optional dependency), so the add-in is not sideloaded for you.
Sideload it by hand:
  1. npm run addin:dev            (serves the pane on https://localhost:3000; trust the certificate once)
  2. Excel on the web: Home > Add-ins > More Add-ins > Upload My Add-in > choose manifest.xml
     Windows: put manifest.xml in a shared folder, add it under File > Options > Trust Center >
       Trusted Add-in Catalogs, then Home > Add-ins > Shared Folder
     Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
       and restart Excel, then Home > Add-ins
See "Excel add-in" in README.md.`;

if (!hasDebugging()) {
  if (command === 'start') console.log(MANUAL);
  else
    console.log(
      'office-addin-debugging is not installed: nothing was sideloaded, so nothing to stop. Stop addin:dev with Ctrl+C.',
    );
} else {
  const manifest = join(REPO, 'manifest.xml');
  const args =
    command === 'start'
      ? [
          'office-addin-debugging',
          'start',
          manifest,
          'desktop',
          '--app',
          'excel',
          '--dev-server',
          'npm run addin:dev',
          '--dev-server-port',
          '3000',
        ]
      : ['office-addin-debugging', 'stop', manifest];
  const result = spawnSync('npx', args, { stdio: 'inherit', cwd: REPO });
  process.exitCode = result.status ?? 1;
}
