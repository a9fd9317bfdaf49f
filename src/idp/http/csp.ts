import { randomBytes } from 'node:crypto';

/** A fresh nonce per response: only the page's own scripts and styles run. */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The Content-Security-Policy of an IdP page: nothing loads but the page's own nonce-marked script
 * and style, forms post only to `formAction` (the IdP itself unless told), no framing, no <base>.
 */
export function contentSecurityPolicy(
  nonce: string,
  formAction: readonly string[] = ["'self'"],
): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    `form-action ${formAction.join(' ')}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
