import { readFileSync } from 'node:fs';
import type { ScimTokenSource } from '../config/types.ts';
import { unreadableFileMessage } from '../unreadable-file.ts';
import { ScimSyncError } from './errors.ts';

// Identity Center's tokens are about 1,000 characters; anything past this is not a token.
const MAX_TOKEN_LENGTH = 16_384;

/**
 * The bearer token from its source. The messages name the variable or the file, never the
 * token: a token with a line break or control character would split the header, so it is refused.
 */
export function readScimToken(
  source: ScimTokenSource,
  env: Record<string, string | undefined>,
): string {
  let token: string;
  let where: string;
  if ('env' in source) {
    where = `the environment variable ${source.env}`;
    token = env[source.env] ?? '';
    if (token.trim() === '')
      throw new ScimSyncError(`no SCIM token: ${where} is not set (or empty)`);
  } else {
    where = `the token file ${source.file}`;
    try {
      token = readFileSync(source.file, 'utf8');
    } catch (error) {
      throw new ScimSyncError(`SCIM token file: ${unreadableFileMessage(source.file, error)}`);
    }
  }
  token = token.trim();
  if (token === '') throw new ScimSyncError(`no SCIM token: ${where} is empty`);
  if (token.length > MAX_TOKEN_LENGTH)
    throw new ScimSyncError(
      `${where} holds more than ${MAX_TOKEN_LENGTH} characters: not a SCIM token`,
    );
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(token))
    throw new ScimSyncError(
      `${where} holds spaces, line breaks or control characters: give the token alone`,
    );
  return token;
}
