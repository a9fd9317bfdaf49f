import { useState } from 'preact/hooks';
import { parseSettingsJson, type Settings } from '../core/settings.ts';
import { withAccount, withoutAccount } from './accounts.ts';
import { AccountTable } from './components/account-table.tsx';
import { BridgeSettings, type BridgeSettingsProps } from './components/bridge-settings.tsx';
import { ImportExport } from './components/import-export.tsx';
import {
  CredentialSettingsForm,
  type CredentialSettingsFormProps,
} from './components/credential-settings-form.tsx';
import {
  HistorySettingsForm,
  type HistorySettingsFormProps,
} from './components/history-settings-form.tsx';
import { KeepFreshForm, type KeepFreshFormProps } from './components/keep-fresh-form.tsx';

export interface OptionsProps {
  initial: Settings;
  save(settings: Settings): Promise<void>;
  /** The advanced credentials settings, stored under their own key. */
  credentials: CredentialSettingsFormProps;
  /** The bridge to the AWS CLI: its switch, install command and connection state. */
  bridge: BridgeSettingsProps;
  /** How many captures the popup's history keeps, stored under its own key. */
  history: HistorySettingsFormProps;
  /** Keep fresh: the margin, every role or chosen ones, and each IdP's start URL. */
  keepFresh: KeepFreshFormProps;
}

/** The options page: aliases, colours, import/export. Every change is saved at once. */
export function Options({ initial, save, credentials, bridge, history, keepFresh }: OptionsProps) {
  const [settings, setSettings] = useState(initial);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const apply = (change: () => Settings, done?: string): void => {
    try {
      const next = change();
      setSettings(next);
      save(next).then(
        () => setMessage(done ? { text: done, error: false } : undefined),
        (error: unknown) => setMessage({ text: `Could not save: ${String(error)}`, error: true }),
      );
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    }
  };
  return (
    <main class="options">
      <h1>SAML Roles</h1>
      <h2>Accounts</h2>
      <p class="muted">
        Aliases and colours shown in the popup. Aliases are also learned when you visit AWS's own
        role-selection page.
      </p>
      <AccountTable
        settings={settings}
        onChange={(id, change) => apply(() => withAccount(settings, id, change))}
        onRemove={(id) => apply(() => withoutAccount(settings, id))}
      />
      <h2>Favourites and recent roles</h2>
      <p class="muted" data-testid="pinned-summary">
        {settings.favourites.length} favourite{settings.favourites.length === 1 ? '' : 's'},{' '}
        {settings.recents.length} recent. Star a role in the popup to pin it.
      </p>
      <h2>Credentials (advanced)</h2>
      <CredentialSettingsForm {...credentials} />
      <h2>Keep fresh</h2>
      <KeepFreshForm {...keepFresh} />
      <h2>Bridge to the AWS CLI</h2>
      <BridgeSettings {...bridge} />
      <h2>Capture history</h2>
      <HistorySettingsForm {...history} />
      <h2>Import / export</h2>
      <ImportExport
        settings={settings}
        onImport={(text) => apply(() => parseSettingsJson(text), 'Settings imported.')}
      />
      {message && (
        <p
          class={message.error ? 'message error' : 'message'}
          role="status"
          data-testid="options-message"
        >
          {message.text}
        </p>
      )}
    </main>
  );
}
