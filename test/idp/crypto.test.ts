import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile, stat, unlink } from 'node:fs/promises';
import { createServer, get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CERT_FILE,
  KEY_FILE,
  KeyStoreError,
  resolveSigningKeys,
} from '../../src/idp/crypto/keystore.ts';
import { generateSelfSigned } from '../../src/idp/crypto/selfsigned.ts';
import { tempDir } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

describe('generateSelfSigned', () => {
  it('makes an RSA-2048 certificate for the names, signed by its own key', async () => {
    const { certPem, keyPem } = await generateSelfSigned('stand-in', [
      'signin.aws.amazon.com',
      '127.0.0.1',
    ]);
    const cert = new X509Certificate(certPem);
    expect(cert.subject).toBe('CN=stand-in');
    expect(cert.checkHost('signin.aws.amazon.com')).toBe('signin.aws.amazon.com');
    expect(cert.checkHost('example.com')).toBeUndefined();
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now() + 365 * 86_400_000);
  });

  it('serves TLS that a client trusting it accepts for the named host', async () => {
    const { certPem, keyPem } = await generateSelfSigned('stand-in', ['signin.aws.amazon.com']);
    const server = createServer({ cert: certPem, key: keyPem }, (_req, res) => res.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const body = await new Promise<string>((resolve, reject) => {
      get(
        {
          host: '127.0.0.1',
          port,
          path: '/',
          servername: 'signin.aws.amazon.com',
          ca: certPem,
          agent: false,
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        },
      ).on('error', reject);
    });
    expect(body).toBe('hello');
  });
});

describe('signing keys in the data dir', () => {
  it('are created on first use with the key readable by the owner only, and reused after', async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const first = await resolveSigningKeys({ dataDir: dir.path });
    expect((await stat(join(dir.path, KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir.path, CERT_FILE), 'utf8')).toBe(first.certPem);
    const second = await resolveSigningKeys({ dataDir: dir.path });
    expect(second.certPem).toBe(first.certPem);
    expect(second.keyPem).toBe(first.keyPem);
  });

  it('refuse a data dir holding only one of the pair', async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    await resolveSigningKeys({ dataDir: dir.path });
    await unlink(join(dir.path, CERT_FILE));
    await expect(resolveSigningKeys({ dataDir: dir.path })).rejects.toThrow(
      `${dir.path} holds only one of ${KEY_FILE} and ${CERT_FILE}`,
    );
  });

  it("take the user's own certificate and key, and refuse a pair that does not match", async () => {
    const a = await generateSelfSigned('a');
    const b = await generateSelfSigned('b');
    expect((await resolveSigningKeys({ certPem: a.certPem, keyPem: a.keyPem })).certPem).toBe(
      a.certPem,
    );
    await expect(resolveSigningKeys({ certPem: a.certPem, keyPem: b.keyPem })).rejects.toThrow(
      KeyStoreError,
    );
    await expect(resolveSigningKeys({ certPem: a.certPem, keyPem: b.keyPem })).rejects.toThrow(
      'the certificate does not belong to the private key',
    );
  });
});
