import { readFile } from 'node:fs/promises';

/**
 * The version in pipecast's package.json, found from this module's place: `pipeline/` when run
 * from source, `dist/pipeline/` when installed, so the nearest of `..` and `../..` that holds
 * pipecast's package.json.
 *
 * @returns the version, e.g. "0.1.0".
 * @throws Error when no package.json of pipecast is found (a broken install).
 */
export async function readPackageVersion(): Promise<string> {
  for (const up of ['../package.json', '../../package.json']) {
    let text: string;
    try {
      text = await readFile(new URL(up, import.meta.url), 'utf8');
    } catch {
      continue;
    }
    const manifest = JSON.parse(text) as { name?: unknown; version?: unknown };
    if (manifest.name === 'pipecast' && typeof manifest.version === 'string')
      return manifest.version;
  }
  throw new Error('pipecast: package.json not found beside the program; reinstall pipecast');
}
