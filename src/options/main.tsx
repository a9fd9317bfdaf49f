// Options entry: wiring only.
import { render } from 'preact';
import { localArea } from '../platform/index.ts';
// Not through the platform barrel: every module the barrel reaches lands in the chunk the popup
// and the worker share, and only this page asks for permissions.
import { requestHostPermissions } from '../platform/permissions.ts';
import { credentialSettingsStore } from '../shared/credential-settings.ts';
import { historySettingsStore } from '../shared/history-settings.ts';
import { settingsStore } from '../shared/settings-store.ts';
import { Options } from './options.tsx';
import './styles.css';

const store = settingsStore(localArea());
const root = document.getElementById('app')!;

const credentials = credentialSettingsStore(localArea());
const history = historySettingsStore(localArea());

Promise.all([store.load(), credentials.load(), history.load()]).then(
  ([settings, credentialSettings, historySettings]) =>
    render(
      <Options
        initial={settings}
        save={store.save}
        credentials={{
          initial: credentialSettings,
          save: credentials.save,
          requestPermission: (pattern) => requestHostPermissions([pattern]),
        }}
        history={{ initial: historySettings, save: history.save }}
      />,
      root,
    ),
  (error: unknown) => {
    root.textContent = `Could not load settings: ${String(error)}`;
  },
);
