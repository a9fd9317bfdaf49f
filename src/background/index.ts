// The service worker: wiring only. Listeners are registered synchronously on first run so that a
// POST which wakes a stopped worker is still seen.
import { inspect, SAML_ENDPOINT_MATCH_PATTERNS } from '../core/index.ts';
import {
  localArea,
  onMessage,
  onSamlPost,
  onTabActivated,
  onTabLoading,
  onTabRemoved,
  sessionArea,
  setTabBadge,
} from '../platform/index.ts';
import { settingsStore } from '../shared/settingsStore.ts';
import { captureStore } from './capture/store.ts';
import type { WorkerDeps } from './handlers/deps.ts';
import { handleMessage } from './handlers/messages.ts';
import { handleSamlPost } from './handlers/samlPost.ts';
import { handleTabRemoved, refreshTab, sweepExpired } from './handlers/tabs.ts';

const deps: WorkerDeps = {
  captures: captureStore(sessionArea()),
  settings: settingsStore(localArea()),
  inspect,
  now: () => Date.now(),
  setBadge: setTabBadge,
};

const report = (what: string) => (error: unknown) =>
  console.error(`saml-roles: ${what} failed`, error);

onSamlPost(
  SAML_ENDPOINT_MATCH_PATTERNS,
  (post) => void handleSamlPost(post, deps).catch(report('capture')),
);
onTabRemoved((tabId) => void handleTabRemoved(tabId, deps).catch(report('tab cleanup')));
onTabLoading((tabId) => void refreshTab(tabId, deps).catch(report('badge')));
onTabActivated((tabId) => void refreshTab(tabId, deps).catch(report('badge')));
onMessage((message) => handleMessage(message, deps));
void sweepExpired(deps).catch(report('expiry sweep'));
