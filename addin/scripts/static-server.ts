import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { ServerOptions } from 'node:https';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xml': 'application/xml; charset=utf-8',
};

/**
 * A static file server for dist/addin (the dev server, the demo and the browser tests): files
 * under `root` only, `/` is the pane, no caching so a rebuild shows at once.
 */
export function staticHandler(root: string, extra: Readonly<Record<string, string>> = {}) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const mapped = extra[path];
    const file = mapped ?? normalize(join(root, path === '/' ? 'taskpane.html' : path));
    if (mapped === undefined && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  };
}

/** Serves `root` on http://127.0.0.1:`port` (0: any free port); resolves to the server and its URL. */
export async function serveHttp(
  root: string,
  port: number,
  extra: Readonly<Record<string, string>> = {},
): Promise<{ server: Server; url: string }> {
  const server = createServer(staticHandler(root, extra));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  return { server, url: `http://localhost:${actual}` };
}

/** Serves `root` on https://localhost:`port` with the given certificate. */
export async function serveHttps(
  root: string,
  port: number,
  tls: ServerOptions,
): Promise<{ server: Server; url: string }> {
  const server = createHttpsServer(tls, staticHandler(root));
  await new Promise<void>((resolve) => server.listen(port, 'localhost', resolve));
  return { server, url: `https://localhost:${port}` };
}
