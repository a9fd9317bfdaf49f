// The service worker: wiring only. Listeners are registered synchronously on first run so that a
// POST which wakes a stopped worker is still seen.
// Core modules imported directly, not through the barrel: a barrel import makes every core module
// (the popup's lazily loaded STS client too) reachable from the worker, and so part of its chunks.
import { inspectPostedForm, SAML_ENDPOINT_MATCH_PATTERNS, systemClock } from '../core/inspect.ts';
import {
  localArea,
  onMessage,
  onSamlPost,
  onSamlPostReferer,
  onTabActivated,
  onTabLoading,
  onTabRemoved,
  sessionArea,
  setTabBadge,
} from '../platform/index.ts';
import { credentialsStore } from '../shared/credentials-store.ts';
import { historySettingsStore } from '../shared/history-settings.ts';
import { settingsStore } from '../shared/settings-store.ts';
import { historyStore } from './capture/history-store.ts';
import { captureStore } from './capture/store.ts';
import type { WorkerDeps } from './handlers/deps.ts';
import { handleMessage } from './handlers/messages.ts';
import { handleReferer } from './handlers/referer.ts';
import { handleSamlPost } from './handlers/saml-post.ts';
import { handleTabRemoved, refreshTab, sweepExpired } from './handlers/tabs.ts';
import { tabQueue } from './tab-queue.ts';

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
