import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { pageCharset } from './corpus';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Folders the server reads from, by URL prefix. Nothing else on disk is reachable. */
const FOLDERS: Record<string, string> = {
  fortune: resolve(ROOT, 'tests/fixtures/fortune'),
  e2e: resolve(ROOT, 'tests/e2e/fixtures'),
};

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Absolute address of a path on this server. */
  url(path: string): string;
  /** Serve `html` at `path` (e.g. a fixture with its canonical link changed). */
  route(path: string, html: string): void;
  /** Serve `bytes` as `type` at `path` (a picture a test made). */
  routeFile(path: string, bytes: Uint8Array, type: string): void;
  /** Every path requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A static server on 127.0.0.1 (any free port) for the fixture pages:
 * `/fortune/<file>` from tests/fixtures/fortune, `/e2e/<file>` from
 * tests/e2e/fixtures, plus pages a test registers with `route()`.
 * With `corpus`, also `/corpus/<name>/<id>` from `<corpus>/<name>/html/<id>.html.gz`,
 * sent unzipped with the charset a reader of those files would pick (see corpus.ts).
 * Query strings are ignored, so `?tab=3` makes a unique tab address for the same page.
 */
export async function startServer(options: { corpus?: string } = {}): Promise<FixtureServer> {
  const routes = new Map<string, string>();
  const files = new Map<string, { bytes: Uint8Array; type: string }>();
  const requests: string[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(pathname);
    const file = files.get(pathname);
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'content-length': file.bytes.byteLength, 'cache-control': 'no-store' });
      res.end(file.bytes);
      return;
    }
    const routed = routes.get(pathname);
    if (routed !== undefined) {
      res.writeHead(200, { 'content-type': TYPES.html!, 'cache-control': 'no-store' });
      res.end(routed);
      return;
    }
    const [, folder, ...rest] = pathname.split('/');
    if (folder === 'corpus' && options.corpus) {
      const [name, id] = rest.map(decodeURIComponent);
      if (rest.length !== 2 || !name || !id || basename(name) !== name || basename(id) !== id || name.startsWith('.') || id.startsWith('.')) {
        res.writeHead(404, { 'content-type': TYPES.txt! });
        res.end('not found');
        return;
      }
      const body = await readFile(resolve(options.corpus, name, 'html', `${id}.html.gz`))
        .then(promisify(gunzip))
        .catch(() => undefined);
      if (!body) {
        res.writeHead(404, { 'content-type': TYPES.txt! });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': `text/html; charset=${pageCharset(body)}`, 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    const dir = folder ? FOLDERS[folder] : undefined;
    const name = rest.join('/');
    // Only plain file names directly inside a known folder: no sub-paths, no "..".
    if (!dir || !name || basename(name) !== name || name.startsWith('.')) {
      res.writeHead(404, { 'content-type': TYPES.txt! });
      res.end('not found');
      return;
    }
    try {
      const body = await readFile(resolve(dir, name));
      const ext = name.slice(name.lastIndexOf('.') + 1);
      res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': TYPES.txt! });
      res.end('not found');
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : `/${path}`),
    route: (path, html) => void routes.set(path, html),
    routeFile: (path, bytes, type) => void files.set(path, { bytes, type }),
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
