import {
  type Clock,
  classifySamlEndpoint,
  classifySigninHost,
  expiresAt,
  type Inspection,
  isSamlInputError,
  type PostedForm,
} from '../../core/inspect.ts';
import type { SamlPost } from '../../platform/types.ts';
import type { Capture } from '../../shared/capture.ts';
import { postedFormFrom } from './posted-form.ts';

export interface CaptureDeps {
  inspect: (form: PostedForm, options: { now: Date }) => Inspection;
  now: Clock;
}

/**
 * The IdP's site root, where a person can sign in again; only web origins count. AWS's own sign-in
 * pages are never it: choosing a role on AWS's picker re-POSTs the assertion from AWS's page.
 */
export function idpUrlFrom(initiator: string | undefined): string | undefined {
  if (!initiator) return undefined;
  try {
    const url = new URL(initiator);
    if (classifySigninHost(url.hostname)) return undefined;
    return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.origin}/` : undefined;
  } catch {
    return undefined;
  }
}

/** Turns one POST into a capture; undefined when the URL is not an AWS SAML endpoint after all. */
export function captureFromPost(post: SamlPost, deps: CaptureDeps): Capture | undefined {
  if (!classifySamlEndpoint(post.url)) return undefined;
  const idpUrl = idpUrlFrom(post.initiator);
  const capturedAt = deps.now();
  const base = {
    tabId: post.tabId,
    capturedAt,
    endpointUrl: post.url,
    ...(idpUrl ? { idpUrl } : {}),
  };
  const form = postedFormFrom(post.body);
  if (form === undefined) {
    const message = 'The POST to AWS carried no SAMLResponse form field the browser could read.';
    return { ...base, kind: 'failed', error: { code: 'form-field-missing', message } };
  }
  try {
    const inspection = deps.inspect(form, { now: new Date(capturedAt) });
    const expiry = expiresAt(inspection.saml)?.getTime();
    return {
      ...base,
      kind: 'decoded',
      inspection,
      ...(expiry === undefined ? {} : { expiresAt: expiry }),
    };
  } catch (error) {
    if (isSamlInputError(error))
      return { ...base, kind: 'failed', error: { code: error.code, message: error.message } };
    const message = `Could not read the assertion: ${error instanceof Error ? error.message : String(error)}`;
    return { ...base, kind: 'failed', error: { code: 'internal', message } };
  }
}
