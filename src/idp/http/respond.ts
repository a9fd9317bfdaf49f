import type { ServerResponse } from 'node:http';
import { contentSecurityPolicy } from './csp.ts';

/** Headers every HTML page gets: no caching of pages that carry assertions, no framing. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // Not no-referrer: Chrome then sends `Origin: null` even on the IdP's own form POSTs.
  'referrer-policy': 'same-origin',
};

export interface PageOptions {
  /** The nonce the page's <script> and <style> carry. */
  nonce: string;
  /** Where the page's forms may post; the IdP itself unless told. */
  formAction?: readonly string[];
  headers?: Record<string, string | string[]>;
}

export function sendHtml(
  response: ServerResponse,
  status: number,
  html: string,
  options: PageOptions,
): void {
  response.writeHead(status, {
    ...PAGE_HEADERS,
    'content-security-policy': contentSecurityPolicy(options.nonce, options.formAction),
    ...options.headers,
  });
  response.end(html);
}

export function sendText(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

export function redirect(
  response: ServerResponse,
  location: string,
  headers: Record<string, string | string[]> = {},
): void {
  response.writeHead(303, { location, 'cache-control': 'no-store', ...headers });
  response.end();
}
