import type { Clock, Inspection, PostedForm } from '../../core/inspect.ts';
import type { Badge } from '../../platform/types.ts';
import type { CredentialsStore } from '../../shared/credentials-store.ts';
import type { SettingsStore } from '../../shared/settings-store.ts';
import type { HistoryStore } from '../capture/history-store.ts';
import type { CaptureStore } from '../capture/store.ts';
import type { UserCaptureDeps } from '../refresh/user-capture.ts';

/** Everything the worker's handlers touch, handed in so tests use in-memory versions. */
export interface WorkerDeps {
  captures: CaptureStore;
  /** The captures of the browser session, for the popup's history and diff (storage.session). */
  history: HistoryStore;
  /** STS credentials the popup minted, per tab and role (storage.session). */
  credentials: CredentialsStore;
  settings: SettingsStore;
  inspect: (form: PostedForm, options: { now: Date }) => Inspection;
  now: Clock;
  setBadge: (tabId: number, badge: Badge | undefined) => Promise<void>;
  /** Keep fresh: learns where each IdP starts a sign-in, and when the user signed in again. */
  refresh?: UserCaptureDeps & {
    /** Refreshes what is due now and sets the next alarm. */
    run(): Promise<{ refreshed: number; failed: number }>;
    /** Brings the tab left at the issuer's login page to the front; false when there is none. */
    showSignIn(issuer: string): Promise<boolean>;
  };
}
