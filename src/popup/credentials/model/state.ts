import {
  type AssumeRoleResult,
  assumeRoleWithSaml,
  type FetchLike,
  isExpired,
  reachablePartition,
  type RolePair,
  type StsError,
} from '../../../core/credentials.ts';
import type { CredentialsStore, StoredCredentials } from '../../../shared/credentialsStore.ts';
import { endpointFor, readDuration } from './request.ts';

/** One role's credentials panel, from the form to the keys (or AWS's refusal). */
export type CredentialsState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string }
  | { kind: 'loading' }
  | { kind: 'ready'; entry: StoredCredentials }
  | { kind: 'failed'; error: StsError }
  | { kind: 'expired'; expiration: string };

export interface CredentialsRequest {
  tabId: number;
  role: RolePair;
  samlAssertion: string;
  /** '' for the partition's default endpoint. */
  region: string;
  /** As typed; empty lets STS choose. */
  durationText: string;
  /** The custom STS endpoint setting. */
  stsEndpoint?: string;
}

export interface CredentialsDeps {
  fetch: FetchLike;
  store: CredentialsStore;
}

/** What a finished call leaves: stored credentials, or the error as AWS gave it. */
export function afterResult(
  result: AssumeRoleResult,
  request: Pick<CredentialsRequest, 'tabId' | 'role' | 'region'>,
): CredentialsState {
  if (!result.ok) return { kind: 'failed', error: result.error };
  const entry: StoredCredentials = {
    tabId: request.tabId,
    roleArn: request.role.roleArn,
    credentials: result.credentials,
    assumedRoleArn: result.assumedRoleArn,
    ...(request.region ? { region: request.region } : {}),
  };
  return { kind: 'ready', entry };
}

/** Calls STS for one role; never rejects for STS or network failures. Stores what it gets. */
export async function requestCredentials(
  request: CredentialsRequest,
  deps: CredentialsDeps,
): Promise<CredentialsState> {
  const duration = readDuration(request.durationText);
  if (!duration.ok) return { kind: 'invalid', message: duration.message };
  // Checked first: an assertion for a partition the tool cannot reach is sent nowhere.
  const reach = reachablePartition(request.role);
  if (!reach.ok) return { kind: 'invalid', message: reach.message };
  const endpoint = endpointFor(reach.partition, request.region, request.stsEndpoint);
  if (!endpoint.ok) return { kind: 'invalid', message: endpoint.message };
  const result = await assumeRoleWithSaml(
    {
      roleArn: request.role.roleArn,
      principalArn: request.role.providerArn,
      samlAssertion: request.samlAssertion,
      endpoint: endpoint.url,
      ...(duration.seconds === undefined ? {} : { durationSeconds: duration.seconds }),
    },
    { fetch: deps.fetch },
  );
  const state = afterResult(result, request);
  if (state.kind === 'ready') await deps.store.put(state.entry);
  return state;
}

/** On each tick: credentials past their expiry are dropped from storage and from view. */
export async function expireIfDue(
  state: CredentialsState,
  now: number,
  store: CredentialsStore,
): Promise<CredentialsState> {
  if (state.kind !== 'ready' || !isExpired(state.entry.credentials, new Date(now))) return state;
  await store.drop(state.entry.tabId, state.entry.roleArn);
  return { kind: 'expired', expiration: state.entry.credentials.expiration };
}
