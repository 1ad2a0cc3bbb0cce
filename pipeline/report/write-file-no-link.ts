import { constants } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Writes `data` to `path` inside the folder `root`, never through a symbolic link and never onto
 * an input: every folder below `root` down to the file, and the file, must not be links (`root`
 * itself may be one: the user named it), and the file must not be (a hard link to) one of
 * `inputs`. A link planted inside an
 * output folder used to let a report overwrite the workbook it was made from. The file is opened
 * with O_NOFOLLOW, so a link made between the check and the write is not followed either.
 *
 * @throws Error naming the path and the link or input, when the write is refused
 */
export async function writeFileNoLink(
  root: string,
  path: string,
  data: string | Uint8Array,
  inputs: readonly string[] = [],
): Promise<void> {
  const base = resolve(root);
  const target = resolve(path);
  const folders = relative(base, dirname(target))
    .split(sep)
    .filter((part) => part !== '');
  let folder = base;
  for (const part of folders) {
    folder = join(folder, part);
    if ((await lstat(folder)).isSymbolicLink())
      throw refused(target, `${folder} is a symbolic link`);
  }
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isSymbolicLink()) throw refused(target, 'it is a symbolic link');
  if (existing !== undefined) {
    for (const input of inputs) {
      const info = await stat(input).catch(() => undefined);
      if (info !== undefined && info.dev === existing.dev && info.ino === existing.ino) {
        throw refused(target, `it is the input ${input}`);
      }
    }
  }
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
  const handle = await open(target, flags, 0o666).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ELOOP' ? refused(target, 'it is a symbolic link') : error;
  });
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

function refused(path: string, why: string): Error {
  return new Error(`refusing to write ${path}: ${why}`);
}
