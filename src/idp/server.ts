import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IdpConfig } from './config/types.ts';
import { resolveSigningKeys } from './crypto/keystore.ts';
import { listen } from './http/listen.ts';
import { BodyTooLargeError } from './http/request.ts';
import { sendHtml } from './http/respond.ts';
import { Minter } from './mint.ts';
import { messagePage } from './pages/message.ts';
import { adminRoutes } from './routes/admin.ts';
import { appRoutes } from './routes/apps.ts';
import type { IdpContext, PendingRequest, Route } from './routes/context.ts';
import { loginRoutes } from './routes/login.ts';
import { metadataRoutes } from './routes/metadata.ts';
import { ssoRoutes } from './routes/sso.ts';
import { buildIdpMetadata } from './saml/metadata.ts';
import { ExpiringStore } from './sessions.ts';

export interface StartIdpOptions {
  config: IdpConfig;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Holds the signing key and certificate (created on first start); without it, a throw-away pair. */
  dataDir?: string;
  certPem?: string;
  keyPem?: string;
}

export interface RunningIdp {
  url: string;
  close(): Promise<void>;
  metadataXml: string;
}

const ROUTES: Route[] = [
  ...loginRoutes,
  ...appRoutes,
  ...ssoRoutes,
  ...adminRoutes,
  ...metadataRoutes,
];

/** Starts the companion IdP: login, application list, IdP- and SP-initiated SSO, metadata. */
export async function startIdp(options: StartIdpOptions): Promise<RunningIdp> {
  const keys = await resolveSigningKeys(options);
  let context: IdpContext | undefined;
  const running = await listen((request, response) => {
    if (!context) return sendHtml(response, 503, 'starting');
    void dispatch(context, request, response);
  }, options);
  try {
    const issuer = options.config.issuer ?? running.url;
    const minter = new Minter(options.config, keys, issuer);
    const metadataXml = buildIdpMetadata({
      entityId: issuer,
      ssoUrl: `${running.url}/sso`,
      certBase64: keys.certBase64,
    });
    context = {
      minter,
      sessions: new ExpiringStore<string>(),
      pending: new ExpiringStore<PendingRequest>(15 * 60 * 1000),
      baseUrl: running.url,
      metadataXml,
    };
    return { url: running.url, close: running.close, metadataXml };
  } catch (error) {
    await running.close();
    throw error;
  }
}

async function dispatch(
  context: IdpContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', context.baseUrl);
  try {
    for (const route of ROUTES) {
      const match = route.path.exec(url.pathname);
      if (match && route.method === request.method)
        return await route.handle({ request, response, url, match, context });
    }
    sendHtml(
      response,
      404,
      messagePage('Not found', `nothing at ${request.method ?? 'GET'} ${url.pathname}`),
    );
  } catch (error) {
    if (response.headersSent) return void response.destroy();
    if (error instanceof BodyTooLargeError)
      return sendHtml(response, 413, messagePage('Request too large', error.message));
    // One line for the user; the details stay in the server's log.
    console.error(`saml-roles idp: ${request.method} ${url.pathname}:`, error);
    sendHtml(
      response,
      500,
      messagePage('Internal error', error instanceof Error ? error.message : String(error)),
    );
  }
}
