// The service worker: wiring only. Listeners are registered synchronously on first run so that a
// POST which wakes a stopped worker is still seen.
// Core modules imported directly, not through the barrel: a barrel import makes every core module
// (the popup's lazily loaded STS client too) reachable from the worker, and so part of its chunks.
import { inspectPostedForm, SAML_ENDPOINT_MATCH_PATTERNS, systemClock } from '../core/inspect.ts';
import {
  localArea,
  onAlarm,
  onMessage,
  onSamlPost,
  onSamlPostReferer,
  onTabActivated,
  onTabLoading,
  onTabRemoved,
  openSignInTab,
  sessionArea,
  setAlarm,
  setTabBadge,
  showTab,
} from '../platform/index.ts';
import { credentialsStore } from '../shared/credentials-store.ts';
import { settingsStore } from '../shared/settings-store.ts';
import { captureStore } from './capture/store.ts';
import type { WorkerDeps } from './handlers/deps.ts';
import { handleMessage } from './handlers/messages.ts';
import { handleReferer } from './handlers/referer.ts';
import { handleSamlPost } from './handlers/saml-post.ts';
import { handleTabRemoved, refreshTab, sweepExpired } from './handlers/tabs.ts';
import { KEEP_FRESH_ALARM, keepFreshWorker } from './refresh/keep-fresh-worker.ts';
import { tabQueue } from './tab-queue.ts';

const captures = captureStore(sessionArea());
const credentials = credentialsStore(sessionArea(), systemClock);
const keepFresh = keepFreshWorker({
  local: localArea(),
  session: sessionArea(),
  captures,
  credentials,
  inspect: inspectPostedForm,
  now: systemClock,
  // No cookies: STS takes everything from the request itself.
  fetch: (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }),
  openSignInTab,
  showTab,
  setAlarm,
  setBadge: setTabBadge,
});
const deps: WorkerDeps = {
  captures,
  credentials,
  settings: settingsStore(localArea()),
  inspect: inspectPostedForm,
  now: systemClock,
  setBadge: setTabBadge,
  refresh: { ...keepFresh.userCapture, run: keepFresh.run, showSignIn: keepFresh.showSignIn },
};

const report = (what: string) => (error: unknown) =>
  console.error(`saml-roles: ${what} failed`, error);
const inOrder = tabQueue();
const onTab = (what: string, task: (tabId: number) => Promise<void>) => (tabId: number) =>
  void inOrder(tabId, () => task(tabId)).catch(report(what));

// A keep-fresh background tab's POST is taken by keep fresh itself (and stopped before AWS).
onSamlPost(SAML_ENDPOINT_MATCH_PATTERNS, (post) => {
  if (!keepFresh.ownsTab(post.tabId))
    onTab('capture', () => handleSamlPost(post, deps))(post.tabId);
});
onSamlPostReferer(SAML_ENDPOINT_MATCH_PATTERNS, (tabId, referer) => {
  if (!keepFresh.ownsTab(tabId)) onTab('referer', () => handleReferer(tabId, referer, deps))(tabId);
});
onTabRemoved(onTab('tab cleanup', (tabId) => handleTabRemoved(tabId, deps)));
onTabLoading(onTab('badge', (tabId) => refreshTab(tabId, deps)));
onTabActivated(onTab('badge', (tabId) => refreshTab(tabId, deps)));
onMessage((message, sender) => handleMessage(message, deps, sender));
onAlarm(KEEP_FRESH_ALARM, () => void keepFresh.run().catch(report('keep fresh')));
void sweepExpired(deps).catch(report('expiry sweep'));
