import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
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
    throw new UsageError(
      `--out ${outDir} is a file, not a folder; name a folder for the reports, e.g. --out reports`,
    );
  }
  for (const path of inputs.paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isDirectory()) continue;
    const folder = await realpath(path);
    if (isInsideOrEqual(out, folder)) {
      throw new UsageError(
        `--out ${outDir} is inside the input folder ${path}: reports (results.xlsx, *.csv) would mix with the workbooks they were made from; choose a folder outside it, e.g. --out ${suggestion(path)}`,
      );
    }
  }
  for (const file of inputs.files) {
    const real = await realpath(file).catch(() => resolve(file));
    if (isInsideOrEqual(real, out)) {
      throw new UsageError(
        `--out ${outDir} contains the input ${file}, which a report folder could overwrite; choose another --out folder`,
      );
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
