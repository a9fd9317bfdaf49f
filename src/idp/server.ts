import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IdpConfig } from './config/types.ts';
import type { FetchLike } from '../core/credentials.ts';
import { boundedFetch } from './http/bounded-fetch.ts';
import { ScimSyncer } from './scim/syncer.ts';
import { scimRoutes } from './routes/scim.ts';
import { systemClock } from '../core/inspect.ts';
import { resolveSigningKeys } from './crypto/keystore.ts';
import { certificateSha256, writeServerRecord } from './crypto/server-record.ts';
import { newNonce } from './http/csp.ts';
import { CSRF_FIELD, sameToken } from './http/csrf.ts';
import { hostProblem, localNames, type HostPolicy } from './http/host-check.ts';
import { listen } from './http/listen.ts';
import { BodyTooLargeError, parseCookies, readForm } from './http/request.ts';
import { sendHtml, sendText } from './http/respond.ts';
import { crossOriginProblem } from './http/same-origin.ts';
import { LoginThrottle } from './login-throttle.ts';
import { Minter } from './mint.ts';
import type { PageFrame } from './pages/layout.ts';
import { messagePage } from './pages/message.ts';
import { adminRoutes } from './routes/admin.ts';
import { appRoutes } from './routes/apps.ts';
import {
  LOGIN_COOKIE,
  SESSION_COOKIE,
  sendPage,
  type IdpContext,
  type Route,
  type RouteArgs,
  type SsoEvent,
} from './routes/context.ts';
import { loginRoutes } from './routes/login.ts';
import { metadataRoutes } from './routes/metadata.ts';
import { ssoRoutes } from './routes/sso.ts';
import { buildIdpMetadata } from './saml/metadata.ts';
import { ExpiringStore } from './sessions.ts';

export type { SsoEvent };

export interface StartIdpOptions {
  config: IdpConfig;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 unless told otherwise; requests must name it (or 127.0.0.1 / localhost) as Host. */
  host?: string;
  /** Holds the signing key and certificate (created on first start); without it, a throw-away pair. */
  dataDir?: string;
  certPem?: string;
  keyPem?: string;
  /** The demo (`--demo`): the login page lists the usernames. */
  demo?: boolean;
  /**
   * Where warnings go: at start-up and at each sign-in, an attribute AWS requires that a mapping
   * left empty. The console's stderr unless told otherwise.
   */
  warn?: (line: string) => void;
  /** How SCIM provisioning reaches its servers; bounded Node fetch unless told otherwise. */
  fetch?: FetchLike;
  /** Where SCIM tokens named by `tokenEnv` are read; the process's environment unless told. */
  env?: Record<string, string | undefined>;
  /** Where SCIM sync outcomes go, one line each (never the token); the console unless told. */
  scimLog?: (line: string) => void;
  /**
   * Sync every SCIM application as the server starts (the default). `npm start` turns it off and
   * calls syncScim() once the stand-in it provisions to is listening.
   */
  syncScimOnStart?: boolean;
  /** Told of each SAML response the IdP answers with (IdP- or SP-initiated): e2e tests count SSOs. */
  onSso?: (event: SsoEvent) => void;
}

export interface RunningIdp {
  url: string;
  close(): Promise<void>;
  metadataXml: string;
  /** The sync started with the server: settles (never rejects) when every application is synced. */
  scimStartup: Promise<void>;
  /** Syncs every SCIM application now; settles (never rejects) when done, as scimStartup. */
  syncScim(): Promise<void>;
}

// A SCIM server that does not answer in this time, or answers more than this, is given up on.
export const SCIM_FETCH = { timeoutMs: 30_000, maxResponseBytes: 8 * 1024 * 1024 };

const ROUTES: Route[] = [
  ...loginRoutes,
  ...appRoutes,
  ...ssoRoutes,
  ...adminRoutes,
  ...scimRoutes,
  ...metadataRoutes,
];

// Every store is capped: a flood of requests forgets the oldest entries instead of growing.
const HOUR = 60 * 60 * 1000;
const STORE_LIMITS = {
  sessions: { ttlMs: 8 * HOUR, maxEntries: 1000 },
  loginSessions: { ttlMs: HOUR, maxEntries: 1000 },
  pending: { ttlMs: 15 * 60 * 1000, maxEntries: 1000 },
};

/** Starts the companion IdP: login, application list, IdP- and SP-initiated SSO, metadata. */
export async function startIdp(options: StartIdpOptions): Promise<RunningIdp> {
  const keys = await resolveSigningKeys(options);
  let context: IdpContext | undefined;
  let hosts: HostPolicy | undefined;
  const running = await listen((request, response) => {
    if (!context || !hosts) return sendText(response, 503, 'text/plain; charset=utf-8', 'starting');
    void dispatch(context, hosts, request, response);
  }, options);
  try {
    const issuer = options.config.issuer ?? running.url;
    const minter = new Minter(options.config, keys, issuer);
    const warn =
      options.warn ?? ((line: string) => console.warn(`saml-roles idp: warning: ${line}`));
    for (const warning of minter.startupWarnings) warn(warning);
    const metadataXml = buildIdpMetadata({
      entityId: issuer,
      ssoUrl: `${running.url}/sso`,
      certBase64: keys.certBase64,
    });
    if (options.dataDir)
      await writeServerRecord(options.dataDir, {
        url: running.url,
        entityId: issuer,
        certSha256: certificateSha256(keys.certBase64),
        keySource: options.certPem === undefined ? 'data-dir' : 'given',
        startedAt: new Date(systemClock()).toISOString(),
      }).catch((error: unknown) =>
        // Serving matters more than the record, which only lets `idp mint`/`metadata` compare.
        console.error(
          `saml-roles idp: warning: could not record this start in ${options.dataDir} (${(error as NodeJS.ErrnoException).code ?? String(error)}), so idp mint and idp metadata cannot compare against it`,
        ),
      );
    hosts = {
      names: localNames(Number(new URL(running.url).port), options.host),
      server: 'this IdP',
    };
    context = {
      minter,
      sessions: new ExpiringStore(STORE_LIMITS.sessions),
      loginSessions: new ExpiringStore(STORE_LIMITS.loginSessions),
      pending: new ExpiringStore(STORE_LIMITS.pending),
      throttle: new LoginThrottle((username) =>
        minter.config.users.some((u) => u.username === username),
      ),
      baseUrl: running.url,
      metadataXml,
      demo: options.demo ?? false,
      warn,
      ...(options.onSso ? { onSso: options.onSso } : {}),
      scim: new ScimSyncer(options.config, {
        fetch: options.fetch ?? boundedFetch(SCIM_FETCH),
        env: options.env ?? process.env,
        log: options.scimLog ?? ((line) => console.log(`saml-roles idp: scim: ${line}`)),
      }),
    };
    // Provisioning on start runs beside serving: a slow or refusing SCIM server delays nothing.
    const scim = context.scim;
    const scimStartup =
      (options.syncScimOnStart ?? true) ? scim.syncAll() : Promise.resolve(undefined);
    return {
      url: running.url,
      close: running.close,
      metadataXml,
      scimStartup,
      syncScim: () => scim.syncAll(),
    };
  } catch (error) {
    await running.close();
    throw error;
  }
}

/** The CSRF token of the request's session: the signed-in one, else the login page's. */
function sessionToken(context: IdpContext, cookies: Map<string, string>): string | undefined {
  return (
    context.sessions.get(cookies.get(SESSION_COOKIE))?.csrfToken ??
    context.loginSessions.get(cookies.get(LOGIN_COOKIE))?.csrfToken
  );
}

/** Why a POST is refused as forged (CSRF), or undefined when it came from the IdP's own page. */
function forgeryProblem(args: RouteArgs, ownOrigin: string): string | undefined {
  const crossOrigin = crossOriginProblem(args.request, ownOrigin);
  if (crossOrigin) return crossOrigin;
  const expected = args.frame.csrfToken;
  if (!expected)
    return 'the form has no CSRF token of a live session (it may have expired): reload the page and try again';
  if (!sameToken(args.form.get(CSRF_FIELD) ?? '', expected))
    return 'the form’s CSRF token is not this session’s: reload the page and try again';
  return undefined;
}

async function dispatch(
  context: IdpContext,
  hosts: HostPolicy,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const frame: PageFrame = { nonce: newNonce() };
  const refused = hostProblem(request.headers.host, hosts);
  if (refused) {
    // Drain nothing, promise nothing: the connection is not for this server.
    response.setHeader('connection', 'close');
    return sendText(response, refused.status, 'text/plain; charset=utf-8', `${refused.message}\n`);
  }
  const url = new URL(request.url ?? '/', context.baseUrl);
  try {
    for (const route of ROUTES) {
      const match = route.path.exec(url.pathname);
      if (!match || route.method !== request.method) continue;
      const cookies = parseCookies(request.headers.cookie);
      const csrfToken = sessionToken(context, cookies);
      if (csrfToken) frame.csrfToken = csrfToken;
      const form = request.method === 'POST' ? await readForm(request) : new URLSearchParams();
      const args: RouteArgs = { request, response, url, match, context, form, cookies, frame };
      if (request.method === 'POST' && !route.crossSite) {
        const ownOrigin = `${new URL(context.baseUrl).protocol}//${request.headers.host!.toLowerCase()}`;
        const forged = forgeryProblem(args, ownOrigin);
        if (forged) return sendPage(args, 403, messagePage(frame, 'Request refused', forged));
      }
      return await route.handle(args);
    }
    sendHtml(
      response,
      404,
      messagePage(frame, 'Not found', `nothing at ${request.method ?? 'GET'} ${url.pathname}`),
      { nonce: frame.nonce },
    );
  } catch (error) {
    if (response.headersSent) return void response.destroy();
    if (error instanceof BodyTooLargeError)
      return sendHtml(response, 413, messagePage(frame, 'Request too large', error.message), {
        nonce: frame.nonce,
      });
    // One line for the user; the details stay in the server's log.
    console.error(`saml-roles idp: ${request.method} ${url.pathname}:`, error);
    sendHtml(
      response,
      500,
      messagePage(frame, 'Internal error', error instanceof Error ? error.message : String(error)),
      { nonce: frame.nonce },
    );
  }
}
