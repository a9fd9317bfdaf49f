import { sha1 } from '@noble/hashes/legacy.js';
import { encodeBase64Bytes, encodeUtf8 } from '../encoding/index.ts';

/**
 * `saml:namequalifier` and STS's NameQualifier, as the AssumeRoleWithSAML reference computes
 * it: BASE64(SHA1(issuer + accountId + "/" + providerName)), no separator after the issuer.
 */
export function nameQualifier(issuer: string, accountId: string, providerName: string): string {
  return encodeBase64Bytes(sha1(encodeUtf8(`${issuer}${accountId}/${providerName}`)));
}
