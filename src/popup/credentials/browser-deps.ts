// Wiring only: the credentials panel's stores and network, bound to the browser.
import { localArea, openTab, sessionArea } from '../../platform/index.ts';
import { credentialSettingsStore } from '../../shared/credential-settings.ts';
import { credentialsStore } from '../../shared/credentials-store.ts';
import type { CredentialsPanelDeps } from './credentials-panel.tsx';
import { pageFetch } from './env.ts';

export function browserCredentialsDeps(tabId: number, now: () => number): CredentialsPanelDeps {
  const settings = credentialSettingsStore(localArea());
  return {
    store: credentialsStore(sessionArea(), now),
    loadCredentialSettings: () => settings.load(),
    fetch: pageFetch,
    openTab: (url) => openTab(url, tabId),
  };
}
