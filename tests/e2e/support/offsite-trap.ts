import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OffsiteTrap {
  port: number;
  /** Every request that reached the trap: `GET http://host/path` or `CONNECT host:443`. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A proxy on 127.0.0.1 that forwards nothing. Firefox is pointed at it for
 * every host but 127.0.0.1, so anything the browser tries to fetch from
 * elsewhere (its own background traffic included, which the page-level
 * protocol never shows) is refused here and written down for the test.
 */
export async function startOffsiteTrap(): Promise<OffsiteTrap> {
  const requests: string[] = [];
  const note = (req: IncomingMessage) => requests.push(`${req.method} ${req.url}`);
  const server = createServer((req, res) => {
    note(req);
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('Tests contact no host but 127.0.0.1.');
  });
  server.on('connect', (req: IncomingMessage, socket) => {
    note(req);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
