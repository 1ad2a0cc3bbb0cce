/**
 * npm run addin:demo (after addin:build): serves dist/addin on http://localhost:3001 and prints
 * the demo page's address; open it in any browser. No Excel and no network needed.
 */
import { OUT_DIR } from './build-addin.js';
import { serveHttp } from './static-server.js';

const DEMO_PORT = 3001;

const { url } = await serveHttp(OUT_DIR, DEMO_PORT);
console.log(`addin:demo: open ${url}/demo/demo.html (Ctrl+C stops).`);
