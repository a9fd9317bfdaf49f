// What the last refresh of each kept-fresh role came to, for the popup: storage.session, beside
// the credentials it describes.
import type { BridgeError } from '../../core/bridge.ts';
import type { KeyValueArea } from '../../platform/types.ts';

export const REFRESH_STATUS_KEY = 'refresh:status';
const KEY = REFRESH_STATUS_KEY;

export type RefreshStatus =
  { kind: 'refreshed'; at: number } | { kind: 'failed'; at: number; error: BridgeError };

/** Per `tabId:roleArn` (schedule.ts's heldKey): the last outcome, and the expiry it was for. */
export type RefreshStatuses = Record<string, RefreshStatus & { forExpiry: number }>;

export interface RefreshStatusStore {
  all(): Promise<RefreshStatuses>;
  set(key: string, status: RefreshStatus & { forExpiry: number }): Promise<void>;
  /** Keeps only these keys (credentials that still exist). */
  keep(keys: ReadonlySet<string>): Promise<void>;
}

export function refreshStatusStore(area: KeyValueArea): RefreshStatusStore {
  const all = async () => ((await area.get(KEY)) as RefreshStatuses | undefined) ?? {};
  return {
    all,
    async set(key, status) {
      await area.set(KEY, { ...(await all()), [key]: status });
    },
    async keep(keys) {
      const statuses = await all();
      const kept = Object.entries(statuses).filter(([key]) => keys.has(key));
      if (kept.length !== Object.keys(statuses).length)
        await area.set(KEY, Object.fromEntries(kept));
    },
  };
}

/** Where the user must sign in for a kept-fresh role of this tab to refresh again, if anywhere. */
export function signInNeededFor(statuses: unknown, tabId: number): string | undefined {
  if (typeof statuses !== 'object' || statuses === null) return undefined;
  for (const [key, status] of Object.entries(statuses as RefreshStatuses))
    if (key.startsWith(`${tabId}:`) && status.kind === 'failed' && status.error.signInUrl)
      return status.error.signInUrl;
  return undefined;
}
