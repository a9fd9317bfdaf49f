// Popup entry: wiring only. Finds the active tab's capture and binds actions to the browser.
import { render } from 'preact';
import {
  activeTabId,
  extensionUrl,
  goBack,
  localArea,
  navigateTab,
  openOptionsPage,
  openTab,
  sessionArea,
} from '../platform/index.ts';
import { captureKeys, type PopupCapture } from '../shared/capture.ts';
import { REFRESH_STATUS_KEY, signInNeededFor } from '../shared/keep-fresh/refresh-status.ts';
import { send } from '../shared/message-channel.ts';
import { withFavouriteToggled } from '../core/settings.ts';
import { settingsStore } from '../shared/settings-store.ts';
import type { PopupActions } from './actions.ts';
import { App } from './app.tsx';
import { Notice } from './components/notice.tsx';
import { signinPagePath } from './model/signin.ts';
import './styles.css';

const root = document.getElementById('app')!;
const settings = settingsStore(localArea());

async function start(): Promise<void> {
  // Marks for the benchmark's breakdown of "popup opened -> roles listed".
  performance.mark('popup-start');
  // Read straight from storage.session: no round trip through (and no wake-up of) the worker.
  const [tabId, loaded] = await Promise.all([activeTabId(), settings.load()]);
  const summary =
    tabId === undefined ? undefined : await sessionArea().get(captureKeys(tabId).summary);
  const capture = (summary as PopupCapture | undefined) ?? null;
  const signInAt =
    tabId === undefined
      ? undefined
      : signInNeededFor(await sessionArea().get(REFRESH_STATUS_KEY), tabId);
  performance.mark('capture-loaded');
  const actions: PopupActions = {
    async signIn(role, { newTab }) {
      if (tabId === undefined) return;
      const url = extensionUrl(signinPagePath(tabId, role.roleArn));
      await (newTab ? openTab(url, tabId) : navigateTab(tabId, url));
      window.close();
    },
    toggleFavourite: (arn) => settings.update((current) => withFavouriteToggled(current, arn)),
    copyText: (text) => navigator.clipboard.writeText(text),
    async dropExpired() {
      if (tabId === undefined) return;
      const result = await send({ type: 'capture/expire', tabId });
      if (!result.ok) throw new Error(result.error);
    },
    async loadInspection() {
      if (tabId === undefined) throw new Error('No active tab.');
      const result = await send({ type: 'capture/details', tabId });
      if (!result.ok) throw new Error(result.error);
      const { capture } = result.value;
      if (capture?.kind !== 'decoded') throw new Error('The assertion is no longer available.');
      return capture.inspection;
    },
    async backToIdp(idpUrl) {
      if (tabId === undefined) return;
      await (idpUrl ? navigateTab(tabId, idpUrl) : goBack(tabId));
      window.close();
    },
    openOptions: openOptionsPage,
    async showSignInTab(issuer) {
      await send({ type: 'refresh/show-sign-in', issuer });
      window.close();
    },
  };
  const onListed = (): void => void performance.mark('roles-listed');
  render(
    <App
      capture={capture}
      settings={loaded}
      actions={actions}
      now={Date.now}
      {...(tabId === undefined ? {} : { tabId })}
      {...(signInAt ? { signInAt } : {})}
      onListed={onListed}
    />,
    root,
  );
}

start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  render(
    <Notice title="The popup could not load" tone="error" testId="popup-error">
      <p>{message}</p>
    </Notice>,
    root,
  );
});
