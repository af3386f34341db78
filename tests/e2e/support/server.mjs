// A static file server for the built app, on 127.0.0.1 and a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` and resolves to `{ url, close, deploy, setDown }` once
 * listening. `extra` maps further URL paths to files outside `root` (the
 * benchmark serves a library from node_modules from the app's own origin
 * this way). `deploy(dir)` serves another directory from then on, at the
 * same origin (a new version of the site); `setDown(true)` drops every
 * request without an answer, as an unreachable server would (the page's
 * service worker is not affected by Playwright's `setOffline`, so the
 * offline tests take the server away too). The service worker, `sw.js`, is
 * served as JavaScript from the root, so its scope is the whole site.
 */
export async function serve(root, extra = {}) {
  let base = resolve(root);
  let down = false;
  const sockets = new Set();
  const server = createServer(async (request, response) => {
    if (down) {
      request.socket.destroy();
      return;
    }
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      let file = Object.hasOwn(extra, path) ? resolve(extra[path]) : normalize(join(base, path));
      if (!file.startsWith(base) && !Object.hasOwn(extra, path)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        for (const socket of sockets) socket.destroy();
      }),
    deploy: (dir) => {
      base = resolve(dir);
    },
    setDown: (value) => {
      down = value;
      // Kept-alive connections would otherwise still answer.
      if (down) for (const socket of sockets) socket.destroy();
    },
  };
}
