import {
  formatIni,
  getCredentials,
  type RolePair,
  type StsError,
} from '../../../core/credentials.ts';
import type { StoredCredentials } from '../../../shared/credentials-store.ts';
import { shown } from './outputs.ts';
import {
  type CredentialsDeps,
  type CredentialsState,
  invalidMessage,
  type PanelRequest,
  planRequest,
  requestCredentials,
  roleState,
} from './state.ts';

export interface AllRolesOutcome {
  succeeded: { role: RolePair; entry: StoredCredentials }[];
  /** Each with the region the core chose for it, so a retry asks the same endpoint. */
  failed: { role: RolePair; error: StsError; region?: string }[];
  /** Roles in a partition the tool cannot reach: never sent to STS, each with the reason. */
  skipped: { role: RolePair; message: string }[];
}

export interface AllRolesRequest extends PanelRequest {
  roles: readonly RolePair[];
}

/** Adds one role's state to the outcome (replacing an earlier one for the role), in role order. */
export function withRoleState(
  outcome: AllRolesOutcome,
  roles: readonly RolePair[],
  role: RolePair,
  state: CredentialsState,
): AllRolesOutcome {
  const others = <T extends { role: RolePair }>(list: T[]): T[] =>
    list.filter((item) => item.role.roleArn !== role.roleArn);
  const next: AllRolesOutcome = {
    succeeded: others(outcome.succeeded),
    failed: others(outcome.failed),
    skipped: others(outcome.skipped),
  };
  if (state.kind === 'ready') next.succeeded.push({ role, entry: state.entry });
  else if (state.kind === 'failed')
    next.failed.push({
      role,
      error: state.error,
      ...(state.region ? { region: state.region } : {}),
    });
  else if (state.kind === 'invalid') next.skipped.push({ role, message: state.message });
  const order = (item: { role: RolePair }): number =>
    roles.findIndex((r) => r.roleArn === item.role.roleArn);
  for (const list of [next.succeeded, next.failed, next.skipped])
    list.sort((a, b) => order(a) - order(b));
  return next;
}

/** One credentials file with a profile per role that STS accepted. */
export const allRolesIni = (outcome: AllRolesOutcome): string =>
  shown(() =>
    formatIni(
      outcome.succeeded.map(({ entry }) => ({
        name: entry.profile,
        credentials: entry.credentials,
        ...(entry.region ? { region: entry.region } : {}),
      })),
    ),
  );

/** Assumes every role, four at a time; each success is also stored for its role's panel. */
export async function requestAllRoles(
  request: AllRolesRequest,
  deps: CredentialsDeps,
): Promise<AllRolesOutcome | { invalid: string }> {
  // The core's default limit (four at a time), the same as the CLI's --all.
  const outcome = await getCredentials(planRequest(request, request.roles), { fetch: deps.fetch });
  if (!outcome.ok) return { invalid: invalidMessage(outcome.error) };
  let all: AllRolesOutcome = { succeeded: [], failed: [], skipped: [] };
  for (const result of outcome.roles)
    all = withRoleState(all, request.roles, result.role, roleState(request.tabId, result));
  await Promise.all(all.succeeded.map(({ entry }) => deps.store.put(entry)));
  return all;
}

/** Asks again for one refused role at another duration, at the endpoint the core chose for it. */
export function retryRole(
  request: AllRolesRequest,
  failure: AllRolesOutcome['failed'][number],
  durationSeconds: number,
  deps: CredentialsDeps,
): Promise<CredentialsState> {
  return requestCredentials(
    {
      ...request,
      role: failure.role,
      region: failure.region ?? '',
      durationText: String(durationSeconds),
    },
    deps,
  );
}
