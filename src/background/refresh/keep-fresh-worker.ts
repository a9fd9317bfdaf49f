// Binds keep fresh to the browser for the worker: the stores, the background tab, STS, the alarm
// and the badges. index.ts calls it once; everything it builds takes its pieces as parameters.
import { getCredentials, type FetchLike } from '../../core/credentials.ts';
import { SAML_ENDPOINT_MATCH_PATTERNS, type Clock } from '../../core/inspect.ts';
import type { Badge, KeyValueArea } from '../../platform/types.ts';
import type { CredentialsStore } from '../../shared/credentials-store.ts';
import type { CaptureDeps } from '../capture/from-post.ts';
import type { CaptureStore } from '../capture/store.ts';
import { BLOCK_RULE_ID_BASE, tabBlockRule } from './block-rule.ts';
import { keepFreshStore } from '../../shared/keep-fresh/keep-fresh-settings.ts';
import { NEEDS_USER_BADGE } from './needs-user-badge.ts';
import { needsUserStore } from './needs-user.ts';
import {
  DEFAULT_SIGN_IN_TIMEOUT_MS,
  reSignIn,
  type ReSignInResult,
  type SignInTab,
} from './re-sign-in.ts';
import { refreshDue, type RefreshPass } from './refresh-due.ts';
import { refreshStatusStore } from '../../shared/keep-fresh/refresh-status.ts';
import { startUrlStore } from '../../shared/keep-fresh/start-url-store.ts';
import type { SignInTabOptions } from '../../platform/sign-in-tab.ts';

export const KEEP_FRESH_ALARM = 'keep-fresh';

export interface KeepFreshBrowser extends CaptureDeps {
  local: KeyValueArea;
  session: KeyValueArea;
  captures: CaptureStore;
  credentials: CredentialsStore;
  fetch: FetchLike;
  now: Clock;
  openSignInTab(options: SignInTabOptions): Promise<SignInTab>;
  showTab(tabId: number): Promise<void>;
  setAlarm(name: string, when: number | undefined): Promise<void>;
  setBadge(tabId: number, badge: Badge | undefined): Promise<void>;
}

/** The worker's keep-fresh: the tabs it owns (their POSTs are not the user's captures) and its actions. */
export function keepFreshWorker(b: KeepFreshBrowser) {
  const startUrls = startUrlStore(b.local);
  const needsUser = needsUserStore(b.session);
  const statuses = refreshStatusStore(b.session);
  const keepFresh = keepFreshStore(b.local);
  const ownTabs = new Set<number>();
  const signIn = (issuer: string): Promise<ReSignInResult> =>
    reSignIn(issuer, {
      inspect: b.inspect,
      now: b.now,
      startUrls,
      needsUser,
      timeoutMs: DEFAULT_SIGN_IN_TIMEOUT_MS,
      wait: (ms) => new Promise((done) => setTimeout(done, ms)),
      async openSignInTab(url, onEvent) {
        let ruleTab = 0;
        const tab = await b.openSignInTab({
          url,
          samlUrls: SAML_ENDPOINT_MATCH_PATTERNS,
          blockRule: (tabId) => {
            ruleTab = tabId;
            ownTabs.add(tabId);
            // One rule per tab: the tab id keeps concurrent sign-ins' rules apart.
            return tabBlockRule(BLOCK_RULE_ID_BASE + (tabId % 1_000_000), tabId);
          },
          onEvent,
        });
        const release = () => void ownTabs.delete(ruleTab);
        return {
          tabId: tab.tabId,
          close: () => tab.close().finally(release),
          leave: () => tab.leave().finally(release),
        };
      },
    });
  let running: Promise<RefreshPass> | undefined;
  const runOnce = async (): Promise<RefreshPass> => {
    const pass = await refreshDue({
      credentials: b.credentials,
      captures: b.captures,
      keepFresh,
      statuses,
      reSignIn: signIn,
      assume: (request) => getCredentials(request, { fetch: b.fetch }),
      now: b.now,
    });
    await b.setAlarm(KEEP_FRESH_ALARM, pass.nextWake);
    await showNeedsUser();
    return pass;
  };
  /** The badge of each tab whose refresh waits for the user, and of the login tab left open. */
  const showNeedsUser = async () => {
    const all = await statuses.all();
    for (const [key, status] of Object.entries(all))
      if (status.kind === 'failed' && status.error.code === 'idp-needs-user')
        await b.setBadge(Number(key.slice(0, key.indexOf(':'))), NEEDS_USER_BADGE);
    for (const marked of await needsUser.all())
      if (marked.tabId !== undefined) await b.setBadge(marked.tabId, NEEDS_USER_BADGE);
  };
  return {
    /** True for the background tabs keep fresh opened: their POST is not a capture of the user's. */
    ownsTab: (tabId: number) => ownTabs.has(tabId),
    reSignIn: signIn,
    userCapture: { startUrls, needsUser },
    /** One pass at a time: an alarm and a popup message arriving together share it. */
    run(): Promise<RefreshPass> {
      running ??= runOnce().finally(() => (running = undefined));
      return running;
    },
    async showSignIn(issuer: string): Promise<boolean> {
      const tabId = (await needsUser.get(issuer))?.tabId;
      if (tabId === undefined) return false;
      await b.showTab(tabId).catch(() => undefined);
      return true;
    },
  };
}
