/**
 * Why a SCIM base URL is not usable, or undefined when it is. The bearer token goes with every
 * request, so plain http is allowed only to this machine (a local stand-in or a test server).
 */
export function scimUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url.slice(0, 200)}" is not a URL`;
  }
  if (parsed.username || parsed.password)
    return 'the SCIM URL must not carry a user name or password: give the token as tokenEnv or tokenFile';
  if (parsed.search || parsed.hash)
    return `the SCIM URL must be the base (ending in /scim/v2), without ?query or #fragment`;
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && isLoopback(parsed.hostname)) return undefined;
  return `the SCIM URL must be https (plain http only to 127.0.0.1, ::1 or localhost), found ${parsed.protocol}//${parsed.host}`;
}

/** The base URL without trailing slashes, so `${base}/Users` has exactly one. */
export function scimBaseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
