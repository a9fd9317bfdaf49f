// Options entry: wiring only.
import { render } from 'preact';
import { localArea, onStorageChanged, sessionArea } from '../platform/index.ts';
import { extensionId } from '../platform/native-messaging.ts';
// Not through the platform barrel: every module the barrel reaches lands in the chunk the popup
// and the worker share, and only this page asks for permissions.
import {
  hasPermission,
  removePermission,
  requestHostPermissions,
  requestKeepFreshPermissions,
  requestPermission,
} from '../platform/permissions.ts';
import {
  BRIDGE_ENABLED_KEY,
  BRIDGE_STATE_KEY,
  readBridgeEnabled,
  readBridgeState,
} from '../shared/bridge-state.ts';
import { keepFreshStore } from '../shared/keep-fresh/keep-fresh-settings.ts';
import { startUrlStore } from '../shared/keep-fresh/start-url-store.ts';
import { send } from '../shared/message-channel.ts';
import { credentialSettingsStore } from '../shared/credential-settings.ts';
import { historySettingsStore } from '../shared/history-settings.ts';
import { settingsStore } from '../shared/settings-store.ts';
import { Options } from './options.tsx';
import './styles.css';

const store = settingsStore(localArea());
const root = document.getElementById('app')!;

const credentials = credentialSettingsStore(localArea());
const history = historySettingsStore(localArea());
const keepFresh = keepFreshStore(localArea());
const startUrls = startUrlStore(localArea());

const bridgeEnabled = async (): Promise<boolean> =>
  (await readBridgeEnabled(localArea())) && (await hasPermission('nativeMessaging'));

Promise.all([
  store.load(),
  credentials.load(),
  history.load(),
  keepFresh.load(),
  startUrls.all(),
  bridgeEnabled(),
  sessionArea().get(BRIDGE_STATE_KEY),
]).then(
  ([
    settings,
    credentialSettings,
    historySettings,
    keepFreshSettings,
    knownStartUrls,
    enabled,
    bridgeState,
  ]) =>
    render(
      <Options
        initial={settings}
        save={store.save}
        credentials={{
          initial: credentialSettings,
          save: credentials.save,
          requestPermission: (pattern) => requestHostPermissions([pattern]),
        }}
        bridge={{
          initialEnabled: enabled,
          initialState: readBridgeState(bridgeState),
          watchState: (listener) =>
            onStorageChanged('session', BRIDGE_STATE_KEY, (value) =>
              listener(readBridgeState(value)),
            ),
          extensionId: extensionId(),
          target: import.meta.env.TARGET,
          copyText: (text) => navigator.clipboard.writeText(text),
          requestPermission: () => requestPermission('nativeMessaging'),
          removePermission: () => removePermission('nativeMessaging'),
          saveEnabled: (on) => localArea().set(BRIDGE_ENABLED_KEY, on),
        }}
        history={{ initial: historySettings, save: history.save }}
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
