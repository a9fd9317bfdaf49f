import { explainStsError } from './explain.ts';
import { buildAssumeRoleWithSamlRequest, type AssumeRoleWithSamlParams } from './request.ts';
import { readAssumeRoleWithSamlResponse } from './response.ts';
import type { AssumeRoleResult, FetchLike, HttpRequest, StsError } from './types.ts';

export interface StsClientOptions {
  fetch: FetchLike;
  /** The role's MaxSessionDuration when known, so a too-long request suggests the right retry. */
  maxSessionDuration?: number;
}

/**
 * Calls STS AssumeRoleWithSAML. Never rejects for STS or network failures: they come back as
 * `{ ok: false, error }`. Throws StsParameterError for unusable parameters, before any request.
 */
export async function assumeRoleWithSaml(
  params: AssumeRoleWithSamlParams,
  options: StsClientOptions,
): Promise<AssumeRoleResult> {
  const request = buildAssumeRoleWithSamlRequest(params);
  const answer = await send(request, options.fetch);
  if ('error' in answer) return { ok: false, error: answer.error };
  return readAssumeRoleWithSamlResponse(answer.status, answer.body, {
    ...(params.durationSeconds !== undefined
      ? { requestedDurationSeconds: params.durationSeconds }
      : {}),
    ...(options.maxSessionDuration !== undefined
      ? { maxSessionDuration: options.maxSessionDuration }
      : {}),
  });
}

/** Sends a built request; a rejected fetch (DNS, refused, TLS, timeout) becomes a NetworkError. */
export async function send(
  request: HttpRequest,
  fetch: FetchLike,
): Promise<{ status: number; body: string } | { error: StsError }> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    const message = `${hostOf(request.url)}: ${networkReason(error)}`;
    return {
      error: { code: 'NetworkError', message, ...explainStsError('NetworkError', message) },
    };
  }
}

function hostOf(url: string): string {
  return /^[a-z]+:\/\/([^/?#]+)/i.exec(url)?.[1] ?? url;
}

/** Node's fetch says only "fetch failed" and puts the reason (ECONNREFUSED...) in `cause`. */
function networkReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const detail =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof cause?.message === 'string'
        ? cause.message
        : '';
  return detail && !message.includes(detail) ? `${message} (${detail})` : message;
}
