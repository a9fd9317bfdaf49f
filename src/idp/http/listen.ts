import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface Listening {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts an HTTP (or, given a certificate, HTTPS) server; 127.0.0.1 unless told otherwise, port 0
 * for a free one. `close()` also drops idle keep-alive connections so tests end promptly.
 */
export async function listen(
  handler: RequestListener,
  options: { port?: number; host?: string; https?: { certPem: string; keyPem: string } },
): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = options.https
    ? createHttpsServer({ cert: options.https.certPem, key: options.https.keyPem }, handler)
    : createHttpServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    server,
    url: `${options.https ? 'https' : 'http'}://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
