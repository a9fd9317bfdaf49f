// The credentials panel: its own chunk, loaded only when opened, so the STS client and formats
// stay out of the popup's first load. Its stores and the network are handed in (browser-deps.ts
// binds them to the browser), so tests render it with their own.
import { useEffect, useState } from 'preact/hooks';
import type { FetchLike } from '../../core/credentials.ts';
import type { Inspection } from '../../core/inspect.ts';
import type { Settings } from '../../core/settings.ts';
import type { CredentialSettings } from '../../shared/credential-settings.ts';
import type { CredentialsStore } from '../../shared/credentials-store.ts';
import { Notice } from '../components/notice.tsx';
import type { RoleRef } from '../../shared/role-search.ts';
import { AllRolesCredentials } from './all-roles-credentials.tsx';
import { assertionFacts, type AssertionFacts, type CredentialsEnv } from './env.ts';
import type { KeepFreshDeps } from './keep-fresh-toggle.tsx';
import { RoleCredentials } from './role-credentials.tsx';

/** What the panel may touch outside itself. */
export interface CredentialsPanelDeps {
  /** Credentials per tab and role (storage.session in the extension). */
  store: CredentialsStore;
  /** The advanced credentials settings (storage.local in the extension). */
  loadCredentialSettings(): Promise<CredentialSettings>;
  fetch: FetchLike;
  /** Opens a new tab beside the captured one. */
  openTab(url: string): Promise<void>;
  /** Keep fresh on a role; absent where the browser offers no background sign-in. */
  keepFresh?: KeepFreshDeps;
}

export interface CredentialsPanelProps {
  /** One role, or every role of the assertion. */
  target: RoleRef | 'all';
  tabId: number;
  settings: Settings;
  idpUrl?: string;
  now(): number;
  loadInspection(): Promise<Inspection>;
  copyText(text: string): Promise<void>;
  deps: CredentialsPanelDeps;
}

export type PanelLoad =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; assertion: AssertionFacts; env: CredentialsEnv };

/** Drops expired credentials of any tab, then reads the assertion and the credentials settings. */
export async function loadCredentialsPanel(props: CredentialsPanelProps): Promise<PanelLoad> {
  const { deps } = props;
  // Not awaited: a failed sweep must not keep the panel from opening.
  void deps.store.sweep().catch(() => undefined);
  try {
    const [inspection, credentials] = await Promise.all([
      props.loadInspection(),
      deps.loadCredentialSettings(),
    ]);
    const env: CredentialsEnv = {
      tabId: props.tabId,
      now: props.now,
      copyText: props.copyText,
      fetch: deps.fetch,
      store: deps.store,
      openTab: deps.openTab,
      ...(deps.keepFresh ? { keepFresh: deps.keepFresh } : {}),
      settings: { accounts: props.settings.accounts, credentials },
      ...(props.idpUrl ? { idpUrl: props.idpUrl } : {}),
    };
    return { kind: 'loaded', assertion: assertionFacts(inspection), env };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

export function CredentialsPanel(props: CredentialsPanelProps) {
  const [load, setLoad] = useState<PanelLoad>({ kind: 'loading' });
  const { target, tabId, settings, idpUrl, now, loadInspection, copyText, deps } = props;
  useEffect(() => {
    void loadCredentialsPanel({
      target,
      tabId,
      settings,
      now,
      loadInspection,
      copyText,
      deps,
      ...(idpUrl ? { idpUrl } : {}),
    }).then(setLoad);
  }, [target, tabId, settings, idpUrl, now, loadInspection, copyText, deps]);
  return <CredentialsPanelView target={target} load={load} />;
}

export interface CredentialsPanelViewProps {
  target: RoleRef | 'all';
  load: PanelLoad;
}

/** What the panel shows for each stage of loading; no state of its own. */
export function CredentialsPanelView({ target, load }: CredentialsPanelViewProps) {
  if (load.kind === 'failed')
    return (
      <Notice
        title="The assertion could not be read"
        tone="error"
        testId="credentials-error"
        level={2}
      >
        <p>{load.message}</p>
      </Notice>
    );
  if (load.kind === 'loading') return <p class="empty">Reading the assertion…</p>;
  const { assertion, env } = load;
  if (target === 'all') return <AllRolesCredentials env={env} assertion={assertion} />;
  const role = assertion.roles.find((r) => r.roleArn === target.roleArn);
  if (!role)
    return (
      <Notice title="Role not in the assertion" tone="error" testId="credentials-error" level={2}>
        <p>The assertion does not offer {target.roleArn}.</p>
      </Notice>
    );
  return <RoleCredentials env={env} assertion={assertion} role={role} />;
}
