import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, EXIT } from './io.ts';

/** The parts of node:fs/promises used here, so a test can make one step fail. */
export type PrivateFileFs = Pick<typeof nodeFs, 'lstat' | 'open' | 'rename' | 'unlink'>;

/** Owner read and write only: the file holds live AWS keys, or assertion data (--junit). */
export const PRIVATE_MODE = 0o600;

/** How errors name the file: the option it came from, and what it holds. */
export interface PrivateFileLabel {
  option: string;
  contents: string;
}

const CREDENTIALS_FILE: PrivateFileLabel = { option: '--output', contents: 'credentials' };

/**
 * Refuses a target that is a symbolic link (writing through it would put the keys wherever it
 * points, and replacing it would silently break the user's link) or anything but a regular file.
 * A missing file is fine. Returns the absolute path.
 */
export async function checkPrivateFileTarget(
  path: string,
  fs: PrivateFileFs = nodeFs,
  label: PrivateFileLabel = CREDENTIALS_FILE,
): Promise<string> {
  const { option, contents } = label;
  const target = resolve(path);
  let stats: Awaited<ReturnType<typeof nodeFs.lstat>>;
  try {
    stats = await fs.lstat(target);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      await checkDirectory(`${option} ${path}`, dirname(target), fs);
      return target;
    }
    throw new CliError(`${option} ${path}: ${reason(error)}`, EXIT.usage);
  }
  if (stats.isSymbolicLink())
    throw new CliError(
      `${option} ${path}: is a symbolic link; ${contents} are not written through links (give the path of the file it points to)`,
      EXIT.usage,
    );
  if (!stats.isFile()) throw new CliError(`${option} ${path}: is not a regular file`, EXIT.usage);
  return target;
}

async function checkDirectory(named: string, directory: string, fs: PrivateFileFs): Promise<void> {
  const stats = await fs.lstat(directory).catch(() => undefined);
  if (!stats) throw new CliError(`${named}: the directory ${directory} does not exist`, EXIT.usage);
  // A link to a directory is the user's own layout (e.g. ~/.aws in a dotfiles repository).
  if (!stats.isDirectory() && !stats.isSymbolicLink())
    throw new CliError(`${named}: ${directory} is not a directory`, EXIT.usage);
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
  label: PrivateFileLabel = CREDENTIALS_FILE,
): Promise<string> {
  const target = await checkPrivateFileTarget(path, fs, label);
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
      `${label.option} ${path}: not written (${reason(error)}); the file is unchanged`,
      EXIT.failure,
    );
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.startsWith(code) ? `${code}: ${message}` : message;
}
