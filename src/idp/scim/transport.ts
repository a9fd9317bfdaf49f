import type { FetchLike } from '../../core/credentials.ts';
import { ScimServerError, ScimSyncError } from './errors.ts';
import type { ScimRequest } from './requests.ts';

const SCIM_JSON = 'application/scim+json';
/** What dry-run output and logs show instead of the token. */
export const REDACTED = '<redacted>';

export interface ScimTransportOptions {
  baseUrl: string;
  token: string;
  /** The project's fetch seam; it bounds time and answer size (see src/idp/http/bounded-fetch.ts). */
  fetch: FetchLike;
  /** Reads are sent; writes are printed (token redacted) instead. */
  dryRun: boolean;
  print(text: string): void;
}

/**
 * Sends SCIM requests to one base URL only (every path is the client's own, appended to it) and
 * reads the JSON answers. Counts what it sends, so a second sync can be seen to write nothing.
 */
export class ScimTransport {
  reads = 0;
  writes = 0;

  constructor(private readonly options: ScimTransportOptions) {}

  get dryRun(): boolean {
    return this.options.dryRun;
  }

  /** A GET, sent in dry-run too: the plan depends on what the server holds. */
  async read(request: ScimRequest): Promise<unknown> {
    this.reads++;
    return this.send(request);
  }

  /** A write; in dry-run, printed and answered with undefined. */
  async write(request: ScimRequest): Promise<unknown> {
    if (this.options.dryRun) {
      this.options.print(describeRequest(this.options.baseUrl, request));
      return undefined;
    }
    this.writes++;
    return this.send(request);
  }

  private async send(request: ScimRequest): Promise<unknown> {
    const url = `${this.options.baseUrl}${request.path}`;
    let response: { status: number; text(): Promise<string> };
    let text: string;
    try {
      response = await this.options.fetch(url, {
        method: request.method,
        headers: {
          accept: SCIM_JSON,
          authorization: `Bearer ${this.options.token}`,
          ...(request.body !== undefined ? { 'content-type': SCIM_JSON } : {}),
        },
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      });
      text = await response.text();
    } catch (error) {
      throw new ScimSyncError(
        `${request.method} ${this.options.baseUrl}${pathOnly(request.path)}: ${networkReason(error)}`,
      );
    }
    if (response.status >= 300 && response.status < 400)
      throw new ScimSyncError(
        `${request.method} ${this.options.baseUrl}${pathOnly(request.path)}: the server answered ${response.status} (a redirect), which the sync does not follow: give the final SCIM URL`,
      );
    const body = parseJson(text);
    if (response.status >= 400) {
      const error =
        typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      throw new ScimServerError(
        request,
        response.status,
        typeof error.scimType === 'string' ? error.scimType : '',
        typeof error.detail === 'string' ? error.detail : text.slice(0, 500),
      );
    }
    if (body === undefined && text.trim() !== '')
      throw new ScimSyncError(
        `${request.method} ${this.options.baseUrl}${pathOnly(request.path)}: the answer (${response.status}) is not JSON; is the URL the SCIM base (…/scim/v2)?`,
      );
    return body;
  }
}

/** A write as dry-run prints it: the method, the URL, the headers with the token redacted, the body. */
export function describeRequest(baseUrl: string, request: ScimRequest): string {
  const lines = [
    `${request.method} ${baseUrl}${request.path}`,
    `  authorization: Bearer ${REDACTED}`,
  ];
  if (request.body !== undefined) {
    lines.push(`  content-type: ${SCIM_JSON}`);
    lines.push(`  ${JSON.stringify(request.body)}`);
  }
  return lines.join('\n');
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function pathOnly(path: string): string {
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
}

// Node's codes for a certificate that does not chain to a trusted CA (self-signed above all).
const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

function networkReason(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'no answer in time (timed out)';
  // Node's fetch puts the code on the cause; node:https on the error itself.
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = withCode?.cause?.code ?? withCode?.code;
  const message = error instanceof Error ? error.message : String(error);
  const advice =
    typeof code === 'string' && UNTRUSTED_CERTIFICATE.has(code)
      ? "; the server's certificate is not trusted: give its CA with --scim-ca-file (the running IdP: NODE_EXTRA_CA_CERTS)"
      : '';
  return `${message.slice(0, 200)}${typeof code === 'string' && !message.includes(code) ? ` (${code})` : ''}${advice}`;
}
