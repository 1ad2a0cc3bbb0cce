/**
 * npm run addin:dev: builds the pane, rebuilds it on every change, and serves dist/addin on
 * https://localhost:3000 (the address manifest.xml names) with the development certificate of
 * office-addin-dev-certs, which Office trusts once it is installed.
 */
import * as esbuild from 'esbuild';
import { bundleOptions, copyStatic, OUT_DIR } from './build-addin.js';
import { DEV_PORT } from './dev-port.js';
import { serveHttps } from './static-server.js';

async function main(): Promise<void> {
  let tls;
  try {
    const certs = await import('office-addin-dev-certs');
    tls = await certs.getHttpsServerOptions();
  } catch (error) {
    console.error(
      `addin:dev: no development certificate (${(error as Error).message}).\n` +
        'Run "npx office-addin-dev-certs install" once (it asks to trust a local certificate authority), then run addin:dev again.',
    );
    process.exitCode = 1;
    return;
  }
  copyStatic();
  const context = await esbuild.context(bundleOptions());
  await context.watch();
  const { url } = await serveHttps(OUT_DIR, DEV_PORT, tls);
  console.log(
    `addin:dev: serving ${OUT_DIR} on ${url}/taskpane.html, rebuilding on change (Ctrl+C stops).`,
  );
}

await main();
