import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { coded } from '../../../core/index.js';
import { UsageError } from '../../cli-io.js';

/**
 * Refuses an --out folder that could overwrite or mix with the inputs: one that is an existing
 * file (an input or not), one equal to or inside a folder named as input (its results.xlsx and
 * CSV files would sit beside the workbooks it was made from), or one that contains an input file
 * (a report folder could then land on top of it). Paths are compared after resolving symbolic
 * links, so a link to the samples folder is still the samples folder.
 *
 * @param outDir - The --out folder as given (it need not exist yet).
 * @param inputs - The paths named on the command line, and the files they expanded to.
 * @throws {UsageError} With the reason and a suggestion, when the folder is refused.
 */
export async function checkOutputDir(
  outDir: string,
  inputs: { paths: readonly string[]; files: readonly string[] },
): Promise<void> {
  const out = await realPathOfMaybeMissing(outDir);
  const outInfo = await stat(out).catch(() => undefined);
  if (outInfo !== undefined && !outInfo.isDirectory()) {
    throw new UsageError(coded('error.outIsFile', { out: outDir }));
  }
  for (const path of inputs.paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isDirectory()) continue;
    const folder = await realpath(path);
    if (isInsideOrEqual(out, folder)) {
      throw new UsageError(
        coded('error.outInsideInput', { out: outDir, folder: path, suggestion: suggestion(path) }),
      );
    }
  }
  for (const file of inputs.files) {
    const real = await realpath(file).catch(() => resolve(file));
    if (isInsideOrEqual(real, out)) {
      throw new UsageError(coded('error.outContainsInput', { out: outDir, file }));
    }
  }
}

function isInsideOrEqual(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Resolves links in the longest existing prefix of a path that may not exist yet. */
async function realPathOfMaybeMissing(path: string): Promise<string> {
  const absolute = resolve(path);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return join(await realpath(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return absolute;
      missing.push(basename(current));
      current = parent;
    }
  }
}

function suggestion(inputFolder: string): string {
  const name = basename(resolve(inputFolder)) || 'reports';
  return join('out', name);
}
