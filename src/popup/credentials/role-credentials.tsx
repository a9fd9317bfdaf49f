import { useEffect, useState } from 'preact/hooks';
import { type Partition, reachablePartition, type RolePair } from '../../core/credentials.ts';
import { useNow } from '../hooks/use-now.ts';
import { formatClock, formatRemaining } from '../model/time.ts';
import { ConsoleButton } from './console-button.tsx';
import type { AssertionFacts, CredentialsEnv } from './env.ts';
import { credentialOutputs } from './model/outputs.ts';
import { initialRegion, regionChoices } from './model/request.ts';
import { expireIfDue, requestCredentials, type CredentialsState } from './model/state.ts';
import { KeepFreshToggle } from './keep-fresh-toggle.tsx';
import { OutputTabs } from './output-tabs.tsx';
import { RequestForm } from './request-form.tsx';
import { StsErrorView } from './sts-error-view.tsx';
import { UnreachableRoles } from './unreachable-roles.tsx';

export interface RoleCredentialsProps {
  env: CredentialsEnv;
  assertion: AssertionFacts;
  role: RolePair;
}

/** One role: choose region and duration, get credentials, copy them or open the console. */
export function RoleCredentials(props: RoleCredentialsProps) {
  const { role } = props;
  const reach = reachablePartition(role);
  if (reach.ok) return <ReachableRoleCredentials {...props} partition={reach.partition} />;
  return (
    <section class="credentials" data-testid="credentials-panel" data-role-arn={role.roleArn}>
      <h2>
        Credentials for {role.roleName} <span class="muted">{role.accountId}</span>
      </h2>
      <UnreachableRoles roles={[{ role, message: reach.message }]} />
    </section>
  );
}

function ReachableRoleCredentials({
  env,
  assertion,
  role,
  partition,
}: RoleCredentialsProps & { partition: Partition }) {
  const [region, setRegion] = useState(() =>
    initialRegion(partition, env.settings.credentials?.region),
  );
  const [durationText, setDurationText] = useState(String(assertion.defaultDuration ?? ''));
  const [state, setState] = useState<CredentialsState>({ kind: 'idle' });
  const now = useNow(env.now);

  // Credentials got earlier for this tab and role survive the popup closing.
  useEffect(() => {
    void env.store.get(env.tabId, role.roleArn).then((entry) => {
      if (entry) setState((s) => (s.kind === 'idle' ? { kind: 'ready', entry } : s));
    });
  }, [env, role.roleArn]);
  useEffect(() => {
    void expireIfDue(state, now, env.store).then((next) => next !== state && setState(next));
  }, [now, state, env]);

  const run = (text: string): void => {
    setState({ kind: 'loading' });
    const request = { tabId: env.tabId, role, samlAssertion: assertion.samlAssertion, region };
    requestCredentials({ ...request, durationText: text, settings: env.settings }, env).then(
      setState,
      (error: unknown) => setState({ kind: 'invalid', message: String(error) }),
    );
  };
  const alias = env.settings.accounts[role.accountId]?.alias;
  return (
    <section class="credentials" data-testid="credentials-panel" data-role-arn={role.roleArn}>
      <h2>
        Credentials for {role.roleName}{' '}
        <span class="muted">{alias ? `${alias} · ${role.accountId}` : role.accountId}</span>
      </h2>
      <RequestForm
        regions={regionChoices(partition)}
        region={region}
        onRegion={setRegion}
        durationText={durationText}
        onDuration={setDurationText}
        busy={state.kind === 'loading'}
        label="Get credentials"
        onSubmit={() => run(durationText)}
      />
      {state.kind === 'invalid' && (
        <p class="field-error" data-testid="credentials-invalid">
          {state.message}
        </p>
      )}
      {state.kind === 'failed' && (
        <StsErrorView
          error={state.error}
          onRetry={(seconds) => {
            setDurationText(String(seconds));
            run(String(seconds));
          }}
        />
      )}
      {state.kind === 'expired' && (
        <p class="field-error" data-testid="credentials-expired">
          These credentials expired at {formatClock(Date.parse(state.expiration))} and were dropped.
          Get new ones while the assertion is still valid.
        </p>
      )}
      {state.kind === 'ready' && (
        <div class="credentials-result" data-testid="credentials-result">
          <p>
            <code data-testid="assumed-role-arn">{state.entry.assumedRoleArn}</code>
            <br />
            <span class="expiry" data-testid="credentials-expiry">
              expires in {formatRemaining(Date.parse(state.entry.credentials.expiration), now)}
            </span>
          </p>
          <OutputTabs
            outputs={credentialOutputs(
              state.entry.credentials,
              state.entry.profile,
              state.entry.region,
            )}
            copyText={env.copyText}
          />
          <ConsoleButton role={role} entry={state.entry} env={env} />
          {env.keepFresh && (
            <KeepFreshToggle tabId={env.tabId} roleArn={role.roleArn} deps={env.keepFresh} />
          )}
        </div>
      )}
    </section>
  );
}
