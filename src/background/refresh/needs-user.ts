// The never-loop rule: once an IdP wanted the user, no background sign-in goes to it again until
// the user signs in there themselves (a capture from one of their own tabs clears the mark).
// storage.session: it describes this browser session only.
import type { KeyValueArea } from '../../platform/types.ts';

const PREFIX = 'refresh:needs-user:';

export interface NeedsUser {
  /** Where the user must sign in. */
  signInUrl: string;
  /** The tab left open at the IdP's login page, if it still is. */
  tabId?: number;
  since: number;
}

export interface NeedsUserStore {
  get(issuer: string): Promise<NeedsUser | undefined>;
  mark(issuer: string, value: NeedsUser): Promise<void>;
  /** The user signed in at this IdP again. */
  clear(issuer: string): Promise<void>;
  all(): Promise<NeedsUser[]>;
}

export function needsUserStore(area: KeyValueArea): NeedsUserStore {
  return {
    get: async (issuer) => (await area.get(PREFIX + issuer)) as NeedsUser | undefined,
    mark: (issuer, value) => area.set(PREFIX + issuer, value),
    clear: (issuer) => area.remove(PREFIX + issuer),
    async all() {
      const entries = await area.getAll();
      return Object.keys(entries)
        .filter((key) => key.startsWith(PREFIX))
        .map((key) => entries[key] as NeedsUser);
    },
  };
}
