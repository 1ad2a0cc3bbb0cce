import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../pipeline/cli-io.js';
import { checkOutputDir } from '../../../pipeline/report/batch/check-output-dir.js';

let root: string;
let inputs: string;
let files: string[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'check-out-'));
  inputs = join(root, 'samples');
  await mkdir(inputs);
  files = [join(inputs, 'a.xlsx'), join(inputs, 'b.csv')];
  for (const f of files) await writeFile(f, 'x');
});

describe('checkOutputDir', () => {
  it('checkOutputDir accepts a new folder beside the input folder', async () => {
    await expect(
      checkOutputDir(join(root, 'out', 'samples'), { paths: [inputs], files }),
    ).resolves.toBeUndefined();
  });

  it('checkOutputDir refuses the input folder itself, with another --out suggested', async () => {
    const error = await checkOutputDir(inputs, { paths: [inputs], files }).catch((e) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain(`is inside the input folder ${inputs}`);
    expect(error.message).toContain(`--out ${join('out', 'samples')}`);
  });

  it('checkOutputDir refuses a folder inside an input folder, existing or not', async () => {
    await expect(
      checkOutputDir(join(inputs, 'reports', 'x'), { paths: [inputs], files }),
    ).rejects.toThrow(/inside the input folder/);
  });

  it('checkOutputDir refuses an input file as --out', async () => {
    await expect(
      checkOutputDir(files[0]!, { paths: [files[0]!], files: [files[0]!] }),
    ).rejects.toThrow(/is a file, not a folder/);
  });

  it('checkOutputDir refuses a folder that contains an input file named on its own', async () => {
    await expect(checkOutputDir(root, { paths: [files[1]!], files: [files[1]!] })).rejects.toThrow(
      `contains the input ${files[1]}`,
    );
  });

  it('checkOutputDir sees through a symbolic link to the input folder', async () => {
    const link = join(root, 'link-to-samples');
    await symlink(inputs, link);
    await expect(checkOutputDir(join(link, 'out'), { paths: [inputs], files })).rejects.toThrow(
      /inside the input folder/,
    );
  });

  it('checkOutputDir does not mistake a sibling whose name starts with the input folder’s', async () => {
    await expect(
      checkOutputDir(join(root, 'samples-reports'), { paths: [inputs], files }),
    ).resolves.toBeUndefined();
  });
});
