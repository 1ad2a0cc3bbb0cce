/**
 * Builds the task pane into dist/addin/: the pane and worker bundles (esbuild), the HTML and CSS,
 * the icons, office.js with the Excel host scripts it loads from beside itself, and the demo page.
 *
 *   node --import tsx addin/scripts/build-addin.ts [--watch]
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { ICON_SIZES, iconPng } from './icon-png.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT_DIR = join(REPO, 'dist', 'addin');
const SRC = join(REPO, 'addin', 'src');
const OFFICE_DIST = join(REPO, 'node_modules', '@microsoft', 'office-js', 'dist');

/** office.js loads the host's script and its strings from its own folder: these are the Excel ones. */
const OFFICE_FILES =
  /^(office\.js|excel-[a-z0-9]+-16\.0\d(-core)?\.js|o15apptofilemappingtable\.js|es6-promise\.js)$/;
const OFFICE_LOCALES = ['en-us', 'zh-cn', 'zh-tw'];

/** The esbuild options of the pane, the worker and the demo page. */
export function bundleOptions(): esbuild.BuildOptions {
  const entryPoints: Record<string, string> = {
    taskpane: join(SRC, 'taskpane.ts'),
    'analysis-worker': join(SRC, 'worker', 'analysis-worker.ts'),
  };
  entryPoints['demo/demo'] = join(REPO, 'addin', 'demo', 'demo.ts');
  return {
    entryPoints,
    outdir: OUT_DIR,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  };
}

/** Copies the static files: HTML, CSS, icons, office.js and its Excel scripts, the demo page. */
export function copyStatic(): void {
  mkdirSync(join(OUT_DIR, 'assets'), { recursive: true });
  for (const file of ['taskpane.html', 'taskpane.css', 'commands.html', 'help.html'])
    copyFileSync(join(SRC, file), join(OUT_DIR, file));
  for (const size of ICON_SIZES)
    writeFileSync(join(OUT_DIR, 'assets', `icon-${size}.png`), iconPng(size));
  for (const entry of readdirSync(OFFICE_DIST)) {
    if (OFFICE_FILES.test(entry) || OFFICE_LOCALES.includes(entry))
      cpSync(join(OFFICE_DIST, entry), join(OUT_DIR, entry), { recursive: true });
  }
  const demoDir = join(REPO, 'addin', 'demo');
  mkdirSync(join(OUT_DIR, 'demo', 'samples'), { recursive: true });
  for (const file of ['demo.html', 'demo.css'])
    copyFileSync(join(demoDir, file), join(OUT_DIR, 'demo', file));
  for (const file of readdirSync(join(REPO, 'samples')).filter((f) => f.endsWith('.xlsx')))
    copyFileSync(join(REPO, 'samples', file), join(OUT_DIR, 'demo', 'samples', file));
}

export async function buildAddin(): Promise<esbuild.Metafile | undefined> {
  mkdirSync(OUT_DIR, { recursive: true });
  copyStatic();
  const result = await esbuild.build(bundleOptions());
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--watch')) {
    copyStatic();
    const context = await esbuild.context(bundleOptions());
    await context.watch();
    console.log(`addin:build watching; output in ${OUT_DIR}`);
  } else {
    await buildAddin();
    console.log(`addin:build: ${OUT_DIR}`);
  }
}
