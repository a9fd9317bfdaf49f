import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PopupCapture } from '../shared/capture.ts';
import { tombstoneIfExpired } from '../shared/capture-expiry.ts';
import type { Clock } from '../core/inspect.ts';
import type { Settings } from '../core/settings.ts';
import type { PopupActions, RoleListActions } from './actions.ts';
import { CredentialsLoader } from './components/credentials-loader.tsx';
import { DetailsLoader } from './components/details-loader.tsx';
import { ExpiredNotice } from './components/expired-notice.tsx';
import { Header } from './components/header.tsx';
import { HistoryLoader } from './components/history-loader.tsx';
import { LintBanner } from './components/lint-banner.tsx';
import { Notice } from './components/notice.tsx';
import { RolePicker } from './components/role-picker.tsx';
import { useNow } from './hooks/use-now.ts';
import { groupEntries } from '../shared/role-rows.ts';
import { toEntries, type RoleRef } from '../shared/role-search.ts';

/** Each view's h1, for screen readers (the header on screen says who and where). */
const VIEW_TITLES = {
  roles: 'Choose an AWS role',
  details: 'SAML assertion details',
  credentials: 'AWS credentials',
  history: 'Capture history',
} as const;

export interface AppProps {
  capture: PopupCapture | null;
  settings: Settings;
  actions: PopupActions;
  now: Clock;
  /** The captured tab; undefined when there is no active tab (then no credentials either). */
  tabId?: number;
  /** Keep fresh could not refresh this tab's credentials: the IdP wants the user here. */
  signInAt?: string;
  onListed?: () => void;
}

/** The popup: what the active tab posted to AWS, its roles, and its details. */
export function App(props: AppProps) {
  const { capture, settings: initialSettings, actions, now, tabId, onListed, signInAt } = props;
  const [settings, setSettings] = useState(initialSettings);
  const [view, setView] = useState<keyof typeof VIEW_TITLES>('roles');
  const [target, setTarget] = useState<RoleRef | 'all'>('all');
  const time = useNow(now);
  const roles = capture?.kind === 'summary' ? capture.roleArns : undefined;
  // A summary that has just expired is shown as the tombstone the worker is about to store.
  const expired =
    capture?.kind === 'expired'
      ? capture
      : capture?.kind === 'summary'
        ? tombstoneIfExpired(capture, time)
        : undefined;
  const due = capture?.kind === 'summary' && expired !== undefined;
  useEffect(() => {
    if (due) actions.dropExpired().catch(() => undefined);
  }, [due, actions]);
  const groups = useMemo(
    () => groupEntries(toEntries(roles ?? [], settings.accounts)),
    [roles, settings.accounts],
  );
  const boundActions = useMemo<RoleListActions>(
    () => ({
      ...actions,
      toggleFavourite: async (arn) => {
        const next = await actions.toggleFavourite(arn);
        setSettings(next);
        return next;
      },
      showCredentials: (role) => {
        setTarget(role);
        setView('credentials');
      },
    }),
    [actions],
  );

  if (view === 'history') {
    return (
      <main class="app">
        <h1 class="sr-only">{VIEW_TITLES.history}</h1>
        <HistoryLoader
          now={now}
          currentTabId={tabId}
          copyText={actions.copyText}
          onBack={() => setView('roles')}
        />
      </main>
    );
  }
  // Every notice offers the history too: other tabs' captures are there.
  const toHistory = (
    <button
      type="button"
      class="link standalone"
      data-testid="open-history"
      onClick={() => setView('history')}
    >
      History of this session's captures
    </button>
  );
  if (!capture) {
    return (
      <Notice title="No AWS SAML sign-in in this tab" tone="info" testId="no-capture">
        <p>
          Sign in to AWS through your identity provider in this tab: the roles appear here as soon
          as it posts to AWS.
        </p>
        {toHistory}
      </Notice>
    );
  }
  if (capture.kind === 'failed') {
    return (
      <Notice title="The SAML POST could not be read" tone="error" testId="capture-error">
        <p data-testid="capture-error-message">{capture.error.message}</p>
        {toHistory}
      </Notice>
    );
  }
  if (expired) {
    return (
      <ExpiredNotice
        expiredAt={expired.expiredAt}
        idpUrl={expired.idpUrl}
        sessionName={expired.sessionName}
        onBackToIdp={(url) => void actions.backToIdp(url)}
      >
        {toHistory}
      </ExpiredNotice>
    );
  }
  if (capture.kind !== 'summary') return null;
  const { identityCenter } = capture;
  return (
    <main class="app">
      <h1 class="sr-only">{VIEW_TITLES[view]}</h1>
      <Header summary={capture} now={time} view={view} onView={setView} />
      {view === 'roles' && (
        <LintBanner errors={capture.errors} onDetails={() => setView('details')} />
      )}
      {signInAt && (
        <p class="lint-banner" role="status" data-testid="keep-fresh-sign-in">
          Keep fresh: sign in at {signInAt}{' '}
          {capture.issuer && (
            <button
              type="button"
              class="link"
              data-testid="keep-fresh-show-tab"
              onClick={() => void actions.showSignInTab(capture.issuer!)}
            >
              Show the sign-in tab
            </button>
          )}
        </p>
      )}
      {view === 'credentials' && tabId !== undefined ? (
        <CredentialsLoader
          key={target === 'all' ? target : target.roleArn}
          target={target}
          tabId={tabId}
          settings={settings}
          now={now}
          loadInspection={actions.loadInspection}
          copyText={actions.copyText}
          {...(capture.idpUrl ? { idpUrl: capture.idpUrl } : {})}
        />
      ) : view === 'details' ? (
        <DetailsLoader load={actions.loadInspection} copyText={actions.copyText} now={now} />
      ) : identityCenter && groups.length === 0 ? (
        <Notice title="IAM Identity Center sign-in" tone="info" testId="identity-center" level={2}>
          <p>Identity Center picks the role itself; open Details to see what the IdP sent.</p>
        </Notice>
      ) : groups.length === 0 ? (
        <Notice
          title="The assertion offers no usable role"
          tone="error"
          testId="no-roles"
          level={2}
        >
          <p>AWS will refuse this sign-in. Open Details for the findings and how to fix them.</p>
        </Notice>
      ) : (
        <RolePicker
          groups={groups}
          settings={settings}
          actions={boundActions}
          onListed={onListed}
        />
      )}
      <footer class="footer">
        {groups.length > 0 && (
          <button
            type="button"
            class="link"
            data-testid="all-credentials"
            onClick={() => boundActions.showCredentials('all')}
          >
            Credentials for all roles
          </button>
        )}
        <button
          type="button"
          class="link"
          data-testid="open-options"
          onClick={() => void actions.openOptions()}
        >
          Aliases &amp; settings
        </button>
      </footer>
    </main>
  );
}
