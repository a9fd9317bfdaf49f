// Wiring only: the credentials panel's stores and network, bound to the browser.
import { localArea, openTab, sessionArea } from '../../platform/index.ts';
import { requestKeepFreshPermissions } from '../../platform/permissions.ts';
import {
  isKeptFresh,
  keepFreshStore,
  withRoleKeptFresh,
} from '../../shared/keep-fresh/keep-fresh-settings.ts';
import { refreshStatusStore } from '../../shared/keep-fresh/refresh-status.ts';
import { originPattern } from '../../shared/keep-fresh/start-url.ts';
import { startUrlStore } from '../../shared/keep-fresh/start-url-store.ts';
import { send } from '../../shared/message-channel.ts';
import type { KeepFreshDeps } from './keep-fresh-toggle.tsx';
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
    keepFresh: browserKeepFreshDeps(),
  };
}

function browserKeepFreshDeps(): KeepFreshDeps {
  const keepFresh = keepFreshStore(localArea());
  const statuses = refreshStatusStore(sessionArea());
  const startUrls = startUrlStore(localArea());
  // Read ahead, so the permission request runs within the click (browsers need the gesture).
  let origins: string[] = [];
  void startUrls.all().then((all) => {
    origins = Object.values(all).flatMap((e) => {
      const url = e.chosen ?? e.learned;
      return url ? [originPattern(url)] : [];
    });
  });
  return {
    async load(tabId, roleArn) {
      const [settings, all] = await Promise.all([keepFresh.load(), statuses.all()]);
      const status = all[`${tabId}:${roleArn}`];
      return { on: isKeptFresh(settings, roleArn), ...(status ? { status } : {}) };
    },
    async set(roleArn, on) {
      if (on && !(await requestKeepFreshPermissions(origins)))
        return 'Keep fresh needs the permissions the browser asked for.';
      await keepFresh.update((s) => withRoleKeptFresh(s, { roleArn }, on));
      const result = await send({ type: 'refresh/run' });
      return result.ok ? undefined : result.error;
    },
  };
}
