import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostProblem, localNames, type HostPolicy } from '../http/host-check.ts';
import { listen } from '../http/listen.ts';
import { BodyTooLargeError, readBody } from '../http/request.ts';
import { createStandInHandler, type StandInHandlerOptions } from './handler.ts';
import { signinHostPartition, stsHostPartition } from './judge/aws-endpoints.ts';
import { ScimError, scimErrorResponse } from './scim/scim-error.ts';
import { SCIM_MAX_BODY_BYTES, SCIM_PREFIX } from './scim/scim-routes.ts';
import type { StandInRequest } from './types.ts';

/** Methods whose body the stand-in reads (PUT and PATCH for SCIM). */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export interface StartAwsStandInOptions extends StandInHandlerOptions {
  port?: number;
  /** 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Serve HTTPS with this certificate (e.g. for signin.aws.amazon.com via host-resolver rules). */
  https?: { certPem: string; keyPem: string };
}

/** The AWS hosts tests route to the stand-in; a rebinding page cannot send them as its Host. */
function isAwsHost(hostname: string): boolean {
  return signinHostPartition(hostname) !== undefined || stsHostPartition(hostname) !== undefined;
}

/**
 * Starts the AWS sign-in test stand-in: a local server answering like AWS SAML sign-in and STS
 * AssumeRoleWithSAML for tests and demos. It is a test double and says so on every page.
 */
export async function startAwsStandIn(
  options: StartAwsStandInOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const handle = createStandInHandler(options);
  const scheme = options.https ? 'https' : 'http';
  // Known once the port is: until then (never in practice) requests get a 503.
  const guard: { hosts?: HostPolicy } = {};
  const running = await listen((request, response) => void serve(request, response), options);
  guard.hosts = {
    names: localNames(Number(new URL(running.url).port), options.host),
    alsoAccepts: isAwsHost,
    alsoNamed: 'an AWS sign-in or STS host',
    server: 'the AWS sign-in test stand-in',
  };

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const hosts = guard.hosts;
    const refused = hosts ? hostProblem(request.headers.host, hosts) : undefined;
    if (!hosts || refused) {
      response.writeHead(refused?.status ?? 503, {
        'content-type': 'text/plain; charset=utf-8',
        connection: 'close',
      });
      return void response.end(`${refused?.message ?? 'starting'}\n`);
    }
    try {
      const url = new URL(request.url ?? '/', 'http://stand-in.invalid');
      const scim = url.pathname.toLowerCase().startsWith(SCIM_PREFIX);
      const body = BODY_METHODS.has(request.method ?? '')
        ? await readBody(request, scim ? SCIM_MAX_BODY_BYTES : undefined)
        : '';
      const standInRequest: StandInRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        host: (request.headers.host ?? '').toLowerCase(),
        scheme,
        body,
        ...(request.headers.authorization !== undefined
          ? { authorization: request.headers.authorization }
          : {}),
      };
      const answer = handle(standInRequest);
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    } catch (error) {
      if (response.headersSent) return void response.destroy();
      const status = error instanceof BodyTooLargeError ? 413 : 500;
      if (request.url?.toLowerCase().startsWith(SCIM_PREFIX)) {
        const answer = scimErrorResponse(new ScimError(status, (error as Error).message));
        response.writeHead(answer.status, { ...answer.headers, connection: 'close' });
        return void response.end(answer.body);
      }
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(
        `AWS sign-in test stand-in: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }

  return { url: running.url, close: running.close };
}
