import {
  assumeAllRoles,
  formatIni,
  reachablePartition,
  type RolePair,
  type StsError,
} from '../../../core/credentials.ts';
import type { StoredCredentials } from '../../../shared/credentialsStore.ts';
import type { ProfileSettings } from './profiles.ts';
import { shown } from './outputs.ts';
import { profileFor } from './profiles.ts';
import { afterResult, type CredentialsDeps, type CredentialsState } from './state.ts';
import { endpointFor, initialRegion, readDuration } from './request.ts';

export interface AllRolesOutcome {
  succeeded: { role: RolePair; entry: StoredCredentials; profile: string }[];
  failed: { role: RolePair; error: StsError }[];
  /** Roles in a partition the tool cannot reach: never sent to STS, each with the reason. */
  skipped: { role: RolePair; message: string }[];
}

export interface AllRolesRequest {
  tabId: number;
  roles: readonly RolePair[];
  samlAssertion: string;
  /** Used for the roles of its partition; the others use their partition's default endpoint. */
  region: string;
  durationText: string;
  settings: ProfileSettings;
}

/** Regions are per partition: a role outside the chosen region's partition uses its default. */
export function regionFor(role: RolePair, region: string): string {
  const reach = reachablePartition(role);
  return reach.ok ? initialRegion(reach.partition, region) : '';
}

/** Adds one role's state to the outcome (replacing an earlier one for the role), in role order. */
export function withRoleState(
  outcome: AllRolesOutcome,
  request: Pick<AllRolesRequest, 'roles' | 'settings'>,
  role: RolePair,
  state: CredentialsState,
): AllRolesOutcome {
  const others = <T extends { role: RolePair }>(list: T[]): T[] =>
    list.filter((item) => item.role.roleArn !== role.roleArn);
  const next: AllRolesOutcome = {
    succeeded: others(outcome.succeeded),
    failed: others(outcome.failed),
    skipped: outcome.skipped,
  };
  if (state.kind === 'ready')
    next.succeeded.push({
      role,
      entry: state.entry,
      profile: profileFor(role, request.settings, state.entry.region).name,
    });
  else if (state.kind === 'failed') next.failed.push({ role, error: state.error });
  const order = (item: { role: RolePair }): number =>
    request.roles.findIndex((r) => r.roleArn === item.role.roleArn);
  next.succeeded.sort((a, b) => order(a) - order(b));
  next.failed.sort((a, b) => order(a) - order(b));
  return next;
}

/** One credentials file with a profile per role that STS accepted. */
export const allRolesIni = (outcome: AllRolesOutcome): string =>
  shown(() =>
    formatIni(
      outcome.succeeded.map(({ entry, profile }) => ({
        name: profile,
        credentials: entry.credentials,
        ...(entry.region ? { region: entry.region } : {}),
      })),
    ),
  );

/** Assumes every role, four at a time; each success is also stored for its role's panel. */
export async function requestAllRoles(
  request: AllRolesRequest & { stsEndpoint?: string },
  deps: CredentialsDeps,
): Promise<AllRolesOutcome | { invalid: string }> {
  const duration = readDuration(request.durationText);
  if (!duration.ok) return { invalid: duration.message };
  const urls = new Map<string, string>();
  const skipped: AllRolesOutcome['skipped'] = [];
  for (const role of request.roles) {
    const reach = reachablePartition(role);
    if (!reach.ok) {
      skipped.push({ role, message: reach.message });
      continue;
    }
    const endpoint = endpointFor(
      reach.partition,
      regionFor(role, request.region),
      request.stsEndpoint,
    );
    if (!endpoint.ok) return { invalid: endpoint.message };
    urls.set(role.roleArn, endpoint.url);
  }
  const results = await assumeAllRoles(
    request.roles.filter((role) => urls.has(role.roleArn)),
    {
      samlAssertion: request.samlAssertion,
      endpointFor: (role) => urls.get(role.roleArn)!,
      ...(duration.seconds === undefined ? {} : { durationSeconds: duration.seconds }),
    },
    // The core's default limit (four at a time), the same as the CLI's --all.
    { fetch: deps.fetch },
  );
  let outcome: AllRolesOutcome = { succeeded: [], failed: [], skipped };
  for (const { role, result } of results) {
    const state = afterResult(result, {
      tabId: request.tabId,
      role,
      region: regionFor(role, request.region),
    });
    outcome = withRoleState(outcome, request, role, state);
  }
  await Promise.all(outcome.succeeded.map(({ entry }) => deps.store.put(entry)));
  return outcome;
}
