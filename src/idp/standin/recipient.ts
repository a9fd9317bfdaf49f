import { withoutTrailingSlashes } from '../../core/inspect.ts';

/** The URL a request reached, as AWS compares Recipient and Destination with it. */
export function reachedUrl(scheme: string, host: string, path: string): string {
  return normaliseUrl(`${scheme}://${host}${path}`);
}

/** Lower-cases scheme and host, drops default ports and trailing slashes; invalid URLs stay as given. */
export function normaliseUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    return `${parsed.protocol}//${parsed.host}${withoutTrailingSlashes(parsed.pathname)}`;
  } catch {
    return url;
  }
}
