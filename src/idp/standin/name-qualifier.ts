import { createHash } from 'node:crypto';

/**
 * STS's NameQualifier: BASE64(SHA1(Issuer + AccountID + "/" + ProviderName)), the provider's
 * friendly name being the last part of its ARN, as the AssumeRoleWithSAML reference defines it.
 */
export function nameQualifier(issuer: string, accountId: string, providerName: string): string {
  return createHash('sha1').update(`${issuer}${accountId}/${providerName}`).digest('base64');
}
