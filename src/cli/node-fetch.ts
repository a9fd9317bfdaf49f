import type { FetchLike } from '../core/credentials.ts';
import { boundedFetch } from '../idp/http/bounded-fetch.ts';

/**
 * Node's fetch, bounded so a silent endpoint cannot hang a command nor an endless answer fill
 * memory, and not following redirects: STS and a SCIM server are each reached at the URL given.
 */
export const nodeFetch: FetchLike = boundedFetch({
  timeoutMs: 30_000,
  maxResponseBytes: 8 * 1024 * 1024,
});
