// Options entry: wiring only.
import { render } from 'preact';
import { localArea } from '../platform/index.ts';
// Not through the platform barrel: every module the barrel reaches lands in the chunk the popup
// and the worker share, and only this page asks for permissions.
import { requestHostPermissions, requestKeepFreshPermissions } from '../platform/permissions.ts';
import { keepFreshStore } from '../shared/keep-fresh/keep-fresh-settings.ts';
import { startUrlStore } from '../shared/keep-fresh/start-url-store.ts';
import { send } from '../shared/message-channel.ts';
import { credentialSettingsStore } from '../shared/credential-settings.ts';
import { settingsStore } from '../shared/settings-store.ts';
import { Options } from './options.tsx';
import './styles.css';

const store = settingsStore(localArea());
const root = document.getElementById('app')!;

const credentials = credentialSettingsStore(localArea());
const keepFresh = keepFreshStore(localArea());
const startUrls = startUrlStore(localArea());

Promise.all([store.load(), credentials.load(), keepFresh.load(), startUrls.all()]).then(
  ([settings, credentialSettings, keepFreshSettings, knownStartUrls]) =>
    render(
      <Options
        initial={settings}
        save={store.save}
        credentials={{
          initial: credentialSettings,
          save: credentials.save,
          requestPermission: (pattern) => requestHostPermissions([pattern]),
        }}
        keepFresh={{
          initial: keepFreshSettings,
          startUrls: knownStartUrls,
          save: (next) => keepFresh.update(() => next).then(() => undefined),
          chooseStartUrl: (issuer, url) => startUrls.choose(issuer, url),
          requestPermissions: requestKeepFreshPermissions,
          async notifyWorker() {
            const result = await send({ type: 'refresh/run' });
            if (!result.ok) throw new Error(result.error);
          },
        }}
      />,
      root,
    ),
  (error: unknown) => {
    root.textContent = `Could not load settings: ${String(error)}`;
  },
);
