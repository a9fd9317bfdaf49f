import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, EXIT } from './io.ts';

/** The parts of node:fs/promises used here, so a test can make one step fail. */
export type PrivateFileFs = Pick<typeof nodeFs, 'lstat' | 'open' | 'rename' | 'unlink'>;

/** Owner read and write only: the file holds live AWS keys. */
export const PRIVATE_MODE = 0o600;

/**
 * Refuses a target that is a symbolic link (writing through it would put the keys wherever it
 * points, and replacing it would silently break the user's link) or anything but a regular file.
 * A missing file is fine. Returns the absolute path.
 */
export async function checkPrivateFileTarget(
  path: string,
  fs: PrivateFileFs = nodeFs,
): Promise<string> {
  const target = resolve(path);
  let stats: Awaited<ReturnType<typeof nodeFs.lstat>>;
  try {
    stats = await fs.lstat(target);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      await checkDirectory(path, dirname(target), fs);
      return target;
    }
    throw new CliError(`--output ${path}: ${reason(error)}`, EXIT.usage);
  }
  if (stats.isSymbolicLink())
    throw new CliError(
      `--output ${path}: is a symbolic link; credentials are not written through links (give the path of the file it points to)`,
      EXIT.usage,
    );
  if (!stats.isFile()) throw new CliError(`--output ${path}: is not a regular file`, EXIT.usage);
  return target;
}

async function checkDirectory(path: string, directory: string, fs: PrivateFileFs): Promise<void> {
  const stats = await fs.lstat(directory).catch(() => undefined);
  if (!stats)
    throw new CliError(`--output ${path}: the directory ${directory} does not exist`, EXIT.usage);
  // A link to a directory is the user's own layout (e.g. ~/.aws in a dotfiles repository).
  if (!stats.isDirectory() && !stats.isSymbolicLink())
    throw new CliError(`--output ${path}: ${directory} is not a directory`, EXIT.usage);
}

/**
 * Writes `text` to `path` with mode 0600, atomically: into a new temporary file beside it
 * (created exclusively, so nothing planted at that name is followed), flushed, then renamed over
 * the target. A failure at any step leaves the old file as it was. Returns the absolute path.
 */
export async function writePrivateFile(
  path: string,
  text: string,
  fs: PrivateFileFs = nodeFs,
): Promise<string> {
  const target = await checkPrivateFileTarget(path, fs);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await fs.open(temp, 'wx', PRIVATE_MODE);
    created = true;
    try {
      // The umask can only take bits away; set the mode exactly all the same.
      await handle.chmod(PRIVATE_MODE);
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
    return target;
  } catch (error) {
    if (created) await fs.unlink(temp).catch(() => undefined);
    throw new CliError(
      `--output ${path}: not written (${reason(error)}); the file is unchanged`,
      EXIT.failure,
    );
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.startsWith(code) ? `${code}: ${message}` : message;
}
