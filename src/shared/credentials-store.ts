// Temporary AWS credentials per tab and role, in storage.session only (never storage.local): they
// survive the popup closing, vanish when the browser quits, and are dropped once expired.
import { isExpired, msUntilExpiry, type StsCredentials } from '../core/credentials.ts';
import type { Clock } from '../core/inspect.ts';
import type { KeyValueArea } from '../platform/types.ts';

export interface StoredCredentials {
  tabId: number;
  roleArn: string;
  credentials: StsCredentials;
  assumedRoleArn: string;
  /** The `~/.aws/credentials` profile name the core gave this role when it got the credentials. */
  profile: string;
  /** The STS region asked; undefined for the partition's default endpoint. */
  region?: string;
}

const PREFIX = 'credentials:';

export const credentialsKey = (tabId: number, roleArn: string): string =>
  `${PREFIX}${tabId}:${roleArn}`;

export interface CredentialsStore {
  /** The role's credentials, or undefined (and dropped) once expired. */
  get(tabId: number, roleArn: string): Promise<StoredCredentials | undefined>;
  put(entry: StoredCredentials): Promise<void>;
  drop(tabId: number, roleArn: string): Promise<void>;
  /**
   * The role's credentials from any tab (the bridge asks by role, not by tab) with more than
   * `minValidMs` left, from `region`'s endpoint (undefined: the default one); the longest-lived.
   */
  findForRole(
    roleArn: string,
    options: { minValidMs: number; region?: string },
  ): Promise<StoredCredentials | undefined>;
  /** Every entry not yet expired (keep-fresh looks for the ones due). */
  list(): Promise<StoredCredentials[]>;
  /** Drops every expired entry, and every entry of `closedTabId`; returns how many went. */
  sweep(closedTabId?: number): Promise<number>;
}

export function credentialsStore(area: KeyValueArea, now: Clock): CredentialsStore {
  const expired = (entry: StoredCredentials): boolean =>
    isExpired(entry.credentials, new Date(now()));
  return {
    async get(tabId, roleArn) {
      const key = credentialsKey(tabId, roleArn);
      const entry = (await area.get(key)) as StoredCredentials | undefined;
      if (!entry) return undefined;
      if (!expired(entry)) return entry;
      await area.remove(key);
      return undefined;
    },
    put: (entry) => area.set(credentialsKey(entry.tabId, entry.roleArn), entry),
    drop: (tabId, roleArn) => area.remove(credentialsKey(tabId, roleArn)),
    async findForRole(roleArn, { minValidMs, region }) {
      const at = new Date(now());
      let best: StoredCredentials | undefined;
      for (const [key, value] of Object.entries(await area.getAll())) {
        if (!key.startsWith(PREFIX)) continue;
        const entry = value as StoredCredentials;
        if (entry.roleArn !== roleArn || entry.region !== region) continue;
        const left = msUntilExpiry(entry.credentials, at);
        // NaN (no date) fails both comparisons, so such an entry is never returned.
        if (!(left > minValidMs)) continue;
        if (!best || left > msUntilExpiry(best.credentials, at)) best = entry;
      }
      return best;
    },
    async list() {
      const all = await area.getAll();
      return Object.keys(all)
        .filter((key) => key.startsWith(PREFIX))
        .map((key) => all[key] as StoredCredentials)
        .filter((entry) => !expired(entry));
    },
    async sweep(closedTabId) {
      const all = await area.getAll();
      const keys = Object.keys(all).filter((key) => {
        if (!key.startsWith(PREFIX)) return false;
        const entry = all[key] as StoredCredentials;
        return entry.tabId === closedTabId || expired(entry);
      });
      if (keys.length) await area.remove(keys);
      return keys.length;
    },
  };
}
