import type { FetchLike } from '../core/credentials.ts';

const NETWORK_TIMEOUT_MS = 30_000;

/** Node's fetch, bounded so a silent endpoint cannot hang the command. */
export const nodeFetch: FetchLike = (url, init) =>
  fetch(url, { ...init, signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS) });
