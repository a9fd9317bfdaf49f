// The credentials panel: its own chunk, loaded only when opened, so the STS client and formats
// stay out of the popup's first load.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Inspection } from '../../core/inspect.ts';
import type { Settings } from '../../core/settings.ts';
import { localArea, openTab, sessionArea } from '../../platform/index.ts';
import {
  credentialSettingsStore,
  type CredentialSettings,
} from '../../shared/credentialSettings.ts';
import { credentialsStore } from '../../shared/credentialsStore.ts';
import { Notice } from '../components/Notice.tsx';
import type { RoleRef } from '../model/search.ts';
import { AllRolesCredentials } from './AllRolesCredentials.tsx';
import { assertionFacts, pageFetch, type AssertionFacts, type CredentialsEnv } from './env.ts';
import { RoleCredentials } from './RoleCredentials.tsx';

export interface CredentialsPanelProps {
  /** One role, or every role of the assertion. */
  target: RoleRef | 'all';
  tabId: number;
  settings: Settings;
  idpUrl?: string;
  now(): number;
  loadInspection(): Promise<Inspection>;
  copyText(text: string): Promise<void>;
}

export function CredentialsPanel(props: CredentialsPanelProps) {
  const { target, tabId, settings, idpUrl, now, loadInspection, copyText } = props;
  const [loaded, setLoaded] = useState<{ assertion: AssertionFacts; env: CredentialsEnv }>();
  const [error, setError] = useState('');
  const base = useMemo(
    () => ({
      tabId,
      now,
      copyText,
      fetch: pageFetch,
      store: credentialsStore(sessionArea(), now),
      openTab: (url: string) => openTab(url, tabId),
      ...(idpUrl ? { idpUrl } : {}),
    }),
    [tabId, now, copyText, idpUrl],
  );
  useEffect(() => {
    // Expired credentials of any tab go as soon as the panel opens.
    void base.store.sweep().catch(() => undefined);
    Promise.all([loadInspection(), credentialSettingsStore(localArea()).load()]).then(
      ([inspection, credentials]: [Inspection, CredentialSettings]) =>
        setLoaded({
          assertion: assertionFacts(inspection),
          env: { ...base, settings: { accounts: settings.accounts, credentials } },
        }),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [base, settings, loadInspection]);

  if (error)
    return (
      <Notice title="The assertion could not be read" tone="error" testId="credentials-error">
        <p>{error}</p>
      </Notice>
    );
  if (!loaded) return <p class="empty">Reading the assertion…</p>;
  const { assertion, env } = loaded;
  if (target === 'all') return <AllRolesCredentials env={env} assertion={assertion} />;
  const role = assertion.roles.find((r) => r.roleArn === target.roleArn);
  if (!role)
    return (
      <Notice title="Role not in the assertion" tone="error" testId="credentials-error">
        <p>The assertion does not offer {target.roleArn}.</p>
      </Notice>
    );
  return <RoleCredentials env={env} assertion={assertion} role={role} />;
}
