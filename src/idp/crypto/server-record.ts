import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What the IdP last started with a data directory signed as, kept in that directory so that
 * `idp mint` and `idp metadata` run against the same directory can say when their output would
 * not match that server (another issuer, another certificate). A statement about the past, so a
 * warning built from it stays true even when no server is running.
 */
export interface ServerRecord {
  /** The address the server listened on, as it printed it. */
  url: string;
  /** The entityID of its metadata and the Issuer of its responses. */
  entityId: string;
  /** SHA-256 of the signing certificate's DER, hex. */
  certSha256: string;
  /** Where its key came from: the data directory's own, or `--cert`/`--key` files. */
  keySource: 'data-dir' | 'given';
  startedAt: string;
}

export const SERVER_RECORD_FILE = 'last-server.json';

export function certificateSha256(certBase64: string): string {
  return createHash('sha256').update(Buffer.from(certBase64, 'base64')).digest('hex');
}

/** Written beside the key (rename, so a reader never sees half a file). */
export async function writeServerRecord(dataDir: string, record: ServerRecord): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, SERVER_RECORD_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`);
  await rename(temporary, path);
}

/** The record in `dataDir`, or undefined when there is none or it is not one (nothing to compare). */
export async function readServerRecord(dataDir: string): Promise<ServerRecord | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, SERVER_RECORD_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<Record<keyof ServerRecord, unknown>>;
    const { url, entityId, certSha256, keySource, startedAt } = value;
    if (
      !printable(url) ||
      !printable(entityId) ||
      !printable(certSha256) ||
      (keySource !== 'data-dir' && keySource !== 'given') ||
      !printable(startedAt)
    )
      return undefined;
    return { url, entityId, certSha256, keySource, startedAt };
  } catch {
    return undefined;
  }
}

/** Its fields reach the terminal in a warning: no control characters (escape sequences). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function printable(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 2048 && !CONTROL.test(value);
}
