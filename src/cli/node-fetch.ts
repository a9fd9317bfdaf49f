import type { FetchLike } from '../core/credentials.ts';
import { boundedFetch } from '../idp/http/bounded-fetch.ts';

/** How long the CLI waits for an answer, and how much of one it reads. */
export const NODE_FETCH_LIMITS = { timeoutMs: 30_000, maxResponseBytes: 8 * 1024 * 1024 };

/**
 * Node's fetch, bounded so a silent endpoint cannot hang a command nor an endless answer fill
 * memory, and not following redirects: STS and a SCIM server are each reached at the URL given.
 */
export const nodeFetch: FetchLike = boundedFetch(NODE_FETCH_LIMITS);
