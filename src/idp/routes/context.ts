import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IdpUser } from '../config/types.ts';
import { sendHtml, type PageOptions } from '../http/respond.ts';
import type { LoginThrottle } from '../login-throttle.ts';
import type { Minter } from '../mint.ts';
import type { ScimSyncer } from '../scim/syncer.ts';
import type { PageFrame } from '../pages/layout.ts';
import type { AuthnRequest } from '../saml/authn-request.ts';
import type { ExpiringStore } from '../sessions.ts';

/** The signed-in session's cookie. */
export const SESSION_COOKIE = 'saml_roles_idp';
/** The login page's own session, only to bind its CSRF token to the browser before sign-in. */
export const LOGIN_COOKIE = 'saml_roles_idp_login';
/** HttpOnly: no script reads it; SameSite=Strict: no other site's request carries it. */
export const COOKIE_ATTRIBUTES = 'Path=/; HttpOnly; SameSite=Strict';

/** An SP-initiated request waiting for the user to sign in. */
export interface PendingRequest {
  request: AuthnRequest;
  slug: string;
  relayState?: string;
}

export interface Session {
  username: string;
  csrfToken: string;
}

/** Everything routes share, built once by startIdp. */
export interface IdpContext {
  minter: Minter;
  sessions: ExpiringStore<Session>;
  loginSessions: ExpiringStore<{ csrfToken: string }>;
  pending: ExpiringStore<PendingRequest>;
  throttle: LoginThrottle;
  baseUrl: string;
  metadataXml: string;
  /** `--demo`: the login page lists who can sign in. */
  demo: boolean;
  /** One line for the operator's console (no secrets: names and mappings, never values). */
  warn(line: string): void;
  /** SCIM provisioning of the applications with a scim block. */
  scim: ScimSyncer;
  /** Told of each SAML response answered (StartIdpOptions.onSso). */
  onSso?: (event: SsoEvent) => void;
}

/** One SAML response the IdP answered with: who, through which application. */
export interface SsoEvent {
  username: string;
  application: string;
}

export interface RouteArgs {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  match: RegExpExecArray;
  context: IdpContext;
  /** The POSTed form (empty for GET), read once by the dispatcher. */
  form: URLSearchParams;
  /** The cookie keys of the signed-in session and the login page's session, when sent. */
  cookies: Map<string, string>;
  frame: PageFrame;
}

export interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  /**
   * A POST other sites send by design (the SAML HTTP-POST binding): no Origin or CSRF check. Every
   * other POST must come from the IdP's own pages.
   */
  crossSite?: boolean;
  handle(args: RouteArgs): Promise<void> | void;
}

/** The signed-in user, if the session cookie names a live session. */
export function currentUser(args: Pick<RouteArgs, 'cookies' | 'context'>): IdpUser | undefined {
  const session = args.context.sessions.get(args.cookies.get(SESSION_COOKIE));
  return session === undefined
    ? undefined
    : args.context.minter.config.users.find((u) => u.username === session.username);
}

/** Answers with a page of this request, under its nonce and CSP. */
export function sendPage(
  args: Pick<RouteArgs, 'response' | 'frame'>,
  status: number,
  html: string,
  options: Omit<PageOptions, 'nonce'> = {},
): void {
  sendHtml(args.response, status, html, { nonce: args.frame.nonce, ...options });
}
