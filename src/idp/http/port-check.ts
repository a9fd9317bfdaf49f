import { createServer } from 'node:net';

/** Where the IdP listens unless told otherwise. */
export const DEFAULT_IDP_HOST = '127.0.0.1';
export const DEFAULT_IDP_PORT = 7000;

/** host:port as a URL writes it (an IPv6 address in brackets). */
function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The one message for a port something else holds, before the build or at start-up. */
export function portInUseMessage(host: string, port: number, option = '--port'): string {
  return `${hostPort(host, port)} is in use (another IdP or stand-in, or an earlier npm start, still running?): stop it, or pick another port with ${option} N (npm start -- ${option} N)`;
}

/**
 * Whether host:port can be bound now: undefined when it can, else the one line saying why not.
 * Binds and closes at once, so the caller can check before a slow step and bind for real after.
 */
export function portProblem(
  host: string,
  port: number,
  option = '--port',
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === 'EADDRINUSE'
          ? portInUseMessage(host, port, option)
          : `cannot listen on ${hostPort(host, port)}: ${error.code ?? error.message}`,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve(undefined)));
  });
}
