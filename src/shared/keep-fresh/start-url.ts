// Where a sign-in can be started again without the user: a URL the extension will open in a
// background tab, so it must be a web page the user's IdP serves, nothing else.

/** Longer than any IdP's application link; a longer value is not one. */
export const MAX_START_URL_LENGTH = 2048;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type StartUrlCheck = { ok: true; url: string } | { ok: false; problem: string };

/**
 * Checks a start URL: https, or http only on this machine (the companion IdP); no user name or
 * password inside it (they would sit in storage.local in the clear).
 */
export function checkStartUrl(raw: string): StartUrlCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'The start URL is empty.' };
  if (text.length > MAX_START_URL_LENGTH)
    return {
      ok: false,
      problem: `The start URL is ${text.length} characters long; at most ${MAX_START_URL_LENGTH} are accepted.`,
    };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: `"${text.slice(0, 80)}" is not a URL (it needs https://).` };
  }
  if (url.username || url.password)
    return { ok: false, problem: 'The start URL must not carry a user name or password.' };
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
    return { ok: true, url: url.href };
  if (url.protocol === 'http:')
    return {
      ok: false,
      problem: `The start URL must use https (http only for 127.0.0.1 or localhost), not ${url.host}.`,
    };
  return { ok: false, problem: `The start URL must be a web page (https), not ${url.protocol}.` };
}

/** The origin match pattern the extension needs host access to, to look at the start page. */
export function originPattern(startUrl: string): string {
  const url = new URL(startUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
