import { createPrivateKey, createPublicKey, generateKeyPair, randomBytes, sign } from 'node:crypto';
import { isIP } from 'node:net';
import { promisify } from 'node:util';
import * as der from './der.ts';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const DAY_MS = 86_400_000;

export interface KeyAndCertificate {
  certPem: string;
  keyPem: string;
}

/**
 * A fresh RSA-2048 key and a self-signed X.509 v3 certificate for it (SHA-256, ten years), usable
 * both to sign SAML and as a TLS server certificate for `altNames` (DNS names or IP addresses).
 * Node has no certificate builder, so the DER is framed here (see der.ts) and signed by node:crypto;
 * this avoids a dependency and any need for an openssl binary.
 */
export async function generateSelfSigned(
  commonName: string,
  altNames: string[] = [],
): Promise<KeyAndCertificate> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { certPem: selfSignedCertificate(keyPem, commonName, altNames), keyPem };
}

/** A self-signed certificate for an existing RSA key (PEM). */
export function selfSignedCertificate(
  keyPem: string,
  commonName: string,
  altNames: string[] = [],
  now = new Date(),
): string {
  const privateKey = createPrivateKey(keyPem);
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const algorithm = der.sequence(der.oid(SHA256_WITH_RSA), der.nullValue());
  const name = der.sequence(der.set(der.sequence(der.oid('2.5.4.3'), der.utf8String(commonName))));
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  const tbs = der.sequence(
    der.explicit(0, der.integer(Buffer.from([2]))),
    der.integer(serial),
    algorithm,
    name,
    der.sequence(
      der.time(new Date(now.getTime() - DAY_MS)),
      der.time(new Date(now.getTime() + 3650 * DAY_MS)),
    ),
    name,
    spki,
    der.explicit(3, der.sequence(...extensions(altNames))),
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = der.sequence(tbs, algorithm, der.bitString(signature));
  const body = certificate.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

function extensions(altNames: string[]): Buffer[] {
  const list = [
    // basicConstraints (critical): not a CA.
    der.sequence(der.oid('2.5.29.19'), der.booleanTrue(), der.octetString(der.sequence())),
    // keyUsage (critical): digitalSignature + keyEncipherment.
    der.sequence(
      der.oid('2.5.29.15'),
      der.booleanTrue(),
      der.octetString(der.bitString(Buffer.from([0xa0]), 5)),
    ),
    // extKeyUsage: serverAuth, so browsers accept it as a TLS certificate once trusted.
    der.sequence(der.oid('2.5.29.37'), der.octetString(der.sequence(der.oid('1.3.6.1.5.5.7.3.1')))),
  ];
  if (altNames.length > 0) {
    const names = altNames.map((n) =>
      isIP(n)
        ? der.implicitPrimitive(7, ipBytes(n))
        : der.implicitPrimitive(2, Buffer.from(n, 'latin1')),
    );
    list.push(der.sequence(der.oid('2.5.29.17'), der.octetString(der.sequence(...names))));
  }
  return list;
}

function ipBytes(address: string): Buffer {
  if (isIP(address) === 4) return Buffer.from(address.split('.').map(Number));
  const [head = '', tail = ''] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t]
    : h;
  return Buffer.concat(groups.map((g) => Buffer.from(g.padStart(4, '0'), 'hex')));
}
