import * as nodeFs from 'node:fs/promises';

export type PrivateDirFs = Pick<typeof nodeFs, 'mkdir' | 'lstat'>;

/** Why a directory may not hold the socket, or undefined when it may. */
export function privateDirProblem(
  dir: string,
  stats: { isDirectory(): boolean; isSymbolicLink(): boolean; uid: number; mode: number },
  uid: number,
): string | undefined {
  if (stats.isSymbolicLink()) return `${dir} is a symbolic link, not a directory`;
  if (!stats.isDirectory()) return `${dir} is not a directory`;
  if (stats.uid !== uid) return `${dir} belongs to user ${stats.uid}, not to you (${uid})`;
  if ((stats.mode & 0o022) !== 0)
    return `${dir} is writable by other users (mode ${(stats.mode & 0o777).toString(8)}): run chmod 700 ${dir}`;
  return undefined;
}

/**
 * Makes `dir` (mode 0700) if missing, then checks it: a directory, ours, writable by us alone.
 * Someone else's directory could hold their socket in place of ours and be sent our requests,
 * or answer them. Returns a problem in words, or undefined.
 */
export async function ensurePrivateDir(
  dir: string,
  fs: PrivateDirFs = nodeFs,
  uid: number = process.getuid?.() ?? -1,
): Promise<string | undefined> {
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    return privateDirProblem(dir, await fs.lstat(dir), uid);
  } catch (error) {
    return `${dir}: ${(error as { code?: string }).code ?? String(error)}`;
  }
}
