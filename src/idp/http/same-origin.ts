import type { IncomingMessage } from 'node:http';

/**
 * Why a state-changing request may not come from this server's own pages, or undefined when it
 * does. Origin is compared by origin, not site: a page on another 127.0.0.1 port is the same site
 * (cookies, even SameSite=Strict ones, go along) but another origin.
 */
export function crossOriginProblem(
  request: IncomingMessage,
  ownOrigin: string,
): string | undefined {
  const origin = request.headers.origin;
  // `Origin: null` says nothing either way (Chrome sends it under Referrer-Policy: no-referrer,
  // sandboxed and data: pages send it too): Sec-Fetch-Site then decides.
  if (origin !== undefined && origin !== 'null') {
    if (origin.toLowerCase() === ownOrigin) return undefined;
    return `this form came from ${origin.slice(0, 200)}, not from this IdP (${ownOrigin}); sign in and use the IdP's own pages`;
  }
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin') return undefined;
  if (site !== undefined)
    return `this form came from a ${String(site).slice(0, 40)} page, not from this IdP (${ownOrigin})`;
  return `the request has neither an Origin nor a Sec-Fetch-Site header, so it cannot be told apart from a forged one; use the IdP's own pages in a browser`;
}
