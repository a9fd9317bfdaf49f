import { consoleUrl, federationEndpointUrl } from '../aws/endpoints.ts';
import type { Partition } from '../aws/types.ts';
import { send } from './client.ts';
import { parseDurationSeconds } from './duration.ts';
import { encodeForm } from './form.ts';
import type { FetchLike, StsCredentials, StsError } from './types.ts';

/**
 * Step 1 of AWS's custom federation broker flow: exchange temporary credentials for a sign-in
 * token (`Action=getSigninToken`, `Session` = JSON of the three credential parts).
 */
export function buildGetSigninTokenUrl(
  partition: Partition,
  credentials: StsCredentials,
  sessionDuration?: number,
  endpoint: string = federationEndpointUrl(partition),
): string {
  const session = JSON.stringify({
    sessionId: credentials.accessKeyId,
    sessionKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
  });
  return `${endpoint}?${encodeForm([
    ['Action', 'getSigninToken'],
    [
      'SessionDuration',
      sessionDuration === undefined ? undefined : String(parseDurationSeconds(sessionDuration)),
    ],
    ['Session', session],
  ])}`;
}

/** Step 2: the URL that signs the browser in to the console and goes on to `destination`. */
export function buildConsoleLoginUrl(
  partition: Partition,
  signinToken: string,
  destination: string = consoleUrl(partition),
  issuer?: string,
  endpoint: string = federationEndpointUrl(partition),
): string {
  return `${endpoint}?${encodeForm([
    ['Action', 'login'],
    ['Issuer', issuer],
    ['Destination', destination],
    ['SigninToken', signinToken],
  ])}`;
}

export type SigninTokenResult = { ok: true; signinToken: string } | { ok: false; error: StsError };

/** Reads the `{"SigninToken": "..."}` answer; anything else is a refusal with its HTTP status. */
export function readSigninTokenResponse(httpStatus: number, body: string): SigninTokenResult {
  let token: unknown;
  try {
    token = (JSON.parse(body) as { SigninToken?: unknown } | null)?.SigninToken;
  } catch {
    token = undefined;
  }
  if (httpStatus === 200 && typeof token === 'string' && token !== '')
    return { ok: true, signinToken: token };
  const detail = body.trim().slice(0, 120).replace(/\s+/g, ' ');
  return {
    ok: false,
    error: {
      code: 'SigninTokenRefused',
      message: `HTTP ${httpStatus}${detail ? `: ${detail}` : ''}`,
      meaning: 'AWS sign-in would not turn these credentials into a console session.',
      action:
        'The credentials may have expired, or the session duration is above 43200 seconds; get fresh credentials and retry.',
      httpStatus,
    },
  };
}

export interface ConsoleSigninOptions {
  fetch: FetchLike;
  sessionDuration?: number;
  destination?: string;
  issuer?: string;
  /** The federation URL; the partition's own unless overridden (tests, a stand-in). */
  endpoint?: string;
}

/** Both steps: a console sign-in URL to open in a new tab, so several roles can be open at once. */
export async function consoleSigninUrl(
  partition: Partition,
  credentials: StsCredentials,
  options: ConsoleSigninOptions,
): Promise<{ ok: true; url: string } | { ok: false; error: StsError }> {
  const endpoint = options.endpoint ?? federationEndpointUrl(partition);
  const url = buildGetSigninTokenUrl(partition, credentials, options.sessionDuration, endpoint);
  const answer = await send(
    { url, method: 'GET', headers: { accept: 'application/json' } },
    options.fetch,
  );
  if ('error' in answer) return { ok: false, error: answer.error };
  const token = readSigninTokenResponse(answer.status, answer.body);
  if (!token.ok) return token;
  return {
    ok: true,
    url: buildConsoleLoginUrl(
      partition,
      token.signinToken,
      options.destination,
      options.issuer,
      endpoint,
    ),
  };
}
