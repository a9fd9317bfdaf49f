/** The first retry after the host went away. */
export const FIRST_RETRY_MS = 1_000;
/** The longest wait between tries: a host installed later is found within a minute. */
export const MAX_RETRY_MS = 60_000;
/** A connection that lived this long was healthy: the next drop starts the backoff over. */
export const STABLE_CONNECTION_MS = 30_000;

/** Wait before the `attempt`-th retry (1-based): doubling from FIRST_RETRY_MS, capped. */
export function retryDelayMs(attempt: number): number {
  const doublings = Math.min(Math.max(attempt - 1, 0), 16);
  return Math.min(FIRST_RETRY_MS * 2 ** doublings, MAX_RETRY_MS);
}
