/**
 * Why an ACS URL is unusable, or undefined when it is fine. The one check for the config file and
 * uploaded SP metadata alike: the auto-post page submits a form to this URL, so a `javascript:` or
 * `data:` URL would run script on the IdP's origin.
 */
export function acsUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `ACS URL "${url}" is not a URL`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `ACS URL "${url}" is not an http(s) URL`;
  if (parsed.hostname === '') return `ACS URL "${url}" is not a URL`;
  return undefined;
}
