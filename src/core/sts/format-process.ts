import type { StsCredentials } from './types.ts';

/** The JSON an AWS `credential_process` prints: Version 1, with the expiry so SDKs refresh. */
export function formatCredentialProcess(credentials: StsCredentials): string {
  return `${JSON.stringify({
    Version: 1,
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: credentials.expiration,
  })}\n`;
}
