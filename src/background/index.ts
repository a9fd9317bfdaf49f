// The service worker: wiring only. Listeners are registered synchronously on first run so that a
// POST which wakes a stopped worker is still seen.
// Core modules imported through their entries, not the barrel: a barrel import makes every core
// module (trust policies, reports) reachable from the worker, and so part of its chunks.
import { inspectPostedForm, SAML_ENDPOINT_MATCH_PATTERNS, systemClock } from '../core/inspect.ts';
import {
  localArea,
  onMessage,
  onSamlPost,
  onSamlPostReferer,
  onTabActivated,
  onTabLoading,
  onStorageChanged,
  onTabRemoved,
  sessionArea,
  setTabBadge,
} from '../platform/index.ts';
import { connectNative, extensionVersion } from '../platform/native-messaging.ts';
import { hasPermission, onPermissionsChanged } from '../platform/permissions.ts';
import { BRIDGE_ENABLED_KEY, readBridgeEnabled } from '../shared/bridge-state.ts';
import { credentialSettingsStore } from '../shared/credential-settings.ts';
import { credentialsStore } from '../shared/credentials-store.ts';
import { historySettingsStore } from '../shared/history-settings.ts';
import { settingsStore } from '../shared/settings-store.ts';
import { noReSignIn } from './bridge/deps.ts';
import { wireBridge } from './bridge/wire.ts';
import { historyStore } from './capture/history-store.ts';
import { captureStore } from './capture/store.ts';
import type { WorkerDeps } from './handlers/deps.ts';
import { handleMessage } from './handlers/messages.ts';
import { handleReferer } from './handlers/referer.ts';
import { handleSamlPost } from './handlers/saml-post.ts';
import { handleTabRemoved, refreshTab, sweepExpired } from './handlers/tabs.ts';
import { tabQueue } from './tab-queue.ts';
import { workerFetch } from './worker-fetch.ts';

const deps: WorkerDeps = {
  captures: captureStore(sessionArea()),
  history: historyStore(sessionArea(), {
    size: async () => (await historySettingsStore(localArea()).load()).size,
  }),
  credentials: credentialsStore(sessionArea(), systemClock),
  settings: settingsStore(localArea()),
  inspect: inspectPostedForm,
  now: systemClock,
  setBadge: setTabBadge,
};

const report = (what: string) => (error: unknown) =>
  console.error(`saml-roles: ${what} failed`, error);
const inOrder = tabQueue();
const onTab = (what: string, task: (tabId: number) => Promise<void>) => (tabId: number) =>
  void inOrder(tabId, () => task(tabId)).catch(report(what));

onSamlPost(SAML_ENDPOINT_MATCH_PATTERNS, (post) =>
  onTab('capture', () => handleSamlPost(post, deps))(post.tabId),
);
onSamlPostReferer(SAML_ENDPOINT_MATCH_PATTERNS, (tabId, referer) =>
  onTab('referer', () => handleReferer(tabId, referer, deps))(tabId),
);
onTabRemoved(onTab('tab cleanup', (tabId) => handleTabRemoved(tabId, deps)));
onTabLoading(onTab('badge', (tabId) => refreshTab(tabId, deps)));
onTabActivated(onTab('badge', (tabId) => refreshTab(tabId, deps)));
onMessage((message, sender) => handleMessage(message, deps, sender));
void sweepExpired(deps).catch(report('expiry sweep'));

// The bridge to the AWS CLI (issue 12): on only while the user wants it and the browser grants
// nativeMessaging. keep-fresh's reSignIn replaces noReSignIn once it is wired in.
const bridge = wireBridge({
  captures: deps.captures,
  credentials: deps.credentials,
  credentialSettings: credentialSettingsStore(localArea()).load,
  fetch: workerFetch,
  now: systemClock,
  reSignIn: noReSignIn,
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
