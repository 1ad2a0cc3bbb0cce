import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkbookBuilderRef } from '../../../pipeline/report/batch/report-batch-model.js';

/** The fake builder of fake-builder.ts, as workers import it. */
export const FAKE_BUILDER: WorkbookBuilderRef = {
  module: new URL('./fake-builder.js', import.meta.url).href,
  exportName: 'fakeBuildWorkbookReport',
};

/** A fresh temp folder holding the named files (contents: the name, so sizes differ). */
export async function tempFiles(prefix: string, names: readonly string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const name of names) await writeFile(join(dir, name), name);
  return dir;
}
