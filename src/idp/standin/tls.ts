import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSelfSigned } from '../crypto/selfsigned.ts';
import { STAND_IN_AWS_HOSTS } from './aws-hosts.ts';

export const TLS_KEY_FILE = 'standin-tls-key.pem';
export const TLS_CERT_FILE = 'standin-tls-cert.pem';

export interface StandInCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate, as browsers show it (AB:CD:...). */
  fingerprint: string;
  /** base64 SHA-256 of the public key: Chromium's --ignore-certificate-errors-spki-list value. */
  spkiHash: string;
}

export class StandInCertificateError extends Error {
  override readonly name = 'StandInCertificateError';
}

/**
 * The stand-in's self-signed TLS certificate for the AWS hosts, 127.0.0.1 and localhost, kept in
 * `dataDir` (key mode 0600) so a browser told to accept it once keeps accepting it.
 */
export async function loadOrCreateStandInCertificate(dataDir: string): Promise<StandInCertificate> {
  const keyPath = join(dataDir, TLS_KEY_FILE);
  const certPath = join(dataDir, TLS_CERT_FILE);
  const [keyPem, certPem] = await Promise.all([readOptional(keyPath), readOptional(certPath)]);
  if (keyPem && certPem) return describe(certPem, keyPem, dataDir);
  if (keyPem || certPem)
    throw new StandInCertificateError(
      `${dataDir} holds only one of ${TLS_KEY_FILE} and ${TLS_CERT_FILE}; restore the other or remove both to make a new pair`,
    );
  const fresh = await generateSelfSigned('AWS sign-in test stand-in (saml-roles)', [
    ...STAND_IN_AWS_HOSTS,
    '127.0.0.1',
    'localhost',
  ]);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(keyPath, fresh.keyPem, { mode: 0o600, flag: 'wx' });
  await chmod(keyPath, 0o600); // the umask may have changed the mode above
  await writeFile(certPath, fresh.certPem, { flag: 'wx' });
  return describe(fresh.certPem, fresh.keyPem, dataDir);
}

function describe(certPem: string, keyPem: string, where: string): StandInCertificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certPem);
  } catch {
    throw new StandInCertificateError(`${join(where, TLS_CERT_FILE)} is not a PEM certificate`);
  }
  const spki = createPublicKey(certPem).export({ type: 'spki', format: 'der' });
  return {
    certPem,
    keyPem,
    fingerprint: certificate.fingerprint256,
    spkiHash: createHash('sha256').update(spki).digest('base64'),
  };
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StandInCertificateError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}
