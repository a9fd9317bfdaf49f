import type { Clock } from '../../core/inspect.ts';
import { html } from '../pages/html.ts';
import { ExpiringStore } from '../sessions.ts';
import { standInPage } from './pages.ts';
import {
  htmlResponse,
  STAND_IN_NAME,
  type StandInRequest,
  type StandInResponse,
  type StandInRoute,
} from './types.ts';

/** AWS documents sign-in tokens as valid for 15 minutes. */
const SIGNIN_TOKEN_LIFETIME_MS = 15 * 60_000;
/** Tokens kept at once: a flood of getSigninToken forgets the oldest instead of growing. */
const MAX_SIGNIN_TOKENS = 1000;
const MIN_SESSION = 900;
const MAX_SESSION = 43_200;
// The stand-in's STS writes this at the start of each session token it issues (sts-xml.ts).
const STAND_IN_TOKEN_PREFIX = `${STAND_IN_NAME}: not a real session token.`;

interface IssuedToken {
  accessKeyId: string;
  sessionDuration: number;
}

function params(request: StandInRequest): URLSearchParams {
  return request.method === 'POST' ? new URLSearchParams(request.body) : request.query;
}

function badRequest(reason: string): StandInResponse {
  return {
    status: 400,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-stand-in': STAND_IN_NAME },
    body: `Bad Request: ${reason}\n`,
  };
}

/** Reads `Session` as AWS does: JSON with the three parts of credentials the stand-in issued. */
function readSession(text: string | null): { accessKeyId: string } | string {
  let session: Record<string, unknown>;
  try {
    session = JSON.parse(text ?? '') as Record<string, unknown>;
  } catch {
    return 'Session is not JSON';
  }
  const { sessionId, sessionKey, sessionToken } = session ?? {};
  if (
    typeof sessionId !== 'string' ||
    typeof sessionKey !== 'string' ||
    typeof sessionToken !== 'string'
  )
    return 'Session needs sessionId, sessionKey and sessionToken';
  if (!Buffer.from(sessionToken, 'base64').toString('utf8').startsWith(STAND_IN_TOKEN_PREFIX))
    return 'sessionToken was not issued by this stand-in';
  return { accessKeyId: sessionId };
}

/**
 * AWS's federation endpoint (`/federation`): `getSigninToken` turns temporary credentials into a
 * sign-in token, `login` spends it. The stand-in answers `login` with a page naming the session
 * instead of redirecting to a console that is not there.
 */
export function createFederationRoutes(now: Clock): StandInRoute[] {
  const issued = new ExpiringStore<IssuedToken>({
    ttlMs: SIGNIN_TOKEN_LIFETIME_MS,
    maxEntries: MAX_SIGNIN_TOKENS,
    keyBytes: 96,
    now,
  });

  function getSigninToken(p: URLSearchParams): StandInResponse {
    const durationText = p.get('SessionDuration') ?? '3600';
    const sessionDuration = /^\d{1,6}$/.test(durationText) ? Number(durationText) : NaN;
    if (!(sessionDuration >= MIN_SESSION && sessionDuration <= MAX_SESSION))
      return badRequest(`SessionDuration ${durationText} is not ${MIN_SESSION}..${MAX_SESSION}`);
    const session = readSession(p.get('Session'));
    if (typeof session === 'string') return badRequest(session);
    const token = issued.add({ accessKeyId: session.accessKeyId, sessionDuration });
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-stand-in': STAND_IN_NAME },
      body: JSON.stringify({ SigninToken: token }),
    };
  }

  function login(p: URLSearchParams): StandInResponse {
    const token = issued.get(p.get('SigninToken') ?? '');
    if (!token) return badRequest('SigninToken is unknown or expired');
    const destination = p.get('Destination') ?? '';
    if (!/^https?:\/\//.test(destination)) return badRequest('Destination is not a URL');
    return htmlResponse(
      200,
      standInPage(
        'Console',
        html`<h1>Console session</h1>
          <p>Access key: <code data-testid="console-access-key">${token.accessKeyId}</code></p>
          <p>Destination: <code data-testid="console-destination">${destination}</code></p>
          <p>Issuer: <code data-testid="console-issuer">${p.get('Issuer') ?? ''}</code></p>
          <p>
            Session:
            <span data-testid="console-session-duration">${String(token.sessionDuration)}</span>
            seconds
          </p>`,
      ),
    );
  }

  function federation(request: StandInRequest): StandInResponse {
    const p = params(request);
    const action = p.get('Action');
    if (action === 'getSigninToken') return getSigninToken(p);
    if (action === 'login') return login(p);
    return badRequest(`Action ${JSON.stringify(action ?? '')} is not getSigninToken or login`);
  }

  return [
    { method: 'GET', path: /^\/federation\/?$/, handle: federation },
    { method: 'POST', path: /^\/federation\/?$/, handle: federation },
  ];
}
