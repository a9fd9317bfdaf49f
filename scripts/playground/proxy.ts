// A CONNECT proxy that tunnels the AWS hosts to the stand-in: Firefox's routing for the e2e suite.
// Unlike per-page request interception it also covers tabs the extension opens and its own fetches.
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

/** `sts.*.amazonaws.com` style patterns: `*` is one or more DNS labels. */
export function hostMatcher(patterns: readonly string[]): (host: string) => boolean {
  const expressions = patterns.map(
    (p) => new RegExp(`^${p.replace(/\./g, '\\.').replace(/\*/g, '[a-z0-9.-]+')}$`, 'i'),
  );
  return (host) => expressions.some((e) => e.test(host));
}

export interface TunnelProxy {
  port: number;
  close(): Promise<void>;
}

/** Tunnels CONNECTs for `hosts` to `target` (`host:port`); refuses everything else. */
export async function startTunnelProxy(
  hosts: readonly string[],
  target: string,
): Promise<TunnelProxy> {
  const matches = hostMatcher(hosts);
  const [targetHost, targetPort] = target.split(':') as [string, string];
  const server = createServer((_req, res) => res.writeHead(405).end());
  const open = new Set<{ destroy(): void }>();
  server.on('connect', (req, client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!matches(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(targetPort), targetHost, () => {
      open.add(upstream);
      upstream.on('close', () => open.delete(upstream));
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((done) => {
        for (const socket of open) socket.destroy();
        server.close(() => done());
      }),
  };
}
