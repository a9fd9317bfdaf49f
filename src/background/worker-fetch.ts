import type { FetchLike } from '../core/credentials.ts';

/**
 * The worker's fetch for STS, as the popup's (popup/credentials/env.ts): host permissions let it
 * reach STS without CORS; no cookies, since STS takes everything from the request itself.
 */
export const workerFetch: FetchLike = (url, init) =>
  fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
