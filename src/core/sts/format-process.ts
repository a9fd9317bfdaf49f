import { assertShowable } from './output-guard.ts';
import type { StsCredentials } from './types.ts';

/**
 * The JSON an AWS `credential_process` prints: Version 1, with the expiry so SDKs refresh. JSON
 * can hold any text, but it also lands on terminals: control characters are refused.
 */
export function formatCredentialProcess(credentials: StsCredentials): string {
  for (const [field, value] of Object.entries(credentials))
    assertShowable('credential_process', field, value);
  return `${JSON.stringify({
    Version: 1,
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: credentials.expiration,
  })}\n`;
}
