import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generateSelfSigned } from './selfsigned.ts';

export const KEY_FILE = 'idp-signing-key.pem';
export const CERT_FILE = 'idp-signing-cert.pem';

/** The IdP's signing material, parsed once so signing never re-reads PEM. */
export interface SigningKeys {
  certPem: string;
  keyPem: string;
  privateKey: KeyObject;
  /** The certificate's DER as base64 on one line, as metadata and KeyInfo carry it. */
  certBase64: string;
  /** The data directory had no key, so this call made the pair there. */
  createdNow: boolean;
}

/** Where server and `idp mint` keep their key unless told otherwise, so both sign alike. */
export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  return (
    env.SAML_ROLES_IDP_DATA_DIR ??
    join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'saml-roles', 'idp')
  );
}

export class KeyStoreError extends Error {
  override readonly name = 'KeyStoreError';
}

/**
 * The signing key and certificate: the user's own (`certPem`/`keyPem`), else those in `dataDir`
 * (created on first use, key mode 0600), else a throw-away pair held in memory.
 */
export async function resolveSigningKeys(options: {
  dataDir?: string;
  certPem?: string;
  keyPem?: string;
}): Promise<SigningKeys> {
  if (options.certPem !== undefined || options.keyPem !== undefined) {
    if (!options.certPem || !options.keyPem)
      throw new KeyStoreError('give both a certificate and a key, or neither');
    return toSigningKeys(options.certPem, options.keyPem, 'the given certificate and key');
  }
  if (!options.dataDir) {
    const fresh = await generateSelfSigned('saml-roles local IdP');
    return toSigningKeys(fresh.certPem, fresh.keyPem, 'a generated key');
  }
  return loadOrCreate(options.dataDir);
}

async function loadOrCreate(dataDir: string): Promise<SigningKeys> {
  const keyPath = join(dataDir, KEY_FILE);
  const certPath = join(dataDir, CERT_FILE);
  const [keyPem, certPem] = await Promise.all([readOptional(keyPath), readOptional(certPath)]);
  if (keyPem && certPem) return toSigningKeys(certPem, keyPem, dataDir);
  if (keyPem || certPem) {
    throw new KeyStoreError(
      `${dataDir} holds only one of ${KEY_FILE} and ${CERT_FILE}; restore the other or remove both to make a new pair`,
    );
  }
  const fresh = await generateSelfSigned('saml-roles local IdP');
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(keyPath, fresh.keyPem, { mode: 0o600, flag: 'wx' });
  await chmod(keyPath, 0o600); // the umask may have narrowed or widened the mode above
  await writeFile(certPath, fresh.certPem, { flag: 'wx' });
  return { ...toSigningKeys(fresh.certPem, fresh.keyPem, dataDir), createdNow: true };
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new KeyStoreError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

function toSigningKeys(certPem: string, keyPem: string, where: string): SigningKeys {
  let certificate: X509Certificate;
  let privateKey: KeyObject;
  try {
    certificate = new X509Certificate(certPem);
    privateKey = createPrivateKey(keyPem);
  } catch (error) {
    throw new KeyStoreError(
      `${where}: not a PEM certificate and private key (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'rsa')
    throw new KeyStoreError(
      `${where}: the key is ${privateKey.asymmetricKeyType}; RSA is required for RSA-SHA256`,
    );
  if (!certificate.checkPrivateKey(privateKey))
    throw new KeyStoreError(`${where}: the certificate does not belong to the private key`);
  return {
    certPem,
    keyPem,
    privateKey,
    certBase64: certificate.raw.toString('base64'),
    createdNow: false,
  };
}
