import { useState } from 'preact/hooks';
import { type Partition, reachablePartition, type RolePair } from '../../core/credentials.ts';
import { ConsoleButton } from './console-button.tsx';
import type { AssertionFacts, CredentialsEnv } from './env.ts';
import {
  allRolesIni,
  requestAllRoles,
  retryRole,
  withRoleState,
  type AllRolesOutcome,
} from './model/all-roles.ts';
import { initialRegion, regionChoices } from './model/request.ts';
import { OutputTabs } from './output-tabs.tsx';
import { RequestForm } from './request-form.tsx';
import { StsErrorView } from './sts-error-view.tsx';
import { UnreachableRoles } from './unreachable-roles.tsx';

export interface AllRolesCredentialsProps {
  env: CredentialsEnv;
  assertion: AssertionFacts;
}

/** Every role at once: one credentials file with a profile per role, and the roles STS refused. */
export function AllRolesCredentials(props: AllRolesCredentialsProps) {
  const { roles } = props.assertion;
  // The region list is the first reachable role's partition's; no reachable role, no form.
  const unreachable: { role: RolePair; message: string }[] = [];
  for (const role of roles) {
    const reach = reachablePartition(role);
    if (reach.ok) return <AllRolesForm {...props} partition={reach.partition} />;
    unreachable.push({ role, message: reach.message });
  }
  return (
    <section class="credentials" data-testid="all-roles-panel">
      <h2>Credentials for all {roles.length} roles</h2>
      <UnreachableRoles roles={unreachable} />
    </section>
  );
}

function AllRolesForm({
  env,
  assertion,
  partition,
}: AllRolesCredentialsProps & { partition: Partition }) {
  const { roles } = assertion;
  const [region, setRegion] = useState(() =>
    initialRegion(partition, env.settings.credentials?.region),
  );
  const [durationText, setDurationText] = useState(String(assertion.defaultDuration ?? ''));
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState('');
  const [outcome, setOutcome] = useState<AllRolesOutcome>();
  const request = {
    tabId: env.tabId,
    roles,
    samlAssertion: assertion.samlAssertion,
    region,
    durationText,
    settings: env.settings,
  };
  const runAll = async (): Promise<void> => {
    const result = await requestAllRoles(request, env);
    if ('invalid' in result) setInvalid(result.invalid);
    else setOutcome(result);
  };
  const retry = async (failure: AllRolesOutcome['failed'][number], seconds: number) => {
    const state = await retryRole(request, failure, seconds, env);
    setOutcome((current) => current && withRoleState(current, roles, failure.role, state));
  };
  const guard = (task: Promise<void>): void => {
    setBusy(true);
    setInvalid('');
    task.catch((error: unknown) => setInvalid(String(error))).finally(() => setBusy(false));
  };
  return (
    <section class="credentials" data-testid="all-roles-panel">
      <h2>Credentials for all {roles.length} roles</h2>
      <RequestForm
        regions={regionChoices(partition)}
        region={region}
        onRegion={setRegion}
        durationText={durationText}
        onDuration={setDurationText}
        busy={busy}
        label={`Get credentials for ${roles.length} roles`}
        onSubmit={() => guard(runAll())}
      />
      {invalid && (
        <p class="field-error" data-testid="credentials-invalid">
          {invalid}
        </p>
      )}
      {outcome && (
        <div data-testid="all-roles-result">
          <p data-testid="all-roles-summary">
            {outcome.succeeded.length} of {roles.length} roles: one profile each.
          </p>
          {outcome.succeeded.length > 0 && (
            <OutputTabs
              outputs={[{ id: 'ini', label: '~/.aws/credentials', text: allRolesIni(outcome) }]}
              copyText={env.copyText}
            />
          )}
          <ul class="role-results">
            {outcome.succeeded.map(({ role, entry }) => (
              <li key={role.roleArn} data-testid="succeeded-role" data-role-arn={role.roleArn}>
                <code>[{entry.profile}]</code> <ConsoleButton role={role} entry={entry} env={env} />
              </li>
            ))}
          </ul>
          {outcome.skipped.length > 0 && <h3>Not sent to STS ({outcome.skipped.length})</h3>}
          <UnreachableRoles roles={outcome.skipped} />
          {outcome.failed.length > 0 && <h3>Refused by STS ({outcome.failed.length})</h3>}
          <ul class="role-results">
            {outcome.failed.map((failure) => (
              <li
                key={failure.role.roleArn}
                data-testid="failed-role"
                data-role-arn={failure.role.roleArn}
              >
                <div class="role-arn">{failure.role.roleArn}</div>
                <StsErrorView
                  error={failure.error}
                  onRetry={(seconds) => guard(retry(failure, seconds))}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
