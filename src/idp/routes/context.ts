import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IdpUser } from '../config/types.ts';
import { parseCookies } from '../http/request.ts';
import type { Minter } from '../mint.ts';
import type { AuthnRequest } from '../saml/authn-request.ts';
import type { ExpiringStore } from '../sessions.ts';

export const SESSION_COOKIE = 'saml_roles_idp';

/** An SP-initiated request waiting for the user to sign in. */
export interface PendingRequest {
  request: AuthnRequest;
  slug: string;
  relayState?: string;
}

/** Everything routes share, built once by startIdp. */
export interface IdpContext {
  minter: Minter;
  sessions: ExpiringStore<string>;
  pending: ExpiringStore<PendingRequest>;
  baseUrl: string;
  metadataXml: string;
}

export interface RouteArgs {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  match: RegExpExecArray;
  context: IdpContext;
}

export interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  handle(args: RouteArgs): Promise<void> | void;
}

/** The signed-in user, if the session cookie names a live session. */
export function currentUser(args: Pick<RouteArgs, 'request' | 'context'>): IdpUser | undefined {
  const username = args.context.sessions.get(
    parseCookies(args.request.headers.cookie).get(SESSION_COOKIE),
  );
  return username === undefined
    ? undefined
    : args.context.minter.config.users.find((u) => u.username === username);
}
