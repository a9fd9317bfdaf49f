// The service worker: wiring only. Listeners are registered synchronously on first run so that a
// POST which wakes a stopped worker is still seen.
// Core modules imported through their entries, not the barrel: a barrel import makes every core
// module (trust policies, reports) reachable from the worker, and so part of its chunks.
import { inspectPostedForm, SAML_ENDPOINT_MATCH_PATTERNS, systemClock } from '../core/inspect.ts';
import {
  localArea,
  onAlarm,
  onMessage,
  onSamlPost,
  onSamlPostReferer,
  onTabActivated,
  onTabLoading,
  onStorageChanged,
  onTabRemoved,
  openSignInTab,
  sessionArea,
  setAlarm,
  setTabBadge,
  showTab,
} from '../platform/index.ts';
import { connectNative, extensionVersion } from '../platform/native-messaging.ts';
import { hasPermission, onPermissionsChanged } from '../platform/permissions.ts';
import { BRIDGE_ENABLED_KEY, readBridgeEnabled } from '../shared/bridge-state.ts';
import { credentialSettingsStore } from '../shared/credential-settings.ts';
import { credentialsStore } from '../shared/credentials-store.ts';
import { historySettingsStore } from '../shared/history-settings.ts';
import { settingsStore } from '../shared/settings-store.ts';
import { wireBridge } from './bridge/wire.ts';
import { historyStore } from './capture/history-store.ts';
import { captureStore } from './capture/store.ts';
import type { WorkerDeps } from './handlers/deps.ts';
import { handleMessage } from './handlers/messages.ts';
import { handleReferer } from './handlers/referer.ts';
import { handleSamlPost } from './handlers/saml-post.ts';
import { handleTabRemoved, refreshTab, sweepExpired } from './handlers/tabs.ts';
import { KEEP_FRESH_ALARM, keepFreshWorker } from './refresh/keep-fresh-worker.ts';
import { tabQueue } from './tab-queue.ts';
import { workerFetch } from './worker-fetch.ts';

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
  history: historyStore(sessionArea(), {
    size: async () => (await historySettingsStore(localArea()).load()).size,
  }),
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

// The bridge to the AWS CLI (issue 12): on only while the user wants it and the browser grants
// nativeMessaging. A role whose assertions all expired is fetched again by keep fresh's
// background sign-in.
const bridge = wireBridge({
  captures: deps.captures,
  credentials: deps.credentials,
  credentialSettings: credentialSettingsStore(localArea()).load,
  fetch: workerFetch,
  now: systemClock,
  reSignIn: keepFresh.reSignIn,
  extensionVersion: extensionVersion(),
  connectNative,
  wanted: async () =>
    (await readBridgeEnabled(localArea())) && (await hasPermission('nativeMessaging')),
  session: sessionArea(),
  report,
});
onStorageChanged('local', BRIDGE_ENABLED_KEY, () => bridge.sync());
onPermissionsChanged(() => bridge.sync());
bridge.sync();
