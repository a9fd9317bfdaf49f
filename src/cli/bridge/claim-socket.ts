import { lstat, unlink } from 'node:fs/promises';
import { connect, type Server } from 'node:net';

export type Claim = 'listening' | 'taken';

function listenOn(server: Server, path: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => resolve(error);
    server.once('error', onError);
    server.listen(path, () => {
      server.off('error', onError);
      resolve(undefined);
    });
  });
}

/** True when a host answers at `path` (it accepts a connection). */
export function isLive(path: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const done = (live: boolean) => {
      socket.destroy();
      resolve(live);
    };
    socket.setTimeout(timeoutMs, () => done(true));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Listens on the socket path. A socket nobody answers on is left over from a host that died: it
 * is removed, but only if it is a socket of ours (never another kind of file, never someone
 * else's). A live one belongs to another browser's host: that one keeps it ('taken').
 */
export async function claimSocket(
  server: Server,
  path: string,
  uid: number = process.getuid?.() ?? -1,
): Promise<Claim> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const error = await listenOn(server, path);
    if (!error) return 'listening';
    if (error.code !== 'EADDRINUSE') throw error;
    if (await isLive(path)) return 'taken';
    const stats = await lstat(path).catch(() => undefined);
    if (stats && (!stats.isSocket() || stats.uid !== uid))
      throw new Error(`${path} is in the way and is not a socket of yours: remove it`);
    await unlink(path).catch(() => undefined);
  }
  return 'taken';
}
