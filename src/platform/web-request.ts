import type { WebRequest } from 'webextension-polyfill';
import { browser } from './browser.ts';
import type { SamlPost } from './types.ts';

/** The parts of a webRequest event this extension reads, whichever browser sent it. */
export type RawRequestDetails = Pick<
  WebRequest.OnBeforeRequestDetailsType,
  'tabId' | 'url' | 'method' | 'requestBody'
> & {
  initiator?: string;
  originUrl?: string;
};

/** Normalises a browser's request details; undefined for anything but a POST from a tab. */
export function toSamlPost(details: RawRequestDetails): SamlPost | undefined {
  if (details.method !== 'POST' || details.tabId < 0) return undefined;
  const body = details.requestBody;
  const raw: Uint8Array[] = [];
  for (const part of body?.raw ?? [])
    if (part.bytes) raw.push(new Uint8Array(part.bytes as ArrayBuffer));
  return {
    tabId: details.tabId,
    url: details.url,
    body: {
      ...(body?.formData ? { formData: body.formData as unknown as Record<string, string[]> } : {}),
      ...(raw.length > 0 ? { raw } : {}),
    },
    // Chrome reports the posting origin as `initiator`, Firefox the full URL as `originUrl`.
    ...(details.originUrl || details.initiator
      ? { initiator: details.originUrl ?? details.initiator }
      : {}),
  };
}

/**
 * Watches top-level POSTs to the given URL patterns with their bodies. Must be called
 * synchronously while the worker script first runs, so a POST that wakes the worker is seen.
 */
export function onSamlPost(urls: readonly string[], listener: (post: SamlPost) => void): void {
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      const post = toSamlPost(details as RawRequestDetails);
      if (post) listener(post);
      return undefined;
    },
    { urls: [...urls], types: ['main_frame'] },
    ['requestBody'],
  );
}

/**
 * Reports the Referer of POSTs to the given patterns: Chrome omits `initiator` for origins the
 * extension has no access to, but the Referer still names the IdP page (or at least its origin).
 */
export function onSamlPostReferer(
  urls: readonly string[],
  listener: (tabId: number, referer: string) => void,
): void {
  browser.webRequest.onBeforeSendHeaders.addListener(
    (details) => {
      if (details.method !== 'POST' || details.tabId < 0) return undefined;
      const referer = details.requestHeaders?.find(
        (h) => h.name.toLowerCase() === 'referer',
      )?.value;
      if (referer) listener(details.tabId, referer);
      return undefined;
    },
    { urls: [...urls], types: ['main_frame'] },
    // Chrome shows the Referer header only with extraHeaders; Firefox does not know the flag.
    // The build knows its browser (vite.config.ts); a user agent can be changed or spoofed.
    ['requestHeaders', ...(import.meta.env.TARGET === 'chrome' ? ['extraHeaders'] : [])] as never,
  );
}
